import { DUPLICATE_DEVICE_MESSAGE, DUPLICATE_PHONE_MESSAGE } from '@fazhi/core/consultation/survey';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { metricsRegistrySource } from '../assessment/assessment.module-sources.service.ts';
import { queryRows } from '../db/client.ts';

// 群众满意度测评 end to end through the API: the office defines and publishes, anonymous answers (one per phone and per
// device, the phone sealed), results hand-counted, and the registry metric equal to its drill-down rows.

let t: TestApp;
let office: Client;
let reporter: Client;
let county: number;
let yuanba: number;
let bureau: number;
let village: number;
let neighbourUnit: number;
let surveyId: number;

const orgId = async (name: string) =>
  (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = ${name}`))[0]!.id;
const anonPost = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const anonGet = (url: string) => t.app.inject({ method: 'GET', url });
const count = async (table: 'surveys' | 'survey_responses' | 'survey_ratings') =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

const questions = [
  { key: 'q1', text: '您对本单位依法办事的满意程度' },
  { key: 'q2', text: '您对本单位公正文明执法的满意程度' },
];
const valid = () => ({
  orgId: county,
  title: '2026年度法治建设群众满意度测评',
  intro: '请根据您的切身感受作答',
  opensOn: '2026-11-01',
  closesOn: '2026-12-31',
  questions,
  targetOrgIds: [yuanba, bureau],
});

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  reporter = await t.as('reporter-a');
  county = await orgId('昭化区');
  yuanba = await orgId('元坝镇');
  bureau = await orgId('区司法局');
  village = await orgId('泉坝村');
  neighbourUnit = await orgId('利州区司法局');
});
afterAll(() => t?.close());

describe('satisfaction survey: the office defines it', () => {
  it('refuses bad input with a Chinese message naming the field, and saves nothing', async () => {
    const before = await count('surveys');
    expect(
      await refusal(await office.post('/api/consultation/surveys', { ...valid(), closesOn: '2026-10-01' })),
    ).toEqual([400, '请求内容有误：closesOn：结束日期不能早于开始日期']);
    expect(
      await refusal(await office.post('/api/consultation/surveys', { ...valid(), targetOrgIds: [yuanba, village] })),
    ).toEqual([400, '“泉坝村”不能作为被测评单位：请选择乡镇（街道）或部门单位']);
    expect(
      await refusal(await office.post('/api/consultation/surveys', { ...valid(), targetOrgIds: [neighbourUnit] })),
    ).toEqual([400, '被测评单位第1项不存在，或不在昭化区范围内']);
    expect(await refusal(await office.post('/api/consultation/surveys', { ...valid(), questions: [] }))).toEqual([
      400,
      '请求内容有误：questions：至少需要1道测评题目',
    ]);
    expect(await count('surveys')).toBe(before);
  });

  it('creates a draft the public cannot see, then publishes it', async () => {
    const res = await office.post('/api/consultation/surveys', valid());
    expect(res.statusCode, res.body).toBe(201);
    const survey = res.json();
    surveyId = survey.id;
    expect(survey).toMatchObject({
      orgName: '昭化区',
      status: 'draft',
      statusLabel: '未发布',
      responses: 0,
      version: 1,
      targets: [
        { id: yuanba, name: '元坝镇', group: 'township' },
        { id: bureau, name: '区司法局', group: 'unit' },
      ],
    });
    expect(await refusal(await anonGet(`/api/portal/surveys/${surveyId}`))).toEqual([
      404,
      '未找到该满意度测评，或测评尚未发布',
    ]);
    expect(
      await refusal(await office.post(`/api/consultation/surveys/${surveyId}/status`, { status: 'open', version: 9 })),
    ).toEqual([409, '该测评已被他人修改，请刷新后重试']);
    const opened = await office.post(`/api/consultation/surveys/${surveyId}/status`, { status: 'open', version: 1 });
    expect(opened.json()).toMatchObject({ status: 'open', version: 2 });
    const page = await anonGet(`/api/portal/surveys/${surveyId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ title: valid().title, orgName: '昭化区', blockedReason: null, questions });
  });

  it('another unit’s account cannot read it (404), and the list shows it to the office', async () => {
    expect(await refusal(await reporter.get(`/api/consultation/surveys/${surveyId}`))).toEqual([
      404,
      '未找到该满意度测评，或不在您的数据范围内',
    ]);
    expect(await refusal(await reporter.get(`/api/consultation/surveys/${surveyId}/results`))).toEqual([
      404,
      '未找到该满意度测评，或不在您的数据范围内',
    ]);
    const list = (await office.get('/api/consultation/surveys')).json().items;
    expect(list.map((s: { id: number }) => s.id)).toContain(surveyId);
    expect((await office.get(`/api/consultation/surveys/${surveyId}`)).json().status).toBe('open');
  });
});

