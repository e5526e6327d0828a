import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdByName } from '../../test/db-lookups.ts';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let office: Client;
let countyId: number;
let bureauId: number;
let neighbourId: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  countyId = await orgIdByName(t.db, '昭化区');
  bureauId = await orgIdByName(t.db, '区司法局');
  neighbourId = await orgIdByName(t.db, '利州区');
});
afterAll(() => t?.close());

type Figure = {
  index: number;
  text: string;
  metric: string | null;
  keyWords?: string;
  noKeyReason?: string;
  learned?: boolean;
};

const report = (year: number) =>
  `${year}年，区政府审结行政复议申请35件，受理群众信访事项128件，镇调委会3名调解员获评市级金牌调解员。`;

async function importFigures(org: number, year: number): Promise<{ id: number; figures: Figure[] }> {
  const created = await office.post('/api/reports/imports', { orgId: org, year, text: report(year) });
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().id as number;
  return { id, figures: (await office.get(`/api/reports/imports/${id}`)).json().figures };
}

describe('report import: why a figure has its key, and keys a reviewer changed', () => {
  it('shows the words that gave each key or why there is none, and remembers changed keys for the county', async () => {
    const first = await importFigures(countyId, 2022);
    const [review, petitions, award] = first.figures;
    expect(review).toMatchObject({ metric: 'reconsideration.concluded', keyWords: '审结' });
    expect(petitions).toMatchObject({ metric: null });
    expect(award).toMatchObject({ metric: null, noKeyReason: 'award' });

    const saved = await office.post(`/api/reports/imports/${first.id}/review`, {
      decisions: [
        { index: petitions!.index, decision: 'accept', metric: 'mediation.cases' },
        { index: review!.index, decision: 'discard', metric: null },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const next = await importFigures(countyId, 2023);
    expect(next.figures[0]).toMatchObject({ metric: null, learned: true, keyWords: '审结行政复议申请' });
    expect(next.figures[1]).toMatchObject({ metric: 'mediation.cases', learned: true, keyWords: '受理群众信访事项' });

    // a unit of the same county shares the county's corrections
    const unit = await importFigures(bureauId, 2023);
    expect(unit.figures[1]).toMatchObject({ metric: 'mediation.cases', learned: true });
  });

  it('another county’s corrections do not apply here', async () => {
    await t.db.execute(
      `insert into report_key_phrases (org_id, phrase, metric_key) values (${neighbourId}, '受理群众信访事项', 'legal_aid.cases')` as never,
    );
    const mine = await importFigures(countyId, 2019);
    expect(mine.figures[1]).toMatchObject({ metric: 'mediation.cases', learned: true });
  });

  it('a rejected review remembers nothing', async () => {
    const first = await importFigures(bureauId, 2021);
    expect(first.figures[0]).toMatchObject({ metric: null, learned: true });
    const bad = await office.post(`/api/reports/imports/${first.id}/review`, {
      decisions: [
        { index: first.figures[1]!.index, decision: 'accept', metric: 'legal_aid.cases' },
        { index: first.figures[0]!.index, decision: 'accept', metric: 'mediation.success_rate' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('第 1 个数字“区政府审结行政复议申请35件”的单位“件”与指标“调解成功率”的单位“%”不符');
    const again = await importFigures(bureauId, 2020);
    expect(again.figures[1]).toMatchObject({ metric: 'mediation.cases', learned: true });
  });
});
