import type { Task } from '@fazhi/core/plan/plan.schemas';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { sendTaskReminders } from './plan.reminders.service.ts';

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

const year = 2026;
async function tasksOf(client: Client, query = `year=${year}`): Promise<Task[]> {
  const res = await client.get(`/api/plan/tasks?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}
const byTitle = (list: Task[], part: string) => {
  const task = list.find((x) => x.title.includes(part));
  if (!task) throw new Error(`no task ${part}`);
  return task;
};
const entryCount = async (taskId: number) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from task_entries where task_id = ${taskId}`))[0]!
    .n;

describe('data scope on target tasks', () => {
  it('a reporter sees only tasks its unit leads or assists; the office sees the whole county', async () => {
    const mine = await tasksOf(reporterA);
    const all = await tasksOf(office);
    expect(mine.length).toBeGreaterThan(3);
    expect(all.length).toBeGreaterThan(mine.length);
    const me = (await reporterA.get('/api/auth/me')).json();
    for (const task of mine) expect(task.leadOrgId === me.orgId || task.assistOrgIds.includes(me.orgId)).toBe(true);
  });

  it("reporter-a can neither read nor change reporter-b's task, and the task is unchanged", async () => {
    const bTask = byTitle(await tasksOf(reporterB), '行政执法“三项制度”');
    expect(byTitle(await tasksOf(office), '行政执法“三项制度”').id).toBe(bTask.id);
    const before = (await office.get(`/api/plan/tasks/${bTask.id}`)).json();
    expect(await refusal(await reporterA.get(`/api/plan/tasks/${bTask.id}`))).toEqual([
      404,
      '未找到该任务，或该任务不在您的数据范围内',
    ]);
    const write = await reporterA.post(`/api/plan/tasks/${bTask.id}/entries`, {
      entryDate: '2026-11-20',
      percent: 99,
      content: '越权填报',
    });
    expect(await refusal(write)).toEqual([404, '未找到该任务，或该任务不在您的数据范围内']);
    expect(await refusal(await reporterA.post(`/api/plan/tasks/${bTask.id}/apply`))).toEqual([
      404,
      '未找到该任务，或该任务不在您的数据范围内',
    ]);
    expect(
      await refusal(
        reporterA.put(`/api/plan/tasks/${bTask.id}/plan`, {
          planText: 'x',
          measures: ['y'],
          version: bTask.version,
        }),
      ),
    ).toEqual([404, '未找到该任务，或该任务不在您的数据范围内']);
    const after = (await office.get(`/api/plan/tasks/${bTask.id}`)).json();
    expect(after).toEqual(before);
  });

  it('the leader reads everything but cannot write', async () => {
    const list = await tasksOf(leader);
    expect(list.length).toBe((await tasksOf(office)).length);
    const res = await leader.post(`/api/plan/tasks/${list[0]!.id}/entries`, {
      entryDate: '2026-11-20',
      percent: 10,
      content: '领导填报',
    });
    expect(await refusal(res)).toEqual([403, '您没有执行此操作的权限']);
  });
});

describe('answers carry exactly the declared fields', () => {
  it('a task, its ledger entries and its flow record leave the server with the contract fields only', async () => {
    const task = byTitle(await tasksOf(office), '行政执法“三项制度”');
    expect(Object.keys(task).sort()).toEqual(
      [
        'id',
        'workPointId',
        'parentId',
        'year',
        'title',
        'description',
        'leadOrgId',
        'leadOrgName',
        'assistOrgIds',
        'assistOrgNames',
        'deadline',
        'weight',
        'status',
        'progress',
        'isOverdue',
        'planText',
        'planAttachment',
        'measures',
        'entryCount',
        'childCount',
        'milestones',
        'version',
        'closedAt',
      ].sort(),
    );
    const detail = (await office.get(`/api/plan/tasks/${task.id}`)).json();
    expect(Object.keys(detail).sort()).toEqual(['entries', 'events', 'task']);
    expect(Object.keys(detail.events[0]).sort()).toEqual(
      ['id', 'action', 'fromStatus', 'toStatus', 'reason', 'actor', 'at', 'attachments'].sort(),
    );
    const points = (await office.get(`/api/plan/work-points?year=${year}`)).json().items;
    expect(Object.keys(points[0]).sort()).toEqual(
      ['id', 'orgId', 'year', 'title', 'content', 'status', 'publishedAt', 'taskCount', 'version'].sort(),
    );
  });
});

