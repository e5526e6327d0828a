import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Db } from './client.ts';
import { multiHostPool, parseMultiHostUrl } from './multi-host.ts';
import * as schema from './schema.ts';

/*
 * The PostgreSQL side of db/client.ts, imported only when a database URL is given: a PGlite start does not load
 * pg and drizzle's node-postgres driver.
 */

// Counts and sums come back as strings from pg; we cast in SQL, and make int8/numeric numbers here for safety.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * A pg client that runs its promise queries one after another. Module code may start several queries at once on a
 * transaction (`Promise.all` over independent reads); pg would queue them itself, but that reliance is deprecated
 * (an error from pg@9). Callback and submittable queries (cursors, COPY streams) pass straight through.
 */
class SerialClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this wrapper keeps them all
  override query(...args: any[]): any {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === 'function' || typeof first?.submit === 'function') {
      return Reflect.apply(super.query, this, args);
    }
    const run = this.#tail.then(() => Reflect.apply(super.query, this, args) as Promise<unknown>);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}

export async function openPostgres(databaseUrl: string) {
  // A multi-host URL (primary + standbys) follows the primary through a failover: see db/multi-host.ts.
  const hosts = parseMultiHostUrl(databaseUrl);
  const pool = hosts
    ? await multiHostPool(hosts, SerialClient, 10)
    : new pg.Pool({ connectionString: databaseUrl, max: 10, Client: SerialClient });
  pool.on('error', () => {}); // idle client errors surface on the next query instead of crashing the process
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const migrate = (migrationsFolder: string) => migratePg(drizzlePg(pool), { migrationsFolder });
  return { pool, db, migrate };
}
