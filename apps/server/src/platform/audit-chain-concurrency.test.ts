import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, type TestApp } from '../../test/harness.ts';
import { openSecondInstance } from '../../test/second-instance.ts';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { writeAudit } from './platform.audit.service.ts';
import { verifyAuditChain } from './platform.audit-chain.service.ts';

/**
 * The audit chain under concurrent writes from two app instances on one database (two processes or machines behind
 * a load balancer; on PGlite, one process by design, the second instance shares the one connection), and the
 * append's place in its transaction: the chain's lock is taken by the last statements before COMMIT only.
 */
let t: TestApp;
let instanceB: Awaited<ReturnType<typeof openSecondInstance>> | undefined;
let dbB: Db;
let appB: Awaited<ReturnType<typeof openSecondInstance>>['app'];

beforeAll(async () => {
  t = await createTestApp();
  instanceB = await openSecondInstance(t);
  dbB = instanceB.db;
  appB = instanceB.app;
});
afterAll(async () => {
  await instanceB?.close();
  await t?.close();
});

const auditCount = async (db: Executor, entity: string, entityId: string) => {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log where entity = ${entity} and entity_id = ${entityId}`,
  );
  return row!.n;
};

describe('audit chain with two app instances', () => {
  it('concurrent ledger rows from both instances: every write and its audit row present, one unbroken chain', async () => {
    const officeA = await t.as('office');
    const officeB = clientFor(appB, officeA.cookie, officeA.csrf);
    const orgId = (await officeA.get('/api/auth/me')).json().orgId as number;
    const post = (i: number) =>
      (i % 2 === 0 ? officeA : officeB).post('/api/ledgers/types/mediation_case/rows', {
        orgId,
        data: {
          case_no: `CHAIN-${i}`,
          dispute_type: 'neighbourhood',
          parties: '甲、乙',
          received_date: '2026-11-20',
          result: 'ongoing',
        },
      });
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => post(i)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(30).fill(200));
    const ids = responses.map((r) => String(r.json().id));
    expect(new Set(ids).size).toBe(30);
    const audited = await queryRows<{ entity_id: string }>(
      t.db,
      sql`select entity_id from audit_log where action = 'ledger_row.create' and entity_id = any(${`{${ids.join(',')}}`}::text[])`,
    );
    expect(audited.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
    const [forks] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from (select prev_hash from audit_log group by prev_hash having count(*) > 1) f`,
    );
    expect(forks!.n).toBe(0);
    const [all] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`);
    expect(await verifyAuditChain(t.db)).toEqual({ isIntact: true, rows: all!.n });
  });

  it('the chain is appended at commit: another instance appends while a transaction that audited is still open', async () => {
    const entry = (id: string) => ({ action: 'test.append', entity: 'chain_test', entityId: id, after: { id } });
    await t.db.transaction(async (tx) => {
      await writeAudit(tx, null, entry('early'));
      if (t.kind === 'postgres') {
        // Nobody holds the chain's lock yet: the other instance's audited write commits without waiting.
        const [locks] = await queryRows<{ n: number }>(
          dbB,
          sql`select count(*)::int as n from pg_locks where locktype = 'advisory'`,
        );
        expect(locks!.n).toBe(0);
        await dbB.transaction((txB) => writeAudit(txB, null, entry('meanwhile')));
        expect(await auditCount(dbB, 'chain_test', 'meanwhile')).toBe(1);
      }
      // Not in the log, not even for this transaction, until it commits (PGlite: one connection, so asked inside).
      expect(await auditCount(tx, 'chain_test', 'early')).toBe(0);
    });
    const rows = await queryRows<{ entity_id: string }>(
      t.db,
      sql`select entity_id from audit_log where entity = 'chain_test' order by id`,
    );
    expect(rows.map((r) => r.entity_id)).toEqual(t.kind === 'postgres' ? ['meanwhile', 'early'] : ['early']);
    expect((await verifyAuditChain(t.db)).isIntact).toBe(true);
  });

  it('a rolled-back savepoint drops its audit rows, the rest of the transaction keeps theirs, in order', async () => {
    const entry = (id: string) => ({ action: 'test.savepoint', entity: 'savepoint_test', entityId: id });
    await t.db.transaction(async (tx) => {
      await writeAudit(tx, null, entry('before'));
      await tx
        .transaction(async (sp) => {
          await writeAudit(sp, null, entry('dropped'));
          throw new Error('savepoint fails');
        })
        .catch(() => undefined);
      await tx.transaction((sp) => writeAudit(sp, null, entry('kept')));
      await writeAudit(tx, null, entry('after'));
    });
    await expect(
      t.db.transaction(async (tx) => {
        await writeAudit(tx, null, entry('rolled-back'));
        throw new Error('transaction fails');
      }),
    ).rejects.toThrow('transaction fails');
    const rows = await queryRows<{ entity_id: string }>(
      t.db,
      sql`select entity_id from audit_log where entity = 'savepoint_test' order by id`,
    );
    expect(rows.map((r) => r.entity_id)).toEqual(['before', 'kept', 'after']);
    expect((await verifyAuditChain(t.db)).isIntact).toBe(true);
  });
});