describe('satisfaction survey: public answers', () => {
  const url = () => `/api/portal/surveys/${surveyId}/answers`;

  it('takes one answer per phone (normalised) and per device; refuses incomplete or bad answers unchanged', async () => {
    // Answer in December: the demo's own survey answers are all dated before, so the December figures are ours.
    t.advanceClock(12 * 86_400_000);
    office = await t.as('office'); // the session from three weeks ago has expired
    const answers = [
      { phone: '13800000001', targetOrgId: yuanba, scores: { q1: 5, q2: 4 }, deviceId: 'device-aaaaaaaaaaaaaaaa' },
      {
        phone: '＋86 138-0000-0002',
        targetOrgId: yuanba,
        scores: { q1: 3, q2: 2 },
        deviceId: 'device-bbbbbbbbbbbbbbbb',
      },
      { phone: '13800000003', targetOrgId: bureau, scores: { q1: 4, q2: 5 }, comment: '窗口服务很好' },
    ];
    for (const a of answers) {
      const res = await anonPost(url(), a);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().message).toBe('提交成功，感谢您对法治建设工作的评价！');
    }
    const before = await count('survey_ratings');
    expect(
      await refusal(
        await anonPost(url(), {
          phone: '１３８ ０００００ ００１'.replaceAll(' ', ''),
          targetOrgId: bureau,
          scores: { q1: 1, q2: 1 },
          deviceId: 'device-cccccccccccccccc',
        }),
      ),
    ).toEqual([409, DUPLICATE_PHONE_MESSAGE]);
    expect(
      await refusal(
        await anonPost(url(), {
          phone: '13800000004',
          targetOrgId: bureau,
          scores: { q1: 1, q2: 1 },
          deviceId: 'device-aaaaaaaaaaaaaaaa',
        }),
      ),
    ).toEqual([409, DUPLICATE_DEVICE_MESSAGE]);
    expect(
      await refusal(await anonPost(url(), { phone: '13800000005', targetOrgId: yuanba, scores: { q1: 5 } })),
    ).toEqual([400, '请为第2题“您对本单位公正文明执法的满意程度”选择满意程度']);
    expect(
      await refusal(await anonPost(url(), { phone: '12345', targetOrgId: yuanba, scores: { q1: 5, q2: 5 } })),
    ).toEqual([400, '请填写正确的11位手机号码']);
    expect(
      await refusal(await anonPost(url(), { phone: '13800000006', targetOrgId: county, scores: { q1: 5, q2: 5 } })),
    ).toEqual([400, '请从列表中选择您要评价的单位或乡镇']);
    expect(await count('survey_ratings')).toBe(before);
  });

  it('stores the phone sealed (SM4) with a blind index, never in clear', async () => {
    const rows = await queryRows<{ phone: string; phone_index: string }>(
      t.db,
      sql`select phone, phone_index from survey_responses where survey_id = ${surveyId} order by id`,
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.phone.startsWith('sm4:')).toBe(true);
      expect(r.phone).not.toContain('138');
      expect(r.phone_index).not.toContain('138');
    }
    expect(new Set(rows.map((r) => r.phone_index)).size).toBe(3);
  });

  it('results by unit, township and question are the hand count', async () => {
    const res = await office.get(`/api/consultation/surveys/${surveyId}/results`);
    expect(res.statusCode).toBe(200);
    // Ratings: 元坝镇 5,4 and 3,2; 区司法局 4,5. Satisfied = 4 or 5.
    expect(res.json()).toEqual({
      surveyId,
      total: { responses: 3, ratings: 6, satisfied: 4, rate: 66.7, average: 3.83 },
      questions: [
        {
          key: 'q1',
          text: questions[0]!.text,
          counts: [0, 0, 1, 1, 1],
          ratings: 3,
          satisfied: 2,
          rate: 66.7,
          average: 4,
        },
        {
          key: 'q2',
          text: questions[1]!.text,
          counts: [0, 1, 0, 1, 1],
          ratings: 3,
          satisfied: 2,
          rate: 66.7,
          average: 3.67,
        },
      ],
      targets: [
        {
          orgId: yuanba,
          name: '元坝镇',
          group: 'township',
          responses: 2,
          ratings: 4,
          satisfied: 2,
          rate: 50,
          average: 3.5,
        },
        {
          orgId: bureau,
          name: '区司法局',
          group: 'unit',
          responses: 1,
          ratings: 2,
          satisfied: 2,
          rate: 100,
          average: 4.5,
        },
      ],
    });
  });

  it('the registry metric survey.satisfaction_rate equals the results, and its parts equal their drill-down rows', async () => {
    const metric = async (key: string, org: number) =>
      (await office.get(`/api/metrics/${key}?org=${org}&period=2026-12`)).json();
    expect((await metric('survey.satisfaction_rate', county)).value).toBe(66.7);
    expect((await metric('survey.satisfaction_rate', yuanba)).value).toBe(50);
    expect((await metric('survey.satisfaction_rate', bureau)).value).toBe(100);
    for (const [key, expected] of [
      ['survey.satisfied', 4],
      ['survey.ratings', 6],
    ] as const) {
      expect((await metric(key, county)).value).toBe(expected);
      const rows = await office.get(`/api/metrics/${key}/rows?org=${county}&period=2026-12`);
      expect(rows.statusCode).toBe(200);
      expect(rows.json().total).toBe(expected);
    }
    const rows = (await office.get(`/api/metrics/survey.satisfied/rows?org=${county}&period=2026-12`)).json();
    expect(rows.columns.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(['测评', '题目', '满意程度', '评价日期']),
    );
    expect(JSON.stringify(rows)).not.toContain('13800000');
  });

  it('after the office closes it, answers are refused with a Chinese 409', async () => {
    const { version } = (await office.get(`/api/consultation/surveys/${surveyId}`)).json();
    const closed = await office.post(`/api/consultation/surveys/${surveyId}/status`, { status: 'closed', version });
    expect(closed.json().status).toBe('closed');
    expect(
      await refusal(await anonPost(url(), { phone: '13800000009', targetOrgId: yuanba, scores: { q1: 5, q2: 5 } })),
    ).toEqual([409, '本次测评已结束，感谢关注']);
    expect((await anonGet(`/api/portal/surveys/${surveyId}`)).json().blockedReason).toBe('本次测评已结束，感谢关注');
  });
});

