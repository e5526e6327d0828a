import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/** Starting a round from a scheme, removing a unit's fact, and a unit's score sheet as a workbook. */
let t: TestApp;
let office: Client;
let unitA: Client;
let roundId: number;
let orgA: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, unitA] = await Promise.all([t.as('office'), t.as('reporter-a')]);
  const rounds = (await office.get('/api/assessment/rounds?year=2026')).json().items as { id: number }[];
  roundId = rounds[0]!.id;
  const round = (await office.get(`/api/assessment/rounds/${roundId}`)).json();
  orgA = round.units.find((u: { orgName: string }) => u.orgName === '区司法局').orgId;
});
afterAll(() => t?.close());

const unitUrl = `/api/assessment/rounds/__ROUND__/units/__ORG__`;
const url = () => unitUrl.replace('__ROUND__', String(roundId)).replace('__ORG__', String(orgA));

describe('rounds', () => {
  it('the office starts a round from a new scheme with every unit of the county; a second one is refused', async () => {
    const scheme = await office.post('/api/assessment/schemes', { year: 2027 });
    expect(scheme.statusCode, scheme.body).toBe(200);
    const created = await office.post('/api/assessment/rounds', { schemeId: scheme.json().id });
    expect(created.statusCode, created.body).toBe(200);
    const round = (await office.get(`/api/assessment/rounds/${created.json().id}`)).json();
    expect(round).toMatchObject({ year: 2027, status: 'scheme' });
    expect(round.units.map((u: { orgName: string }) => u.orgName)).toEqual(expect.arrayContaining(['区司法局']));
    // Every township and department of the county, typed like the demo's current round (same rule: 执法协调小组
    // members are enforcement departments).
    type Typed = { orgId: number; unitType: string };
    const typed = (units: Typed[]) =>
      units.map((u) => [u.orgId, u.unitType]).sort((x, y) => Number(x[0]) - Number(y[0]));
    const current = (await office.get(`/api/assessment/rounds/${roundId}`)).json();
    expect(typed(round.units)).toEqual(typed(current.units));
    expect([...new Set(round.units.map((u: Typed) => u.unitType))].sort()).toEqual(
      ['乡镇街道', '执法部门', '非执法部门'].sort(),
    );
    const listed = (await office.get('/api/assessment/rounds?year=2027')).json().items as { id: number }[];
    expect(listed.map((r) => r.id)).toEqual([created.json().id]);
    const again = await office.post('/api/assessment/rounds', { schemeId: scheme.json().id });
    expect([again.statusCode, again.json().message]).toEqual([409, '该方案已用于一次考核；如需再次考核，请复制方案']);
    expect((await office.get('/api/assessment/rounds?year=2027')).json().items).toHaveLength(1);
  });
});

describe('facts', () => {
  it('a unit removes an honour it reported; removing it again is refused', async () => {
    const honour = await unitA.post(`${url()}/facts`, {
      kind: 'honour',
      key: '经验交流',
      level: '省',
      title: '全省法治宣传教育经验交流发言（删除测试）',
    });
    expect(honour.statusCode, honour.body).toBe(200);
    const factsOf = async () =>
      ((await unitA.get(url())).json().facts as { id: number; title: string }[]).map((f) => f.title);
    expect(await factsOf()).toContain('全省法治宣传教育经验交流发言（删除测试）');
    const removed = await unitA.delete(`${url()}/facts/${honour.json().id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await factsOf()).not.toContain('全省法治宣传教育经验交流发言（删除测试）');
    const again = await unitA.delete(`${url()}/facts/${honour.json().id}`);
    expect([again.statusCode, again.json().message]).toEqual([404, '未找到该考核事项']);
  });
});

describe('score sheet export', () => {
  it('a unit downloads its self-assessment score sheet; the total is the one the API gives', async () => {
    const res = await unitA.get(`${url()}/score/export?stage=self`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    let total: unknown;
    wb.worksheets[0]!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === '总分') total = values.filter((v) => typeof v === 'number').at(-1);
    });
    const score = (await unitA.get(`${url()}/score?stage=self`)).json();
    expect(total).toBe(score.score.total);
    const bad = await unitA.get(`${url()}/score/export?stage=final`);
    expect([bad.statusCode, bad.json().message]).toEqual([400, '查询参数有误：stage：阶段应为自评、评审或公示']);
  });
});
