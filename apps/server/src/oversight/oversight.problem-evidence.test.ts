import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

// Issue 17 point 7: problem 销号 and the office's 验收 cite 佐证材料 (platform attachments) and the office's decision
// carries a 审核意见 — required to return, optional to pass — stored in the history, audited and notified.

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let orgIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('reporter-b')]);
  const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

const org = (name: string) => orgIds.get(name)!;
const act = (client: Client, id: number, body: object) => client.post(`/api/oversight/problems/${id}/actions`, body);
const detail = async (client: Client, id: number) => {
  const res = await client.get(`/api/oversight/problems/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const upload = async (client: Client, filename: string) => {
  const res = await client.upload('/api/attachments', filename, tinyPng, 'image/png');
  expect(res.statusCode).toBe(200);
  return res.json().id as number;
};
/** What a refused step must leave alone: the row, its history and its evidence. */
const state = async (id: number) => ({
  row: (
    await queryRows<{ status: string; version: number; rectification_summary: string }>(
      t.db,
      sql`select status, version, rectification_summary from problems where id = ${id}`,
    )
  )[0],
  events: (
    await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from problem_events where problem_id = ${id}`)
  )[0]!.n,
  evidence: await queryRows<{ attachment_id: number }>(
    t.db,
    sql`select attachment_id from problem_evidence where problem_id = ${id} order by event_id, sort`,
  ),
});
const notesFor = (username: string, id: number) =>
  queryRows<{ kind: string; body: string }>(
    t.db,
    sql`select n.kind, n.body from notifications n join users u on u.id = n.user_id
        where u.username = ${username} and n.link = ${`/oversight/problems/${id}`} and n.kind like 'problem.%'
        order by n.id`,
  );

async function rectifyingProblem(title: string) {
  const created = await office.post('/api/oversight/problems', {
    title,
    description: '督察发现',
    unitIds: [org('区司法局')],
    deadline: null,
  });
  expect(created.statusCode).toBe(200);
  const id = created.json().id as number;
  const [cadre] = await queryRows<{ id: number }>(
    t.db,
    sql`select id from cadres where org_id = ${org('区司法局')} and is_active order by sort, id limit 1`,
  );
  const claim = await act(reporterA, id, {
    type: 'claim',
    unitId: org('区司法局'),
    fields: { ownerIds: [cadre!.id], plan: '逐卷整理归档', measures: ['建立归档台账'], deadline: '2026-12-31' },
  });
  expect(claim.statusCode).toBe(200);
  return id;
}

