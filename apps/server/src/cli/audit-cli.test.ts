import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/test-clock.ts';

/** `npx fazhi audit verify` as an operator runs it, on PGlite or PostgreSQL per project. */
const cli = fileURLToPath(new URL('../../bin/fazhi.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fazhi-audit-cli-'));
const isPostgres = process.env.FAZHI_TEST_DB === 'postgres';
const database = `fazhi_audit_cli_${process.pid}`;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  env = { ...process.env, FAZHI_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
  if (isPostgres) {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (isPostgres) {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
});

const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 180_000 });

/** A superuser changes one row behind the trigger's back; returns its id. */
async function tamperWithRow(offset: number): Promise<number> {
  const statements = [
    'alter table audit_log disable trigger user',
    `update audit_log set action = 'auth.logout' where id = (select id from audit_log order by id offset ${offset} limit 1)`,
    'alter table audit_log enable trigger user',
  ];
  const pick = `select id from audit_log order by id offset ${offset} limit 1`;
  if (isPostgres) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const id = Number((await client.query(pick)).rows[0].id);
    for (const s of statements) await client.query(s);
    await client.end();
    return id;
  }
  const db = await PGlite.create(join(dir, 'data', 'pgdata'));
  const id = Number((await db.query<{ id: number }>(pick)).rows[0]!.id);
  for (const s of statements) await db.exec(s);
  await db.close();
  return id;
}

describe('npx fazhi audit verify', () => {
  it('reports the chain whole (exit 0), then the first changed row (exit 2)', async () => {
    const seeded = run('seed-demo');
    expect(seeded.status, seeded.stderr).toBe(0);
    const whole = run('audit', 'verify');
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/^审计日志完整：共 \d+ 条记录，SM3 校验链无断点/);
    const id = await tamperWithRow(0); // the demo seed writes only a few audit rows
    const broken = run('audit', 'verify');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`审计日志校验失败：第 1 条记录（id ${id}）内容与校验值不符`);
  }, 300_000); // three CLI runs, one of them seeding the demo county, on a loaded machine

  it('names its usage for anything else', () => {
    const res = run('audit');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('用法：npx fazhi audit verify');
  });
});
