import { figurePhrase, ledgerFigureKeys, type ReportFigureKey } from '@fazhi/core/reports/figure-phrases';
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
type View = { sections: { key: string; body: string; liveFigures: Live[]; mismatches: unknown[] }[] };

const ledgerKeys = new Set<string>(ledgerFigureKeys);
/** Where each area is stated: the paragraph heading it belongs under. */
const areas: { area: string; heading: string; keys: string[] }[] = [
  { area: '政务公开', heading: '推进政务公开', keys: ['disclosure.proactive', 'disclosure.timely_rate'] },
  { area: '信访', heading: '依法化解矛盾纠纷', keys: ['petitions.received', 'petitions.on_time_rate'] },
  {
    area: '矛盾纠纷排查',
    heading: '依法化解矛盾纠纷',
    keys: ['grassroots.dispute_leads', 'grassroots.civil_criminal_cases'],
  },
  { area: '安置帮教', heading: '完善公共法律服务体系', keys: ['grassroots.released_received'] },
  { area: '法律服务监管', heading: '完善公共法律服务体系', keys: ['legal_services.practitioners'] },
  { area: '乡贤', heading: '完善公共法律服务体系', keys: ['grassroots.village_sages'] },
  { area: '普法志愿者', heading: '深入开展法治宣传教育', keys: ['grassroots.law_volunteers'] },
];

describe('the later ledgers’ sentences in the demo county’s draft report', () => {
  it('states each area in its paragraph, every figure equal to the metric API’s value', async () => {
    const countyId = await orgIdByName(t.db, '昭化区');
    const list = (await office.get('/api/reports?year=2026')).json();
    const id = list.items.find((i: { orgId: number }) => i.orgId === countyId).report.id;
    const res = await office.get(`/api/reports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as View;
    const measures = view.sections.find((s) => s.key === 'measures')!;
    const paragraphs = measures.body.split('\n');

    const live = measures.liveFigures.filter((f) => ledgerKeys.has(f.metric));
    for (const f of live) {
      expect(f, f.metric).toMatchObject({ orgId: countyId, period: '2026' });
      const metric = await office.get(`/api/metrics/${f.metric}?org=${countyId}&period=2026`);
      expect(metric.statusCode, metric.body).toBe(200);
      expect(metric.json().value, f.metric).toBe(f.value);
      expect(measures.body.slice(f.start, f.end)).toBe(figurePhrase(f.metric as ReportFigureKey, f.value));
    }
    for (const { area, heading, keys } of areas) {
      const paragraph = paragraphs.find((p) => p.includes(heading));
      expect(paragraph, area).toBeDefined();
      for (const key of keys) {
        const figure = live.find((f) => f.metric === key);
        expect(figure, `${area}: ${key}`).toBeDefined();
        expect(paragraph, `${area}: ${key}`).toContain(figurePhrase(key as ReportFigureKey, figure!.value));
      }
    }
    expect(view.sections.flatMap((s) => s.mismatches)).toEqual([]);
  });
});
