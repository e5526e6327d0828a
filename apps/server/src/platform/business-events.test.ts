import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastNotificationId, type Note, notesAfter } from '../../test/db-lookups.ts';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { sendProblemReminders } from '../oversight/oversight.reminders.service.ts';
import { sendTaskReminders } from '../plan/plan.reminders.service.ts';

// Issue 17: every business transition tells exactly the people who must act or hear of it, in the same transaction
// as the change (DESIGN.md notifications). Each test takes the notifications created by one request and compares
// them with the users picked independently from the seeded accounts.

let t: TestApp;
let office: Client;
let reporterA: Client; // 区司法局
let reporterB: Client; // 区市场监督管理局
let kaohe1: Client;
let orgIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB, kaohe1] = await Promise.all([
    t.as('office'),
    t.as('reporter-a'),
    t.as('reporter-b'),
    t.as('kaohe-1'),
  ]);
  const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

const org = (name: string) => orgIds.get(name)!;

/** Runs one request and returns the notifications it created, ordered by user name. */
async function notesOf(action: () => Promise<{ statusCode: number; body: string }>): Promise<Note[]> {
  const before = await lastNotificationId(t.db);
  const res = await action();
  expect(res.statusCode, res.body).toBe(200);
  return notesAfter(t.db, before);
}

/** The active reporters and leaders of a unit, from the seeded accounts. */
const unitPeople = async (name: string) =>
  (
    await queryRows<{ username: string }>(
      t.db,
      sql`select username from users where is_active and org_id = ${org(name)}
            and role in ('reporter', 'unit_leader') order by username`,
    )
  ).map((u) => u.username);

/** The active office accounts of the demo county (scoped to 昭化区; 利州区's lz-office is not told of its work). */
const officePeople = async () =>
  (
    await queryRows<{ username: string }>(
      t.db,
      sql`select username from users where is_active and role = 'office'
          and scope_org_id = (select id from orgs where name = '昭化区') order by username`,
    )
  ).map((u) => u.username);

const problemReminders = async (id: number) =>
  queryRows<{ kind: string }>(
    t.db,
    sql`select kind from notifications where kind like 'oversight.%' and link = ${`/oversight/problems/${id}`}`,
  );

const only = (notes: Note[], kind: string) => {
  expect(new Set(notes.map((n) => n.kind))).toEqual(new Set([kind]));
  return notes.map((n) => n.username);
};