describe('佐证材料 of a problem 销号 and its 验收', () => {
  it('the unit applies with its file; another unit’s file or a missing one is refused 404 and changes nothing', async () => {
    const id = await rectifyingProblem('执法案卷归档不及时');
    const own = await upload(reporterA, '归档台账.png');
    const otherUnits = await upload(reporterB, '市场监管台账.png');
    const before = await state(id);
    expect(before.row).toEqual({ status: 'rectifying', version: 2, rectification_summary: '' });

    const foreign = act(reporterA, id, { type: 'apply', summary: '已归档', attachmentIds: [own, otherUnits] });
    expect(await refusal(foreign)).toEqual([404, `未找到佐证材料（附件编号${otherUnits}），或无权使用该文件`]);
    const missing = act(reporterA, id, { type: 'apply', summary: '已归档', attachmentIds: [2_000_000] });
    expect(await refusal(missing)).toEqual([404, '未找到佐证材料（附件编号2000000），或无权使用该文件']);
    const malformed = act(reporterA, id, { type: 'apply', summary: '已归档', attachmentIds: ['台账'] });
    expect(await refusal(malformed)).toEqual([400, '请求内容有误：attachmentIds.0：佐证材料编号不正确']);
    expect(await state(id)).toEqual(before);

    const applied = await act(reporterA, id, { type: 'apply', summary: '已逐卷归档', attachmentIds: [own] });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({ id, status: 'applied' });
    const d = await detail(office, id);
    const step = d.history.at(-1);
    expect(step).toMatchObject({ type: 'applied', note: '已逐卷归档' });
    expect(step.attachments).toEqual([{ id: own, filename: '归档台账.png', size: tinyPng.length }]);
    expect(d.history.slice(0, -1).every((e: { attachments: unknown[] }) => e.attachments.length === 0)).toBe(true);
    expect(await notesFor('office', id)).toEqual([
      { kind: 'problem.applied', body: '问题“执法案卷归档不及时”已申请销号，附佐证材料1份，请验收' },
    ]);
    const file = await office.get(`/api/oversight/problems/${id}/evidence/${own}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(tinyPng)).toBe(true);
    expect(file.headers['content-type']).toBe('image/png');
  });

  it('the office returns with a required 审核意见 and its own file; the unit reads both; pass needs no opinion', async () => {
    const id = await rectifyingProblem('行政复议决定未按期公开');
    const own = await upload(reporterA, '公开截图.png');
    expect((await act(reporterA, id, { type: 'apply', summary: '已公开', attachmentIds: [own] })).statusCode).toBe(200);
    const before = await state(id);

    expect(await refusal(act(office, id, { type: 'verify_fail' }))).toEqual([
      400,
      '请求内容有误：reason：请填写审核意见',
    ]);
    expect(await refusal(act(office, id, { type: 'verify_fail', reason: '  ' }))).toEqual([
      400,
      '请求内容有误：reason：请填写审核意见',
    ]);
    expect(await state(id)).toEqual(before);

    const check = await upload(office, '现场核查记录.png');
    const returned = await act(office, id, {
      type: 'verify_fail',
      reason: '现场核查发现2份决定书未公开',
      attachmentIds: [check],
    });
    expect(returned.json()).toEqual({ id, status: 'rectifying' });

    // The unit sees the opinion and the office's file in the history, and downloads the file through the problem
    // (the generic attachment route does not reach a file uploaded outside the unit's scope).
    const seen = await detail(reporterA, id);
    expect(seen.history.at(-1)).toMatchObject({
      type: 'verified_fail',
      label: '验收不通过',
      note: '现场核查发现2份决定书未公开',
      attachments: [{ id: check, filename: '现场核查记录.png', size: tinyPng.length }],
    });
    const viaProblem = await reporterA.get(`/api/oversight/problems/${id}/evidence/${check}`);
    expect(viaProblem.statusCode).toBe(200);
    expect(viaProblem.rawPayload.equals(tinyPng)).toBe(true);
    expect((await reporterA.get(`/api/attachments/${check}`)).statusCode).toBe(404);
    expect(await notesFor('reporter-a', id)).toContainEqual({
      kind: 'problem.verify_failed',
      body: '问题“行政复议决定未按期公开”整改验收不通过，审核意见：现场核查发现2份决定书未公开',
    });

    // Not a responsible unit: the problem is not found; a file the problem does not cite is not found either.
    expect(await refusal(reporterB.get(`/api/oversight/problems/${id}/evidence/${check}`))).toEqual([
      404,
      '未找到该问题，或该问题不在您的数据范围内',
    ]);
    const uncited = await upload(reporterA, '其他文件.png');
    expect(await refusal(reporterA.get(`/api/oversight/problems/${id}/evidence/${uncited}`))).toEqual([
      404,
      '未找到该佐证材料',
    ]);

    const [audit] = await queryRows<{ after: Record<string, unknown> }>(
      t.db,
      sql`select after from audit_log where entity = 'problem' and entity_id = ${String(id)}
          and action = 'problem.verify_fail'`,
    );
    expect(audit!.after).toMatchObject({
      status: 'rectifying',
      reason: '现场核查发现2份决定书未公开',
      attachmentIds: [check],
    });

    expect((await act(reporterA, id, { type: 'apply', summary: '已全部公开' })).statusCode).toBe(200);
    expect((await act(office, id, { type: 'verify_pass' })).json()).toEqual({ id, status: 'closed' });
    const closed = await detail(reporterA, id);
    expect(closed.history.at(-1)).toMatchObject({ type: 'verified_pass', note: '', attachments: [] });
    expect((await state(id)).evidence.map((e) => e.attachment_id)).toEqual([own, check]);
  });
});
