import type { DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import type { RegistryKey } from '@fazhi/core/metrics/definitions';
import { isAdditive } from '@fazhi/core/metrics/own-figure';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { whenRollupReady } from '../metrics/metrics.rollup.service.ts';

/** On the demo data as seeded (both counties), every roll-up table the dashboard and its drill-down serve. */
let t: TestApp;
let city: Client;
let cityId: number;

beforeAll(async () => {
  t = await createTestApp();
  await whenRollupReady(t.db);
  city = await t.as('city');
  [{ id: cityId }] = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '广元市'`)) as [
    { id: number },
  ];
});
afterAll(() => t?.close());

const round = (n: number) => Math.round(n * 100) / 100;

/** Every roll-up from the city down, drilling into each unit that has units of its own. */
async function walk(year: number): Promise<DashboardRollup[]> {
  const seen: DashboardRollup[] = [];
  const queue = [cityId];
  while (queue.length) {
    const org = queue.shift()!;
    const res = await city.get(`/api/dashboard/rollup?org=${org}&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const rollup: DashboardRollup = res.json();
    seen.push(rollup);
    for (const u of rollup.units) if (u.hasChildren) queue.push(u.org.id);
  }
  return seen;
}

describe('roll-up totals (demo data)', () => {
  for (const year of [2025, 2026]) {
    it(`equal 本级 plus the units listed, in every column that adds up, in every table (${year})`, async () => {
      const tables = await walk(year);
      expect(tables.length).toBeGreaterThan(10);
      let checked = 0;
      for (const r of tables) {
        for (const c of r.columns) {
          if (!isAdditive(c.key as RegistryKey)) continue;
          const total = r.total[c.key]!.value;
          const listed = [r.own[c.key]!.value, ...r.units.map((u) => u.values[c.key]!.value)];
          expect(total, `${r.org.name} ${c.name}`).not.toBeNull();
          expect(round(listed.reduce<number>((sum, v) => sum + (v ?? 0), 0)), `${r.org.name}（合计）${c.name}`).toBe(
            total,
          );
          expect(r.own[c.key]!.value!, `${r.org.name}本级 ${c.name}`).toBeGreaterThanOrEqual(0);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(50);
    });
  }

  it('the dashboard of a county serves the same table as its drill-down', async () => {
    const [county] = await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '昭化区'`);
    const leader = await t.as('leader');
    const d = (await leader.get(`/api/dashboard?org=${county!.id}&year=2026`)).json();
    const { dataAsOf, ...r } = (await leader.get(`/api/dashboard/rollup?org=${county!.id}&year=2026`)).json();
    expect(dataAsOf).toBe(d.dataAsOf);
    expect(d.rollup).toEqual(r);
  });

  it("shows a township's own rows as 本级 (元坝镇: its own cases beside its villages')", async () => {
    const [town] = await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '元坝镇'`);
    const r: DashboardRollup = (await city.get(`/api/dashboard/rollup?org=${town!.id}&year=2026`)).json();
    const own = r.own['mediation.cases']!.value!;
    const units = r.units.reduce((s, u) => s + (u.values['mediation.cases']!.value ?? 0), 0);
    expect(own).toBeGreaterThan(0);
    expect(own + units).toBe(r.total['mediation.cases']!.value);
  });
});
