import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { writeAudit } from './platform.audit.service.ts';
import { sealLegacyAuditRows, verifyAuditChain } from './platform.audit-chain.service.ts';

let t: TestApp;
let auditor: Client;
beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.as('auditor');
});
afterAll(() => t?.close());

/** What a superuser with direct database access could do: switch the guard off, change a row, switch it on. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

/** The database's own message (drizzle wraps it as the cause of "Failed query"). */
async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err as Error).message;
  }
  return 'not refused';
}
const appendOnly = '审计日志只允许追加，不允许修改、删除或清空';

describe('SM3 hash-chained audit log', () => {
  it('every row of the seeded county is chained and the chain verifies', async () => {
    const [counts] = await queryRows<{ n: number; unhashed: number }>(
      t.db,
      sql`select count(*)::int as n, count(*) filter (where hash is null)::int as unhashed from audit_log`,
    );
    expect(counts!.unhashed).toBe(0);
    expect(await verifyAuditChain(t.db)).toEqual({ isIntact: true, rows: counts!.n });
    const res = await auditor.get('/api/audit/chain');
    expect(res.json()).toEqual({ isIntact: true, rows: counts!.n });
  });

  it('concurrent audited writes append one unforked chain', async () => {
    // Twenty failed logins at once, each in its own transaction with its audit row.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `ghost${i}`, password: 'x' } }),
      ),
    );
    const [forks] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from (select prev_hash from audit_log group by prev_hash having count(*) > 1) f`,
    );
    expect(forks!.n).toBe(0);
    expect((await verifyAuditChain(t.db)).isIntact).toBe(true);
  });

  it('rows chained by the database hash exactly as the server recomputes them', async () => {
    // PostgreSQL chains in audit_chain_append itself (pgcrypto's SM3); PGlite loads no extensions, so the server does.
    const [sm3] = await queryRows<{ inDb: boolean }>(
      t.db,
      sql`select to_regprocedure('digest(bytea,text)') is not null as "inDb"`,
    );
    expect(sm3!.inDb).toBe(t.kind === 'postgres');
    const after = { 名称: '法治"引号"\n换行\\', z: [1, 2.5, -0, 1e21, null, ''], a: { é: 'x', b: true, aa: {} } };
    await t.db.transaction(async (tx) => {
      await writeAudit(tx, null, { action: 'test.hash', entity: 'hash_test', entityId: 1, after });
      await writeAudit(tx, null, {
        action: 'test.hash',
        entity: 'hash_test',
        entityId: 'two',
        before: 'text',
        after: 0.1,
        subject: { username: '访客', ip: '127.0.0.1' },
      });
    });
    await writeAudit(t.db, null, { action: 'test.hash', entity: 'hash_test' });
    const rows = await queryRows<{ entity_id: string | null; after: unknown; before: unknown }>(
      t.db,
      sql`select entity_id, after, before from audit_log where entity = 'hash_test' order by id`,
    );
    expect(rows).toEqual([
      { entity_id: '1', after: { ...after, z: [1, 2.5, 0, 1e21, null, ''] }, before: null },
      { entity_id: 'two', after: 0.1, before: 'text' },
      { entity_id: null, after: null, before: null },
    ]);
    const [all] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`);
    expect(await verifyAuditChain(t.db)).toEqual({ isIntact: true, rows: all!.n });
  });

  it('TRUNCATE, UPDATE and DELETE are refused by the trigger, with a Chinese reason', async () => {
    expect(await refusal(t.db.execute(sql`truncate audit_log`))).toBe(appendOnly);
    expect(await refusal(t.db.execute(sql`update audit_log set hash = 'x' where id = 1`))).toBe(appendOnly);
    expect(await refusal(t.db.execute(sql`delete from audit_log where id = 1`))).toBe(appendOnly);
    const [n] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where id = 1`);
    expect(n!.n).toBe(1);
  });

  it('a row changed behind the trigger is found: its id is the first broken link', async () => {
    const [victim] = await queryRows<{ id: number }>(t.db, sql`select id from audit_log order by id offset 10 limit 1`);
    const id = Number(victim!.id);
    await tamper(sql`update audit_log set username = 'someone-else' where id = ${id}`);
    const state = await verifyAuditChain(t.db);
    expect(state).toMatchObject({ isIntact: false, brokenId: id, position: 11, reason: '内容与校验值不符' });
    const res = await auditor.get('/api/audit/chain');
    expect(res.json()).toMatchObject({ isIntact: false, brokenId: id, position: 11 });
  });

  it('a deleted row breaks the link of the row after it', async () => {
    const rows = await queryRows<{ id: number }>(t.db, sql`select id from audit_log order by id offset 3 limit 2`);
    const [gone, next] = rows.map((r) => Number(r.id));
    await tamper(sql`delete from audit_log where id = ${gone}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      isIntact: false,
      brokenId: next,
      reason: '与前一条记录的链接断开（前一条记录被删除或改动）',
    });
  });
});

describe('rows from before the chain', () => {
  it('are sealed once at start, after the last chained row, and cannot be sealed again', async () => {
    const fresh = await createTestApp();
    try {
      await fresh.db.execute(
        sql`insert into audit_log (action, entity, username, after) values ('legacy.entry', 'user', 'old', '{"b":1,"a":[1,"二"]}')`,
      );
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ isIntact: false, reason: '未加入校验链' });
      expect(await sealLegacyAuditRows(fresh.db)).toBe(1);
      expect((await verifyAuditChain(fresh.db)).isIntact).toBe(true);
      expect(await sealLegacyAuditRows(fresh.db)).toBe(0);
      expect(await refusal(fresh.db.execute(sql`update audit_log set hash = 'x' where action = 'legacy.entry'`))).toBe(
        appendOnly,
      );
    } finally {
      await fresh.close();
    }
  });
});