describe('plan: 下达, 销号 applied / approved / returned', () => {
  it('each transition notifies exactly its audience, once', async () => {
    const sfj = await unitPeople('区司法局');
    expect(sfj).toContain('reporter-a');
    expect(await officePeople()).toEqual(['office']);
    const wp = await office.post('/api/plan/work-points', { year: 2027, title: '2027年通知测试要点', content: '' });
    expect(wp.statusCode, wp.body).toBe(200);
    const created = await office.post('/api/plan/tasks', {
      workPointId: wp.json().id,
      title: '建立行政复议案件通报制度',
      leadOrgId: org('区司法局'),
      deadline: '2027-06-30',
      milestones: [
        { node: 'start', dueDate: '2027-03-31' },
        { node: 'end', dueDate: '2027-06-30' },
      ],
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    // A draft tells nobody; issuing it tells the lead unit.
    const issued = await notesOf(() => office.post(`/api/plan/tasks/${id}/issue`));
    expect(only(issued, 'task.issued')).toEqual(sfj);
    expect(issued[0]).toMatchObject({
      title: '新任务下达',
      body: '“建立行政复议案件通报制度”已下达，完成时限为2027-06-30（牵头）',
      link: `/plan/tasks/${id}`,
    });

    await reporterA.put(`/api/plan/tasks/${id}/plan`, { planText: '制定方案', measures: ['按季通报'], version: 1 });
    const version = (await reporterA.get(`/api/plan/tasks/${id}`)).json().task.version;
    const plan = await reporterA.put(`/api/plan/tasks/${id}/plan`, {
      planText: '制定方案',
      measures: ['按季通报'],
      version,
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const entry = await reporterA.post(`/api/plan/tasks/${id}/entries`, {
      entryDate: '2026-11-22',
      percent: 100,
      content: '通报制度已印发',
    });
    expect(entry.statusCode, entry.body).toBe(200);

    const applied = await notesOf(() => reporterA.post(`/api/plan/tasks/${id}/apply`));
    expect(only(applied, 'task.applied')).toEqual(['office']);
    expect(applied[0]!.body).toBe('“建立行政复议案件通报制度”已申请销号，请审核');

    const returned = await notesOf(() =>
      office.post(`/api/plan/tasks/${id}/review`, { decision: 'return', reason: '请补充印发文件' }),
    );
    expect(only(returned, 'task.returned')).toEqual(sfj);
    expect(returned[0]!.body).toBe('“建立行政复议案件通报制度”销号申请被退回，审核意见：请补充印发文件');

    await reporterA.post(`/api/plan/tasks/${id}/apply`);
    const approved = await notesOf(() => office.post(`/api/plan/tasks/${id}/review`, { decision: 'approve' }));
    expect(only(approved, 'task.approved')).toEqual(sfj);
    expect(approved[0]!.body).toBe('“建立行政复议案件通报制度”销号申请已审核通过');
    // reporter-b's unit heard of none of it.
    const bNotes = (await reporterB.get('/api/notifications?pageSize=100')).json().items as { link: string }[];
    expect(bNotes.filter((n) => n.link === `/plan/tasks/${id}`)).toEqual([]);
  });

  it('publishing a work point tells each issued task’s lead and assisting units', async () => {
    const wp = await office.post('/api/plan/work-points', { year: 2028, title: '2028年发布测试要点', content: '' });
    const wpId = wp.json().id as number;
    const task = await office.post('/api/plan/tasks', {
      workPointId: wpId,
      title: '推进包容审慎监管',
      leadOrgId: org('区市场监督管理局'),
      assistOrgIds: [org('区司法局')],
      deadline: '2028-12-31',
      milestones: [{ node: 'end', dueDate: '2028-12-31' }],
    });
    expect(task.statusCode, task.body).toBe(200);
    const notes = await notesOf(() => office.post(`/api/plan/work-points/${wpId}/publish`));
    const expected = [...(await unitPeople('区市场监督管理局')), ...(await unitPeople('区司法局'))].sort();
    expect(only(notes, 'task.issued')).toEqual(expected);
    expect(notes.find((n) => n.username === 'reporter-a')!.body).toBe(
      '“推进包容审慎监管”已下达，完成时限为2028-12-31（协办）',
    );
    expect(notes.find((n) => n.username === 'reporter-b')!.body).toBe(
      '“推进包容审慎监管”已下达，完成时限为2028-12-31（牵头）',
    );
  });
});

describe('oversight: problem 交办, 整改 verified pass or fail', () => {
  it('each step notifies exactly its audience', async () => {
    const sfj = await unitPeople('区司法局');
    const created = await notesOf(() =>
      office.post('/api/oversight/problems', {
        title: '行政处罚案卷归档不及时',
        description: '督察发现',
        unitIds: [org('区司法局')],
        deadline: null,
      }),
    );
    expect(only(created, 'problem.assigned')).toEqual(sfj);
    const link = created[0]!.link!;
    const id = Number(link.split('/').pop());
    expect(created[0]!.body).toBe('问题“行政处罚案卷归档不及时”已交办本单位整改，请认领并完善“四个一”');

    const [cadre] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from cadres where org_id = ${org('区司法局')} order by is_principal, sort limit 1`,
    );
    const act = (client: Client, body: object) => () => client.post(`/api/oversight/problems/${id}/actions`, body);
    const claimed = await notesOf(
      act(reporterA, {
        type: 'claim',
        unitId: org('区司法局'),
        fields: { ownerIds: [cadre!.id], plan: '逐卷归档', measures: ['建立台账'], deadline: '2026-12-01' },
      }),
    );
    expect(claimed).toEqual([]);
    // A reminder of the deadline in force (12-01) is sent the day before.
    await sendProblemReminders(t.db, new Date('2026-11-30T02:00:00Z'));
    expect((await problemReminders(id)).length).toBeGreaterThan(0);
    expect(only(await notesOf(act(reporterA, { type: 'apply', summary: '已归档' })), 'problem.applied')).toEqual([
      'office',
    ]);
    const failed = await notesOf(act(office, { type: 'verify_fail', reason: '仍有3卷未归档' }));
    expect(only(failed, 'problem.verify_failed')).toEqual(sfj);
    expect(failed[0]!.body).toBe('问题“行政处罚案卷归档不及时”整改验收不通过，审核意见：仍有3卷未归档');
    await notesOf(act(reporterA, { type: 'apply', summary: '已全部归档' }));
    const passed = await notesOf(act(office, { type: 'verify_pass', note: '同意销号' }));
    expect(only(passed, 'problem.verified')).toEqual(sfj);
    expect(passed[0]!.body).toBe('问题“行政处罚案卷归档不及时”整改验收通过，已销号。审核意见：同意销号');
    // Its deadline reminders (sent before 销号) are withdrawn with it.
    expect(await problemReminders(id)).toEqual([]);
  });
});

describe('reports: returned for changes', () => {
  it('the unit and the author are told, with the reason', async () => {
    const composed = await reporterA.post('/api/reports', { orgId: org('区司法局'), year: 2024 });
    expect(composed.statusCode, composed.body).toBe(200);
    const id = composed.json().id as number;
    const sent = await notesOf(() => reporterA.post(`/api/reports/${id}/actions`, { action: 'send_review' }));
    expect(only(sent, 'report.sent_review')).toEqual(['office']);
    const returned = await notesOf(() =>
      office.post(`/api/reports/${id}/actions`, { action: 'return', reason: '数据口径需与统计年报一致' }),
    );
    expect(only(returned, 'report.returned')).toEqual(await unitPeople('区司法局'));
    expect(returned[0]!.body).toMatch(/^“.+”被退回修改，审核意见：数据口径需与统计年报一致$/);
  });
});

describe('assessment: results to 公示, appeal decided', () => {
  it('公示 tells every participating unit and no excluded one; a decided appeal tells the appealing unit', async () => {
    const roundId = (await office.get('/api/assessment/rounds?year=2026')).json().items[0].id as number;
    const url = `/api/assessment/rounds/${roundId}`;
    const units = (await office.get(url)).json().units as { orgId: number; orgName: string }[];
    const orgA = org('区司法局');
    const orgB = org('区市场监督管理局');
    expect((await reporterA.post(`${url}/units/${orgA}/submit`)).statusCode).toBe(200);
    expect((await reporterB.post(`${url}/units/${orgB}/submit`)).statusCode).toBe(200);
    expect((await office.post(`${url}/transition`, { action: 'start_review', allowMissing: true })).statusCode).toBe(
      200,
    );
    for (const u of units.filter((x) => x.orgId !== orgA && x.orgId !== orgB)) {
      const res = await office.put(`${url}/units/${u.orgId}/participation`, {
        participating: false,
        reason: '未按期开展自评',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const orgId of [orgA, orgB]) {
      const leaves = (await kaohe1.get(`${url}/units/${orgId}`)).json().leaves as { id: string; ruleKind: string }[];
      for (const leaf of leaves.filter((l) => l.ruleKind === 'manual'))
        expect((await kaohe1.put(`${url}/units/${orgId}/review/${leaf.id}`, { value: 1 })).statusCode).toBe(200);
    }
    const published = await notesOf(() => office.post(`${url}/transition`, { action: 'publish', appealDays: 7 }));
    const expected = [...(await unitPeople('区司法局')), ...(await unitPeople('区市场监督管理局'))].sort();
    expect(only(published, 'assessment.published')).toEqual(expected);
    expect(published[0]!.body).toMatch(/^“.+”考核结果已公示，如有异议请于2026年11月30日前提出申诉$/);

    const filed = await reporterA.post(`${url}/units/${orgA}/appeals`, {
      indicatorIds: ['fz-3-2-1'],
      reason: '案卷评查分值有误，申请复核',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const decided = await notesOf(() =>
      office.post(`/api/assessment/appeals/${filed.json().id}/decide`, {
        outcome: 'rejected',
        reason: '经复核，评分无误',
      }),
    );
    expect(only(decided, 'assessment.appeal_decided')).toEqual(await unitPeople('区司法局'));
    expect(decided[0]).toMatchObject({ title: '考核申诉未采纳' });
    expect(decided[0]!.body).toMatch(/^“.+”的申诉未被采纳，理由：经复核，评分无误$/);
  });
});

describe('task reminders are right on the day they fire and withdrawn when their reason is gone', () => {
  // The test clock stands at 2026-11-23 10:00 Beijing time.
  let workPointId: number;
  const issuedTask = async (title: string, deadline: string) => {
    if (!workPointId) {
      const wp = await office.post('/api/plan/work-points', { year: 2029, title: '2029年提醒测试要点', content: '' });
      expect(wp.statusCode, wp.body).toBe(200);
      workPointId = wp.json().id;
    }
    const res = await office.post('/api/plan/tasks', {
      workPointId,
      title,
      leadOrgId: org('区司法局'),
      deadline,
      milestones: [{ node: 'end', dueDate: deadline }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id as number;
    expect((await office.post(`/api/plan/tasks/${id}/issue`)).statusCode).toBe(200);
    return id;
  };
  const remindersOf = async (taskId: number) =>
    queryRows<{ kind: string; title: string }>(
      t.db,
      sql`select distinct n.kind, n.title from notifications n
          where n.kind in ('task.due7', 'task.due1', 'task.due0', 'task.overdue') and n.link = ${`/plan/tasks/${taskId}`}
          order by n.kind`,
    );
  const day = (iso: string) => new Date(`${iso}T02:00:00Z`);

  it('"明天到期" only the day before; on the due day "今天到期"; a late 7-day reminder names the days left', async () => {
    const dueToday = await issuedTask('当天到期的任务', '2026-11-23');
    const dueTomorrow = await issuedTask('次日到期的任务', '2026-11-24');
    const dueIn5 = await issuedTask('五天后到期的任务', '2026-11-28');
    await sendTaskReminders(t.db, day('2026-11-23'));
    expect(await remindersOf(dueToday)).toEqual([{ kind: 'task.due0', title: '任务今天到期' }]);
    expect(await remindersOf(dueTomorrow)).toEqual([{ kind: 'task.due1', title: '任务明天到期' }]);
    expect(await remindersOf(dueIn5)).toEqual([{ kind: 'task.due7', title: '任务5天后到期' }]);
    // Next day: the task due on 11-24 gets "今天到期", never a second "明天到期".
    await sendTaskReminders(t.db, day('2026-11-24'));
    expect(await remindersOf(dueTomorrow)).toEqual([
      { kind: 'task.due0', title: '任务今天到期' },
      { kind: 'task.due1', title: '任务明天到期' },
    ]);
  });

  it('a 7-day reminder is withdrawn when the task is closed, and when the task is deleted', async () => {
    const closing = await issuedTask('即将销号的任务', '2026-11-30');
    await sendTaskReminders(t.db, day('2026-11-23'));
    expect(await remindersOf(closing)).toEqual([{ kind: 'task.due7', title: '任务7天后到期' }]);
    const version = (await reporterA.get(`/api/plan/tasks/${closing}`)).json().task.version;
    expect(
      (await reporterA.put(`/api/plan/tasks/${closing}/plan`, { planText: '方案', measures: ['措施'], version }))
        .statusCode,
    ).toBe(200);
    await reporterA.post(`/api/plan/tasks/${closing}/entries`, {
      entryDate: '2026-11-23',
      percent: 100,
      content: '完成',
    });
    expect((await reporterA.post(`/api/plan/tasks/${closing}/apply`)).statusCode).toBe(200);
    expect((await office.post(`/api/plan/tasks/${closing}/review`, { decision: 'approve' })).statusCode).toBe(200);
    expect(await remindersOf(closing)).toEqual([]);
    const list = (await reporterA.get('/api/notifications?pageSize=100')).json().items as {
      title: string;
      link: string;
    }[];
    expect(list.filter((n) => n.link === `/plan/tasks/${closing}` && n.title.includes('到期'))).toEqual([]);
    // Running the job again does not bring it back.
    await sendTaskReminders(t.db, day('2026-11-24'));
    expect(await remindersOf(closing)).toEqual([]);

    const dropped = await issuedTask('将被删除的任务', '2026-11-29');
    await sendTaskReminders(t.db, day('2026-11-23'));
    expect((await remindersOf(dropped)).map((r) => r.kind)).toEqual(['task.due7']);
    await t.db.execute(sql`update tasks set status = 'closed' where id = ${dropped}`);
    const swept = await sendTaskReminders(t.db, day('2026-11-23'));
    expect(swept.withdrawn).toBeGreaterThan(0);
    expect(await remindersOf(dropped)).toEqual([]);
  });
});
