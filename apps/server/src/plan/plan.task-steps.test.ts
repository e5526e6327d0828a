import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/** One task's single steps: issuing a draft, marking a key node done, deleting a draft — each read back. */
let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let workPointId: number;
let sfj: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('reporter-b')]);
  const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
  sfj = orgs.find((o) => o.name === '区司法局')!.id;
  const wp = await office.post('/api/plan/work-points', { year: 2027, title: '2027年单项任务测试要点', content: '' });
  expect(wp.statusCode, wp.body).toBe(200);
  workPointId = wp.json().id;
});
afterAll(() => t?.close());

async function draftTask(title: string) {
  const res = await office.post('/api/plan/tasks', {
    workPointId,
    title,
    leadOrgId: sfj,
    deadline: '2027-12-31',
    milestones: [
      { node: 'start', dueDate: '2027-03-31' },
      { node: 'end', dueDate: '2027-12-31' },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}
const taskOf = async (id: number) => (await office.get(`/api/plan/tasks/${id}`)).json().task;

describe('single task steps', () => {
  it('the office issues one draft task; issuing it again is refused', async () => {
    const id = await draftTask('完善行政执法公示平台');
    expect((await taskOf(id)).status).toBe('draft');
    const issued = await office.post(`/api/plan/tasks/${id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect((await taskOf(id)).status).toBe('issued');
    const again = await office.post(`/api/plan/tasks/${id}/issue`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('任务状态为“已下达”，不能下达');
    expect((await taskOf(id)).status).toBe('issued');
  });

  it('the lead unit marks a key node done; another unit and an unknown node are refused', async () => {
    const id = await draftTask('开展年度法治督察');
    await office.post(`/api/plan/tasks/${id}/issue`);
    const other = await reporterB.post(`/api/plan/tasks/${id}/milestones/start/done`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('未找到该任务，或该任务不在您的数据范围内');
    const none = await reporterA.post(`/api/plan/tasks/${id}/milestones/half/done`);
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toBe('该任务没有这个关键节点');
    expect((await taskOf(id)).milestones.every((m: { doneAt: string | null }) => m.doneAt === null)).toBe(true);

    const done = await reporterA.post(`/api/plan/tasks/${id}/milestones/start/done`);
    expect(done.statusCode, done.body).toBe(200);
    const milestones = (await taskOf(id)).milestones as { node: string; doneAt: string | null }[];
    expect(milestones.find((m) => m.node === 'start')!.doneAt).not.toBeNull();
    expect(milestones.find((m) => m.node === 'end')!.doneAt).toBeNull();
  });

  it('the office deletes a draft task; an issued one stays', async () => {
    const draft = await draftTask('临时草稿任务');
    const removed = await office.delete(`/api/plan/tasks/${draft}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const gone = await office.get(`/api/plan/tasks/${draft}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toBe('未找到该任务，或该任务不在您的数据范围内');

    const issued = await draftTask('已下达任务不可删除');
    await office.post(`/api/plan/tasks/${issued}/issue`);
    const refused = await office.delete(`/api/plan/tasks/${issued}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('只有草稿状态的任务可以删除');
    expect((await taskOf(issued)).status).toBe('issued');
  });
});
