import { idNumberCheckChar } from '@fazhi/core/ledgers/id-number';
import { oversightLedgers } from '@fazhi/core/oversight/ledger-types/index';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { whenRollupReady } from './metrics.rollup.service.ts';

/*
 * The issue-18 business ledgers (信访、政务公开、安置帮教、法律服务监管、矛盾纠纷排查/民转刑、基层队伍名册): rows
 * posted through the generic ledger API, each metric equal to a hand count, and its drill-down listing exactly
 * the rows counted. The demo rows of these types are removed first, so every figure is by hand.
 */
const newTypes = [
  ...oversightLedgers.map((d) => d.key),
  'released_person',
  'dispute_lead',
  'civil_criminal_case',
  'law_volunteer',
  'village_sage',
  'village_host',
];

let t: TestApp;
let office: Client;
let city: Client;
const orgIds = new Map<string, number>();
/** The demo county's figures of last year, read before the demo rows are removed. */
const demo: Record<string, number | null> = {};
const demoKeys = [
  'petitions.received',
  'petitions.on_time_rate',
  'disclosure.timely_rate',
  'disclosure.request_timely_rate',
  'grassroots.released_handover_rate',
  'legal_services.assessment_pass_rate',
  'grassroots.dispute_resolution_rate',
  'grassroots.civil_criminal_cases',
  'grassroots.volunteer_coverage_rate',
  'grassroots.sage_coverage_rate',
  'grassroots.host_coverage_rate',
];