describe('1×3 销号 lifecycle', () => {
  it('reporter adds a ledger entry with evidence, applies, the office returns then approves; closed is locked', async () => {
    const task = byTitle(await tasksOf(reporterA), '深化人民调解');
    expect(task.status).toBe('in_progress');
    const upload = await reporterA.upload('/api/attachments', '调解台账.png', tinyPng, 'image/png');
    expect(upload.statusCode).toBe(200);
    const attachmentId = upload.json().id;
    const entry = await reporterA.post(`/api/plan/tasks/${task.id}/entries`, {
      entryDate: '2026-11-22',
      percent: 100,
      content: '全年调处矛盾纠纷2197件，调解成功率99%',
      attachmentIds: [attachmentId],
    });
    expect(entry.statusCode).toBe(200);

    const detail = (await reporterA.get(`/api/plan/tasks/${task.id}`)).json();
    expect(detail.task.progress).toBe(100);
    expect(detail.entries[0].attachments[0]).toMatchObject({ id: attachmentId, filename: '调解台账.png' });
    const file = await office.get(`/api/attachments/${attachmentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(tinyPng)).toBe(true);
    expect(await refusal(await reporterB.get(`/api/attachments/${attachmentId}`))).toEqual([
      404,
      '未找到该附件，或您无权查看',
    ]);

    expect((await reporterA.post(`/api/plan/tasks/${task.id}/apply`)).json()).toEqual({ status: 'applied' });
    expect(await refusal(await reporterA.post(`/api/plan/tasks/${task.id}/review`, { decision: 'approve' }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    const noReason = await office.post(`/api/plan/tasks/${task.id}/review`, { decision: 'return', reason: '' });
    expect(await refusal(noReason)).toEqual([400, '请求内容有误：reason：退回须填写审核意见']);
    expect(
      (
        await office.post(`/api/plan/tasks/${task.id}/review`, { decision: 'return', reason: '请补充调解协议书' })
      ).json(),
    ).toEqual({
      status: 'in_progress',
    });
    await reporterA.post(`/api/plan/tasks/${task.id}/entries`, {
      entryDate: '2026-11-23',
      percent: 100,
      content: '已补充调解协议书',
    });
    await reporterA.post(`/api/plan/tasks/${task.id}/apply`);
    expect((await office.post(`/api/plan/tasks/${task.id}/review`, { decision: 'approve' })).json()).toEqual({
      status: 'closed',
    });

    const closed = (await office.get(`/api/plan/tasks/${task.id}`)).json();
    expect(closed.task.status).toBe('closed');
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['apply', 'return', 'approve']),
    );
    expect(closed.events.find((e: { action: string }) => e.action === 'return').reason).toBe('请补充调解协议书');

    const count = await entryCount(task.id);
    const locked = await reporterA.post(`/api/plan/tasks/${task.id}/entries`, {
      entryDate: '2026-11-23',
      percent: 50,
      content: '销号后填报',
    });
    expect(await refusal(locked)).toEqual([409, '任务已销号，不能再填报进展']);
    expect(await entryCount(task.id)).toBe(count);
    const plan = await reporterA.put(`/api/plan/tasks/${task.id}/plan`, {
      planText: '改',
      measures: ['改'],
      version: closed.task.version,
    });
    expect(await refusal(plan)).toEqual([409, '任务状态为“已销号”，不能修改工作方案和推进措施']);
    expect(
      await refusal(office.patch(`/api/plan/tasks/${task.id}`, { title: '改名', version: closed.task.version })),
    ).toEqual([409, '任务状态为“已销号”，不能修改']);

    const reopenNoReason = await office.post(`/api/plan/tasks/${task.id}/reopen`, { reason: ' ' });
    expect(await refusal(reopenNoReason)).toEqual([400, '请求内容有误：reason：须填写理由']);
    expect((await office.post(`/api/plan/tasks/${task.id}/reopen`, { reason: '督察发现台账不实' })).json()).toEqual({
      status: 'in_progress',
    });
  });

  it('applying without the 1×3 materials is refused, naming what is missing', async () => {
    const task = byTitle(await tasksOf(office), '乡镇（街道）合法性审查全覆盖');
    expect(task.status).toBe('issued');
    const res = await office.post(`/api/plan/tasks/${task.id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('申请销号前须完善“1×3”材料：缺少工作方案、推进措施、工作台账');
  });

  it('a parent task shows the weighted roll-up of its children', async () => {
    const list = await tasksOf(office);
    const parent = byTitle(list, '深入推进依法行政');
    const kids = list.filter((x) => x.parentId === parent.id);
    const total = kids.reduce((s, k) => s + k.weight, 0);
    const expected = Math.round((kids.reduce((s, k) => s + k.weight * k.progress, 0) / total) * 10) / 10;
    expect(kids.length).toBe(4);
    expect(Math.abs(parent.progress - expected)).toBeLessThanOrEqual(0.1);
  });

  it('overdue is flagged from the deadline, and a stale edit is refused', async () => {
    const list = await tasksOf(office, `year=${year}&overdue=true`);
    expect(list.map((x) => x.title)).toEqual(expect.arrayContaining([expect.stringContaining('三项制度')]));
    for (const x of list) expect(x.isOverdue).toBe(true);
    const task = list[0]!;
    const ok = await office.patch(`/api/plan/tasks/${task.id}`, { weight: 3, version: task.version });
    expect(ok.statusCode).toBe(200);
    const stale = await office.patch(`/api/plan/tasks/${task.id}`, { weight: 4, version: task.version });
    expect(await refusal(stale)).toEqual([409, '该任务已被他人修改，请刷新后再编辑']);
  });

  it('the office publishes new work points and splits them into a task tree; publishing issues the drafts', async () => {
    const wp = await office.post('/api/plan/work-points', {
      year: 2027,
      title: '2027年全面依法治区工作要点',
      content: '',
    });
    expect(wp.statusCode).toBe(200);
    const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
    const sfj = orgs.find((o) => o.name === '区司法局')!.id;
    const parent = await office.post('/api/plan/tasks', {
      workPointId: wp.json().id,
      title: '推进法治政府建设示范创建',
      leadOrgId: sfj,
      deadline: '2027-12-31',
      weight: 2,
      milestones: [
        { node: 'start', dueDate: '2027-03-31' },
        { node: 'end', dueDate: '2027-12-31' },
      ],
    });
    expect(parent.statusCode).toBe(200);
    const child = await office.post('/api/plan/tasks', {
      workPointId: wp.json().id,
      parentId: parent.json().id,
      title: '完成示范创建申报材料',
      leadOrgId: sfj,
      assistOrgIds: [orgs.find((o) => o.name === '区政府办公室')!.id],
      deadline: '2027-06-30',
    });
    expect(child.statusCode).toBe(200);
    expect((await reporterA.get(`/api/plan/tasks/${child.json().id}`)).json().task.status).toBe('draft');
    const published = await office.post(`/api/plan/work-points/${wp.json().id}/publish`);
    expect(published.json()).toEqual({ issued: 2 });
    const detail = (await reporterA.get(`/api/plan/tasks/${parent.json().id}`)).json();
    expect(detail.task.status).toBe('issued');
    expect(detail.task.milestones.map((m: { node: string }) => m.node)).toEqual(['start', 'end']);
  });

  it('the office edits a work point, a stale edit is refused, and a draft one is deleted with its draft tasks', async () => {
    const created = await office.post('/api/plan/work-points', {
      year: 2028,
      title: '2028年要点（征求意见稿）',
      content: '',
    });
    const id = created.json().id as number;
    const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
    const sfj = orgs.find((o) => o.name === '区司法局')!.id;
    const parent = await office.post('/api/plan/tasks', {
      workPointId: id,
      title: '草稿上级任务',
      leadOrgId: sfj,
      deadline: '2028-12-31',
    });
    await office.post('/api/plan/tasks', {
      workPointId: id,
      parentId: parent.json().id,
      title: '草稿下级任务',
      leadOrgId: sfj,
      assistOrgIds: [orgs.find((o) => o.name === '区政府办公室')!.id],
      deadline: '2028-06-30',
      milestones: [{ node: 'start', dueDate: '2028-03-31' }],
    });
    const listed = async () =>
      (
        (await office.get('/api/plan/work-points?year=2028')).json().items as {
          id: number;
          title: string;
          version: number;
        }[]
      ).find((w) => w.id === id);
    const v = (await listed())!.version;

    const edit = await office.patch(`/api/plan/work-points/${id}`, {
      title: '2028年全面依法治区工作要点',
      content: '总体要求',
      version: v,
    });
    expect(edit.statusCode).toBe(200);
    expect((await listed())!.title).toBe('2028年全面依法治区工作要点');
    const stale = await office.patch(`/api/plan/work-points/${id}`, { title: '覆盖他人修改', content: '', version: v });
    expect(await refusal(stale)).toEqual([409, '该工作要点已被他人修改，请刷新后再编辑']);
    expect((await listed())!.title).toBe('2028年全面依法治区工作要点');
    const empty = await office.patch(`/api/plan/work-points/${id}`, { title: ' ', content: '', version: v + 1 });
    expect(await refusal(empty)).toEqual([400, '请求内容有误：title：标题不能为空']);
    expect(
      await refusal(reporterA.patch(`/api/plan/work-points/${id}`, { title: 'x', content: '', version: v + 1 })),
    ).toEqual([403, '您没有执行此操作的权限']);

    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity = 'work_point' and entity_id = ${String(id)} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['work_point.create', 'work_point.update']);

    const removed = await office.delete(`/api/plan/work-points/${id}`);
    expect(removed.json()).toEqual({ deletedTasks: 2 });
    expect(await listed()).toBeUndefined();
    const left = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from tasks where work_point_id = ${id}`,
    );
    expect(left[0]!.n).toBe(0);
  });

  it('a published work point cannot be deleted, and its tasks stay', async () => {
    const published = (
      (await office.get(`/api/plan/work-points?year=${year}`)).json().items as {
        id: number;
        taskCount: number;
        status: string;
      }[]
    ).find((w) => w.status === 'published')!;
    const res = await office.delete(`/api/plan/work-points/${published.id}`);
    expect(await refusal(res)).toEqual([409, '已发布的工作要点不能删除']);
    const again = (
      (await office.get(`/api/plan/work-points?year=${year}`)).json().items as { id: number; taskCount: number }[]
    ).find((w) => w.id === published.id)!;
    expect(again.taskCount).toBe(published.taskCount);
  });

  it('the office cannot assign a task to a unit outside its county', async () => {
    const city = await t.as('city');
    const other = ((await city.get('/api/orgs')).json().items as { id: number; name: string }[]).find(
      (o) => o.name === '利州区司法局',
    )!;
    const wps = (await office.get(`/api/plan/work-points?year=${year}`)).json().items;
    const res = await office.post('/api/plan/tasks', {
      workPointId: wps[0].id,
      title: '越界任务',
      leadOrgId: other.id,
      deadline: '2026-12-31',
    });
    expect(await refusal(res)).toEqual([400, '牵头单位不存在或不在您的数据范围内']);
  });
});

describe('progress sheet round trip', () => {
  async function editedSheet(client: Client, edit: (ws: ExcelJS.Worksheet) => void) {
    const exported = await client.get(`/api/plan/tasks/export?year=${year}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    edit(wb.worksheets[0]!);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const rowOf = (ws: ExcelJS.Worksheet, titlePart: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (String(row.getCell(2).value).includes(titlePart)) found = row;
    });
    return found!;
  };

  it('the exported file, edited, imports back as ledger entries', async () => {
    const task = byTitle(await tasksOf(reporterA), '法律七进');
    const before = await entryCount(task.id);
    const file = await editedSheet(reporterA, (ws) => {
      const row = rowOf(ws, '法律七进');
      row.getCell(7).value = '８５%';
      row.getCell(8).value = '开展“法律七进”活动12场次';
      row.getCell(9).value = '2026-11-21';
    });
    const res = await reporterA.upload('/api/plan/tasks/import', '进度.xlsx', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 1 });
    expect(await entryCount(task.id)).toBe(before + 1);
    const detail = (await reporterA.get(`/api/plan/tasks/${task.id}`)).json();
    expect(detail.entries[0]).toMatchObject({
      percent: 85,
      content: '开展“法律七进”活动12场次',
      entryDate: '2026-11-21',
    });
  });

  it('one bad row rejects the whole file with row, column and reason, and nothing is written', async () => {
    const good = byTitle(await tasksOf(reporterA), '合法性审查');
    const before = await entryCount(good.id);
    const file = await editedSheet(reporterA, (ws) => {
      const ok = rowOf(ws, '政府常务会议议题');
      ok.getCell(7).value = 90;
      ok.getCell(8).value = '审查议题172份';
      const bad = rowOf(ws, '行政执法案卷集中评查');
      bad.getCell(7).value = 150;
      bad.getCell(8).value = '';
      const foreign = ws.addRow([]);
      foreign.getCell(1).value = 999999;
      foreign.getCell(7).value = 10;
      foreign.getCell(8).value = '不存在的任务';
    });
    const res = await reporterA.upload('/api/plan/tasks/import', '进度.xlsx', file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.message).toContain('未写入任何数据');
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: '本次进度(%)', message: '须为0到100之间的数字' }),
        expect.objectContaining({ column: '本次进展说明', message: '不能为空' }),
        expect.objectContaining({ column: '任务编号', message: expect.stringContaining('不在您的数据范围内') }),
      ]),
    );
    expect(body.details.every((d: { row: number }) => d.row >= 2)).toBe(true);
    expect(await entryCount(good.id)).toBe(before);
  });

  it("a reporter cannot import progress into another unit's task", async () => {
    const bTask = byTitle(await tasksOf(reporterB), '三项制度');
    const file = await editedSheet(reporterB, (ws) => {
      const row = rowOf(ws, '三项制度');
      row.getCell(7).value = 100;
      row.getCell(8).value = '已完成';
    });
    const before = await entryCount(bTask.id);
    const res = await reporterA.upload('/api/plan/tasks/import', '进度.xlsx', file);
    expect(await refusal(res)).toEqual([
      422,
      `导入失败，共1处错误，未写入任何数据。第2行“任务编号”：任务 ${bTask.id} 不存在或不在您的数据范围内`,
    ]);
    expect(await entryCount(bTask.id)).toBe(before);
  });

  it('a corrupt Excel file is a clear 400, not a crash', async () => {
    const res = await reporterA.upload(
      '/api/plan/tasks/import',
      '坏文件.xlsx',
      Buffer.from('PK\u0003\u0004 this is not really a zip'),
    );
    expect(await refusal(res)).toEqual([400, '文件无法读取：请上传有效的 Excel（.xlsx）文件']);
  });
});

