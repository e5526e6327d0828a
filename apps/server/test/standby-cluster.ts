import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL primary and a streaming standby of it, built for one test file in a temporary folder with the
 * machine's own PostgreSQL binaries (initdb, pg_basebackup), on free ports, and removed afterwards. Run as the
 * `postgres` user when the tests run as root (PostgreSQL refuses root).
 */
export type StandbyCluster = {
  primaryUrl: string;
  standbyUrl: string;
  /** Runs SQL on the standby as its superuser (pause or resume replay). */
  onStandby: (query: string) => string;
  stop: () => void;
};

export function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error('PostgreSQL server binaries (initdb) not found: scripts/ensure-test-deps.sh installs them');
  return join(root, newest, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs the machine's PostgreSQL tools as the `postgres` user (as root) in a fresh folder it owns. */
export function postgresTools() {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, tool),
      asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args,
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    ).toString();
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-pg-'));
  chmodSync(dir, 0o700);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  /** Server options for a cluster on `port` with its socket in the folder; durability off (a test's data). */
  const options = (port: number, extra = '') =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off ${extra}`.trim();
  const psql = (port: number, query: string) =>
    run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-tAc', query]).trim();
  return { run, dir, options, psql };
}

export async function startStandbyCluster(): Promise<StandbyCluster> {
  const { run, dir, options: serverOptions, psql } = postgresTools();
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const standby = join(dir, 'standby');
  const options = (port: number) => serverOptions(port, '-c synchronous_commit=off');
  const started: string[] = [];
  const stop = () => {
    for (const data of started.reverse()) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
    }
    started.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primary, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', ['-D', primary, '-o', options(primaryPort), '-l', join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      standby,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    run('pg_ctl', ['-D', standby, '-o', options(standbyPort), '-l', join(dir, 'standby.log'), '-w', 'start']);
    started.push(standby);
  } catch (err) {
    stop();
    throw err;
  }
  const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    primaryUrl: url(primaryPort),
    standbyUrl: url(standbyPort),
    onStandby: (query) => psql(standbyPort, query),
    stop,
  };
}
