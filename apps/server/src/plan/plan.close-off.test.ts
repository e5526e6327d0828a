import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastNotificationId, type Note, notesAfter } from '../../test/db-lookups.ts';
import { tinyPng } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

/** A task's 销号: the application carries 佐证材料 and a 申请说明; the office's 审核意见 is stored and sent. */

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let taskId: number;

type Event = {
  action: string;
  reason: string;
  attachments: { id: number; filename: string; size: number; mime: string }[];
};

const usernames = async (where: ReturnType<typeof sql>) =>
  (
    await queryRows<{ username: string }>(
      t.db,
      sql`select username from users where is_active and ${where} order by username`,
    )
  ).map((u) => u.username);
const detailOf = async (client: Client) => {
  const res = await client.get(`/api/plan/tasks/${taskId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { task: { status: string; version: number }; events: Event[] };
};
const auditOf = (action: string) =>
  queryRows<{ after: Record<string, unknown> }>(
    t.db,
    sql`select after from audit_log where entity = 'task' and entity_id = ${String(taskId)} and action = ${action}
        order by id`,
  );

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('reporter-b')]);
  const me = (await reporterA.get('/api/auth/me')).json() as { orgId: number };
  const points = (await office.get('/api/plan/work-points?year=2026')).json().items as {
    id: number;
    status: string;
  }[];
  const published = points.find((p) => p.status === 'published')!;
  const created = await office.post('/api/plan/tasks', {
    workPointId: published.id,
    title: '建立行政执法案卷评查通报制度',
    leadOrgId: me.orgId,
    deadline: '2026-12-31',
  });
  expect(created.statusCode, created.body).toBe(200);
  taskId = created.json().id;
  const detail = await detailOf(reporterA);
  const plan = await reporterA.put(`/api/plan/tasks/${taskId}/plan`, {
    planText: '按季度评查并通报',
    measures: ['每季度抽查案卷'],
    version: detail.task.version,
  });
  expect(plan.statusCode, plan.body).toBe(200);
  const entry = await reporterA.post(`/api/plan/tasks/${taskId}/entries`, {
    entryDate: '2026-11-20',
    percent: 100,
    content: '四个季度评查均已完成并通报',
  });
  expect(entry.statusCode, entry.body).toBe(200);
});
afterAll(() => t?.close());

describe('task 销号 with 佐证材料 and 审核意见', () => {
  it("another unit's file is refused as missing (404) and nothing changes", async () => {
    const upload = await reporterB.upload('/api/attachments', '他单位材料.png', tinyPng, 'image/png');
    expect(upload.statusCode, upload.body).toBe(200);
    const before = await detailOf(reporterA);
    const since = await lastNotificationId(t.db);
    const refused = await reporterA.post(`/api/plan/tasks/${taskId}/apply`, {
      note: '已完成',
      attachmentIds: [upload.json().id],
    });
    expect(await refusal(refused)).toEqual([404, '佐证材料不存在或不在您的数据范围内']);
    expect(await detailOf(reporterA)).toEqual(before);
    expect(await notesAfter(t.db, since)).toEqual([]);
    expect(await auditOf('task.apply')).toEqual([]);
  });

  it('a 申请说明 over 1000 characters is refused naming the field, and nothing changes', async () => {
    const before = await detailOf(reporterA);
    const refused = await reporterA.post(`/api/plan/tasks/${taskId}/apply`, { note: '说'.repeat(1001) });
    expect(await refusal(refused)).toEqual([400, '请求内容有误：note：申请说明不能超过1000个字']);
    expect(await detailOf(reporterA)).toEqual(before);
  });

  it('the application carries its files to the history and the office is told how many came with it', async () => {
    const upload = await reporterA.upload('/api/attachments', '评查通报.png', tinyPng, 'image/png');
    expect(upload.statusCode, upload.body).toBe(200);
    const fileId = upload.json().id as number;
    const since = await lastNotificationId(t.db);
    const applied = await reporterA.post(`/api/plan/tasks/${taskId}/apply`, {
      note: '四期通报均已印发',
      attachmentIds: [fileId],
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ status: 'applied' });

    const apply = (await detailOf(office)).events.at(-1)!;
    expect(apply).toMatchObject({ action: 'apply', reason: '四期通报均已印发' });
    expect(apply.attachments).toEqual([
      { id: fileId, filename: '评查通报.png', size: tinyPng.length, mime: 'image/png' },
    ]);
    const file = await office.get(`/api/attachments/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(tinyPng)).toBe(true);

    const notes = await notesAfter(t.db, since);
    // The office accounts whose scope holds the task (昭化区's, not 利州区's lz-office).
    expect(notes.map((n) => n.username)).toEqual(
      await usernames(
        sql`role = 'office' and scope_org_id in (select o.id from orgs o join tasks k on k.id = ${taskId} join orgs u on u.id = k.org_id where u.path like o.path || '%')`,
      ),
    );
    expect(notes[0]).toEqual({
      username: notes[0]!.username,
      kind: 'task.applied',
      title: '任务申请销号待审核',
      body: '“建立行政执法案卷评查通报制度”已申请销号，附佐证材料1份，申请说明：四期通报均已印发，请审核',
      link: `/plan/tasks/${taskId}`,
    });
    expect((await auditOf('task.apply'))[0]!.after).toEqual({
      status: 'applied',
      reason: '四期通报均已印发',
      attachmentIds: [fileId],
    });
  });

  it('returning needs a 审核意见; the unit is told it', async () => {
    const before = await detailOf(office);
    const blank = await office.post(`/api/plan/tasks/${taskId}/review`, { decision: 'return', reason: '  ' });
    expect(await refusal(blank)).toEqual([400, '请求内容有误：reason：退回须填写审核意见']);
    expect(await detailOf(office)).toEqual(before);

    const missing = await office.post(`/api/plan/tasks/${taskId}/review`, {
      decision: 'return',
      reason: '请补充第四季度通报的印发文件',
      attachmentIds: [2_000_000_000],
    });
    expect(await refusal(missing)).toEqual([404, '附件不存在或不在您的数据范围内']);
    expect(await detailOf(office)).toEqual(before);
    expect(await auditOf('task.return')).toEqual([]);

    const upload = await office.upload('/api/attachments', '补充材料清单.png', tinyPng, 'image/png');
    expect(upload.statusCode, upload.body).toBe(200);
    const fileId = upload.json().id as number;
    const since = await lastNotificationId(t.db);
    const returned = await office.post(`/api/plan/tasks/${taskId}/review`, {
      decision: 'return',
      reason: '请补充第四季度通报的印发文件',
      attachmentIds: [fileId],
    });
    expect(returned.json()).toEqual({ status: 'in_progress' });
    const decision = (await detailOf(reporterA)).events.at(-1)!;
    expect(decision).toMatchObject({ action: 'return', reason: '请补充第四季度通报的印发文件' });
    expect(decision.attachments).toEqual([
      { id: fileId, filename: '补充材料清单.png', size: tinyPng.length, mime: 'image/png' },
    ]);
    expect((await auditOf('task.return'))[0]!.after).toEqual({
      status: 'in_progress',
      reason: '请补充第四季度通报的印发文件',
      attachmentIds: [fileId],
    });
    // The lead unit reads the office's file through the task; another unit sees neither the task nor the file.
    const file = await reporterA.get(`/api/plan/tasks/${taskId}/files/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(tinyPng)).toBe(true);
    expect(await refusal(await reporterB.get(`/api/plan/tasks/${taskId}/files/${fileId}`))).toEqual([
      404,
      '未找到该任务，或该任务不在您的数据范围内',
    ]);
    // A file not linked to this task's history is not served through it.
    const loose = await office.upload('/api/attachments', '未关联.png', tinyPng, 'image/png');
    expect(await refusal(await reporterA.get(`/api/plan/tasks/${taskId}/files/${loose.json().id}`))).toEqual([
      404,
      '未找到该附件，或您无权查看',
    ]);
    const notes = await notesAfter(t.db, since);
    expect(new Set(notes.map((n) => n.kind))).toEqual(new Set(['task.returned']));
    expect(notes[0]!.body).toBe('“建立行政执法案卷评查通报制度”销号申请被退回，审核意见：请补充第四季度通报的印发文件');
  });

  it('approving stores the 审核意见 in the history and the audit, and the lead unit is told it', async () => {
    const applied = await reporterA.post(`/api/plan/tasks/${taskId}/apply`, {});
    expect(applied.json()).toEqual({ status: 'applied' });
    const since = await lastNotificationId(t.db);
    const approved = await office.post(`/api/plan/tasks/${taskId}/review`, {
      decision: 'approve',
      reason: '材料齐全，同意销号',
    });
    expect(approved.json()).toEqual({ status: 'closed' });

    const events = (await detailOf(reporterA)).events;
    expect(events.map((e) => [e.action, e.reason, e.attachments.length])).toEqual([
      ['create', '', 0],
      ['report', '', 0],
      ['apply', '四期通报均已印发', 1],
      ['return', '请补充第四季度通报的印发文件', 1],
      ['apply', '', 0],
      ['approve', '材料齐全，同意销号', 0],
    ]);
    expect((await auditOf('task.approve'))[0]!.after).toEqual({ status: 'closed', reason: '材料齐全，同意销号' });

    const notes = await notesAfter(t.db, since);
    const me = (await reporterA.get('/api/auth/me')).json() as { orgId: number };
    expect(notes.map((n) => n.username)).toEqual(
      await usernames(sql`org_id = ${me.orgId} and role in ('reporter', 'unit_leader')`),
    );
    expect(new Set(notes.map((n) => n.kind))).toEqual(new Set(['task.approved']));
    expect(notes[0]).toMatchObject({
      title: '任务销号已通过',
      body: '“建立行政执法案卷评查通报制度”销号申请已审核通过，审核意见：材料齐全，同意销号',
      link: `/plan/tasks/${taskId}`,
    });
    const bell = (await reporterA.get('/api/notifications?pageSize=20')).json().items as Note[];
    expect(bell.find((n) => n.link === `/plan/tasks/${taskId}` && n.kind === 'task.approved')?.body).toBe(
      '“建立行政执法案卷评查通报制度”销号申请已审核通过，审核意见：材料齐全，同意销号',
    );
  });
});
