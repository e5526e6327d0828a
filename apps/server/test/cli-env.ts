import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { testDatabaseUrl } from './test-clock.ts';

const cli = fileURLToPath(new URL('../bin/fazhi.js', import.meta.url));

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/**
 * The CLI as an operator runs it, against a data folder of its own on PGlite or a database of its own on PostgreSQL
 * (per the test project), created before the file's tests and removed after them.
 */
export function useCliEnvironment(name: string, timeoutMs: number) {
  const dir = mkdtempSync(join(tmpdir(), `fazhi-${name}-`));
  const isPostgres = process.env.FAZHI_TEST_DB === 'postgres';
  const database = `fazhi_${name.replace(/-/g, '_')}_${process.pid}`;
  const state = {
    dir,
    isPostgres,
    cli,
    env: {
      ...process.env,
      FAZHI_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
    } as NodeJS.ProcessEnv,
    run: (...args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], { env: state.env, encoding: 'utf8', timeout: timeoutMs }),
  };
  beforeAll(async () => {
    if (!isPostgres) return;
    await admin(`create database ${database}`);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${database}`;
    state.env.DATABASE_URL = url.toString();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (isPostgres) await admin(`drop database if exists ${database} with (force)`);
  });
  return state;
}
