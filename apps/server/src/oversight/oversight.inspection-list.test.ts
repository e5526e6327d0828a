import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/** Inspections as the office and a unit list and open them, their status moves, and the list of 通报. */
let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let orgIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('reporter-b')]);
  const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

type Inspection = { id: number; title: string; status: string; problemCount: number };
const listed = async (client: Client, year = 2026) =>
  (await client.get(`/api/oversight/inspections?year=${year}`)).json().items as Inspection[];

async function createInspection(title: string) {
  const res = await office.post('/api/oversight/inspections', {
    year: 2026,
    title,
    mode: 'random_unannounced',
    keyNode: 'end',
    startDate: '2026-11-20',
    endDate: '2026-11-25',
    targetOrgIds: [orgIds.get('区司法局')],
    checklist: [{ content: '行政执法公示信息更新情况' }],
    team: [{ name: '李建国', role: 'leader' }],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

describe('inspections', () => {
  it('a new inspection is listed for the office and the inspected unit, not for another unit', async () => {
    const id = await createInspection('年终法治建设专项督察（列表）');
    const mine = (await listed(office)).find((i) => i.id === id);
    expect(mine).toMatchObject({ title: '年终法治建设专项督察（列表）', status: 'planned', problemCount: 0 });
    expect((await listed(reporterA)).map((i) => i.id)).toContain(id);
    expect((await listed(reporterB)).map((i) => i.id)).not.toContain(id);
    expect((await listed(office, 2001)).map((i) => i.id)).not.toContain(id);
  });

  it('the detail holds the inspection and its findings; another unit is refused', async () => {
    const id = await createInspection('年终法治建设专项督察（详情）');
    const problem = await office.post('/api/oversight/problems', {
      inspectionId: id,
      title: '执法公示信息更新不及时',
      description: '抽查发现公示信息滞后。',
      unitIds: [orgIds.get('区司法局')],
    });
    expect(problem.statusCode, problem.body).toBe(200);
    const detail = await office.get(`/api/oversight/inspections/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().inspection).toMatchObject({ id, title: '年终法治建设专项督察（详情）' });
    expect(detail.json().problems.map((p: { title: string }) => p.title)).toEqual(['执法公示信息更新不及时']);
    const other = await reporterB.get(`/api/oversight/inspections/${id}`);
    expect([other.statusCode, other.json().message]).toEqual([404, '未找到该督察，或不在您的数据范围内']);
  });

  it('the office moves an inspection from planned to in progress to finished; a bad status changes nothing', async () => {
    const id = await createInspection('年终法治建设专项督察（状态）');
    const statusOf = async () => (await office.get(`/api/oversight/inspections/${id}`)).json().inspection.status;
    const started = await office.post(`/api/oversight/inspections/${id}/status`, { status: 'in_progress' });
    expect(started.statusCode, started.body).toBe(200);
    expect(await statusOf()).toBe('in_progress');
    const bad = await office.post(`/api/oversight/inspections/${id}/status`, { status: 'cancelled' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('督察状态不正确');
    expect(await statusOf()).toBe('in_progress');
    const unit = await reporterA.post(`/api/oversight/inspections/${id}/status`, { status: 'finished' });
    expect([unit.statusCode, unit.json().message]).toEqual([403, '您没有执行此操作的权限']);
    expect(await statusOf()).toBe('in_progress');
    await office.post(`/api/oversight/inspections/${id}/status`, { status: 'finished' });
    expect(await statusOf()).toBe('finished');
    expect((await listed(office)).find((i) => i.id === id)!.status).toBe('finished');
  });
});

describe('通报 list', () => {
  it('a bulletin the office issues is listed for its year', async () => {
    const before = (await office.get('/api/oversight/bulletins?year=2026')).json().items as { id: number }[];
    const res = await office.post('/api/oversight/bulletins', {
      title: '关于年终专项督察情况的通报',
      docNo: '昭法治办〔2026〕31号',
      level: 'county',
      issuedOn: '2026-11-22',
      entries: [{ orgId: orgIds.get('区教育局'), stance: 'praise', reason: '整改及时到位' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await office.get('/api/oversight/bulletins?year=2026')).json().items as {
      id: number;
      title: string;
    }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((b) => b.id === res.json().id)).toMatchObject({ title: '关于年终专项督察情况的通报' });
    expect(
      (await office.get('/api/oversight/bulletins?year=2025')).json().items.map((b: { id: number }) => b.id),
    ).not.toContain(res.json().id);
  });
});
