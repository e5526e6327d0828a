import { figurePhrase, grassrootsFigureKeys, type ReportFigureKey } from '@fazhi/core/reports/figure-phrases';
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

type Live = { metric: string; value: number; orgId: number; period: string; start: number; end: number };
type Section = {
  key: string;
  body: string;
  liveFigures: Live[];
  mismatches: { metric: string; stated: number; start: number; end: number }[];
};
type View = {
  version: number;
  title: string;
  preamble: string;
  signedBy: string;
  signedDate: string;
  isFrozen: boolean;
  sections: Section[];
  figureTable: { metric: string; name: string; composed: number; ledger: number | null; isLive: boolean }[];
};

const grassrootsKeys = new Set<string>([...grassrootsFigureKeys, 'legal_aid.stations']);
const paragraphOf = (view: View) =>
  view.sections
    .find((s) => s.key === 'measures')!
    .body.split('\n')
    .find((p) => p.includes('夯实基层法治基础'));

/** Every grass-roots figure of the report equals the metric API's value for the same org and year. */
async function expectFiguresFromRegistry(view: View, org: number, period: string) {
  const live = view.sections.flatMap((s) => s.liveFigures).filter((f) => grassrootsKeys.has(f.metric));
  expect(live.length).toBeGreaterThan(0);
  for (const f of live) {
    expect(f).toMatchObject({ orgId: org, period });
    const metric = (await office.get(`/api/metrics/${f.metric}?org=${org}&period=${period}`)).json();
    expect(metric.value, f.metric).toBe(f.value);
    expect(paragraphOf(view), f.metric).toContain(figurePhrase(f.metric as ReportFigureKey, f.value));
  }
  return live;
}

