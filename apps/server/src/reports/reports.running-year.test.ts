import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

/**
 * The clock is 2026-11-23 (Shanghai). 区司法局's mediation cases are replaced by hand-counted ones: 2025-03-01,
 * 2025-11-20, 2025-12-01 (after the cut) and 2026-05-01, 2026-06-01, 2026-07-01.
 */
let t: TestApp;
let office: Client;
let bureau: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  [{ id: bureau }] = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '区司法局'`)) as [
    { id: number },
  ];
  await t.db.execute(sql`delete from ledger_rows where type_key = 'mediation_case' and org_id = ${bureau}`);
  const rows = ['2025-03-01', '2025-11-20', '2025-12-01', '2026-05-01', '2026-06-01', '2026-07-01'].map(
    (day, i) =>
      sql`('mediation_case', ${bureau}, ${day}, ${JSON.stringify({ case_no: `R-${i}`, parties: '当事人', result: 'success' })}::jsonb)`,
  );
  await t.db.execute(sql`insert into ledger_rows (type_key, org_id, row_date, data) values ${sql.join(rows, sql`, `)}`);
});
afterAll(() => t?.close());

type Slot = { metric: string; composed: number; previous: number | null };

async function compose(year: number) {
  const res = await office.post('/api/reports', { orgId: bureau, year, type: 'department' });
  expect(res.statusCode, res.body).toBe(200);
  const view = (await office.get(`/api/reports/${res.json().id}`)).json();
  const text = view.sections.map((s: { body: string }) => s.body).join('\n');
  return { text, slot: (metric: string) => view.figureTable.find((s: Slot) => s.metric === metric) as Slot };
}

describe('a draft report for the year still running (clock 2026-11-23)', () => {
  it('compares with the same days of last year and says 较上年同期', async () => {
    const { text, slot } = await compose(2026);
    // 2026 so far: 3 cases; 2025 up to 23 November: 2 (2025-12-01 is after the cut).
    expect(slot('mediation.cases')).toMatchObject({ composed: 3, previous: 2 });
    expect(text).toContain('较上年同期增加1件');
    expect(text).not.toMatch(/较上年(增加|减少|提高|下降)/);
  });

  it('compares a finished year with the whole year before', async () => {
    const { text, slot } = await compose(2025);
    expect(slot('mediation.cases')).toMatchObject({ composed: 3 });
    expect(text).not.toContain('上年同期');
  });
});