describe('satisfaction survey: the assessment reads it', () => {
  it('the township’s 群众满意度 indicator (survey.satisfaction_rate) reads the registry figure per unit', async () => {
    const rounds = (await office.get('/api/assessment/rounds?year=2026')).json().items;
    const sheet = (await office.get(`/api/assessment/rounds/${rounds[0].id}/units/${yuanba}`)).json();
    const leaf = sheet.leaves.find((l: { id: string }) => l.id === 'xz-6-1');
    expect(leaf.rule).toMatchObject({ kind: 'metric', metricKey: 'survey.satisfaction_rate', target: 90 });
    const registry = async (org: number) =>
      (await office.get(`/api/metrics/survey.satisfaction_rate?org=${org}&period=2026`)).json().value as number;
    const context: Partial<Parameters<typeof metricsRegistrySource.gather>[0]> = {
      db: t.db,
      roundId: rounds[0].id,
      year: 2026,
      ownerOrgId: county,
      orgIds: [yuanba, bureau],
      stage: 'review',
      metricKeys: ['survey.satisfaction_rate'],
    };
    const contributions = await metricsRegistrySource.gather(
      context as Parameters<typeof metricsRegistrySource.gather>[0],
    );
    for (const org of [yuanba, bureau]) {
      const c = contributions.find((x) => x.orgId === org)!;
      expect(c.metrics!['survey.satisfaction_rate']).toBe(await registry(org));
      expect(c.refs![0]).toMatchObject({ id: 'survey.satisfaction_rate', origin: '数据指标库' });
    }
  });
});