describe('grass-roots figures in the annual report', () => {
  it('the demo county’s composed report has a 夯实基层法治基础 paragraph whose figures equal the registry', async () => {
    const countyId = await orgIdByName(t.db, '昭化区');
    const list = (await office.get('/api/reports?year=2026')).json();
    const id = list.items.find((i: { orgId: number }) => i.orgId === countyId).report.id;
    const view = (await office.get(`/api/reports/${id}`)).json() as View;
    expect(paragraphOf(view)).toMatch(/^（[一二三四五六七八]）夯实基层法治基础。坚持抓基层、打基础，挂点联系应走访/);
    const live = await expectFiguresFromRegistry(view, countyId, '2026');
    expect(live.map((f) => f.metric)).toEqual(
      expect.arrayContaining([
        'grassroots.liaison_due',
        'grassroots.liaison_done',
        'grassroots.liaison_rate',
        'grassroots.adviser_coverage_rate',
        'grassroots.reasoning_coverage_rate',
        'grassroots.major_decision_steps_rate',
        'legal_aid.stations',
      ]),
    );
    expect(view.sections.flatMap((s) => s.mismatches)).toEqual([]);
    const row = view.figureTable.find((r) => r.metric === 'grassroots.liaison_rate')!;
    expect(row).toMatchObject({ name: '挂点联系走访完成率', isLive: true });
    expect(row.ledger).toBe(row.composed);

    // The drawer's rows: each part of the rate lists its obligation periods.
    const due = (await office.get(`/api/metrics/grassroots.liaison_due/rows?org=${countyId}&period=2026`)).json();
    expect(due.total).toBeGreaterThan(0);
  });

  it('a hand-typed grass-roots figure that disagrees with the ledgers is flagged where it stands and is no longer live', async () => {
    const countyId = await orgIdByName(t.db, '昭化区');
    const list = (await office.get('/api/reports?year=2026')).json();
    const id = list.items.find((i: { orgId: number }) => i.orgId === countyId).report.id;
    const view = (await office.get(`/api/reports/${id}`)).json() as View;
    const rate = view.sections.flatMap((s) => s.liveFigures).find((f) => f.metric === 'grassroots.liaison_rate')!;
    const typed = `挂点联系走访完成率${rate.value === 60 ? '70.0' : '60.0'}%`;
    const sections = view.sections.map((s) => ({
      key: s.key,
      heading: (s as unknown as { heading: string }).heading,
      body: s.body.replace(figurePhrase('grassroots.liaison_rate', rate.value)!, typed),
    }));
    const saved = await office.put(`/api/reports/${id}`, {
      version: view.version,
      title: view.title,
      preamble: view.preamble,
      sections,
      signedBy: view.signedBy,
      signedDate: view.signedDate,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await office.get(`/api/reports/${id}`)).json() as View;
    const measures = after.sections.find((s) => s.key === 'measures')!;
    expect(measures.mismatches).toMatchObject([{ metric: 'grassroots.liaison_rate', ledger: rate.value }]);
    expect(measures.body.slice(measures.mismatches[0]!.start, measures.mismatches[0]!.end)).toBe(typed);
    expect(after.figureTable.find((r) => r.metric === 'grassroots.liaison_rate')!.isLive).toBe(false);
  });

  it('refreshing figures (更新数据) rewrites a grass-roots figure after its ledger changes', async () => {
    const countyId = await orgIdByName(t.db, '昭化区');
    const list = (await office.get('/api/reports?year=2026')).json();
    const id = list.items.find((i: { orgId: number }) => i.orgId === countyId).report.id;
    const before = (await office.get(`/api/reports/${id}`)).json() as View;
    const points = before.sections
      .flatMap((s) => s.liveFigures)
      .find((f) => f.metric === 'grassroots.reasoning_points')!;
    const added = await office.post('/api/ledgers/types/law_facility/rows', {
      orgId: await orgIdByName(t.db, '元坝镇'),
      data: {
        name: '测试居民评理说事点',
        facility_type: 'reasoning_point',
        tier: 'township',
        location: '元坝镇测试街1号',
        built_date: '2026-03-01',
      },
    });
    expect(added.statusCode, added.body).toBe(200);
    const refreshed = await office.post(`/api/reports/${id}/refresh`, {});
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().changed).toBeGreaterThanOrEqual(1);
    const after = (await office.get(`/api/reports/${id}`)).json() as View;
    expect(paragraphOf(after)).toContain(`建成居民评理说事点${points.value + 1}个`);
    const live = after.sections.flatMap((s) => s.liveFigures).find((f) => f.metric === 'grassroots.reasoning_points')!;
    expect(live.value).toBe(points.value + 1);
    const metric = (await office.get(`/api/metrics/grassroots.reasoning_points?org=${countyId}&period=2026`)).json();
    expect(metric.value).toBe(points.value + 1);
  });

  it('a township report counts its own subtree, and finalising freezes the grass-roots figures', async () => {
    const town = await orgIdByName(t.db, '元坝镇');
    const res = await office.post('/api/reports', { orgId: town, year: 2025, type: 'township' });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    const view = (await office.get(`/api/reports/${id}`)).json() as View;
    expect(paragraphOf(view)).toContain('夯实基层法治基础');
    const live = await expectFiguresFromRegistry(view, town, '2025');
    const county = (
      await office.get(`/api/metrics/grassroots.liaison_due?org=${await orgIdByName(t.db, '昭化区')}&period=2025`)
    ).json();
    expect(live.find((f) => f.metric === 'grassroots.liaison_due')!.value).toBeLessThan(county.value);

    expect((await office.post(`/api/reports/${id}/actions`, { action: 'send_review' })).statusCode).toBe(200);
    expect((await office.post(`/api/reports/${id}/actions`, { action: 'finalize' })).statusCode).toBe(200);
    const frozen = (await office.get(`/api/reports/${id}`)).json() as View;
    expect(frozen.isFrozen).toBe(true);
    // The ledgers move on after finalising; the final report keeps what it was frozen with.
    const added = await office.post('/api/ledgers/types/law_facility/rows', {
      orgId: town,
      data: {
        name: '定稿后新建的评理说事点',
        facility_type: 'reasoning_point',
        tier: 'township',
        location: '元坝镇测试街2号',
        built_date: '2025-06-01',
      },
    });
    expect(added.statusCode, added.body).toBe(200);
    const points = live.find((f) => f.metric === 'grassroots.reasoning_points')!;
    const moved = (await office.get(`/api/metrics/grassroots.reasoning_points?org=${town}&period=2025`)).json();
    expect(moved.value).toBe(points.value + 1);
    const still = (await office.get(`/api/reports/${id}`)).json() as View;
    expect(still.sections.flatMap((s) => s.mismatches)).toEqual([]);
    for (const f of live) {
      expect(
        still.figureTable.find((r) => r.metric === f.metric),
        f.metric,
      ).toMatchObject({
        composed: f.value,
        ledger: f.value,
        isLive: true,
      });
    }
  });
});
