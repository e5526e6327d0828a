import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useCliEnvironment } from '../../test/cli-env.ts';

/** `npx fazhi audit verify` as an operator runs it, on PGlite or PostgreSQL per project. */
const { dir, isPostgres, env, run } = useCliEnvironment('audit-cli', 180_000);

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
