import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/** The 十步工作法 checklist: a step's planned date, and reopening a step done by mistake; new sub-points. */
let t: TestApp;
let office: Client;
let reporterB: Client;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterB] = await Promise.all([t.as('office'), t.as('reporter-b')]);
});
afterAll(() => t?.close());

type Step = { step: string; plannedOn: string | null; completedOn: string | null };
const checklistOf = async (id: number) =>
  (await office.get(`/api/consultation/consultations/${id}`)).json().checklist as Step[];

async function newConsultation(title: string) {
  const draftId = (await office.get('/api/consultation/drafts')).json().items[0].id;
  const created = await office.post('/api/consultation/consultations', {
    title,
    draftId: String(draftId),
    legislature: '广元市人大常委会法工委',
    legislatureLevel: 'municipal',
    opensOn: '2026-11-20',
    closesOn: '2026-12-10',
  });
  expect(created.statusCode, created.body).toBe(200);
  return created.json().id as number;
}

describe('十步工作法 checklist', () => {
  it('the office plans a step for a date, changes it and clears it; a bad date changes nothing', async () => {
    const id = await newConsultation('计划日期测试征求意见');
    const url = `/api/consultation/consultations/${id}/steps/make_plan/plan`;
    const planned = await office.put(url, { plannedOn: '2026-11-25' });
    expect(planned.statusCode, planned.body).toBe(200);
    expect((await checklistOf(id)).find((s) => s.step === 'make_plan')!.plannedOn).toBe('2026-11-25');
    const bad = await office.put(url, { plannedOn: '2026-13-40' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('日期格式应为 YYYY-MM-DD');
    expect((await checklistOf(id)).find((s) => s.step === 'make_plan')!.plannedOn).toBe('2026-11-25');
    await office.put(url, { plannedOn: null });
    expect((await checklistOf(id)).find((s) => s.step === 'make_plan')!.plannedOn).toBeNull();
    const unit = await reporterB.put(url, { plannedOn: '2026-11-26' });
    expect([unit.statusCode, unit.json().message]).toEqual([403, '您没有执行此操作的权限']);
  });

  it('a completed step is reopened; a step not done cannot be', async () => {
    const id = await newConsultation('撤销完成测试征求意见');
    const done = await office.post(`/api/consultation/consultations/${id}/steps/receive_task/complete`, {
      completedOn: '2026-11-18',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await checklistOf(id))[0]!.completedOn).toBe('2026-11-18');
    const notDone = await office.post(`/api/consultation/consultations/${id}/steps/make_plan/reopen`);
    expect([notDone.statusCode, notDone.json().message]).toEqual([400, '第二步“制定方案”尚未完成']);
    const reopened = await office.post(`/api/consultation/consultations/${id}/steps/receive_task/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await checklistOf(id))[0]!.completedOn).toBeNull();
    const progress = (await office.get(`/api/consultation/consultations/${id}`)).json().progress;
    expect(progress).toMatchObject({ completed: 0, nextStep: 'receive_task' });
  });
});

describe('sub-points', () => {
  it('the office adds a 立法议事小院 under its point; a nameless one is refused', async () => {
    const before = (await office.get('/api/consultation/points')).json().items as {
      id: number;
      parentId: number | null;
      name: string;
    }[];
    const root = before.find((p) => p.parentId === null)!;
    const created = await office.post('/api/consultation/points', {
      parentId: root.id,
      kind: 'courtyard',
      name: '虎跳镇立法议事小院',
      contact: '虎跳镇人民政府二楼',
    });
    expect(created.statusCode, created.body).toBe(200);
    const nameless = await office.post('/api/consultation/points', { parentId: root.id, kind: 'courtyard', name: '' });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().message).toContain('请填写名称');
    const after = (await office.get('/api/consultation/points')).json().items as typeof before;
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((p) => p.id === created.json().id)).toMatchObject({
      parentId: root.id,
      name: '虎跳镇立法议事小院',
    });
  });
});
