import type { Dashboard, DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedMetricFixture } from '../metrics/fixtures/metrics-fixture.ts';
import { whenRollupReady } from '../metrics/metrics.rollup.service.ts';

/**
 * The metric fixture (see metrics-fixture.ts) plus, at 区司法局: mediation cases 2025-06-01 failed, 2025-11-10 failed,
 * 2025-11-28 failed, 2026-11-05 success; reconsideration cases of 2025 — three maintained, one revoked, all
 * concluded. So 2025: mediation 4 cases, 1 success (25%, against 60% in 2024); correction rate 25% (1 of 4,
 * against 33.3% in 2024). The clock is 2026-11-23 (Shanghai).
 */
let t: TestApp;
let leader: Client;
let ids: Awaited<ReturnType<typeof seedMetricFixture>>;

beforeAll(async () => {
  t = await createTestApp();
  ids = await seedMetricFixture(t.db);
  expect(await whenRollupReady(t.db)).toBe(true);
  const row = (type: string, date: string, data: Record<string, unknown>) =>
    sql`(${type}, ${ids.justice}, ${date}, ${JSON.stringify(data)}::jsonb)`;
  await t.db.execute(
    sql`insert into ledger_rows (type_key, org_id, row_date, data) values ${sql.join(
      [
        row('mediation_case', '2025-06-01', { case_no: 'C-1', parties: '甲方', result: 'failed' }),
        row('mediation_case', '2025-11-10', { case_no: 'C-2', parties: '乙方', result: 'failed' }),
        row('mediation_case', '2025-11-28', { case_no: 'C-3', parties: '丙方', result: 'failed' }),
        row('mediation_case', '2026-11-05', { case_no: 'C-4', parties: '丁方', result: 'success' }),
        row('reconsideration_case', '2025-02-01', { decision: 'maintained', concluded_date: '2025-03-01' }),
        row('reconsideration_case', '2025-04-01', { decision: 'maintained', concluded_date: '2025-05-01' }),
        row('reconsideration_case', '2025-06-01', { decision: 'maintained', concluded_date: '2025-07-01' }),
        row('reconsideration_case', '2025-08-01', { decision: 'revoked', concluded_date: '2025-09-01' }),
      ],
      sql`, `,
    )}`,
  );
  // Figures imported from earlier reports: 2023 (no ledgers then) and 2025 legality reviews (none in the ledgers).
  await t.db.execute(sql`delete from metric_history`);
  await t.db.execute(sql`insert into metric_history (org_id, period, metric_key, value, source) values
    (${ids.county}, '2023', 'mediation.cases', 40, 'report_import:test'),
    (${ids.county}, '2023', 'mediation.success_rate', 80, 'report_import:test'),
    (${ids.county}, '2025', 'legality_review.total', 12, 'report_import:test')`);
  leader = await t.as('leader');
});
afterAll(() => t?.close());

