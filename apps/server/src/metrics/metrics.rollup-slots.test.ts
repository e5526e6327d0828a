import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connections } from '../../test/db-connections.ts';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { seedMetricFixture } from './fixtures/metrics-fixture.ts';
import { rollupSlots } from './metrics.rollup.repo.ts';
import { foldMetricRollupSlots, rebuildMetricRollup, whenRollupReady } from './metrics.rollup.service.ts';

/**
 * The roll-up's slots: a new ledger row's trigger adds to its backend's slot of each ancestor's figure, so two
 * transactions adding to the same unit and month don't wait for each other's commit (docs/benchmarks.md, "Mixed
 * load"); figures are the sum of the slots, and a rebuild or the scheduled fold puts everything back in slot 0.
 */
let t: TestApp;
let office: Client;
let city: Client;
let ids: Awaited<ReturnType<typeof seedMetricFixture>>;
let db: ReturnType<typeof connections>;
/** The slot the second test's delete wrote (PostgreSQL). */
let deleteSlot = 0;

beforeAll(async () => {
  t = await createTestApp();
  db = connections(t);
  ids = await seedMetricFixture(t.db);
  expect(await whenRollupReady(t.db)).toBe(true);
  [office, city] = await Promise.all([t.as('office'), t.as('city')]);
});
afterAll(async () => {
  await db?.closeAll();
  await t?.close();
});

/** A figure as the county office reads it (the city office for the city). */
const value = async (key: string, org: number, period: string) => {
  const res = await (org === ids.city ? city : office).get(`/api/metrics/${key}?org=${org}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().value as number | null;
};

const newCase = (caseNo: string) =>
  `insert into ledger_rows (type_key, org_id, row_date, data)
   values ('mediation_case', ${ids.justice}, '2024-08-01', '{"case_no": "${caseNo}", "parties": "甲", "result": "success"}')`;

const slotsOf = async (orgId: number) => {
  const rows = await queryRows<{ slot: number }>(
    t.db,
    sql`select distinct slot from metric_rollup
        where org_id = ${orgId} and metric_key = 'mediation.cases' and month = '2024-08-01' order by slot`,
  );
  return rows.map((r) => r.slot);
};

/** A connection of its own to the test database, and the roll-up slot its triggers write (1…8). */
async function connect() {
  const client = await db.open();
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  return { client, slot: 1 + (rows[0]!.pid % rollupSlots) };
}

/** Connects until `wanted` accepts the connection's slot (pids are spread; 64 tries miss with p ≈ 2e-4). */
async function connectWhere(wanted: (slot: number) => boolean) {
  for (let i = 0; i < 64; i++) {
    const c = await connect();
    if (wanted(c.slot)) return c;
    await db.close(c.client);
  }
  throw new Error('no connection with the wanted roll-up slot');
}

describe('metric roll-up slots', () => {
  it('two transactions adding rows of the same unit and month: the second commits while the first is open; figures equal the hand count', async () => {
    // Hand count (fixture): 2024 cases 司法局 3 + 元坝镇 2 = county 5; 司法局 has none in August.
    expect(await value('mediation.cases', ids.county, '2024')).toBe(5);
    expect(await value('mediation.cases', ids.justice, '2024-08')).toBe(0);
    if (t.kind === 'postgres') {
      const a = await connect();
      const b = await connectWhere((slot) => slot !== a.slot);
      await a.client.query('begin');
      await a.client.query(newCase('SLOT-A'));
      // a now holds its slot of the 司法局, county and city rows until it commits. b would wait for a's commit if
      // it wrote the same rows (as every writer did before the slots); the lock timeout fails the test if it does.
      await b.client.query(`set lock_timeout = '5s'`);
      await b.client.query('begin');
      await b.client.query(newCase('SLOT-B'));
      await b.client.query('commit');
      // The check has teeth: a third connection on a's slot does queue behind a (and gives up here).
      const c = await connectWhere((slot) => slot === a.slot);
      await c.client.query(`set lock_timeout = '200ms'`);
      await c.client.query('begin');
      await expect(c.client.query(newCase('SLOT-C'))).rejects.toMatchObject({ code: '55P03' });
      await c.client.query('rollback');
      await a.client.query('commit');
      expect(await slotsOf(ids.county)).toEqual([a.slot, b.slot].sort((x, y) => x - y));
    } else {
      // PGlite is one connection: both rows go through the same slot, one after the other.
      await t.db.execute(sql.raw(newCase('SLOT-A')));
      await t.db.execute(sql.raw(newCase('SLOT-B')));
    }
    expect(await value('mediation.cases', ids.county, '2024')).toBe(7);
    expect(await value('mediation.cases', ids.justice, '2024-08')).toBe(2);
    expect(await value('mediation.cases', ids.city, '2024')).toBe(8);
    const [hand] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ledger_rows r join orgs o on o.id = r.org_id
          where r.type_key = 'mediation_case' and o.path like ${`${ids.countyPath}%`}
            and r.row_date between '2024-01-01' and '2024-12-31'`,
    );
    expect(hand!.n).toBe(7);
  });

  it('a rebuild puts every figure back in slot 0, unchanged; deletes from another slot still net out', async () => {
    await rebuildMetricRollup(t.db);
    expect(await slotsOf(ids.county)).toEqual([0]);
    expect(await value('mediation.cases', ids.county, '2024')).toBe(7);
    if (t.kind === 'postgres') {
      const d = await connect();
      deleteSlot = d.slot;
      await d.client.query(`delete from ledger_rows where data->>'case_no' = 'SLOT-A'`);
      expect(await slotsOf(ids.county)).toEqual([0, d.slot]);
    } else {
      await t.db.execute(sql`delete from ledger_rows where data->>'case_no' = 'SLOT-A'`);
    }
    expect(await value('mediation.cases', ids.county, '2024')).toBe(6);
    expect(await value('mediation.cases', ids.justice, '2024-08')).toBe(1);
  });

  it("the scheduled fold moves the writers' slots into slot 0, figures unchanged; it skips rows an open transaction holds", async () => {
    const pglite = t.kind !== 'postgres';
    if (pglite) await t.db.execute(sql.raw(newCase('SLOT-D')));
    // e writes another slot than the delete above, which is left for the fold.
    const e = pglite ? null : await connectWhere((slot) => slot !== deleteSlot);
    if (e) {
      await e.client.query('begin');
      await e.client.query(newCase('SLOT-D'));
    }
    // On PostgreSQL e holds its slot of the county row, uncommitted: the fold doesn't wait for it (the lock timeout
    // would fail the test) and folds everything else into slot 0; e's slot row appears at its commit.
    const folded = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '5s'`);
      return foldMetricRollupSlots(tx);
    });
    expect(folded).toBeGreaterThan(0);
    expect(await slotsOf(ids.county)).toEqual([0]);
    if (e) {
      expect(await value('mediation.cases', ids.county, '2024')).toBe(6);
      await e.client.query('commit');
      expect(await slotsOf(ids.county)).toEqual([0, e.slot]);
    }
    expect(await value('mediation.cases', ids.county, '2024')).toBe(7);
    expect(await value('mediation.cases', ids.justice, '2024-08')).toBe(2);
    await t.db.transaction((tx) => foldMetricRollupSlots(tx));
    expect(await slotsOf(ids.county)).toEqual([0]);
    expect(await value('mediation.cases', ids.county, '2024')).toBe(7);
    expect(await value('mediation.cases', ids.city, '2024')).toBe(8);
  });
});
