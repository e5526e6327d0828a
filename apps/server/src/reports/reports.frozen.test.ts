import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdByName } from '../../test/db-lookups.ts';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let office: Client;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());

type Live = { metric: string; value: number; orgId: number; period: string };
type View = {
  orgId: number;
  isFrozen: boolean;
  sections: { liveFigures: Live[]; mismatches: unknown[] }[];
  figureTable: { metric: string; composed: number; ledger: number | null }[];
};

describe('a final report keeps the figures it was frozen with', () => {
  it('after the ledgers change, its live figures and ledger column stay as frozen; the registry moves on', async () => {
    const countyId = await orgIdByName(t.db, '昭化区');
    const list = (await office.get('/api/reports?year=2026')).json();
    const id = list.items.find((i: { orgId: number }) => i.orgId === countyId).report.id;
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'send_review' })).statusCode).toBe(200);
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'finalize' })).statusCode).toBe(200);
    const frozen = (await office.get(`/api/reports/${id}`)).json() as View;
    expect(frozen.isFrozen).toBe(true);
    const live = frozen.sections.flatMap((s) => s.liveFigures).find((f) => f.metric === 'mediation.cases')!;
    // each live figure says which rows it stands for: the metric, the org subtree and the year
    expect(live).toMatchObject({ orgId: countyId, period: '2026' });
    const before = (await office.get(`/api/metrics/mediation.cases?org=${countyId}&period=2026`)).json();
    expect(before.value).toBe(live.value);

    const added = await office.post('/api/ledgers/types/mediation_case/rows', {
      orgId: await orgIdByName(t.db, '元坝镇'),
      data: {
        case_no: '测试调〔2026〕9001号',
        dispute_type: 'neighbourhood',
        parties: '张三、李四',
        party_phone: '13812345678',
        received_date: '2026-03-01',
        concluded_date: '2026-03-05',
        result: 'success',
        agreement_amount: 1_250_000,
      },
    });
    expect(added.statusCode, added.body).toBe(200);
    const after = (await office.get(`/api/metrics/mediation.cases?org=${countyId}&period=2026`)).json();
    expect(after.value).toBe(live.value + 1);

    const still = (await office.get(`/api/reports/${id}`)).json() as View;
    const liveAfter = still.sections.flatMap((s) => s.liveFigures).find((f) => f.metric === 'mediation.cases')!;
    expect(liveAfter.value).toBe(live.value);
    expect(still.figureTable.find((r) => r.metric === 'mediation.cases')).toMatchObject({
      composed: live.value,
      ledger: live.value,
    });
    expect(still.sections.flatMap((s) => s.mismatches)).toEqual([]);
  });
});
