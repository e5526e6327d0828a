import type { Dashboard, DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { seedMetricFixture } from '../metrics/fixtures/metrics-fixture.ts';
import { whenRollupReady } from '../metrics/metrics.rollup.service.ts';

let t: TestApp;
let leader: Client;
let city: Client;
let reporterB: Client;
let ids: Awaited<ReturnType<typeof seedMetricFixture>>;

beforeAll(async () => {
  t = await createTestApp();
  ids = await seedMetricFixture(t.db);
  expect(await whenRollupReady(t.db)).toBe(true);
  [leader, city, reporterB] = await Promise.all([t.as('leader'), t.as('city'), t.as('reporter-b')]);
});
afterAll(() => t?.close());

describe('leadership dashboard', () => {
  it('shows tiles with change vs last year, the trend by month and the per-unit roll-up, all from the registry', async () => {
    const res = await leader.get(`/api/dashboard?org=${ids.county}&year=2024`);
    expect(res.statusCode, res.body).toBe(200);
    const d: Dashboard = res.json();
    const tile = (key: string) => d.tiles.find((x) => x.key === key)!;
    expect(tile('mediation.cases')).toMatchObject({ value: 5, previous: 0, change: null, unit: '件' });
    expect(tile('mediation.success_rate')).toMatchObject({ value: 60, unit: '%', changeUnit: '个百分点' });
    const mediation = d.trend.series.find((s) => s.key === 'mediation.cases')!;
    expect(d.trend.months).toHaveLength(12);
    // Hand count by month: Jan 1, Mar 1, Jun 1, Jul 1, Dec 1.
    expect(mediation.values).toEqual([1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1]);
    const unit = (name: string) => d.rollup.units.find((u) => u.org.name === name)!;
    expect(unit('区司法局').values['mediation.cases']).toEqual({ value: 3, note: null });
    expect(unit('元坝镇')).toMatchObject({ hasChildren: true, values: { 'mediation.cases': { value: 2 } } });
    expect(d.rollup.total['mediation.cases']?.value).toBe(5);
  });

  it('answers exactly the declared fields (the response schema encodes the answer)', async () => {
    const d: Dashboard = (await leader.get(`/api/dashboard?org=${ids.county}&year=2024`)).json();
    expect(Object.keys(d).sort()).toEqual(['asOf', 'dataAsOf', 'org', 'plan', 'rollup', 'tiles', 'trend', 'year']);
    expect(Object.keys(d.org).sort()).toEqual(['id', 'kind', 'name', 'parentId']);
    expect(Object.keys(d.rollup.units[0]!).sort()).toEqual(['hasChildren', 'org', 'values']);
    expect(Object.keys(d.rollup.units[0]!.org).sort()).toEqual(['id', 'kind', 'name']);
    const rollup: DashboardRollup = (await leader.get(`/api/dashboard/rollup?org=${ids.county}&year=2024`)).json();
    expect(Object.keys(rollup).sort()).toEqual(['columns', 'dataAsOf', 'org', 'own', 'total', 'units', 'year']);
  });

  it('leaves the months still to come in the running year empty rather than 0', async () => {
    const d: Dashboard = (await leader.get(`/api/dashboard?org=${ids.county}&year=2026`)).json();
    const values = d.trend.series.find((s) => s.key === 'mediation.cases')!.values;
    expect(values[10]).not.toBeNull(); // November: the test clock's month
    expect(values[11]).toBeNull();
  });

  it('reports task closure from plan.*', async () => {
    const d: Dashboard = (await leader.get(`/api/dashboard?org=${ids.county}&year=2030`)).json();
    expect(d.plan).toEqual({ tasks: 3, closed: 2, closureRate: 66.7, note: null });
    const next: Dashboard = (await leader.get(`/api/dashboard?org=${ids.county}&year=2031`)).json();
    expect(next.plan.closureRate).toBeNull();
    expect(next.plan.note).toMatch(/分母为 0/);
    const y2025: Dashboard = (await leader.get(`/api/dashboard?org=${ids.county}&year=2025`)).json();
    expect(y2025.tiles.find((x) => x.key === 'mediation.cases')).toMatchObject({ value: 1, previous: 5, change: -80 });
  });

  it('compares the year still running with the same days of last year (clock: 2026-11-23)', async () => {
    const d: Dashboard = (await leader.get(`/api/dashboard?org=${ids.county}&year=2026`)).json();
    const tile = d.tiles.find((x) => x.key === 'mediation.cases')!;
    expect(tile).toMatchObject({ value: 0, previous: 1, previousLabel: '上年同期', change: -100 });
    const finished: Dashboard = (await leader.get(`/api/dashboard?org=${ids.county}&year=2025`)).json();
    expect(finished.tiles[0]?.previousLabel).toBe('上年');
  });

  it('drills down city → counties → townships', async () => {
    const top: DashboardRollup = (await city.get(`/api/dashboard/rollup?org=${ids.city}&year=2024`)).json();
    const names = top.units.map((u) => u.org.name);
    expect(names).toEqual(expect.arrayContaining(['昭化区', '利州区']));
    expect(top.total['mediation.cases']?.value).toBe(6);
    const county = top.units.find((u) => u.org.id === ids.county)!;
    expect(county.hasChildren).toBe(true);
    const down: DashboardRollup = (await city.get(`/api/dashboard/rollup?org=${ids.county}&year=2024`)).json();
    expect(down.org.parentId).toBe(ids.city);
    expect(down.units.find((u) => u.org.id === ids.township)?.values['mediation.cases']?.value).toBe(2);
  });

  it("keeps a unit to its own figures: another unit's or the county's dashboard is not found", async () => {
    expect(await refusal(await reporterB.get(`/api/dashboard?org=${ids.county}&year=2024`))).toEqual([
      404,
      '未找到该单位，或该单位不在您的数据范围内',
    ]);
    expect(await refusal(await reporterB.get(`/api/dashboard/rollup?org=${ids.justice}&year=2024`))).toEqual([
      404,
      '未找到该单位，或该单位不在您的数据范围内',
    ]);
    const own = await reporterB.get(`/api/dashboard?org=${ids.market}&year=2030`);
    expect(own.statusCode).toBe(200);
    expect(own.json().plan).toMatchObject({ tasks: 1, closed: 0, closureRate: 0 });
    expect(await refusal(await leader.get(`/api/dashboard?org=${ids.neighbour}&year=2024`))).toEqual([
      404,
      '未找到该单位，或该单位不在您的数据范围内',
    ]);
    const bad = await leader.get(`/api/dashboard?org=${ids.county}&year=abc`);
    expect(await refusal(bad)).toEqual([400, '查询参数有误：year：请指定年度（year）']);
  });
});