describe('deadline reminders', () => {
  it('sends 7-day, 1-day and overdue reminders once each, however often the job runs', async () => {
    const first = await sendTaskReminders(t.db, new Date('2026-11-23T02:00:00Z'));
    expect(first.sent).toBeGreaterThan(0);
    const again = await sendTaskReminders(t.db, new Date('2026-11-23T03:00:00Z'));
    expect(again.sent).toBe(0);
    const notes = (await reporterA.get('/api/notifications?pageSize=100')).json();
    const kinds = notes.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('task.due7');
    const overdue = (await reporterB.get('/api/notifications?pageSize=100')).json().items;
    expect(
      overdue.some((n: { kind: string; body: string }) => n.kind === 'task.overdue' && n.body.includes('三项制度')),
    ).toBe(true);
    // Four days later the 1-day reminder for the task due on 11-28 fires, once.
    const later = await sendTaskReminders(t.db, new Date('2026-11-27T02:00:00Z'));
    expect(later.sent).toBeGreaterThan(0);
    expect((await sendTaskReminders(t.db, new Date('2026-11-27T05:00:00Z'))).sent).toBe(0);
    const items = (await reporterA.get('/api/notifications?pageSize=100')).json().items;
    expect(items.filter((n: { kind: string }) => n.kind === 'task.due1').length).toBeGreaterThan(0);
    const keys = await queryRows<{ n: number; d: number }>(
      t.db,
      sql`select count(*)::int as n, count(distinct (user_id, dedupe_key))::int as d from notifications`,
    );
    expect(keys[0]!.n).toBe(keys[0]!.d);
  });
});
