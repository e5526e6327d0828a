import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';

// The round-wide workbook: ranking plus every visible unit's score sheet, checked figure by figure against the API.

let t: TestApp;
let office: Client;
let unitA: Client; // 区司法局
let leader: Client;
let current: number; // 2026, self-assessment
let final: number; // 2025, final
let orgA: number;

type Row = Record<string, unknown>;

async function workbookOf(client: Client, roundId: number) {
  const res = await client.get(`/api/assessment/rounds/${roundId}/export`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toContain('.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** A sheet as objects keyed by its header row. */
function rowsOf(wb: ExcelJS.Workbook, name: string): Row[] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`没有工作表 ${name}`);
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null]).filter(([h]) => h)));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  [office, unitA, leader] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('leader')]);
  const rounds = (await office.get('/api/assessment/rounds')).json().items as { id: number; year: number }[];
  current = rounds.find((r) => r.year === 2026)!.id;
  final = rounds.find((r) => r.year === 2025)!.id;
  const detail = (await office.get(`/api/assessment/rounds/${final}`)).json();
  orgA = detail.units.find((u: { orgName: string }) => u.orgName === '区司法局').orgId;
});
afterAll(() => t?.close());

describe('round workbook after 公示', () => {
  it('the office gets the ranking and every unit’s sheet; figures equal the API’s', async () => {
    const wb = await workbookOf(office, final);
    const api = (await office.get(`/api/assessment/rounds/${final}/ranking`)).json().items as {
      orgId: number;
      orgName: string;
      group: string;
      rank: number;
      total: number;
      grade: string;
    }[];
    const ranking = rowsOf(wb, '考核排名');
    // Group by group, a rank within its group (排名组别 then 组内名次), in the API's order.
    expect(ranking.map((r) => [r.排名组别, r.单位, r.组内名次, r.总分, r.等次])).toEqual(
      api.map((r) => [r.group, r.orgName, r.rank, r.total, r.grade]),
    );
    const detail = rowsOf(wb, '评分明细');
    expect(new Set(detail.map((r) => r.单位))).toEqual(new Set(api.map((r) => r.orgName)));
    for (const item of api) {
      const total = detail.find((r) => r.单位 === item.orgName && r.类别 === '总分')!;
      expect([total.得分, total.说明]).toEqual([
        item.total,
        expect.stringContaining(`第${item.rank}名，${item.grade}`),
      ]);
    }
    // Every indicator of two units, line by line, against the explained score the unit sees.
    for (const item of [api[0]!, api.find((r) => r.orgId === orgA)!]) {
      const score = (
        await office.get(`/api/assessment/rounds/${final}/units/${item.orgId}/score?stage=published`)
      ).json().score;
      const rows = detail.filter((r) => r.单位 === item.orgName && String(r.类别).startsWith('指标'));
      expect(rows.length).toBe(score.indicators.length);
      for (const indicator of score.indicators as {
        path: string;
        score: number;
        max: number;
        lost: { points: number; reason: string }[];
      }[]) {
        const row = rows.find((r) => r.指标 === indicator.path)!;
        expect([row.分值, row.得分, row.失分]).toEqual([
          indicator.max,
          indicator.score,
          Math.round((indicator.max - indicator.score) * 100) / 100,
        ]);
        for (const line of indicator.lost.filter((l) => l.points > 0)) expect(row.说明).toContain(line.reason);
      }
      const bonus = detail.filter((r) => r.单位 === item.orgName && r.类别 === '加分');
      const bonusSum = bonus.reduce((a, r) => a + Math.round(Number(r.得分) * 100), 0);
      expect(bonusSum / 100).toBe(score.bonus.awarded);
    }
  });

  it('a unit gets the public ranking but only its own sheet', async () => {
    const wb = await workbookOf(unitA, final);
    expect(rowsOf(wb, '考核排名').length).toBe(29);
    expect(new Set(rowsOf(wb, '评分明细').map((r) => r.单位))).toEqual(new Set(['区司法局']));
  });
});

describe('round workbook before 公示', () => {
  it('the office gets every unit’s live figures without ranks; a unit only its own self-assessment', async () => {
    const wb = await workbookOf(office, current);
    expect(wb.getWorksheet('考核排名')).toBeUndefined();
    const preview = rowsOf(wb, '得分汇总（未公示）');
    const units = (await office.get(`/api/assessment/rounds/${current}`)).json().units as { orgId: number }[];
    expect(preview.length).toBe(units.length);
    const live = (await office.get(`/api/assessment/rounds/${current}/units/${orgA}/score?stage=self`)).json();
    expect(preview.find((r) => r.单位 === '区司法局')!.总分).toBe(live.score.total);

    const own = await workbookOf(unitA, current);
    expect(own.getWorksheet('考核排名')).toBeUndefined();
    expect(own.getWorksheet('得分汇总（未公示）')).toBeUndefined();
    const detail = rowsOf(own, '评分明细');
    expect(new Set(detail.map((r) => r.单位))).toEqual(new Set(['区司法局']));
    const mine = (await unitA.get(`/api/assessment/rounds/${current}/units/${orgA}/score?stage=self`)).json();
    expect(detail.find((r) => r.类别 === '总分')!.得分).toBe(mine.score.total);
  });

  it('someone who is neither staff nor a unit of the round gets nothing before 公示', async () => {
    const res = await leader.get(`/api/assessment/rounds/${current}/export`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('没有您可以导出的单位评分表');
    expect(await refusal(office.get('/api/assessment/rounds/999999/export'))).toEqual([
      404,
      '未找到该考核，或不在您的数据范围内',
    ]);
  });
});
