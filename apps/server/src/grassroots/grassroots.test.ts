import { grassrootsLedgers } from '@fazhi/core/grassroots/ledger-types/index';
import { buildRowSchema } from '@fazhi/core/ledgers/row-schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdByName } from '../../test/db-lookups.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { openRowData } from '../platform/kernel/ledger-row-crypto.ts';
import { sendLiaisonReminders } from './grassroots.reminders.service.ts';

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let leader: Client;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB, leader] = await Promise.all([
    t.as('office'),
    t.as('reporter-a'),
    t.as('reporter-b'),
    t.as('leader'),
  ]);
});
afterAll(() => t?.close());

type Office = { orgId: number; name: string; functionsPerformed: number; staff: number; qualified: number };
type Assignment = { id: number; leaderId: number; leaderName: string; orgId: number; orgName: string; overdue: number };

const offices = async (c: Client): Promise<Office[]> => (await c.get('/api/grassroots/offices?year=2026')).json().items;
const liaison = async (c: Client) => (await c.get('/api/grassroots/liaison?year=2026')).json();
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

describe('司法所 profiles', () => {
  it('lists the 12 司法所 with this year’s facts, and a profile with the functions checklist and township figures', async () => {
    const list = await offices(office);
    expect(list).toHaveLength(12);
    expect(list.every((o) => o.staff >= 3 && o.qualified <= o.staff)).toBe(true);
    const detail = (await office.get(`/api/grassroots/offices/${list[0]!.orgId}?year=2026`)).json();
    expect(detail.checklist).toHaveLength(10);
    expect(detail.figures.map((f: { key: string }) => f.key)).toContain('mediation.cases');
    // The office's own figures, and beside them the township's (labelled): never the township's under its name.
    expect(detail.figuresOrgId).toBe(list[0]!.orgId);
    expect(detail.townshipFigures).toMatchObject({ id: await orgIdByName(t.db, '元坝镇'), name: '元坝镇' });
    type F = { key: string; value: number | null; note: string | null };
    const own = (key: string) => detail.figures.find((f: F) => f.key === key);
    const town = (key: string) => detail.townshipFigures.figures.find((f: F) => f.key === key);
    expect(town('grassroots.adviser_coverage_rate')).toMatchObject({ value: 100, unit: '%' });
    // Villages belong to the township, not to the office: no coverage of its own.
    expect(own('grassroots.adviser_coverage_rate')).toMatchObject({ value: null, note: '分母为 0，比率无意义' });
    // Liaison visits are to the office: its rate is its own, and the township's includes it.
    expect(own('grassroots.liaison_rate').value).toBeGreaterThan(0);
    expect(town('grassroots.liaison_rate').value).toBe(own('grassroots.liaison_rate').value);
    // The township's mediation cases include the office's and more.
    expect(town('mediation.cases').value).toBeGreaterThan(own('mediation.cases').value);
  });

  it('updates the checklist in scope; another unit can neither read nor change it; bad input is refused', async () => {
    const target = (await offices(office))[3]!;
    expect(await offices(reporterB)).toEqual([]);
    expect(await refusal(await reporterB.get(`/api/grassroots/offices/${target.orgId}`))).toEqual([
      404,
      '未找到该司法所，或该司法所不在您的数据范围内',
    ]);
    const refused = await reporterB.put(`/api/grassroots/offices/${target.orgId}/functions`, { functions: [] });
    expect(await refusal(refused)).toEqual([404, '未找到该司法所，或该司法所不在您的数据范围内']);
    const bad = await office.put(`/api/grassroots/offices/${target.orgId}/functions`, { functions: ['fly'] });
    expect(await refusal(bad)).toEqual([400, '请求内容有误：functions.0：职能不在清单中']);
    expect((await offices(office)).find((o) => o.orgId === target.orgId)!.functionsPerformed).toBe(
      target.functionsPerformed,
    );
    const ok = await office.put(`/api/grassroots/offices/${target.orgId}/functions`, {
      functions: ['people_mediation', 'law_publicity'],
    });
    expect(ok.statusCode).toBe(200);
    expect((await offices(office)).find((o) => o.orgId === target.orgId)!.functionsPerformed).toBe(2);
    const notOffice = await office.put(`/api/grassroots/offices/${await orgIdByName(t.db, '区司法局')}/functions`, {
      functions: [],
    });
    expect(await refusal(notOffice)).toEqual([400, '只有司法所可以维护职能清单']);
  });
});

