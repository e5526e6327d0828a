import pg from 'pg';
import { isDatabaseUnavailable } from '../platform/kernel/db-unavailable.ts';

/**
 * node-postgres takes one host. A high-availability database (pg_auto_failover: `pg_autoctl show uri`) is named by
 * a multi-host URL, `postgres://user@h1:p1,h2:p2/db?target_session_attrs=read-write`, as libpq reads it. Here new
 * connections go to the host found to be the primary (read-write); when a connection fails, or a write lands on a
 * standby, the hosts are asked again. No restart and no change of configuration when the primary moves: requests
 * meanwhile fail fast (503 with Retry-After, see platform/db-unavailable.ts) instead of hanging.
 */
export type HostPort = { host: string; port: number };
export type MultiHost = { hosts: HostPort[]; base: pg.ClientConfig };

export function parseMultiHostUrl(url: string): MultiHost | null {
  const m = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(url);
  if (!m?.[3]?.includes(',')) return null;
  const hosts = m[3].split(',').map((h) => {
    const [host, port] = h.split(':');
    return { host: decodeURIComponent(host ?? ''), port: Number(port || 5432) };
  });
  const params = new URLSearchParams(m[5] ?? '');
  const base: pg.ClientConfig = {
    user: m[1] ? decodeURIComponent(m[1]) : undefined,
    password: m[2] ? decodeURIComponent(m[2]) : undefined,
    database: m[4] ? decodeURIComponent(m[4]) : undefined,
    ssl: params.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
    connectionTimeoutMillis: 3000,
  };
  return { hosts, base };
}

/** Which host is the primary now; asked again (once at a time) whenever a connection says it may have moved. */
export class PrimaryFinder {
  current = 0;
  #asking: Promise<void> | null = null;

  constructor(readonly target: MultiHost) {}

  get host(): HostPort {
    return this.target.hosts[this.current]!;
  }

  /** Looks for a read-write host for up to `withinMs`; keeps the last known one if none answers yet. */
  refresh(withinMs = 60_000): Promise<void> {
    this.#asking ??= this.#ask(withinMs).finally(() => {
      this.#asking = null;
    });
    return this.#asking;
  }

  async #ask(withinMs: number) {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      for (const [index, host] of this.target.hosts.entries()) {
        const client = new pg.Client({ ...this.target.base, ...host, connectionTimeoutMillis: 1500 });
        client.on('error', () => {});
        try {
          await client.connect();
          const { rows } = await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
          if (rows[0] && !rows[0].standby) {
            this.current = index;
            return;
          }
        } catch {
          // not reachable, or not ready: try the next host
        } finally {
          await client.end().catch(() => {});
        }
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * A client class for pg.Pool that connects to the current primary and, on a connection failure or a write refused
 * by a standby, asks for the primary again and drops itself from the pool.
 */
export function routedClient<C extends typeof pg.Client>(Base: C, finder: PrimaryFinder): C {
  // biome-ignore lint/suspicious/noExplicitAny: pg's Client constructor and query() overloads are kept as they are
  const Routed = class extends (Base as any) {
    constructor(config: pg.ClientConfig) {
      super({ ...config, ...finder.target.base, ...finder.host });
      // A connection lost while checked out (the primary died) fails its query; without a listener it would also
      // crash the process.
      this.on('error', () => {
        void finder.refresh();
      });
    }

    // pg.Pool connects with a callback, other callers with the promise: both are served.
    connect(callback?: (err: Error | null) => void) {
      const connecting = (super.connect() as Promise<void>).catch((err: Error) => {
        void finder.refresh();
        throw err;
      });
      if (!callback) return connecting;
      connecting.then(
        () => callback(null),
        (err: Error) => callback(err),
      );
      return undefined;
    }

    // biome-ignore lint/suspicious/noExplicitAny: see above
    query(...args: any[]): any {
      const result = super.query(...args);
      if (result && typeof result.then === 'function') {
        return result.catch((err: unknown) => {
          if (isDatabaseUnavailable(err)) {
            void finder.refresh();
            // A standby refused a write: this connection stays wrong, so it leaves the pool.
            if ((err as { code?: string }).code === '25006') void this.end().catch(() => {});
          }
          throw err;
        });
      }
      return result;
    }
  };
  return Routed as unknown as C;
}

/** A pool on the primary of a multi-host URL (found before the first query). */
export async function multiHostPool(target: MultiHost, Base: typeof pg.Client, max: number): Promise<pg.Pool> {
  const finder = new PrimaryFinder(target);
  await finder.refresh(30_000);
  return new pg.Pool({ ...target.base, max, Client: routedClient(Base, finder) });
}
