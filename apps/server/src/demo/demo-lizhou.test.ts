import type { DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { findDuplicatesInFile } from '@fazhi/core/ledgers/duplicates';
import { buildRowSchema, type LedgerData } from '@fazhi/core/ledgers/row-schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { openRowData } from '../platform/kernel/ledger-row-crypto.ts';

// The demo's second county has a year of its own: the city roll-up compares two counties with non-zero figures
// and a different pattern (利州区 handles fewer disputes at a lower rate, more legal aid and legality reviews).

let t: TestApp;
let city: Client;
let cityId: number;
let counties: { id: number; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('city');
  cityId = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '广元市'`))[0]!.id;
  counties = await queryRows(t.db, sql`select id, name from orgs where name in ('利州区', '昭化区')`);
});

const idOf = (county: string) => counties.find((o) => o.name === county)!.id;

/** A registry figure of 利州区 or 昭化区 for a period, as the city reads it. */
async function figure(key: string, county: string, period: string) {
  const res = await city.get(`/api/metrics/${key}?org=${idOf(county)}&period=${period}`);
  expect(res.statusCode, `${key} ${res.body}`).toBe(200);
  return res.json().value as number | null;
}

type RowsPage = { total: number; items: { values: Record<string, unknown> }[] };

/** Every drill-down row of a 利州区 figure for a period, all pages read. */
async function lizhouRows(key: string, period: string): Promise<RowsPage> {
  const all: RowsPage = { total: 0, items: [] };
  for (let page = 1; ; page++) {
    const res = await city.get(
      `/api/metrics/${key}/rows?org=${idOf('利州区')}&period=${period}&page=${page}&pageSize=200`,
    );
    expect(res.statusCode, `${key} ${res.body}`).toBe(200);
    const p: RowsPage = res.json();
    all.total = p.total;
    all.items.push(...p.items);
    if (all.items.length >= p.total || p.items.length === 0) return all;
  }
}

const sumOf = (r: RowsPage, field: string) => r.items.reduce((a, i) => a + Number(i.values[field] ?? 0), 0);
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

  it('关键少数: the city sees both counties’ 会前学法 and 述法, 利州区 with fewer studies and higher 评议 scores', async () => {
    const studies = await city.get('/api/cadres/studies?year=2025');
    expect(studies.statusCode, studies.body).toBe(200);
    const items: { orgName: string; attendeeCount: number; expectedCount: number }[] = studies.json().items;
    const of = (names: string[]) => items.filter((s) => names.includes(s.orgName));
    const lizhou = of(['利州区']);
    const zhaohua = of(['区委办公室', '区政府办公室']);
    expect(items).toHaveLength(lizhou.length + zhaohua.length);
    // 利州区: months 1, 2, 3, 5, 7, 9, 10, 12; 7 present + 1 in months ≡ 0 (mod 3) + 1 in months ≡ 0 (mod 4) (0-based).
    expect(lizhou.map((s) => s.attendeeCount).sort()).toEqual([7, 7, 7, 8, 8, 8, 8, 9]);
    expect(lizhou.reduce((a, s) => a + s.attendeeCount, 0)).toBe(62); // of 8 × 11 = 88: 70.5 %
    expect(zhaohua).toHaveLength(12);
    expect(zhaohua.reduce((a, s) => a + s.attendeeCount, 0)).toBe(115); // of 132: 87.1 %
    const reports = await city.get('/api/cadres/law-reports?year=2025');
    expect(reports.statusCode, reports.body).toBe(200);
    const rows: { orgName: string; position: string; panelScores: number[]; panelAverage: number }[] =
      reports.json().items;
    const lz = rows.filter((r) => r.orgName.startsWith('利州区'));
    // The district's 书记 and 区长 and the head of each of its five units; 昭化区: 2 + 17 units + 12 × 2 townships.
    expect(lz).toHaveLength(7);
    expect(rows).toHaveLength(7 + 43);
    const secretary = (county: string) => rows.find((r) => r.orgName === county && r.position === '区委书记')!;
    // Base 82 (昭化区 78) + 0, each member's score base + (5k + 0) % 9 − 3.
    expect(secretary('利州区').panelScores).toEqual([79, 84, 80, 85, 81, 86, 82]);
    expect(secretary('利州区').panelAverage).toBe(82.4);
    expect(secretary('昭化区').panelAverage).toBe(78.4);
    const thisYear = await city.get('/api/cadres/law-reports?year=2026');
    const now: { orgName: string }[] = thisYear.json().items;
    expect(now.filter((r) => r.orgName.startsWith('利州区'))).toHaveLength(7);
    expect(now).toHaveLength(7 + 14);
  });

  it('满意度测评: the city sees 利州区’s own surveys, its units ranked in its own order', async () => {
    const list = await city.get('/api/consultation/surveys');
    expect(list.statusCode, list.body).toBe(200);
    const surveys: { id: number; orgName: string; title: string; status: string; responses: number }[] =
      list.json().items;
    expect(surveys.map((s) => [s.orgName, s.title, s.status, s.responses]).sort()).toEqual([
      ['利州区', '2025年度利州区法治建设群众满意度测评', 'closed', 240],
      ['利州区', '2026年度利州区法治建设群众满意度测评', 'open', 20],
      ['昭化区', '2025年度昭化区法治建设群众满意度测评', 'closed', 360],
      ['昭化区', '2026年度昭化区法治建设群众满意度测评', 'open', 48],
    ]);
    const last = surveys.find((s) => s.title.startsWith('2025年度利州区'))!;
    const res = await city.get(`/api/consultation/surveys/${last.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const targets: { name: string; responses: number; average: number }[] = res.json().targets;
    expect(targets.reduce((a, t) => a + t.responses, 0)).toBe(240);
    // Seeded levels: 教育局 4.6, 市场监管局 4.5, 司法局 4.1, 公安分局 3.3, 住建局 3.1.
    expect([...targets].sort((a, b) => b.average - a.average).map((t) => t.name)).toEqual([
      '利州区教育局',
      '利州区市场监督管理局',
      '利州区司法局',
      '利州区公安分局',
      '利州区住房和城乡建设局',
    ]);
    // 利州区's office sees its own surveys only.
    const lzOffice = await t.as('lz-office');
    const own = await lzOffice.get('/api/consultation/surveys');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((s: { orgName: string }) => s.orgName)).toEqual(['利州区', '利州区']);
  });

  it('督察 通报: the city sees 利州区’s own 通报 under its own 文号', async () => {
    const res = await city.get('/api/oversight/bulletins?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const lz = res.json().items.filter((b: { orgName: string }) => b.orgName === '利州区委依法治区办');
    expect(lz).toHaveLength(1);
    expect(lz[0].docNo).toBe('利法治办〔2025〕1号');
    expect(lz[0].entries.map((e: { orgName: string; stance: string }) => [e.orgName, e.stance])).toEqual([
      ['利州区市场监督管理局', 'praise'],
      ['利州区教育局', 'praise'],
      ['利州区住房和城乡建设局', 'criticism'],
    ]);
  });

  it('年度报告: 利州区’s report for 2025 is published, composed from its own ledgers with its own opening', async () => {
    const anon = { get: (url: string) => t.app.inject({ method: 'GET', url }) };
    const counties = await anon.get('/api/portal/report-counties');
    expect(counties.statusCode, counties.body).toBe(200);
    const lizhouId = counties.json().items.find((c: { name: string }) => c.name === '利州区').id;
    expect(counties.json().items.map((c: { name: string; reports: number }) => [c.name, c.reports])).toEqual([
      ['昭化区', 1],
      ['利州区', 1],
    ]);
    const list = await anon.get(`/api/portal/counties/${lizhouId}/reports`);
    expect(list.statusCode, list.body).toBe(200);
    const [year] = list.json().years;
    expect(year.year).toBe(2025);
    expect(year.reports.map((r: { orgName: string; publishedOn: string }) => [r.orgName, r.publishedOn])).toEqual([
      ['利州区', '2026-03-28'],
    ]);
    const report = await anon.get(`/api/portal/counties/${lizhouId}/reports/${year.reports[0].id}`);
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    expect(body.preamble).toMatch(/^2025年，利州区以建设法治城区为主线/);
    const text = body.sections.flatMap((s: { paragraphs: string[] }) => s.paragraphs).join('');
    // Its own ledgers' figures: 860 mediated disputes, 520 legal-aid cases, 310 legality reviews.
    for (const figure of ['860', '520', '310']) expect(text).toContain(figure);
  });

  it("the city sees 利州区's grass-roots units and figures, counted by hand", async () => {
    const lizhouId = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '利州区'`))[0]!.id;
    const figure = async (key: string, org = lizhouId) => {
      const res = await city.get(`/api/metrics/${key}?org=${org}&period=2025`);
      expect(res.statusCode, `${key} ${res.body}`).toBe(200);
      return res.json().value as number;
    };
    const expected: Record<string, number> = {
      // 3 司法所 with 4+3+3 staff, 3+2+2 qualified; 7 社区/村 (2+2+3; the 2 grids are not villages).
      'grassroots.villages': 7,
      'grassroots.jo_staff': 10,
      'grassroots.jo_qualified': 7,
      'grassroots.jo_qualified_rate': 70,
      // 两室 in 3 townships (6) + 法律援助工作站 in 东坝街道 and 宝轮镇 (2) + 评理说事点 in 5 villages (not 石龙村, 黄家村)
      // + a 综治中心 in each of the 3 townships + 4 of the 五个载体 and 2 法治图书室 in the two streets + 5 法律援助联络点.
      'grassroots.facilities': 27,
      // Stations at 20 and 75 minutes, 联络点 at 15, 20, 25, 30 and 80: 宝轮镇's station and 黄家村's point lie
      // outside the one-hour circle.
      'grassroots.legal_aid_network': 7,
      'grassroots.legal_aid_in_circle': 5,
      'grassroots.service_circle_rate': 71.4,
      // 3 司法所 × 4 quarters owed last year; 宝轮镇司法所 missed 2 quarters.
      'grassroots.liaison_due': 12,
      'grassroots.liaison_done': 10,
      'grassroots.liaison_rate': 83.3,
      'grassroots.liaison_overdue': 2,
      'grassroots.reasoning_villages': 5,
      'grassroots.reasoning_coverage_rate': 71.4,
      // 法律顾问 in the three seat communities only; but 18 法律明白人 and 3 普法志愿者 in every village.
      'grassroots.adviser_villages': 3,
      'grassroots.adviser_coverage_rate': 42.9,
      'pls.legal_literates': 126,
      'grassroots.law_volunteers': 21,
      'grassroots.volunteer_coverage_rate': 100,
    };
    const actual: Record<string, number> = {};
    for (const key of Object.keys(expected)) actual[key] = await figure(key);
    expect(actual).toEqual(expected);
    // A different pattern from 昭化区: full adviser coverage there, fewer 法律明白人 per village.
    const zhaohuaId = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '昭化区'`))[0]!.id;
    expect(await figure('grassroots.adviser_coverage_rate', zhaohuaId)).toBe(100);
    expect(
      (await figure('pls.legal_literates', zhaohuaId)) / (await figure('grassroots.villages', zhaohuaId)),
    ).toBeLessThan(18);
    // The city's 司法所 list holds 利州区's three, with their staff.
    const offices = await city.get('/api/grassroots/offices?year=2025');
    expect(offices.statusCode, offices.body).toBe(200);
    const lz = (offices.json().items as { name: string; township: string; staff: number; qualified: number }[])
      .filter((o) => ['东坝街道', '嘉陵街道', '宝轮镇'].includes(o.township))
      .map((o) => [o.name, o.staff, o.qualified]);
    expect(lz).toEqual([
      ['东坝街道司法所', 4, 3],
      ['嘉陵街道司法所', 3, 2],
      ['宝轮镇司法所', 3, 2],
    ]);
    // Two grids under 东坝社区, appended after every other org: no earlier id moved.
    const grids = await queryRows<{ name: string; parent: string }>(
      t.db,
      sql`select g.name, p.name as parent from orgs g join orgs p on p.id = g.parent_id
          where g.kind = 'grid' and g.path like ${`%/${lizhouId}/%`} order by g.id`,
    );
    expect(grids).toEqual([
      { name: '东坝社区第一网格', parent: '东坝社区' },
      { name: '东坝社区第二网格', parent: '东坝社区' },
    ]);
    const [last] = await queryRows<{ id: number }>(
      t.db,
      sql`select max(id)::int as id from orgs where path not like ${`%/${lizhouId}/%`}`,
    );
    const [first] = await queryRows<{ id: number }>(
      t.db,
      sql`select min(id)::int as id from orgs where name = '东坝街道'`,
    );
    expect(first!.id).toBeGreaterThan(last!.id);
  });

  it("利州区's other grass-roots figures (法考 to 安置帮教): its own pattern, counted by hand", async () => {
    // [2025, 2026] for 利州区, hand-counted from demo-lizhou-grassroots-figures.ts.
    const expected: Record<string, [number, number]> = {
      // 法考: 东坝 3 of 3, 嘉陵 2 of 2, 宝轮 1 of 2 last year; one sitting each this year, only 东坝's passed.
      'grassroots.exam_sat': [7, 3],
      'grassroots.exam_passed': [6, 1],
      'grassroots.exam_pass_rate': [85.7, 33.3],
      // 列席: 东坝 2 of 4, 嘉陵 3 of 3, 宝轮 2 of 5; this year 2 of 3, 2 of 2, 1 of 3.
      'grassroots.decision_meetings': [12, 8],
      'grassroots.decision_attended': [7, 5],
      'grassroots.decision_attendance_rate': [58.3, 62.5],
      // A 综治中心 per township; room lists for all three, 宝轮镇's without a 人民调解室.
      'grassroots.comprehensive_centers': [3, 3],
      'grassroots.center_checklists': [3, 3],
      'grassroots.centers_with_mediation_room': [2, 2],
      // 12345: six villages of 宝轮镇 listed, 黄家村 and 寨子村 not yet covered.
      'grassroots.benefit_villages': [6, 6],
      'grassroots.benefit_covered': [4, 4],
      'grassroots.benefit_coverage_rate': [66.7, 66.7],
      // 四项行动: 64+58+120+86+42+37+78+60 last year, 51+96+74+33+69+49 this year.
      'grassroots.four_actions': [8, 6],
      'grassroots.four_actions_served': [545, 372],
      // 普法责任清单: all six done last year, 住建局's one of five open this year.
      'grassroots.publicity_duties': [6, 5],
      'grassroots.publicity_duties_done': [6, 4],
      'grassroots.publicity_duty_rate': [100, 80],
      // 乡贤 2 in 石龙村 and 1 in 黄家村; 知客 in 宝轮社区, 石龙村, 黄家村 (黄家村's second one off the register).
      'grassroots.village_sages': [3, 3],
      'grassroots.sage_villages': [2, 2],
      'grassroots.sage_coverage_rate': [28.6, 28.6],
      'grassroots.village_hosts': [3, 3],
      'grassroots.host_villages': [3, 3],
      'grassroots.host_coverage_rate': [42.9, 42.9],
      // 矛盾纠纷排查: 东坝 8 of 9, 嘉陵 7 of 7, 宝轮 4 of 6; this year 5 of 6, 4 of 5, 3 of 4. One 民转刑 last year,
      // not from a mishandled mediation.
      'grassroots.dispute_leads': [22, 15],
      'grassroots.disputes_resolved': [19, 12],
      'grassroots.dispute_resolution_rate': [86.4, 80],
      'grassroots.civil_criminal_cases': [1, 0],
      'grassroots.civil_criminal_improper': [0, 0],
      // 安置帮教: handed over after 5, 12, 41, 3, 20, 8, 26 days last year (one late), helped all but two; this year
      // after 6, 9, 15 days and one not yet; nobody re-offended.
      'grassroots.released_received': [7, 4],
      'grassroots.released_on_time': [6, 3],
      'grassroots.released_handover_rate': [85.7, 75],
      'grassroots.released_helped': [5, 3],
      'grassroots.released_help_rate': [71.4, 75],
      'grassroots.reoffending_rate': [0, 0],
      // 三个一: two targets last year, a third this year; 学法考法 1391 of 1460, then 1452 of 1485.
      'grassroots.three_ones': [2, 3],
      'grassroots.law_exam_required': [1460, 1485],
      'grassroots.law_exam_participants': [1391, 1452],
      'grassroots.law_exam_rate': [95.3, 97.8],
      'grassroots.must_know_laws': [0, 6],
      'grassroots.vice_principals': [6, 6],
      'grassroots.five_carriers': [4, 4],
      'grassroots.law_libraries': [2, 2],
      'grassroots.power_list_entries': [4, 4],
      'grassroots.inclusive_list_items': [3, 3],
      'grassroots.inclusive_cases': [2, 3],
      'grassroots.enforcement_supervisors': [3, 3],
    };
    const actual: Record<string, [number | null, number | null]> = {};
    for (const key of Object.keys(expected))
      actual[key] = [await figure(key, '利州区', '2025'), await figure(key, '利州区', '2026')];
    expect(actual).toEqual(expected);
    // A pattern of its own: stronger in 法考 and 知客 and 四项行动 last year, weaker in 12345, 乡贤 and 综治中心 rooms.
    const zhaohua = async (key: string, period = '2025') => figure(key, '昭化区', period);
    expect(await zhaohua('grassroots.exam_pass_rate')).toBe(66.7);
    expect(await zhaohua('grassroots.benefit_coverage_rate')).toBe(95.2);
    expect(await zhaohua('grassroots.sage_coverage_rate')).toBe(45.8);
    expect(await zhaohua('grassroots.host_coverage_rate')).toBe(33.3);
    expect(await zhaohua('grassroots.centers_with_mediation_room')).toBe(4);
    expect(await zhaohua('grassroots.decision_attendance_rate', '2026')).toBe(80.6);
    expect(await zhaohua('grassroots.publicity_duty_rate', '2026')).toBe(85.7);
    expect(await zhaohua('grassroots.four_actions_served', '2026')).toBe(660);
    expect(await zhaohua('grassroots.dispute_resolution_rate')).toBe(74.6);
    expect(await zhaohua('grassroots.reoffending_rate')).toBe(8.3);
    expect(await zhaohua('grassroots.law_exam_rate')).toBe(98.8);

    // Each count's drill-down lists as many rows as the figure; the sums' rows add up to them.
    for (const [key, [value]] of Object.entries(expected)) {
      // Rates have no rows of their own; the villages-with counts are distinct villages, not rows.
      const distinct = [
        'grassroots.sage_villages',
        'grassroots.host_villages',
        'grassroots.four_actions_served',
        'grassroots.law_exam_required',
        'grassroots.law_exam_participants',
      ];
      if (key.endsWith('_rate') || distinct.includes(key)) continue;
      expect((await lizhouRows(key, '2025')).total, key).toBe(value);
    }
    expect(sumOf(await lizhouRows('grassroots.four_actions_served', '2025'), 'beneficiaries')).toBe(545);
    const exams = await lizhouRows('grassroots.law_exam_participants', '2025');
    expect(exams.items.map((r) => r.values.participants)).toEqual([1391]);

    // The city's 司法所 list: each office's 法考, 列席 and latest 评定 of last year.
    const offices = await city.get('/api/grassroots/offices?year=2025');
    expect(offices.statusCode, offices.body).toBe(200);
    type Office = {
      name: string;
      township: string;
      center: string | null;
      examSat: number;
      examPassed: number;
      decisionMeetings: number;
      decisionAttended: number;
      rating: { level: string; stars: number } | null;
    };
    const lz = (offices.json().items as Office[])
      .filter((o) => ['东坝街道', '嘉陵街道', '宝轮镇'].includes(o.township))
      .map((o) => [o.name, o.center, o.examSat, o.examPassed, o.decisionMeetings, o.decisionAttended, o.rating]);
    expect(lz).toEqual([
      [
        '东坝街道司法所',
        '东坝中心司法所片区',
        3,
        3,
        4,
        2,
        { year: 2024, level: 'province', stars: 5, label: expect.any(String) },
      ],
      [
        '嘉陵街道司法所',
        '东坝中心司法所片区',
        2,
        2,
        3,
        3,
        { year: 2025, level: 'city', stars: 4, label: expect.any(String) },
      ],
      [
        '宝轮镇司法所',
        '宝轮中心司法所片区',
        2,
        1,
        5,
        2,
        { year: 2025, level: 'county', stars: 3, label: expect.any(String) },
      ],
    ]);
  });

  it("利州区's 重大行政决策, 法治培训 and service platforms: its own pattern, counted by hand", async () => {
    // [2025, 2026] for 利州区, hand-counted from demo-lizhou-platforms.ts.
    const expected: Record<string, [number, number]> = {
      // 6 decisions last year, 农贸市场迁建 without 风险评估; 3 this year, 养老服务设施 without 公众参与.
      'major_decisions.total': [6, 3],
      'grassroots.major_decisions_complete': [5, 2],
      'grassroots.major_decision_steps_rate': [83.3, 66.7],
      // 96+58+132+75+110+64+140+67 last year; 88+62+120+71+105+59 this year.
      'training.sessions': [8, 6],
      'training.attendees': [742, 505],
      // One centre, a station per street/town, rooms in four communities and 万缘社区's since May this year.
      'pls.centers': [1, 1],
      'pls.stations': [3, 3],
      'pls.rooms': [4, 5],
      'pls.village_advisers': [3, 3],
      // 3 street/town committees of 5, 7 village ones of 3, 2 professional ones of 4.
      'mediation.committees': [12, 12],
      'mediation.mediators': [44, 44],
      // Visits 320 + 10 × month, calls 180 + 5 × month: 4620 + 2550 over 12 months; 4180 + 2310 over 11 this year.
      'legal_aid.services': [7170, 6490],
    };
    const actual: Record<string, [number | null, number | null]> = {};
    for (const key of Object.keys(expected))
      actual[key] = [await figure(key, '利州区', '2025'), await figure(key, '利州区', '2026')];
    expect(actual).toEqual(expected);
    // Stronger than 昭化区 on the decisions' 法定程序, weaker on training.
    expect(await figure('grassroots.major_decision_steps_rate', '昭化区', '2025')).toBe(60);
    expect(await figure('training.sessions', '昭化区', '2025')).toBe(12);
    expect(await figure('training.attendees', '昭化区', '2025')).toBe(1604);
    expect(await figure('grassroots.service_circle_rate', '昭化区', '2025')).toBe(91.9);

    // Each count's drill-down lists as many rows as the figure; the sums' rows add up to them.
    for (const [key, [value, current]] of Object.entries(expected)) {
      if (key.endsWith('_rate') || ['training.attendees', 'legal_aid.services'].includes(key)) continue;
      expect((await lizhouRows(key, '2025')).total, key).toBe(value);
      expect((await lizhouRows(key, '2026')).total, `${key} 2026`).toBe(current);
    }
    expect(sumOf(await lizhouRows('training.attendees', '2025'), 'attendees')).toBe(742);
    expect(sumOf(await lizhouRows('training.attendees', '2026'), 'attendees')).toBe(505);
    expect(sumOf(await lizhouRows('legal_aid.services', '2025'), 'persons')).toBe(7170);
    expect(sumOf(await lizhouRows('legal_aid.services', '2026'), 'persons')).toBe(6490);
    const network = await lizhouRows('grassroots.legal_aid_network', '2025');
    expect(network.total).toBe(7);
    // The one decision without all five steps is the 农贸市场 move.
    const all = (await lizhouRows('major_decisions.total', '2025')).items.map((r) => r.values.title);
    const complete = (await lizhouRows('grassroots.major_decisions_complete', '2025')).items.map((r) => r.values.title);
    expect(all.filter((title) => !complete.includes(title))).toEqual(['2025年利州区农贸市场迁建方案']);
  });

  it("利州区's 法治政府 ledgers (备案 to 示范点): its own pattern, counted by hand", async () => {
    // [2025, 2026] for 利州区, hand-counted from demo-lizhou-government.ts and demo-lizhou.ts.
    const expected: Record<string, [number, number]> = {
      // 4 规范性文件 and 2 重大处罚/强制 decisions filed last year, 2 and 2 this year.
      'normative_docs.filed': [6, 4],
      // 5 received, 1 not accepted, 3 concluded (2 维持, 1 撤销); this year 3, 2 accepted, 1 维持.
      'reconsideration.received': [5, 3],
      'reconsideration.accepted': [4, 2],
      'reconsideration.concluded': [3, 1],
      'reconsideration.maintained': [2, 1],
      'reconsideration.corrected': [1, 0],
      'reconsideration.correction_rate': [33.3, 0],
      // 6 suits, 5 heard, the head in court at all 5; this year 4, 3 heard, the head at 2.
      'litigation.cases': [6, 4],
      'litigation.hearings': [5, 3],
      'litigation.head_appearances': [5, 2],
      'litigation.head_appearance_rate': [100, 66.7],
      // 40 + 30 + 18 certificates in force (4 more expired); 8 files reviewed per department, then 6.
      'enforcement.officers': [88, 88],
      'enforcement.case_reviews': [24, 18],
      // Named 4, 3, 3 in the three years to last year, 2 this year.
      'publicity.demo_sites': [10, 12],
      // 310 reviews with one opinion each, a second on every 7th (44); this year 278 reviews so far, 39 with two.
      'legality_review.opinions': [354, 317],
      // The 委员会 once and the three 协调小组 once a year; 专题研究 at the 委员会, one 常委会 and the 常务会 in June
      // and November (this year June only).
      'leadership.committee_meetings': [4, 4],
      'leadership.special_studies': [4, 3],
    };
    const actual: Record<string, [number | null, number | null]> = {};
    for (const key of Object.keys(expected))
      actual[key] = [await figure(key, '利州区', '2025'), await figure(key, '利州区', '2026')];
    expect(actual).toEqual(expected);
    // 昭化区's heads missed one hearing of 7 last year; 利州区's none.
    expect(await figure('litigation.head_appearance_rate', '昭化区', '2025')).toBe(85.7);
    expect(await figure('enforcement.officers', '昭化区', '2025')).toBe(213);

    // Each count's drill-down lists as many rows as the figure, in both years.
    for (const [key, [value, current]] of Object.entries(expected)) {
      if (key.endsWith('_rate') || key === 'legality_review.opinions') continue;
      expect((await lizhouRows(key, '2025')).total, `${key} 2025`).toBe(value);
      expect((await lizhouRows(key, '2026')).total, `${key} 2026`).toBe(current);
    }
    // The unqualified files are 住建局's 3 and 市场监管局's 1.
    const [grades] = await queryRows<{ unqualified: number; housing: number }>(
      t.db,
      sql`select count(*) filter (where r.data->>'grade' = 'unqualified')::int as unqualified,
            count(*) filter (where r.data->>'grade' = 'unqualified'
              and r.data->>'enforcing_agency' = '利州区住房和城乡建设局')::int as housing
          from ledger_rows r join orgs o on o.id = r.org_id
          where r.type_key = 'enforcement_case_review' and o.name = '利州区' and r.row_date < '2026-01-01'`,
    );
    expect(grades).toEqual({ unqualified: 4, housing: 3 });
  });

  it("利州区's 信访, 政务公开 and 法律服务: its own pattern, counted by hand", async () => {
    // [2025, 2026] for 利州区, hand-counted from demo-lizhou-oversight.ts.
    const expected: Record<string, [number, number]> = {
      // 司法局 6, 东坝 3, 嘉陵 2, 宝轮 1; concluded after 70 and 65 days twice late; 司法局's October one not
      // classified; 2 repeat. This year 3 + 2 + 1 + 1, 司法局's July one open, 宝轮's after 80 days.
      'petitions.received': [12, 7],
      'petitions.concluded': [12, 6],
      'petitions.on_time': [10, 5],
      'petitions.on_time_rate': [83.3, 83.3],
      'petitions.classified': [11, 6],
      'petitions.classified_rate': [91.7, 85.7],
      'petitions.repeat': [2, 1],
      'petitions.repeat_rate': [16.7, 14.3],
      // A 政策解读 a month from 市场监管局 and 住建局, 许可 from both and 处罚 from 市场监管局 (12 months, then 10);
      // late: 市场监管局's May 处罚, 住建局's March, July and November 许可 (this year March and July).
      'disclosure.proactive': [60, 50],
      'disclosure.dual': [36, 30],
      'disclosure.dual_timely': [32, 28],
      'disclosure.timely_rate': [88.9, 93.3],
      // 2 + 3 requests, 住建局's second answered after 35 days and corrected on review; this year 1 + 2.
      'disclosure.requests': [5, 3],
      'disclosure.requests_answered': [5, 3],
      'disclosure.requests_on_time': [4, 3],
      'disclosure.request_timely_rate': [80, 100],
      'disclosure.requests_corrected': [1, 0],
      // 5 firms of 4 lawyers, a 公证处 of 3, two 法律服务所 of 2, a 鉴定所 of 2: 29 practitioners, one suspended.
      'legal_services.practitioners': [28, 28],
      'legal_services.institutions': [9, 9],
      // All 38 assessed each April: the suspended lawyer failed both years, a 宝轮 worker last year.
      'legal_services.assessed': [38, 38],
      'legal_services.assessment_passed': [36, 37],
      'legal_services.assessment_pass_rate': [94.7, 97.4],
      // Handled after 25, 75, 40, 68, 30, 20 days (two late); this year 28, 35, 22 and one open.
      'legal_services.complaints': [6, 4],
      'legal_services.complaints_handled': [6, 3],
      'legal_services.complaints_on_time': [4, 3],
      'legal_services.complaint_on_time_rate': [66.7, 100],
    };
    const actual: Record<string, [number | null, number | null]> = {};
    for (const key of Object.keys(expected))
      actual[key] = [await figure(key, '利州区', '2025'), await figure(key, '利州区', '2026')];
    expect(actual).toEqual(expected);
    expect(await figure('petitions.on_time_rate', '昭化区', '2025')).toBe(93.3);
    expect(await figure('disclosure.timely_rate', '昭化区', '2025')).toBe(91.7);
    expect(await figure('legal_services.complaint_on_time_rate', '昭化区', '2025')).toBe(80);
    for (const [key, [value, current]] of Object.entries(expected)) {
      if (key.endsWith('_rate')) continue;
      expect((await lizhouRows(key, '2025')).total, `${key} 2025`).toBe(value);
      expect((await lizhouRows(key, '2026')).total, `${key} 2026`).toBe(current);
    }
  });

  it("利州区's 社区矫正 and 调解涉及金额: its own pattern, counted by hand", async () => {
    // [2025, 2026] for 利州区, hand-counted from demo-lizhou-corrections.ts (clock 2026-11-23).
    const expected: Record<string, [number, number]> = {
      // Received last year: 东坝 6, 嘉陵 4, 宝轮 3; this year 4, 3, 3.
      'corrections.received': [13, 10],
      // Released last year: 东坝's 06-15, 07-08, 10-17, 10-18; 嘉陵's 08-14, 11-13; 宝轮's 05-06, 06-24 and the
      // 收监 of 04-15. This year 东坝 5 (the 收监 of 05-12 among them; 12-09 not yet), 嘉陵 3, 宝轮 1.
      'corrections.released': [9, 9],
      // 17 carried in (8 + 5 + 4, two of them released in 2024), then 13 and 10 received; 2 + 9, then 9 released.
      'corrections.received_total': [30, 40],
      'corrections.released_total': [11, 20],
      'corrections.active': [19, 20],
      // 在册 at each month's end, January to December last year: 东坝 8 8 9 10 10 10 9 10 10 9 9 9 (111),
      // 嘉陵 4 5 5 5 6 6 7 6 6 6 6 6 (68), 宝轮 4 4 5 4 3 3 3 3 4 4 4 4 (45); this year to October (November's report
      // is dated the 30th): 东坝 9 9 9 8 7 8 8 8 8 8 (82), 嘉陵 6 5 4 4 5 5 5 6 6 6 (52), 宝轮 4 4 3 4 4 4 4 4 4 5 (40).
      'corrections.monitored': [224, 174],
      // One not located in 东坝's September and 宝轮's March, July, August and November; this year 嘉陵's April and
      // 宝轮's February and June.
      'corrections.located': [219, 171],
      'corrections.location_rate': [97.8, 98.3],
      // 860 cases, every 17th failed: written agreements of 6,000, 12,000 and 20,000 元 for g % 4 = 1, 2, 3 —
      // 202 + 202 + 203 of them (215 each less the multiples of 17: 13, 13, 12), 769.6 万元; this year 770 cases,
      // 181 + 182 + 181 (193, 193, 192 less 12, 11, 11), 689 万元.
      'mediation.amount': [769.6, 689],
    };
    const actual: Record<string, [number | null, number | null]> = {};
    for (const key of Object.keys(expected))
      actual[key] = [await figure(key, '利州区', '2025'), await figure(key, '利州区', '2026')];
    expect(actual).toEqual(expected);
    // 昭化区: a larger register, located more reliably, more agreements with smaller sums.
    expect(await figure('corrections.received', '昭化区', '2025')).toBe(139);
    expect(await figure('corrections.active', '昭化区', '2025')).toBe(192);
    expect(await figure('corrections.location_rate', '昭化区', '2025')).toBe(98.8);
    expect(await figure('mediation.amount', '昭化区', '2025')).toBe(1301.99);

    // Each count's drill-down lists as many rows as the figure; the sums' rows add up to them.
    const yuan = (v: unknown) => (typeof v === 'string' ? Number(v.replace(/[^\d.]/g, '')) : 0);
    for (const [i, period] of ['2025', '2026'].entries()) {
      for (const key of [
        'corrections.received',
        'corrections.released',
        'corrections.received_total',
        'corrections.released_total',
      ])
        expect((await lizhouRows(key, period)).total, `${key} ${period}`).toBe(expected[key]![i]);
      const reports = await lizhouRows('corrections.monitored', period);
      expect(reports.total, `reports ${period}`).toBe([36, 30][i]);
      expect(sumOf(reports, 'active_count')).toBe(expected['corrections.monitored']![i]);
      expect(sumOf(reports, 'located_count')).toBe(expected['corrections.located']![i]);
      const cases = await lizhouRows('mediation.amount', period);
      expect(cases.total, `mediation ${period}`).toBe([860, 770][i]);
      const amount = cases.items.reduce((a, c) => a + yuan(c.values.agreement_amount), 0);
      expect(amount / 10_000).toBe(expected['mediation.amount']![i]);
    }
    // The two 收监 are the only releases not at the term's end.
    const [kinds] = await queryRows<{ revoked: number; expired: number }>(
      t.db,
      sql`select count(*) filter (where r.data->>'release_kind' = 'revoked')::int as revoked,
            count(*) filter (where r.data->>'release_kind' = 'expired')::int as expired
          from ledger_rows r join orgs o on o.id = r.org_id
          where r.type_key = 'corrections_subject' and o.name in ('东坝街道司法所', '嘉陵街道司法所', '宝轮镇司法所')`,
    );
    expect(kinds).toEqual({ revoked: 2, expired: 18 });
  });

  it("利州区's new units carry dimensions 利州区 owns, as 昭化区's do", async () => {
    const lzOffice = await t.as('lz-office');
    const dims = await lzOffice.get('/api/dimensions');
    expect(dims.statusCode, dims.body).toBe(200);
    const list: { id: number; kind: string; name: string }[] = dims.json().items;
    const byId = new Map(list.map((d) => [d.id, `${d.kind}:${d.name}`]));
    const orgs = await lzOffice.get('/api/orgs');
    expect(orgs.statusCode, orgs.body).toBe(200);
    const items: { name: string; dimensionIds: number[] }[] = orgs.json().items;
    const tags = (name: string) =>
      items
        .find((o) => o.name === name)!
        .dimensionIds.map((d) => byId.get(d))
        .sort();
    expect(tags('东坝街道')).toEqual(['center_office:东坝中心司法所片区', 'tier:乡镇（街道）']);
    expect(tags('宝轮镇司法所')).toEqual(['center_office:宝轮中心司法所片区']);
    expect(tags('凤凰社区')).toEqual(['sector:社区', 'tier:村（社区）']);
    expect(tags('黄家村')).toEqual(['sector:乡村', 'tier:村（社区）']);
    expect(tags('利州区公安分局')).toEqual([
      'coord_group:司法协调小组',
      'coord_group:执法协调小组',
      'sector:单位',
      'tier:区级部门',
    ]);
    // Every 街道/镇, 司法所 and 社区/村 of 利州区 has at least one, and none of 昭化区's dimensions.
    const zhaohuaDims = await queryRows<{ id: number }>(
      t.db,
      sql`select d.id from dimensions d join orgs o on o.id = d.owner_org_id where o.name = '昭化区'`,
    );
    const foreign = new Set(zhaohuaDims.map((d) => d.id));
    const units = await queryRows<{ name: string; n: number; foreign: number }>(
      t.db,
      sql`select o.name, count(od.dimension_id)::int as n,
            count(od.dimension_id) filter (where od.dimension_id in ${sql.raw(`(${[...foreign].join(',')})`)})::int as foreign
          from orgs o join orgs c on c.name = '利州区' and o.path like c.path || '%'
          left join org_dimensions od on od.org_id = o.id
          where o.kind in ('township', 'judicial_office', 'village', 'department') group by o.name`,
    );
    expect(units).toHaveLength(3 + 3 + 7 + 5);
    expect(units.filter((u) => u.n === 0 || u.foreign > 0)).toEqual([]);
  });

  it("利州区's grass-roots rows satisfy their types' schemas, with no repeated unique key", async () => {
    const types = [
      'jo_staff',
      'jo_exam_attempt',
      'jo_rating',
      'jo_decision_attendance',
      'law_facility',
      'center_room',
      'benefit_village',
      'four_actions',
      'adviser_contract',
      'pls_person',
      'law_volunteer',
      'village_sage',
      'village_host',
      'publicity_duty',
      'dispute_lead',
      'civil_criminal_case',
      'released_person',
      'three_ones_service',
      'law_exam',
      'must_know_law',
      'vice_principal',
      'power_list_entry',
      'inclusive_list_item',
      'inclusive_case',
      'enforcement_supervisor',
      'major_decision',
      'law_training',
      'pls_facility',
      'mediation_org',
      'mediator',
      'legal_aid_service',
      'normative_doc_filing',
      'reconsideration_case',
      'litigation_case',
      'enforcement_officer',
      'enforcement_case_review',
      'demo_site',
      'petition_case',
      'disclosure_item',
      'disclosure_request',
      'legal_service_register',
      'legal_service_assessment',
      'legal_service_complaint',
      'meeting',
      'corrections_subject',
      'corrections_location',
    ];
    // Rows of its streets and town (and their offices and villages), and those of its office and departments.
    const rows = await queryRows<{ id: number; type_key: string; data: LedgerData }>(
      t.db,
      sql`select r.id, r.type_key, r.data from ledger_rows r join orgs o on o.id = r.org_id
          where r.type_key in ${sql.raw(`('${types.join("','")}')`)}
            and (exists (select 1 from orgs t where t.kind = 'township' and t.name in ('东坝街道', '嘉陵街道', '宝轮镇')
                   and o.path like t.path || '%')
              or o.name like '利州区%')`,
    );
    // staff 10, exams 7 + 3, ratings 3, decisions 12 + 8, 阵地 16, 综治中心 lists 3, 12345 villages 6, 四项行动
    // 8 + 6, contracts 6, 法律明白人 126, volunteers 21, 乡贤 3, 知客 4, 普法责任 6 + 5; then leads 22 + 15, 民转刑 1,
    // released 7 + 4, 三个一 3, 学法考法 2, 应知应会 6, 副校长 6, 阵地 6 more, 权责 4, 四张清单 3, cases 5, 监督员 3;
    // then 重大行政决策 6 + 3, 培训 8 + 6, platforms 1 + 3 + 5, 联络点 5, 法律顾问 3, committees 12, mediators 44,
    // 法律援助 services 2 × 12 + 2 × 11 (none yet for December); then 备案 6 + 4, 复议 5 + 3, 应诉 6 + 4,
    // 执法人员 92, 评查 24 + 18, 示范点 12; 信访 12 + 7, 公开 60 + 50, 申请 5 + 3; 法律服务 38, 考核 38 × 2,
    // 投诉 6 + 4; meetings 10 + 10; 社区矫正 subjects 18 + 12 + 10 and monthly reports 3 × 12 + 3 × 10.
    const grassroots =
      10 + 10 + 3 + 20 + 22 + 3 + 6 + 14 + 6 + 126 + 21 + 3 + 4 + 11 + 37 + 1 + 11 + 3 + 2 + 6 + 6 + 4 + 3 + 5 + 3;
    const government = 10 + 8 + 10 + 92 + 42 + 12 + (19 + 110 + 8) + (38 + 76 + 10) + 20 + (40 + 66);
    expect(rows.length).toBe(grassroots + 9 + 14 + 9 + 5 + 3 + 12 + 44 + 46 + government);
    const problems: string[] = [];
    for (const key of types) {
      const def = builtinLedger(key)!;
      const schema = buildRowSchema(def);
      const list = rows.filter((r) => r.type_key === key).map((r) => ({ rowNumber: r.id, data: openRowData(r.data) }));
      for (const r of list) {
        const parsed = schema.safeParse(r.data);
        if (!parsed.success) problems.push(`${key}#${r.rowNumber}: ${parsed.error.issues[0]!.message}`);
      }
      for (const d of findDuplicatesInFile(def, list)) problems.push(`${key}: ${d.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('利州区 has its own office and leader accounts, scoped to 利州区', async () => {
    for (const username of ['lz-office', 'lz-leader']) {
      const c = await t.as(username);
      const res = await c.get(`/api/dashboard/rollup?org=${cityId}&year=2025`);
      expect(res.statusCode, `${username} ${res.body}`).toBe(404);
      expect(res.json().message).toBe('未找到该单位，或该单位不在您的数据范围内');
      const lz = await c.get('/api/cadres/law-reports?year=2025');
      expect(lz.statusCode, lz.body).toBe(200);
      expect(new Set(lz.json().items.map((r: { orgName: string }) => r.orgName.slice(0, 3)))).toEqual(
        new Set(['利州区']),
      );
    }
  });
});
