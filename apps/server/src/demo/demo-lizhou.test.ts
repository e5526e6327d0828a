import type { DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

// The demo's second county has a year of its own: the city roll-up compares two counties with non-zero figures
// and a different pattern (利州区 handles fewer disputes at a lower rate, more legal aid and legality reviews).

let t: TestApp;
let city: Client;
let cityId: number;

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('city');
  cityId = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '广元市'`))[0]!.id;
});
afterAll(() => t?.close());

describe('利州区 demo data', () => {
  it('the city roll-up shows non-zero, differing figures for both counties', async () => {
    const res = await city.get(`/api/dashboard/rollup?org=${cityId}&year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    const r: DashboardRollup = res.json();
    const unit = (name: string) => r.units.find((u) => u.org.name === name)!.values;
    const zhaohua = unit('昭化区');
    const lizhou = unit('利州区');
    const keys = [
      'plan.tasks',
      'plan.closure_rate',
      'legality_review.total',
      'mediation.cases',
      'mediation.success_rate',
      'legal_aid.cases',
      'publicity.activities',
    ];
    for (const key of keys) {
      expect(zhaohua[key]?.value, `昭化区 ${key}`).toBeGreaterThan(0);
      expect(lizhou[key]?.value, `利州区 ${key}`).toBeGreaterThan(0);
      expect(lizhou[key]?.value, key).not.toBe(zhaohua[key]?.value);
    }
    // A different pattern of strengths, as seeded for the finished year.
    expect(lizhou['mediation.cases']!.value).toBe(860);
    expect(lizhou['mediation.cases']!.value!).toBeLessThan(zhaohua['mediation.cases']!.value!);
    expect(lizhou['mediation.success_rate']!.value!).toBeLessThan(zhaohua['mediation.success_rate']!.value!);
    expect(lizhou['legal_aid.cases']!.value).toBe(520);
    expect(lizhou['legal_aid.cases']!.value!).toBeGreaterThan(zhaohua['legal_aid.cases']!.value!);
    expect(lizhou['legality_review.total']!.value).toBe(310);
    expect(lizhou['plan.tasks']!.value).toBe(24);
    expect(lizhou['plan.closure_rate']!.value).toBe(83.3);
    // The city total is the sum of its two counties.
    expect(r.total['mediation.cases']!.value).toBe(zhaohua['mediation.cases']!.value! + 860);
  });

  it('the oversight problems of 利州区 count for it', async () => {
    const res = await city.get(
      `/api/metrics/oversight.problems?org=${(await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '利州区'`))[0]!.id}&period=2025`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().value).toBe(9);
  });
});
