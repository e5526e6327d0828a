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

  it("the city sees each county's own assessment round, with its own scheme and results", async () => {
    const rounds = await city.get('/api/assessment/rounds?year=2025');
    expect(rounds.statusCode, rounds.body).toBe(200);
    const items: { id: number; orgName: string; name: string; status: string; unitCount: number }[] =
      rounds.json().items;
    expect(items.map((r) => [r.orgName, r.name, r.status, r.unitCount]).sort()).toEqual([
      ['利州区', '利州区2025年度法治建设考核方案', 'final', 5],
      ['昭化区', '2025年度法治建设考核方案', 'final', 29],
    ]);
    const rankingOf = async (county: string) => {
      const res = await city.get(`/api/assessment/rounds/${items.find((r) => r.orgName === county)!.id}/ranking`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as {
        orgName: string;
        group: string;
        total: number;
        bonus: number;
        deductions: number;
        rank: number;
        grade: string;
      }[];
    };
    // Hand-computed from the seeded entries (see demo-lizhou-assessment.ts): points lost leaf by leaf, then bonus
    // and deductions; 优秀 limited to half of each group (floor), so 公安分局 (94.1, second of three) is 良好.
    const lizhou = await rankingOf('利州区');
    expect(lizhou.map((u) => [u.orgName, u.group, u.total, u.bonus, u.deductions, u.rank, u.grade])).toEqual([
      ['利州区市场监督管理局', '执法部门', 97.15, 3, 0, 1, '优秀'],
      ['利州区公安分局', '执法部门', 94.1, 1, 0, 2, '良好'],
      ['利州区住房和城乡建设局', '执法部门', 88.4, 0, 2, 3, '良好'],
      ['利州区司法局', '非执法部门', 95.75, 2, 2, 1, '优秀'],
      ['利州区教育局', '非执法部门', 87.75, 0.5, 0, 2, '良好'],
    ]);
    // 昭化区's ranking holds its own 29 units and none of 利州区's; the two counties' figures differ.
    const zhaohua = await rankingOf('昭化区');
    expect(zhaohua).toHaveLength(29);
    expect(zhaohua.filter((u) => u.orgName.startsWith('利州区'))).toEqual([]);
    const justice = zhaohua.find((u) => u.orgName === '区司法局')!;
    expect(justice.total).not.toBe(95.75);
  });

  it("a 利州区 unit's sheet explains its score from its own facts", async () => {
    const [round] = await queryRows<{ id: number }>(
      t.db,
      sql`select r.id from assessment_rounds r join orgs o on o.id = r.org_id where o.name = '利州区' and r.year = 2025`,
    );
    const [edu] = await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '利州区教育局'`);
    const res = await city.get(`/api/assessment/rounds/${round!.id}/units/${edu!.id}/score`);
    expect(res.statusCode, res.body).toBe(200);
    const score = res.json().score as {
      baseScore: number;
      total: number;
      explanation: { kind: string; indicatorId?: string; points: number }[];
    };
    expect(score.baseScore).toBe(87.25);
    expect(score.total).toBe(87.75);
    // Each point lost and gained, as seeded: 普法 6 of 8 场次, 2 of 5 意见, 负责人 5.25 of 6, 合同审查 not met,
    // 满意度 88 % against 90 %, and the 区级 通报表扬.
    expect(score.explanation.map((l) => [l.kind, l.indicatorId ?? '', l.points])).toEqual([
      ['lost', 'fz-1-1', 0.75],
      ['lost', 'fz-2-1', 3],
      ['lost', 'fz-3-1-2', 5],
      ['lost', 'fz-5-2', 2],
      ['lost', 'fz-6-1', 2],
      ['bonus', '', 0.5],
    ]);
  });
});