const dashboard = async (year: number): Promise<Dashboard> => {
  const res = await leader.get(`/api/dashboard?org=${ids.county}&year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const tileOf = (d: Dashboard, key: string) => d.tiles.find((x) => x.key === key)!;

describe('dashboard change by polarity', () => {
  it('reports a fall of a lower-better metric (行政复议纠错率) as good, and a fall of a success rate as bad', async () => {
    const d = await dashboard(2025);
    expect(tileOf(d, 'reconsideration.correction_rate')).toMatchObject({
      polarity: 'lower',
      value: 25,
      previous: 33.3,
      previousLabel: '上年',
      change: -8.3,
      changeUnit: '个百分点',
      tone: 'good',
    });
    expect(tileOf(d, 'mediation.success_rate')).toMatchObject({
      polarity: 'higher',
      value: 25,
      previous: 60,
      change: -35,
      tone: 'bad',
    });
    // A plain volume is neither good nor bad.
    expect(tileOf(d, 'mediation.cases')).toMatchObject({
      polarity: 'neutral',
      value: 4,
      previous: 5,
      change: -20,
      tone: 'neutral',
    });
    expect(d.rollup.columns.find((c) => c.key === 'mediation.success_rate')?.polarity).toBe('higher');
    expect(d.trend.series.every((s) => s.polarity === 'neutral')).toBe(true);
  });
});

describe('running periods (clock 2026-11-23)', () => {
  it('compares the running year with 1 January to 23 November of last year, labelled', async () => {
    const d = await dashboard(2026);
    expect(d.asOf).toBe('截至11月23日');
    // 2025-01-01, 2025-06-01 and 2025-11-10 fall before 23 November; 2025-11-28 does not.
    expect(tileOf(d, 'mediation.cases')).toMatchObject({
      value: 1,
      previous: 3,
      previousLabel: '上年同期',
      previousSource: 'ledgers',
      change: -66.7,
    });
    // A stock at the same day: received by 2025-11-23 (3) less released by then (2).
    expect(tileOf(d, 'corrections.active')).toMatchObject({ previous: 1, previousLabel: '上年同期' });
    expect((await dashboard(2025)).asOf).toBeNull();
  });

  it('labels the running month 截至23日 and sets it beside the same days of November last year', async () => {
    const d = await dashboard(2026);
    expect(d.trend.running).toEqual({ month: '2026-11', label: '截至23日' });
    const mediation = d.trend.series.find((s) => s.key === 'mediation.cases')!;
    expect(mediation.values[10]).toBe(1);
    expect(mediation.values[11]).toBeNull();
    // November 2025 up to the 23rd: 11-10 only (11-28 is after the cut); every other month is the whole month.
    expect(mediation.previous).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    const finished = await dashboard(2025);
    expect(finished.trend.running).toBeNull();
    expect(finished.trend.series.find((s) => s.key === 'mediation.cases')!.previous).toEqual([
      1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1,
    ]);
  });
});

describe('last year from imported report figures', () => {
  it('uses the imported figure where the ledgers have nothing for last year', async () => {
    const d = await dashboard(2024);
    expect(tileOf(d, 'mediation.cases')).toMatchObject({
      value: 5,
      previous: 40,
      previousLabel: '上年',
      previousSource: 'imported',
      change: -87.5,
      tone: 'neutral',
    });
    expect(tileOf(d, 'mediation.success_rate')).toMatchObject({
      previous: 80,
      previousSource: 'imported',
      change: -20,
      tone: 'bad',
    });
    // The ledgers' own figure wins where there is one.
    expect(tileOf(await dashboard(2025), 'mediation.cases')).toMatchObject({ previous: 5, previousSource: 'ledgers' });
  });

  it('shows a whole imported year beside a running year for reference only, without a change', async () => {
    expect(tileOf(await dashboard(2026), 'legality_review.total')).toMatchObject({
      value: 0,
      previous: 12,
      previousLabel: '上年全年',
      previousSource: 'imported',
      change: null,
      tone: 'flat',
    });
  });
});

describe('roll-up totals add up', () => {
  it("lists the org's own rows as 本级: 元坝镇（合计）= 元坝镇本级 + its units", async () => {
    const r: DashboardRollup = (await leader.get(`/api/dashboard/rollup?org=${ids.township}&year=2024`)).json();
    expect(r.total['mediation.cases']).toEqual({ value: 2, note: null });
    expect(r.own['mediation.cases']).toEqual({ value: 2, note: null });
    expect(r.units.every((u) => u.values['mediation.cases']?.value === 0)).toBe(true);
    // 本级 rate from its own parts: 1 success of 2.
    expect(r.own['mediation.success_rate']).toEqual({ value: 50, note: null });
    const county: DashboardRollup = (await leader.get(`/api/dashboard/rollup?org=${ids.county}&year=2024`)).json();
    // The county's own rows: none (its cases are 区司法局's and 元坝镇's).
    expect(county.own['mediation.cases']).toEqual({ value: 0, note: null });
    expect(county.own['plan.tasks']).toEqual({ value: 0, note: null });
    const tasks: DashboardRollup = (await leader.get(`/api/dashboard/rollup?org=${ids.county}&year=2030`)).json();
    // Tasks counted are A1 (区司法局), A2 (市场监管局), B (元坝镇): the county's own parent task A is not one.
    expect(tasks.total['plan.tasks']).toEqual({ value: 3, note: null });
    expect(tasks.own['plan.tasks']).toEqual({ value: 0, note: null });
    expect(tasks.own['plan.closure_rate']).toEqual({ value: null, note: '分母为 0，比率无意义' });
  });

  it('opens a 本级 figure down to the rows the org entered itself', async () => {
    const own = await leader.get(`/api/metrics/mediation.cases?org=${ids.township}&period=2024&scope=own`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ value: 2, scope: 'own', sources: [{ count: 2 }] });
    const rows = await leader.get(own.json().sources[0].href);
    expect(rows.json()).toMatchObject({ scope: 'own', total: 2 });
    expect(rows.json().items.map((r: { orgName: string }) => r.orgName)).toEqual(['元坝镇', '元坝镇']);
    // The county has no cases of its own: 区司法局's three and 元坝镇's two are its units'.
    const county = (await leader.get(`/api/metrics/mediation.cases?org=${ids.county}&period=2024&scope=own`)).json();
    expect(county).toMatchObject({ value: 0, sources: [{ count: 0 }] });
    const countyRows = (await leader.get(county.sources[0].href)).json();
    expect(countyRows.total).toBe(0);
    // A rate of 本级 from its own parts: 1 success of 2 at 元坝镇.
    const rate = (
      await leader.get(`/api/metrics/mediation.success_rate?org=${ids.township}&period=2024&scope=own`)
    ).json();
    expect(rate).toMatchObject({ value: 50, sources: [{ count: 1 }, { count: 2 }] });
    const whole = (await leader.get(`/api/metrics/mediation.cases?org=${ids.county}&period=2024`)).json();
    expect(whole).toMatchObject({ value: 5, scope: 'subtree' });
    const bad = await leader.get(`/api/metrics/mediation.cases?org=${ids.county}&period=2024&scope=all`);
    expect([bad.statusCode, bad.json().message]).toEqual([
      400,
      '查询参数有误：scope：范围（scope）应为 subtree 或 own',
    ]);
  });
});