beforeAll(async () => {
  t = await createTestApp();
  const officeBefore = await t.as('office');
  const county = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '昭化区'`))[0]!.id;
  for (const key of demoKeys) {
    const res = await officeBefore.get(`/api/metrics/${key}?org=${county}&period=2025`);
    demo[key] = res.json().value;
  }
  await t.db.execute(sql`delete from ledger_rows where type_key in ${newTypes}`);
  expect(await whenRollupReady(t.db)).toBe(true);
  const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  for (const o of orgs) orgIds.set(o.name, o.id);
  [office, city] = await Promise.all([t.as('office'), t.as('city')]);
});
afterAll(() => t?.close());

const org = (name: string) => {
  const id = orgIds.get(name);
  if (id === undefined) throw new Error(`no org ${name}`);
  return id;
};

/** Posts a row; returns its id. */
async function post(type: string, orgName: string, data: Record<string, unknown>) {
  const res = await office.post(`/api/ledgers/types/${type}/rows`, { orgId: org(orgName), data });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

async function value(key: string, orgName: string, period: string) {
  const res = await office.get(`/api/metrics/${key}?org=${org(orgName)}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().value as number | null;
}

/** The ids the metric's drill-down lists (all pages of 100). */
async function drill(key: string, orgName: string, period: string, client: Client = office) {
  const res = await client.get(`/api/metrics/${key}/rows?org=${org(orgName)}&period=${period}&page=1&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { total: number; items: { id: number; values: Record<string, unknown> }[] };
  expect(body.items).toHaveLength(body.total);
  return body;
}
const ids = async (key: string, orgName: string, period: string) =>
  (await drill(key, orgName, period)).items.map((r) => r.id).sort((a, b) => a - b);
/** A valid 18-digit ID number from its first 17 digits. */
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('demo county', () => {
  it('has a year of its own for every new ledger family (2025, 昭化区)', () => {
    for (const key of demoKeys) expect(demo[key], key).toEqual(expect.any(Number));
    // Rates below 100: the demo shows late answers, uncovered villages and a 民转刑 case, not a perfect year.
    expect(demo['disclosure.timely_rate']).toBeGreaterThan(80);
    expect(demo['disclosure.timely_rate']).toBeLessThan(100);
    expect(demo['grassroots.civil_criminal_cases']).toBe(1);
    expect(demo['grassroots.host_coverage_rate']).toBeLessThan(demo['grassroots.volunteer_coverage_rate']!);
  });
});

describe('信访工作法治化', () => {
  it('counts received, on time (≤60 days), classified and repeat petitions; rows and personal fields', async () => {
    const p1 = await post('petition_case', '区司法局', {
      received_date: '2025-02-01',
      petitioner: '韦德明',
      phone: '13908121234',
      channel: 'visit',
      matter: '征地补偿标准异议',
      classified: true,
      route: 'petition',
      concluded_date: '2025-03-15',
      repeat: false,
    });
    const p2 = await post('petition_case', '元坝镇', {
      received_date: '2025-03-01',
      petitioner: '龚秀兰',
      channel: 'letter',
      matter: '劳务报酬拖欠',
      classified: true,
      route: 'litigation',
      concluded_date: '2025-05-20', // 80 days: late
      repeat: true,
    });
    const p3 = await post('petition_case', '元坝镇', {
      received_date: '2025-06-01',
      petitioner: '路长青',
      channel: 'online',
      matter: '宅基地界址争议',
      classified: false,
      repeat: false,
    });
    const p4 = await post('petition_case', '区司法局', {
      received_date: '2025-09-10',
      petitioner: '封玉梅',
      channel: 'phone',
      matter: '低保资格认定',
      classified: true,
      route: 'administrative',
      concluded_date: '2025-11-09', // exactly 60 days: on time
      repeat: true,
    });
    await post('petition_case', '区司法局', {
      received_date: '2024-12-20',
      petitioner: '闵东',
      channel: 'visit',
      matter: '上年受理事项',
      classified: true,
      route: 'petition',
      concluded_date: '2025-01-10',
      repeat: false,
    });
    const got = Object.fromEntries(
      await Promise.all(
        [
          'petitions.received',
          'petitions.concluded',
          'petitions.on_time',
          'petitions.on_time_rate',
          'petitions.classified',
          'petitions.classified_rate',
          'petitions.repeat',
          'petitions.repeat_rate',
        ].map(async (k) => [k, await value(k, '昭化区', '2025')]),
      ),
    );
    expect(got).toEqual({
      'petitions.received': 4,
      'petitions.concluded': 3,
      'petitions.on_time': 2,
      'petitions.on_time_rate': 66.7,
      'petitions.classified': 3,
      'petitions.classified_rate': 75,
      'petitions.repeat': 2,
      'petitions.repeat_rate': 50,
    });
    expect(await ids('petitions.received', '昭化区', '2025')).toEqual(sorted([p1, p2, p3, p4]));
    expect(await ids('petitions.on_time', '昭化区', '2025')).toEqual(sorted([p1, p4]));
    expect(await ids('petitions.repeat', '昭化区', '2025')).toEqual(sorted([p2, p4]));
    expect(await value('petitions.received', '元坝镇', '2025')).toBe(2);

    // Personal, as 社区矫正: phone and ID number stored encrypted; all three masked for a viewer without permission.
    const stored = await queryRows<{ text: string }>(
      t.db,
      sql`select data::text as text from ledger_rows where id = ${p1}`,
    );
    expect(stored[0]!.text).not.toContain('13908121234');
    const masked = await drill('petitions.on_time', '昭化区', '2025', city);
    expect(masked).toMatchObject({ masked: true });
    const first = masked.items.find((r) => r.id === p1)!;
    expect(first.values.petitioner).toBe('韦**');
    expect(first.values.phone).not.toBe('13908121234');
    const plain = await drill('petitions.on_time', '昭化区', '2025');
    expect(plain.items.find((r) => r.id === p1)!.values.petitioner).toBe('韦德明');
  });
});

describe('政务公开', () => {
  it('counts 主动公开, 双公示 timeliness (disclosure.timely_rate) and 依申请公开 answers on time', async () => {
    const d1 = await post('disclosure_item', '区司法局', {
      published_date: '2025-01-08',
      title: '2025年法治政府建设工作要点',
      category: 'policy',
    });
    const d2 = await post('disclosure_item', '区市场监督管理局', {
      published_date: '2025-03-07',
      title: '食品经营许可决定',
      category: 'permit',
      decided_date: '2025-03-03',
      timely: true,
    });
    const d3 = await post('disclosure_item', '区市场监督管理局', {
      published_date: '2025-05-30',
      title: '行政处罚决定（超期公示）',
      category: 'penalty',
      decided_date: '2025-05-06',
      timely: false,
    });
    const d4 = await post('disclosure_item', '区司法局', {
      published_date: '2025-08-12',
      title: '基层法律服务所执业许可',
      category: 'permit',
      decided_date: '2025-08-08',
      timely: true,
    });
    await post('disclosure_item', '区司法局', {
      published_date: '2024-12-30',
      title: '上年许可信息',
      category: 'permit',
      decided_date: '2024-12-26',
      timely: true,
    });
    // A 双公示 row without its timeliness is refused: the rate would silently miss it.
    const missing = await office.post('/api/ledgers/types/disclosure_item/rows', {
      orgId: org('区司法局'),
      data: { published_date: '2025-04-01', title: '缺少按时标记', category: 'penalty', decided_date: '2025-03-30' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('按时公开必填');

    const r1 = await post('disclosure_request', '区司法局', {
      received_date: '2025-02-10',
      applicant: '蒲文静',
      content: '申请公开某项目环评批复',
      answered_date: '2025-03-05',
      answered_on_time: true,
      result: 'disclosed',
    });
    const r2 = await post('disclosure_request', '区司法局', {
      received_date: '2025-06-02',
      applicant: '苟建平',
      content: '申请公开征收补偿方案',
      answered_date: '2025-07-30',
      answered_on_time: false,
      result: 'partly',
      corrected: true,
    });
    const r3 = await post('disclosure_request', '区司法局', {
      received_date: '2025-11-03',
      applicant: '母春燕',
      content: '申请公开执法人员名单',
    });
    expect(await value('disclosure.proactive', '昭化区', '2025')).toBe(4);
    expect(await value('disclosure.dual', '昭化区', '2025')).toBe(3);
    expect(await value('disclosure.dual_timely', '昭化区', '2025')).toBe(2);
    expect(await value('disclosure.timely_rate', '昭化区', '2025')).toBe(66.7);
    expect(await value('disclosure.requests', '昭化区', '2025')).toBe(3);
    expect(await value('disclosure.requests_answered', '昭化区', '2025')).toBe(2);
    expect(await value('disclosure.requests_on_time', '昭化区', '2025')).toBe(1);
    expect(await value('disclosure.request_timely_rate', '昭化区', '2025')).toBe(50);
    expect(await value('disclosure.requests_corrected', '昭化区', '2025')).toBe(1);
    expect(await ids('disclosure.proactive', '昭化区', '2025')).toEqual(sorted([d1, d2, d3, d4]));
    expect(await ids('disclosure.dual_timely', '昭化区', '2025')).toEqual(sorted([d2, d4]));
    expect(await ids('disclosure.requests', '昭化区', '2025')).toEqual(sorted([r1, r2, r3]));
    expect(await ids('disclosure.requests_on_time', '昭化区', '2025')).toEqual([r1]);
  });
});

describe('安置帮教', () => {
  it('counts released persons received, taken over within 30 days, helped and re-offending', async () => {
    const person = (name: string, id: string, data: Record<string, unknown>) =>
      post('released_person', '元坝镇司法所', { name, id_number: id, helped: false, reoffended: false, ...data });
    const s1 = await person('任国强', idOf('51081219850312001'), {
      release_date: '2025-01-10',
      received_date: '2025-01-20',
      helped: true,
      phone: '13881234567',
    });
    const s2 = await person('向小军', idOf('51081219900115003'), {
      release_date: '2025-03-01',
      received_date: '2025-04-15', // 45 days: late
      helped: true,
      reoffended: true,
      reoffended_date: '2025-10-01',
    });
    const s3 = await person('鲜建英', idOf('51081219780720002'), {
      release_date: '2025-05-05',
      received_date: '2025-06-04', // exactly 30 days
    });
    const s4 = await person('侯大勇', idOf('51081219921111005'), { release_date: '2025-08-08' }); // not yet taken over
    await person('岳兴', idOf('51081219881208001'), { release_date: '2024-11-11', received_date: '2024-11-20' });
    expect(await value('grassroots.released_received', '昭化区', '2025')).toBe(4);
    expect(await value('grassroots.released_on_time', '昭化区', '2025')).toBe(2);
    expect(await value('grassroots.released_handover_rate', '昭化区', '2025')).toBe(50);
    expect(await value('grassroots.released_helped', '昭化区', '2025')).toBe(2);
    expect(await value('grassroots.released_help_rate', '昭化区', '2025')).toBe(50);
    expect(await value('grassroots.released_reoffended', '昭化区', '2025')).toBe(1);
    expect(await value('grassroots.reoffending_rate', '昭化区', '2025')).toBe(25);
    expect(await ids('grassroots.released_received', '元坝镇', '2025')).toEqual(sorted([s1, s2, s3, s4]));
    expect(await ids('grassroots.released_on_time', '元坝镇', '2025')).toEqual(sorted([s1, s3]));
    expect(await ids('grassroots.released_reoffended', '元坝镇', '2025')).toEqual([s2]);
    const stored = await queryRows<{ text: string }>(
      t.db,
      sql`select data::text as text from ledger_rows where id = ${s1}`,
    );
    expect(stored[0]!.text).not.toContain(idOf('51081219850312001'));
    expect(stored[0]!.text).not.toContain('13881234567');
    const masked = (await drill('grassroots.released_on_time', '元坝镇', '2025', city)).items.find((r) => r.id === s1)!;
    expect(masked.values.name).toBe('任**');
    expect(masked.values.id_number).not.toBe(idOf('51081219850312001'));
  });
});

describe('法律服务监管', () => {
  it('counts the register, annual assessments and complaints handled on time', async () => {
    const reg = (data: Record<string, unknown>) => post('legal_service_register', '区司法局', data);
    const l1 = await reg({
      subject: 'lawyer',
      name: '昭律甲',
      licence_no: 'T15108202010001',
      licensed_date: '2020-04-01',
      status: 'active',
    });
    await reg({
      subject: 'lawyer',
      name: '昭律乙',
      licence_no: 'T15108202110002',
      licensed_date: '2021-04-01',
      status: 'suspended',
    });
    const l3 = await reg({
      subject: 'law_firm',
      name: '嘉陵律师事务所',
      licence_no: 'T31508000000001',
      licensed_date: '2018-06-01',
      status: 'active',
    });
    await reg({
      subject: 'notary',
      name: '昭公丙',
      licence_no: 'T15108202610003',
      licensed_date: '2026-02-01',
      status: 'active',
    });
    const l5 = await reg({
      subject: 'appraisal_org',
      name: '昭化司法鉴定所',
      licence_no: 'T51080000000002',
      licensed_date: '2019-09-01',
      status: 'active',
    });
    const assess = (name: string, licence: string, result: string) =>
      post('legal_service_assessment', '区司法局', {
        assessed_date: '2025-04-20',
        subject: 'lawyer',
        name,
        licence_no: licence,
        result,
      });
    const a1 = await assess('昭律甲', 'T15108202010001', 'excellent');
    const a2 = await assess('昭律乙', 'T15108202110002', 'pass');
    await assess('昭律丁', 'T15108202110004', 'fail');
    const a4 = await assess('昭律戊', 'T15108202110005', 'basic');
    const complaint = (data: Record<string, unknown>) =>
      post('legal_service_complaint', '区司法局', { subject: 'lawyer', respondent: '昭律甲', ...data });
    const c1 = await complaint({
      received_date: '2025-03-02',
      complainant: '庞丽',
      matter: '收费不透明',
      handled_date: '2025-04-10',
      handled_on_time: true,
      outcome: 'criticised',
    });
    await complaint({
      received_date: '2025-05-06',
      complainant: '谯军',
      matter: '未按约出庭',
      handled_date: '2025-08-20',
      handled_on_time: false,
      outcome: 'penalised',
    });
    await complaint({ received_date: '2025-12-01', complainant: '敬红', matter: '服务态度' });
    expect(await value('legal_services.practitioners', '昭化区', '2025')).toBe(1);
    expect(await value('legal_services.institutions', '昭化区', '2025')).toBe(2);
    expect(await value('legal_services.practitioners', '昭化区', '2026')).toBe(2);
    expect(await value('legal_services.assessed', '昭化区', '2025')).toBe(4);
    expect(await value('legal_services.assessment_passed', '昭化区', '2025')).toBe(3);
    expect(await value('legal_services.assessment_pass_rate', '昭化区', '2025')).toBe(75);
    expect(await value('legal_services.complaints', '昭化区', '2025')).toBe(3);
    expect(await value('legal_services.complaints_handled', '昭化区', '2025')).toBe(2);
    expect(await value('legal_services.complaints_on_time', '昭化区', '2025')).toBe(1);
    expect(await value('legal_services.complaint_on_time_rate', '昭化区', '2025')).toBe(50);
    expect(await ids('legal_services.practitioners', '昭化区', '2025')).toEqual([l1]);
    expect(await ids('legal_services.institutions', '昭化区', '2025')).toEqual(sorted([l3, l5]));
    expect(await ids('legal_services.assessment_passed', '昭化区', '2025')).toEqual(sorted([a1, a2, a4]));
    expect(await ids('legal_services.complaints_on_time', '昭化区', '2025')).toEqual([c1]);
  });
});

describe('矛盾纠纷排查 and 民转刑', () => {
  it('counts leads screened and resolved, and 民转刑 cases for the assessment', async () => {
    const lead = (date: string, status: string, extra: Record<string, unknown> = {}) =>
      post('dispute_lead', '元坝镇', {
        found_date: date,
        source: 'grid',
        category: 'neighbour',
        summary: '邻里排水沟纠纷',
        status,
        ...extra,
      });
    const g1 = await lead('2025-02-14', 'resolved', { resolved_date: '2025-02-20' });
    const g2 = await lead('2025-04-01', 'in_progress');
    const g3 = await lead('2025-07-07', 'resolved', { resolved_date: '2025-08-01' });
    const g4 = await lead('2025-10-10', 'transferred');
    await lead('2024-12-12', 'resolved', { resolved_date: '2025-01-05' });
    const refused = await office.post('/api/ledgers/types/dispute_lead/rows', {
      orgId: org('元坝镇'),
      data: { found_date: '2025-03-03', source: 'visit', category: 'land', summary: '无化解日期', status: 'resolved' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('化解日期必填');
    const k1 = await post('civil_criminal_case', '元坝镇', {
      case_date: '2025-06-18',
      case_name: '因宅基地纠纷引发的故意伤害案',
      screened_before: true,
      improper_handling: true,
    });
    const k2 = await post('civil_criminal_case', '元坝镇', {
      case_date: '2025-09-09',
      case_name: '因债务纠纷引发的寻衅滋事案',
      screened_before: false,
      improper_handling: false,
    });
    expect(await value('grassroots.dispute_leads', '元坝镇', '2025')).toBe(4);
    expect(await value('grassroots.disputes_resolved', '元坝镇', '2025')).toBe(2);
    expect(await value('grassroots.dispute_resolution_rate', '元坝镇', '2025')).toBe(50);
    expect(await value('grassroots.civil_criminal_cases', '昭化区', '2025')).toBe(2);
    expect(await value('grassroots.civil_criminal_improper', '昭化区', '2025')).toBe(1);
    expect(await ids('grassroots.dispute_leads', '元坝镇', '2025')).toEqual(sorted([g1, g2, g3, g4]));
    expect(await ids('grassroots.disputes_resolved', '元坝镇', '2025')).toEqual(sorted([g1, g3]));
    expect(await ids('grassroots.civil_criminal_cases', '昭化区', '2025')).toEqual(sorted([k1, k2]));
    expect(await ids('grassroots.civil_criminal_improper', '昭化区', '2025')).toEqual([k1]);
  });
});

describe('基层队伍名册 (普法志愿者、乡贤、农村知客)', () => {
  it('counts people on the register and villages covered against the org tree (元坝镇: 2 villages)', async () => {
    const v = (orgName: string, name: string, joined: string, active: boolean) =>
      post('law_volunteer', orgName, { name, joined_date: joined, active });
    const v1 = await v('元坝社区', '文晓', '2024-03-01', true);
    const v2 = await v('元坝社区', '伏兰', '2025-05-01', true);
    await v('泉坝村', '母强', '2024-06-01', false);
    const v4 = await v('元坝镇', '官雪', '2025-01-01', true);
    await v('泉坝村', '兰斌', '2026-03-01', true);
    const s1 = await post('village_sage', '泉坝村', { name: '杜老成', joined_date: '2023-01-01', active: true });
    expect(await value('grassroots.villages', '元坝镇', '2025')).toBe(2);
    expect(await value('grassroots.law_volunteers', '元坝镇', '2025')).toBe(3);
    expect(await value('grassroots.volunteer_villages', '元坝镇', '2025')).toBe(1);
    expect(await value('grassroots.volunteer_coverage_rate', '元坝镇', '2025')).toBe(50);
    expect(await value('grassroots.volunteer_villages', '元坝镇', '2026')).toBe(2);
    expect(await value('grassroots.village_sages', '元坝镇', '2025')).toBe(1);
    expect(await value('grassroots.sage_coverage_rate', '元坝镇', '2025')).toBe(50);
    expect(await value('grassroots.village_hosts', '元坝镇', '2025')).toBe(0);
    expect(await value('grassroots.host_coverage_rate', '元坝镇', '2025')).toBe(0);
    expect(await ids('grassroots.law_volunteers', '元坝镇', '2025')).toEqual(sorted([v1, v2, v4]));
    expect(await ids('grassroots.village_sages', '元坝镇', '2025')).toEqual([s1]);
  });
});
