import { liaisonRate, liaisonYearStatuses } from '@fazhi/core/grassroots/liaison-obligation';
import { registryKeys } from '@fazhi/core/metrics/definitions';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { seedMetricFixture } from './fixtures/metrics-fixture.ts';
import { computeFigures } from './metrics.figures.service.ts';
import { whenRollupReady } from './metrics.rollup.service.ts';

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let city: Client;
let ids: Awaited<ReturnType<typeof seedMetricFixture>>;

beforeAll(async () => {
  t = await createTestApp();
  ids = await seedMetricFixture(t.db);
  expect(await whenRollupReady(t.db)).toBe(true);
  [office, reporterA, reporterB, city] = await Promise.all([
    t.as('office'),
    t.as('reporter-a'),
    t.as('reporter-b'),
    t.as('city'),
  ]);
});
afterAll(() => t?.close());

const value = async (client: Client, key: string, org: number, period: string) => {
  const res = await client.get(`/api/metrics/${key}?org=${org}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().value as number | null;
};

describe('metric registry against a hand-counted fixture', () => {
  it('answers the public contract with sources that lead to the rows', async () => {
    const res = await office.get(`/api/metrics/mediation.cases?org=${ids.county}&period=2024`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['key', 'value', 'unit', 'org', 'period', 'sources']));
    expect(body).toMatchObject({ key: 'mediation.cases', value: 5, unit: '件', period: '2024' });
    expect(body.org).toMatchObject({ id: ids.county, name: '昭化区' });
    expect(body.sources).toEqual([
      expect.objectContaining({
        ledger: 'mediation_case',
        count: 5,
        href: `/api/metrics/mediation.cases/rows?org=${ids.county}&period=2024`,
      }),
    ]);
    const rows = await office.get(`${body.sources[0].href}&page=1&pageSize=2`);
    expect(rows.statusCode).toBe(200);
    expect(rows.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(rows.json().items).toHaveLength(2);
    // Newest first: the row of 31 December, then 1 July.
    expect(rows.json().items.map((r: { date: string }) => r.date)).toEqual(['2024-12-31', '2024-07-01']);
  });

  it('counts, filters and sums per the definitions (hand count: 司法局 3 + 元坝镇 2 in 2024)', async () => {
    expect(await value(office, 'mediation.cases', ids.county, '2024')).toBe(5);
    expect(await value(office, 'mediation.resolved', ids.county, '2024')).toBe(3);
    expect(await value(office, 'mediation.amount', ids.county, '2024')).toBe(1.5); // 1 500 000 分 = 1.5 万元
    expect(await value(office, 'reconsideration.received', ids.county, '2024')).toBe(4);
    expect(await value(office, 'reconsideration.concluded', ids.county, '2024')).toBe(3);
    expect(await value(office, 'reconsideration.corrected', ids.county, '2024')).toBe(1);
    expect(await value(office, 'reconsideration.settled', ids.county, '2024')).toBe(1);
  });

  it('computes rates from their parts at read time, null with a Chinese note when the denominator is 0', async () => {
    expect(await value(office, 'mediation.success_rate', ids.county, '2024')).toBe(60);
    expect(await value(office, 'reconsideration.correction_rate', ids.county, '2024')).toBe(33.3);
    const res = await office.get(`/api/metrics/litigation.head_appearance_rate?org=${ids.county}&period=2024`);
    expect(res.json()).toMatchObject({ value: null, unit: '%' });
    expect(res.json().note).toMatch(/分母为 0/);
    expect(res.json().sources.map((s: { metric: string }) => s.metric)).toEqual([
      'litigation.head_appearances',
      'litigation.hearings',
    ]);
    const rateRows = await office.get(`/api/metrics/mediation.success_rate/rows?org=${ids.county}&period=2024`);
    expect(rateRows.statusCode).toBe(400);
    expect(rateRows.json().message).toMatch(/比率/);
  });

  it('places rows in periods by their Shanghai calendar date', async () => {
    expect(await value(office, 'mediation.cases', ids.county, '2024-H1')).toBe(3);
    expect(await value(office, 'mediation.cases', ids.county, '2024-H2')).toBe(2);
    expect(await value(office, 'mediation.cases', ids.county, '2024-Q4')).toBe(1);
    expect(await value(office, 'mediation.cases', ids.county, '2024-12')).toBe(1);
    expect(await value(office, 'mediation.cases', ids.county, '2025')).toBe(1);
    expect(await value(office, 'mediation.cases', ids.county, '2025-01')).toBe(1);
    expect(await value(office, 'mediation.cases', ids.county, '2024-06')).toBe(1);
  });

  it('counts stocks up to the end of the period', async () => {
    expect(await value(office, 'mediation.committees', ids.county, '2024')).toBe(2);
    expect(await value(office, 'mediation.committees', ids.county, '2024-H1')).toBe(1);
    expect(await value(office, 'mediation.committees', ids.county, '2019')).toBe(0);
  });

  it('counts the register as received less released by the end of the period', async () => {
    expect(await value(office, 'corrections.received', ids.county, '2024')).toBe(2);
    expect(await value(office, 'corrections.released', ids.county, '2024')).toBe(1);
    expect(await value(office, 'corrections.active', ids.county, '2024')).toBe(2);
    expect(await value(office, 'corrections.active', ids.county, '2024-H1')).toBe(1);
    expect(await value(office, 'corrections.active', ids.county, '2025')).toBe(1);
    const res = await office.get(`/api/metrics/corrections.active?org=${ids.county}&period=2024`);
    expect(res.json().sources.map((s: { count: number }) => s.count)).toEqual([3, 1]);
  });

  it('rolls a subtree up: township, county, city (which adds the neighbour county)', async () => {
    expect(await value(office, 'mediation.cases', ids.township, '2024')).toBe(2);
    expect(await value(office, 'mediation.cases', ids.justice, '2024')).toBe(3);
    expect(await value(city, 'mediation.cases', ids.city, '2024')).toBe(6);
    expect(await value(city, 'mediation.cases', ids.neighbour, '2024')).toBe(1);
  });

  it('counts target tasks: issued leaf tasks by deadline; closure rate from its parts', async () => {
    expect(await value(office, 'plan.tasks', ids.county, '2030')).toBe(3);
    expect(await value(office, 'plan.closed', ids.county, '2030')).toBe(2);
    expect(await value(office, 'plan.closure_rate', ids.county, '2030')).toBe(66.7);
    expect(await value(office, 'plan.closure_rate', ids.county, '2030-H1')).toBe(100);
    expect(await value(office, 'plan.closure_rate', ids.county, '2031')).toBeNull();
    const rows = await office.get(`/api/metrics/plan.closed/rows?org=${ids.county}&period=2030`);
    expect(
      rows
        .json()
        .items.map((r: { values: { title: string } }) => r.values.title)
        .sort(),
    ).toEqual(['指标测试任务A1', '指标测试任务B']);
  });

  it('counts coverage of villages against the org tree: units with a row over every 村（社区）of the subtree', async () => {
    // 元坝镇 has two villages (元坝社区, 泉坝村); the county 24, two per township.
    expect(await value(office, 'grassroots.villages', ids.township, '2024')).toBe(2);
    expect(await value(office, 'grassroots.villages', ids.county, '2024')).toBe(24);
    // Two contracts at 元坝社区 count once; the township's own contract is not a village's.
    expect(await value(office, 'grassroots.adviser_villages', ids.township, '2024')).toBe(1);
    expect(await value(office, 'grassroots.adviser_coverage_rate', ids.township, '2024')).toBe(50);
    expect(await value(office, 'grassroots.adviser_coverage_rate', ids.township, '2025')).toBe(100);
    expect(await value(office, 'grassroots.adviser_coverage_rate', ids.county, '2025')).toBe(8.3);
    expect(await value(office, 'grassroots.adviser_coverage_rate', ids.township, '2023')).toBe(0);
    // 泉坝村's contract ended on 2025-12-31: in force for 2025 and its second half, lapsed for 2026.
    expect(await value(office, 'grassroots.adviser_coverage_rate', ids.township, '2025-H2')).toBe(100);
    expect(await value(office, 'grassroots.adviser_coverage_rate', ids.township, '2026')).toBe(50);
    expect(await value(office, 'grassroots.adviser_coverage_rate', ids.township, '2025-Q1')).toBe(100);
    expect(await value(office, 'grassroots.reasoning_coverage_rate', ids.township, '2024')).toBe(50);
    expect(await value(office, 'grassroots.reasoning_coverage_rate', ids.village, '2024')).toBe(100);
    const res = await office.get(`/api/metrics/grassroots.adviser_coverage_rate?org=${ids.township}&period=2024`);
    const villages = res.json().sources.find((s: { metric: string }) => s.metric === 'grassroots.villages');
    expect(villages).toMatchObject({ table: 'org.units', count: 2 });
    const rows = await office.get(villages.href);
    expect(
      rows
        .json()
        .items.map((r: { values: { name: string } }) => r.values.name)
        .sort(),
    ).toEqual(['元坝社区', '泉坝村']);
  });

  it('counts liaison visits done against due by the quarter rule, the same as core (hand count in the fixture)', async () => {
    expect(await value(office, 'grassroots.liaison_due', ids.county, '2024')).toBe(3);
    expect(await value(office, 'grassroots.liaison_done', ids.county, '2024')).toBe(2);
    expect(await value(office, 'grassroots.liaison_rate', ids.county, '2024')).toBe(66.7);
    expect(await value(office, 'grassroots.liaison_overdue', ids.county, '2024')).toBe(1);
    expect(await value(office, 'grassroots.liaison_rate', ids.county, '2024-H1')).toBe(100);
    expect(await value(office, 'grassroots.liaison_rate', ids.county, '2024-Q3')).toBe(0);
    expect(await value(office, 'grassroots.liaison_due', ids.county, '2025')).toBe(4);
    expect(await value(office, 'grassroots.liaison_done', ids.county, '2025')).toBe(3);
    expect(await value(office, 'grassroots.liaison_rate', ids.office, '2024')).toBe(66.7);
    expect(await value(office, 'grassroots.liaison_due', ids.office, '2025')).toBe(0);
    // Core's rule over the same assignment and visits gives the same parts.
    const statuses = liaisonYearStatuses(
      {
        id: 1,
        leaderId: 1,
        pointId: ids.office,
        obligation: { every: 'quarter', times: 1 },
        startDate: '2024-02-01',
        endDate: '2024-08-15',
      },
      ['2024-03-31T15:00:00Z', '2024-03-31T17:00:00Z', '2024-05-10T02:00:00Z', '2024-09-01T02:00:00Z'].map((at, i) => ({
        id: i,
        leaderId: 1,
        pointId: ids.office,
        visitedAt: new Date(at),
      })),
      2024,
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(liaisonRate(statuses)).toMatchObject({ required: 3, done: 2 });
    const res = await office.get(`/api/metrics/grassroots.liaison_overdue?org=${ids.county}&period=2024`);
    const rows = await office.get(res.json().sources[0].href);
    expect(rows.json().items).toEqual([
      expect.objectContaining({ values: expect.objectContaining({ point: '元坝镇司法所', period: '2024年第三季度' }) }),
    ]);
  });

  it('rates 重大行政决策 with all five legal steps over all decisions', async () => {
    expect(await value(office, 'grassroots.major_decisions_complete', ids.county, '2024')).toBe(2);
    expect(await value(office, 'grassroots.major_decision_steps_rate', ids.county, '2024')).toBe(66.7);
  });

  it('gives the same figure from the roll-up and straight from the rows, for every metric', async () => {
    const user = officeUser();
    const request = {
      user,
      keys: registryKeys,
      orgIds: [ids.county, ids.township, ids.justice],
      rootPath: ids.countyPath,
      periods: ['2024', '2024-H2', '2025', '2030'],
    };
    const fast = await computeFigures(t.db, request);
    const raw = await computeFigures(t.db, { ...request, forceRaw: true });
    for (const key of registryKeys)
      for (const org of request.orgIds)
        for (const period of request.periods)
          expect(fast.get(key, org, period), `${key} ${org} ${period}`).toEqual(raw.get(key, org, period));
  });

  it('keeps the roll-up right through update, delete and an org move', async () => {
    await t.db.execute(
      sql`update ledger_rows set data = jsonb_set(data, '{result}', '"success"') where data->>'case_no' = 'T-2'`,
    );
    expect(await value(office, 'mediation.resolved', ids.county, '2024')).toBe(4);
    await t.db.execute(sql`delete from ledger_rows where data->>'case_no' = 'T-2'`);
    expect(await value(office, 'mediation.cases', ids.county, '2024')).toBe(4);
    expect(await value(office, 'mediation.resolved', ids.county, '2024')).toBe(3);
    // Move 元坝镇 (2 cases in 2024) under the neighbour county: the figures follow. The county office may not move
    // a unit out of its county; the system administrator (whole region) may.
    const refused = await office.post(`/api/orgs/${ids.township}/move`, { parentId: ids.neighbour });
    expect([refused.statusCode, refused.json().message]).toEqual([
      404,
      '未找到该上级单位，或该上级单位不在您的数据范围内',
    ]);
    expect(await value(city, 'mediation.cases', ids.county, '2024')).toBe(4);
    const sysadmin = await t.as('sysadmin');
    const move = await sysadmin.post(`/api/orgs/${ids.township}/move`, { parentId: ids.neighbour });
    expect(move.statusCode, move.body).toBe(200);
    expect(await value(city, 'mediation.cases', ids.county, '2024')).toBe(2);
    expect(await value(city, 'mediation.cases', ids.neighbour, '2024')).toBe(3);
    expect(await value(city, 'mediation.cases', ids.city, '2024')).toBe(5);
  });

  function officeUser(): AuthUser {
    return {
      id: 0,
      username: 'office',
      displayName: '',
      role: 'office',
      dataScope: 'subtree',
      orgId: ids.county,
      orgName: '',
      scopePath: ids.countyPath,
      mustChangePassword: false,
      sessionId: '',
      csrfToken: '',
    };
  }
});

describe('metric data scope', () => {
  it("refuses another unit's figures and rows as not found", async () => {
    for (const url of [
      `/api/metrics/mediation.cases?org=${ids.county}&period=2024`,
      `/api/metrics/mediation.cases?org=${ids.justice}&period=2024`,
      `/api/metrics/mediation.cases/rows?org=${ids.justice}&period=2024`,
    ]) {
      const res = await reporterB.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    const outside = await office.get(`/api/metrics/mediation.cases?org=${ids.neighbour}&period=2024`);
    expect(await refusal(outside)).toEqual([404, '未找到该单位，或该单位不在您的数据范围内']);
  });

  it('lets a unit see its own figures, with personal data masked in rows unless the role may read it', async () => {
    expect(await value(reporterA, 'mediation.cases', ids.justice, '2024')).toBe(2); // T-2 was deleted above
    const own = await reporterA.get(`/api/metrics/mediation.cases/rows?org=${ids.justice}&period=2024`);
    expect(own.statusCode).toBe(200);
    expect(own.json().masked).toBe(true);
    const parties = own.json().items.map((r: { values: { parties: string } }) => r.values.parties);
    expect(parties).toContain('张*');
    expect(own.json().items.map((r: { values: { result: string } }) => r.values.result)).toContain('调解成功');
    const full = await office.get(`/api/metrics/mediation.cases/rows?org=${ids.justice}&period=2024`);
    expect(full.json().masked).toBe(false);
    expect(full.json().items.map((r: { values: { parties: string } }) => r.values.parties)).toContain('张三');
  });

  it('scopes each source by its own org column for a unit user (org units, liaison obligations, ledger rows)', async () => {
    // 区司法局 has no villages and is no liaison point: zeros and a null rate, never an error.
    expect(await value(reporterA, 'grassroots.villages', ids.justice, '2024')).toBe(0);
    expect(await value(reporterA, 'grassroots.adviser_coverage_rate', ids.justice, '2024')).toBeNull();
    expect(await value(reporterA, 'grassroots.liaison_due', ids.justice, '2024')).toBe(0);
    expect(await value(reporterA, 'grassroots.major_decisions_complete', ids.justice, '2024')).toBe(2);
  });

  it('rejects bad input with a Chinese message', async () => {
    const badPeriod = await office.get(`/api/metrics/mediation.cases?org=${ids.county}&period=2024-13`);
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().message).toMatch(/期间/);
    const unknown = await office.get(`/api/metrics/nope.nothing?org=${ids.county}&period=2024`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/指标/);
  });
});