describe('liaison points', () => {
  it('shows each assignment’s quarters with the overdue one flagged', async () => {
    const data = await liaison(office);
    expect(data.assignments).toHaveLength(12);
    const overdue = data.assignments.filter((a: Assignment) => a.overdue > 0);
    expect(overdue.map((a: Assignment) => `${a.leaderName}/${a.orgName}`)).toEqual(['罗晓梅/柏林沟镇司法所']);
    expect(data.totals.required).toBeGreaterThan(data.totals.done);
    // The leaders' own unit sees them; an unrelated unit sees nothing.
    expect((await liaison(reporterA)).assignments).toHaveLength(12);
    expect((await liaison(reporterB)).assignments).toHaveLength(0);
  });

  it('gives the same visits done vs due in the metric registry as the liaison overview', async () => {
    const county = await orgIdByName(t.db, '昭化区');
    const overview = (await office.get('/api/grassroots/liaison?year=2025')).json();
    const metric = (await office.get(`/api/metrics/grassroots.liaison_rate?org=${county}&period=2025`)).json();
    const parts = Object.fromEntries(metric.sources.map((s: { metric: string; count: number }) => [s.metric, s]));
    const due = await office.get(`/api/metrics/grassroots.liaison_due?org=${county}&period=2025`);
    const done = await office.get(`/api/metrics/grassroots.liaison_done?org=${county}&period=2025`);
    expect(due.json().value).toBe(overview.totals.required);
    expect(done.json().value).toBe(overview.totals.done);
    expect(overview.totals.required).toBe(48); // 12 points × 4 quarters, all visited last year
    expect(metric.value).toBe(100);
    expect(Object.keys(parts)).toEqual(['grassroots.liaison_done', 'grassroots.liaison_due']);
    // A unit outside the liaison points counts nothing of them.
    const market = await orgIdByName(t.db, '区市场监督管理局');
    expect((await reporterB.get(`/api/metrics/grassroots.liaison_due?org=${market}&period=2025`)).json().value).toBe(0);
  });

  it('records a visit within an assignment, refuses bad ones, and keeps visits from other units', async () => {
    const a = (await liaison(office)).assignments.find((x: Assignment) => x.orgName === '卫子镇司法所') as Assignment;
    const visit = { leaderId: a.leaderId, orgId: a.orgId, visitedOn: '2026-11-20', peopleMet: '司法所所长、调解员' };
    const before = await count('liaison_visits');
    expect(await refusal(office.post('/api/grassroots/liaison/visits', { ...visit, visitedOn: '2026-12-01' }))).toEqual(
      [400, '走访日期不能晚于今天'],
    );
    expect(await refusal(await office.post('/api/grassroots/liaison/visits', { ...visit, peopleMet: '' }))).toEqual([
      400,
      '请求内容有误：peopleMet：请填写座谈对象',
    ]);
    const wrong = await office.post('/api/grassroots/liaison/visits', {
      ...visit,
      orgId: await orgIdByName(t.db, '射箭镇司法所'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('未挂点联系');
    expect(await refusal(await reporterB.post('/api/grassroots/liaison/visits', visit))).toEqual([
      404,
      '未找到该联系领导，或不在您的数据范围内',
    ]);
    expect(await refusal(await leader.post('/api/grassroots/liaison/visits', visit))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    expect(await count('liaison_visits')).toBe(before);

    const res = await reporterA.post('/api/grassroots/liaison/visits', { ...visit, problemsHeard: '调解室面积不足' });
    expect(res.statusCode).toBe(200);
    const id = res.json().id as number;
    expect(await refusal(await reporterB.get(`/api/grassroots/liaison/visits/${id}`))).toEqual([
      404,
      '未找到该走访记录，或不在您的数据范围内',
    ]);
    expect((await office.get(`/api/grassroots/liaison/visits/${id}`)).json().problemsHeard).toBe('调解室面积不足');
  });

  it('sends a problem heard to the problem pool: at once for the office, after the office’s review for a unit', async () => {
    const visits = (await office.get('/api/grassroots/liaison/visits?year=2026')).json().items;
    const visitId = visits[0].id as number;
    const byUnit = await reporterA.post(`/api/grassroots/liaison/visits/${visitId}/problems`, {
      title: '调解室面积不足',
    });
    expect(byUnit.statusCode).toBe(200);
    expect(byUnit.json().problemId).toBeNull();
    expect(await refusal(await reporterA.post(`/api/grassroots/liaison/problems/${byUnit.json().id}/send`))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    const sent = await office.post(`/api/grassroots/liaison/problems/${byUnit.json().id}/send`);
    expect(sent.statusCode).toBe(200);
    const problemId = sent.json().problemId as number;
    const problem = (await office.get(`/api/oversight/problems/${problemId}`)).json();
    expect(JSON.stringify(problem)).toContain('调解室面积不足');
    expect(await refusal(await office.post(`/api/grassroots/liaison/problems/${byUnit.json().id}/send`))).toEqual([
      409,
      '该问题已转入问题池',
    ]);

    const direct = await office.post(`/api/grassroots/liaison/visits/${visitId}/problems`, {
      title: '村法律顾问到村次数偏少',
      description: '群众反映',
    });
    expect(direct.json().problemId).toEqual(expect.any(Number));
    expect(await refusal(office.post(`/api/grassroots/liaison/visits/${visitId}/problems`, { title: '' }))).toEqual([
      400,
      '请求内容有误：title：请填写问题名称',
    ]);
  });

  it('reminds overdue visits once, however often the job runs', async () => {
    const first = await sendLiaisonReminders(t.db, new Date('2026-11-23T02:00:00Z'));
    expect(first.sent).toBeGreaterThan(0);
    const again = await sendLiaisonReminders(t.db, new Date('2026-11-23T03:00:00Z'));
    expect(again.sent).toBe(0);
    const keys = await queryRows<{ dedupe_key: string }>(
      t.db,
      sql`select distinct dedupe_key from notifications where kind = 'grassroots.liaison_overdue'`,
    );
    expect(keys.map((k) => k.dedupe_key).some((k) => k.endsWith(':2026-Q3:overdue'))).toBe(true);
  });

  it('builds each leader’s yearly report as JSON and .docx, within scope', async () => {
    const a = (await liaison(office)).assignments[0] as Assignment;
    const report = (await office.get(`/api/grassroots/liaison/leaders/${a.leaderId}/report?year=2025`)).json();
    expect(report.points).toHaveLength(3);
    expect(report.totals.required).toBe(12);
    const docx = await office.get(`/api/grassroots/liaison/leaders/${a.leaderId}/report.docx?year=2025`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await refusal(await reporterB.get(`/api/grassroots/liaison/leaders/${a.leaderId}/report`))).toEqual([
      404,
      '未找到该联系领导，或不在您的数据范围内',
    ]);
  });

  it('lets only the office assign leaders and points', async () => {
    const bureau = await orgIdByName(t.db, '区司法局');
    expect(await refusal(reporterA.post('/api/grassroots/liaison/leaders', { orgId: bureau, name: '张三' }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    const created = await office.post('/api/grassroots/liaison/leaders', {
      orgId: bureau,
      name: '赵一鸣',
      title: '副局长',
    });
    expect(created.statusCode).toBe(200);
    const bad = await office.post('/api/grassroots/liaison/assignments', {
      leaderId: created.json().id,
      orgId: await orgIdByName(t.db, '元坝镇司法所'),
      every: 'quarter',
      times: 1,
      startDate: '2026-05-01',
      endDate: '2026-01-01',
    });
    expect(await refusal(bad)).toEqual([400, '请求内容有误：endDate：结束日期不能早于开始日期']);
    const ok = await office.post('/api/grassroots/liaison/assignments', {
      leaderId: created.json().id,
      orgId: await orgIdByName(t.db, '元坝镇司法所'),
      every: 'quarter',
      times: 1,
      startDate: '2026-05-01',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await office.post(`/api/grassroots/liaison/assignments/${ok.json().id}/end`, { endDate: '2026-10-31' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('liaison reminders withdrawn when their reason is gone', () => {
  it('withdraws the reminders of the period a visit fills, and of the periods an ended assignment no longer owes', async () => {
    // The test clock stands at 2026-11-23 10:00 Beijing time; the reminder job runs at that moment.
    const now = new Date('2026-11-23T02:00:00Z');
    const leader = await office.post('/api/grassroots/liaison/leaders', {
      orgId: await orgIdByName(t.db, '区司法局'),
      name: '孙立新',
      title: '副局长',
    });
    expect(leader.statusCode).toBe(200);
    const leaderId = leader.json().id as number;
    const [a, b, c] = [
      await orgIdByName(t.db, '元坝镇司法所'),
      await orgIdByName(t.db, '射箭镇司法所'),
      await orgIdByName(t.db, '卫子镇司法所'),
    ];
    const assign = async (point: number, every: 'month' | 'quarter', startDate: string) => {
      const res = await office.post('/api/grassroots/liaison/assignments', {
        leaderId,
        orgId: point,
        every,
        times: 1,
        startDate,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    await assign(a, 'quarter', '2026-01-01');
    const bAssignment = await assign(b, 'quarter', '2026-01-01');
    await assign(c, 'month', '2026-11-01');
    const reminders = async () =>
      (
        await queryRows<{ key: string }>(
          t.db,
          sql`select distinct dedupe_key as key from notifications
              where dedupe_key like ${`grassroots:liaison:${leaderId}:%`} order by 1`,
        )
      ).map((r) => r.key.slice(`grassroots:liaison:${leaderId}:`.length));
    const visit = async (point: number, visitedOn: string) => {
      const res = await reporterA.post('/api/grassroots/liaison/visits', {
        leaderId,
        orgId: point,
        visitedOn,
        peopleMet: '司法所所长',
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    await sendLiaisonReminders(t.db, now);
    const sent = [
      `${a}:2026-Q1:overdue`,
      `${a}:2026-Q2:overdue`,
      `${a}:2026-Q3:overdue`,
      `${b}:2026-Q1:overdue`,
      `${b}:2026-Q2:overdue`,
      `${b}:2026-Q3:overdue`,
      `${c}:2026-11:due_soon`,
    ].sort();
    expect(await reminders()).toEqual(sent);

    // The current month's visit at C fills November: its due-soon reminder goes.
    await visit(c, '2026-11-20');
    expect(await reminders()).toEqual(sent.filter((k) => k !== `${c}:2026-11:due_soon`));
    // A visit recorded late, dated in the third quarter, fills A's Q3: only that quarter's reminder goes;
    // A's other quarters and B's quarters stay.
    await visit(a, '2026-08-15');
    const afterVisits = sent.filter((k) => k !== `${c}:2026-11:due_soon` && k !== `${a}:2026-Q3:overdue`);
    expect(await reminders()).toEqual(afterVisits);
    // Running the job again sends none of them back.
    expect((await sendLiaisonReminders(t.db, now)).sent).toBe(0);
    expect(await reminders()).toEqual(afterVisits);

    // B's assignment ended on 30 June: its Q3 is no longer owed, its Q1 and Q2 still are.
    const ended = await office.post(`/api/grassroots/liaison/assignments/${bAssignment}/end`, {
      endDate: '2026-06-30',
    });
    expect(ended.statusCode).toBe(200);
    expect(await reminders()).toEqual(afterVisits.filter((k) => k !== `${b}:2026-Q3:overdue`));
  });
});

describe('重大行政决策 legal steps and village coverage', () => {
  it('saves an adopted decision with steps missing but warns, naming the steps; a complete one has no warning', async () => {
    const url = '/api/ledgers/types/major_decision/rows';
    const data = {
      title: '测试决策：农贸市场搬迁',
      decision_agency: '昭化区人民政府',
      in_catalogue: true,
      public_participation: true,
      expert_argument: false,
      risk_assessment: true,
      legality_reviewed: false,
      collective_discussion: true,
      decided_date: '2026-05-01',
      status: 'decided',
    };
    const res = await office.post(url, { orgId: await orgIdByName(t.db, '区政府办公室'), data });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warnings).toEqual(['“测试决策：农贸市场搬迁”已作出决策，但缺少法定程序：专家论证、合法性审查']);
    const fixed = await office.put(`${url}/${res.json().id}`, {
      orgId: await orgIdByName(t.db, '区政府办公室'),
      version: res.json().version,
      data: { ...data, expert_argument: true, legality_reviewed: true },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().warnings).toEqual([]);
  });

  it('shows the demo county’s village coverage from the registry', async () => {
    const county = await orgIdByName(t.db, '昭化区');
    const value = async (key: string) =>
      (await office.get(`/api/metrics/${key}?org=${county}&period=2026`)).json().value as number;
    expect(await value('grassroots.villages')).toBe(24);
    expect(await value('grassroots.adviser_coverage_rate')).toBe(100);
    expect(await value('grassroots.reasoning_coverage_rate')).toBe(95.8); // one village still without
    expect(await value('grassroots.centers_with_mediation_room')).toBe(4);
  });
});

describe('grass-roots demo ledgers', () => {
  it('every seeded row satisfies its own ledger definition', async () => {
    const rows = await queryRows<{ id: number; type_key: string; data: Record<string, unknown> }>(
      t.db,
      sql`select id, type_key, data from ledger_rows where type_key in (${sql.join(
        grassrootsLedgers.map((d) => sql`${d.key}`),
        sql`, `,
      )})`,
    );
    const schemas = new Map(grassrootsLedgers.map((d) => [d.key, buildRowSchema(d)]));
    const problems = rows.flatMap((r) => {
      // Personal values (a released prisoner's ID number) are stored sealed: check the plain form.
      const parsed = schemas.get(r.type_key)!.safeParse(openRowData(r.data));
      return parsed.success ? [] : [`${r.type_key}#${r.id}: ${parsed.error.issues[0]!.message}`];
    });
    expect(rows.length).toBeGreaterThan(100);
    expect(problems.slice(0, 5)).toEqual([]);
  });
});
