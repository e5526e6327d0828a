import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { testNow } from '../../test/test-clock.ts';
import { queryRows } from '../db/client.ts';
import { withdrawProblemReminders } from './oversight.notifications.service.ts';
import { sendProblemReminders } from './oversight.reminders.service.ts';

let t: TestApp;
let office: Client;
let reporterA: Client;
let reporterB: Client;
let leader: Client;
let orgIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, reporterB, leader] = await Promise.all([
    t.as('office'),
    t.as('reporter-a'),
    t.as('reporter-b'),
    t.as('leader'),
  ]);
  const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

const org = (name: string) => orgIds.get(name)!;
const cadreOf = async (orgName: string) =>
  (
    await queryRows<{ id: number }>(
      t.db,
      sql`select id from cadres where org_id = ${org(orgName)} order by is_principal, sort limit 1`,
    )
  )[0]!.id;
const problemRow = async (id: number) =>
  (await queryRows<Record<string, unknown>>(t.db, sql`select * from problems where id = ${id}`))[0]!;

async function newInspection() {
  const res = await office.post('/api/oversight/inspections', {
    year: 2026,
    title: '测试专项督察',
    mode: 'random_unannounced',
    keyNode: 'end',
    startDate: '2026-11-20',
    endDate: '2026-11-25',
    targetOrgIds: [org('区司法局'), org('区市场监督管理局')],
    checklist: [{ content: '行政执法三项制度落实情况' }],
    team: [{ name: '王晓燕', role: 'leader' }],
  });
  expect(res.statusCode).toBe(200);
  return res.json().id as number;
}

async function newProblem(units: string[], title = '测试问题', deadline: string | null = null) {
  const res = await office.post('/api/oversight/problems', {
    inspectionId: await newInspection(),
    title,
    description: '督察发现',
    unitIds: units.map(org),
    deadline,
  });
  expect(res.statusCode).toBe(200);
  return res.json().id as number;
}

const act = (client: Client, id: number, body: object) => client.post(`/api/oversight/problems/${id}/actions`, body);
const detail = async (client: Client, id: number) => {
  const res = await client.get(`/api/oversight/problems/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('problem lifecycle through the API (四个一)', () => {
  it('claim is refused until owner, plan, measures and deadline are all set, naming each gap in Chinese', async () => {
    const id = await newProblem(['区司法局']);
    const bare = await act(reporterA, id, { type: 'claim', unitId: org('区司法局') });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().message).toContain('“四个一”未落实');
    expect(bare.json().details).toEqual([
      '未指定整改责任人（一人负责）',
      '未制定整改方案（一套方案）',
      '未填写整改措施，至少一项（一揽子包抓落实）',
      '未设定整改时限',
    ]);
    const owner = await cadreOf('区司法局');
    const two = await act(reporterA, id, {
      type: 'claim',
      unitId: org('区司法局'),
      fields: { ownerIds: [owner, owner + 1], plan: 'p', measures: ['m'], deadline: '2026-12-31' },
    });
    expect(await refusal(two)).toEqual([400, '整改责任人须为责任单位的在职干部']);
    expect((await problemRow(id)).status).toBe('unclaimed');
  });

  it('runs claim → apply → fail → apply → pass, and the history shows every step', async () => {
    const id = await newProblem(['区司法局']);
    const owner = await cadreOf('区司法局');
    const options = (await reporterA.get(`/api/oversight/problems/${id}/owner-options`)).json().items;
    expect(options.map((o: { id: number }) => o.id)).toContain(owner);
    const claim = await act(reporterA, id, {
      type: 'claim',
      unitId: org('区司法局'),
      fields: { ownerIds: [owner], plan: '逐项整改', measures: ['建立台账', '专题培训'], deadline: '2026-12-31' },
    });
    expect(claim.statusCode).toBe(200);
    expect(claim.json().status).toBe('rectifying');
    const noSummary = await act(reporterA, id, { type: 'apply', summary: ' ' });
    expect(await refusal(noSummary)).toEqual([400, '请求内容有误：summary：请填写整改情况说明']);
    expect((await act(reporterA, id, { type: 'apply', summary: '已整改' })).json().status).toBe('applied');
    expect(await refusal(await act(reporterA, id, { type: 'verify_pass' }))).toEqual([
      403,
      '“验收通过（销号）”须由依法治区办办理',
    ]);
    const fail = await act(office, id, { type: 'verify_fail', reason: '佐证材料不全' });
    expect(fail.json().status).toBe('rectifying');
    await act(reporterA, id, { type: 'apply', summary: '已补充佐证材料' });
    expect((await act(office, id, { type: 'verify_pass', note: '同意销号' })).json().status).toBe('closed');
    const d = await detail(office, id);
    expect(d.history.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'claimed',
      'applied',
      'verified_fail',
      'applied',
      'verified_pass',
    ]);
    expect(d.history[3].note).toBe('佐证材料不全');
    expect(d.owner.id).toBe(owner);
    expect(d.allowedActions).toEqual(['recur']);
    const again = await act(reporterA, id, { type: 'set_four_ones', fields: { plan: '改' } });
    expect(await refusal(again)).toEqual([422, '问题状态为“已销号”，不能修改“四个一”']);
  });

  it('a joint problem needs every unit to sign off before 销号 can be applied for', async () => {
    const id = await newProblem(['区司法局', '区市场监督管理局']);
    await act(reporterA, id, {
      type: 'claim',
      unitId: org('区司法局'),
      fields: {
        ownerIds: [await cadreOf('区司法局')],
        plan: '联合整改',
        measures: ['联合检查'],
        deadline: '2026-12-31',
      },
    });
    expect(await refusal(await act(reporterA, id, { type: 'sign_off', unitId: org('区市场监督管理局') }))).toEqual([
      403,
      '只能以本单位名义单位会签',
    ]);
    expect((await act(reporterA, id, { type: 'sign_off', unitId: org('区司法局') })).statusCode).toBe(200);
    const early = await act(reporterA, id, { type: 'apply', summary: '已整改' });
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain('尚有1个单位未会签');
    expect((await detail(reporterB, id)).missingSignOffs.map((u: { name: string }) => u.name)).toEqual([
      '区市场监督管理局',
    ]);
    expect(
      (await act(reporterB, id, { type: 'sign_off', unitId: org('区市场监督管理局'), note: '已完成' })).statusCode,
    ).toBe(200);
    expect((await act(reporterB, id, { type: 'apply', summary: '两单位均已整改' })).json().status).toBe('applied');
    expect((await act(office, id, { type: 'verify_pass' })).json().status).toBe('closed');
  });

  it('recurrence registers a new linked problem; the original stays closed and both histories show the link', async () => {
    const id = await newProblem(['区司法局']);
    await act(reporterA, id, {
      type: 'claim',
      unitId: org('区司法局'),
      fields: { ownerIds: [await cadreOf('区司法局')], plan: '整改', measures: ['措施'], deadline: '2026-12-31' },
    });
    const early = await office.post(`/api/oversight/problems/${id}/recurrence`, { reason: '又出现' });
    expect(await refusal(early)).toEqual([422, '只有已销号的问题才能登记复发']);
    await act(reporterA, id, { type: 'apply', summary: '已整改' });
    await act(office, id, { type: 'verify_pass' });
    expect(await refusal(reporterA.post(`/api/oversight/problems/${id}/recurrence`, { reason: '又出现' }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    const res = await office.post(`/api/oversight/problems/${id}/recurrence`, { reason: '回头看发现问题反弹' });
    expect(res.statusCode).toBe(200);
    const newId = res.json().id;
    const original = await detail(office, id);
    expect(original.status).toBe('closed');
    expect(original.recurrences.map((r: { id: number }) => r.id)).toEqual([newId]);
    expect(original.history.at(-1)).toMatchObject({
      type: 'recurred',
      note: '回头看发现问题反弹',
      relatedProblemId: newId,
    });
    const next = await detail(reporterA, newId);
    expect(next.status).toBe('unclaimed');
    expect(next.recurrenceOf.id).toBe(id);
    expect(next.history[0]).toMatchObject({ type: 'created_as_recurrence', relatedProblemId: id });
  });

  it('deferral: requested by the unit, approved by the office; an expired deferral is overdue again', async () => {
    const claimWith = async (id: number, deadline: string) =>
      act(reporterA, id, {
        type: 'claim',
        unitId: org('区司法局'),
        fields: { ownerIds: [await cadreOf('区司法局')], plan: '整改', measures: ['措施'], deadline },
      });
    const id = await newProblem(['区司法局'], '延期测试问题');
    await claimWith(id, '2026-11-20');
    expect((await detail(office, id)).isOverdue).toBe(true);
    const bad = await act(reporterA, id, { type: 'request_deferral', reason: '需要时间', until: '2026-11-10' });
    expect(await refusal(bad)).toEqual([422, '延期至日期须晚于当前整改时限（2026-11-20）']);
    await act(reporterA, id, { type: 'request_deferral', reason: '需要协调', until: '2026-11-30' });
    expect(await refusal(await act(reporterA, id, { type: 'approve_deferral' }))).toEqual([
      403,
      '“批准延期”须由依法治区办办理',
    ]);
    await act(office, id, { type: 'approve_deferral', note: '同意' });
    const deferred = await detail(office, id);
    expect(deferred).toMatchObject({ effectiveDeadline: '2026-11-30', isOverdue: false });
    expect(deferred.history.map((e: { type: string }) => e.type).slice(-2)).toEqual([
      'deferral_requested',
      'deferral_approved',
    ]);

    const expired = await newProblem(['区司法局'], '延期到期问题');
    await claimWith(expired, '2026-11-01');
    await act(reporterA, expired, { type: 'request_deferral', reason: '需要协调', until: '2026-11-15' });
    await act(office, expired, { type: 'approve_deferral' });
    expect(await detail(office, expired)).toMatchObject({
      effectiveDeadline: '2026-11-15',
      isOverdue: true,
      daysOverdue: 8,
    });
    const overdue = (await office.get('/api/oversight/problems?overdue=true&pageSize=200')).json();
    const ids = overdue.items.map((p: { id: number }) => p.id);
    expect(ids).toContain(expired);
    expect(ids).not.toContain(id);
  });
});

describe('data scope', () => {
  it('a unit sees only its own problems; the office and leader see the county', async () => {
    const mine = (await reporterA.get('/api/oversight/problems?pageSize=200')).json();
    const all = (await office.get('/api/oversight/problems?pageSize=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThan(mine.total);
    for (const p of mine.items) expect(p.units.map((u: { id: number }) => u.id)).toContain(org('区司法局'));
    expect((await leader.get('/api/oversight/problems?pageSize=200')).json().total).toBe(all.total);
  });

  it("a unit cannot read or act on another unit's problem by id: refused and unchanged", async () => {
    const id = await newProblem(['区市场监督管理局']);
    const before = await problemRow(id);
    expect(await refusal(await reporterA.get(`/api/oversight/problems/${id}`))).toEqual([
      404,
      '未找到该问题，或该问题不在您的数据范围内',
    ]);
    const claim = await act(reporterA, id, {
      type: 'claim',
      unitId: org('区司法局'),
      fields: { ownerIds: [await cadreOf('区司法局')], plan: 'x', measures: ['y'], deadline: '2026-12-31' },
    });
    expect(await refusal(claim)).toEqual([404, '未找到该问题，或该问题不在您的数据范围内']);
    expect(await problemRow(id)).toEqual(before);
    expect(
      await refusal(leader.post(`/api/oversight/problems/${id}/actions`, { type: 'apply', summary: 'x' })),
    ).toEqual([403, '您没有执行此操作的权限']);
  });

  it('an owner must be a cadre of a responsible unit', async () => {
    const id = await newProblem(['区司法局']);
    const res = await act(reporterA, id, {
      type: 'claim',
      unitId: org('区司法局'),
      fields: { ownerIds: [await cadreOf('区市场监督管理局')], plan: 'x', measures: ['y'], deadline: '2026-12-31' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('整改责任人须为责任单位的在职干部');
  });
});

describe('bad input', () => {
  it('answers 400 with Chinese messages and writes nothing', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from problems`))[0]!.n;
    const before = await count();
    const noUnits = await office.post('/api/oversight/problems', { title: '问题', unitIds: [] });
    expect(await refusal(noUnits)).toEqual([400, '请求内容有误：unitIds：请至少选择一个责任单位']);
    const outside = await office.post('/api/oversight/problems', { title: '问题', unitIds: [org('利州区司法局')] });
    expect(await refusal(outside)).toEqual([400, '责任单位不存在或不在您的数据范围内']);
    const badAction = await act(office, 1, { type: 'fly' });
    expect(await refusal(badAction)).toEqual([400, '请求内容有误：type：操作类型不正确']);
    const inspection = await office.post('/api/oversight/inspections', {
      year: 2026,
      title: '督察',
      mode: 'regular_guidance',
      keyNode: 'start',
      startDate: '2026-03-10',
      endDate: '2026-03-01',
      targetOrgIds: [org('区司法局')],
      checklist: [{ content: '清单' }],
      team: [{ name: '甲', role: 'member' }],
    });
    expect(inspection.statusCode).toBe(400);
    expect(inspection.json().details.map((d: { message: string }) => d.message)).toEqual(
      expect.arrayContaining(['结束日期不能早于开始日期', '督察组须确定一名组长']),
    );
    expect(await count()).toBe(before);
  });
});

describe('reminders', () => {
  it('sends due, overdue and escalation reminders once, however often the job runs', async () => {
    const first = await sendProblemReminders(t.db, testNow);
    expect(first.sent).toBeGreaterThan(0);
    const rows = await queryRows<{ kind: string; n: number }>(
      t.db,
      sql`select kind, count(*)::int as n from notifications where kind like 'oversight.%' group by kind order by kind`,
    );
    const kinds = rows.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['oversight.overdue', 'oversight.escalation']));
    const again = await sendProblemReminders(t.db, testNow);
    expect(again.sent).toBe(0);
    // Escalations reach the office of the problem's own county only: 昭化区's office for its problems, 利州区's for
    // the demo's 利州区 problems — never the other county's office.
    const escalations = await queryRows<{ username: string; county: string }>(
      t.db,
      sql`select distinct u.username, county.name as county
          from notifications n join users u on u.id = n.user_id and u.role = 'office'
          join problem_units pu on pu.problem_id = substring(n.link from '[0-9]+$')::int
          join orgs unit on unit.id = pu.org_id
          join orgs county on county.kind = 'county' and unit.path like county.path || '%'
          where n.kind = 'oversight.escalation'
          order by 1`,
    );
    expect(escalations.length).toBeGreaterThan(0);
    expect(escalations.filter((r) => r.username === 'office').every((r) => r.county === '昭化区')).toBe(true);
    expect(escalations.filter((r) => r.username === 'lz-office').every((r) => r.county === '利州区')).toBe(true);
    expect(escalations.every((r) => r.username === 'office' || r.username === 'lz-office')).toBe(true);
  });

  it("a problem's withdrawal deletes its own oversight reminders only, read or not", async () => {
    await sendProblemReminders(t.db, testNow);
    const perLink = () =>
      queryRows<{ link: string; kind: string; n: number }>(
        t.db,
        sql`select link, kind, count(*)::int as n from notifications where link like '/oversight/problems/%'
            group by link, kind order by link, kind`,
      );
    const [target] = (await perLink()).filter((r) => r.kind.startsWith('oversight.'));
    expect(target).toBeDefined();
    const problemId = Number(target!.link.split('/').at(-1));
    // One of them read, and a notification of another kind on the same problem, which must stay.
    await t.db.execute(sql`update notifications set read_at = now()
      where id = (select min(id) from notifications where link = ${target!.link} and kind like 'oversight.%')`);
    await t.db.execute(sql`insert into notifications (user_id, kind, title, body, link, dedupe_key)
      select id, 'problem.assigned', '督察问题交办', '测试', ${target!.link}, ${`withdraw-test:${problemId}`}
      from users where username = 'office'`);
    const before = await perLink();

    await withdrawProblemReminders(t.db, problemId);

    const expected = before.filter((r) => !(r.link === target!.link && r.kind.startsWith('oversight.')));
    expect(await perLink()).toEqual(expected);
    expect(expected).toContainEqual(expect.objectContaining({ link: target!.link, kind: 'problem.assigned' }));
  });
});

describe('通报 and deductions', () => {
  it('issues a bulletin as .docx and turns criticised problems into deductions', async () => {
    const year = 2026;
    const suggestions = (await office.get(`/api/oversight/bulletins/suggestions?year=${year}`)).json().items;
    const criticised = suggestions.find((s: { stance: string }) => s.stance === 'criticism');
    expect(criticised.problemIds.length).toBeGreaterThan(0);
    const res = await office.post('/api/oversight/bulletins', {
      title: '关于法治督察问题整改情况的通报',
      docNo: '昭法治办〔2026〕20号',
      level: 'city',
      issuedOn: '2026-11-22',
      entries: [criticised, { orgId: org('区教育局'), stance: 'praise', reason: '整改到位' }],
    });
    expect(res.statusCode).toBe(200);
    const docx = await office.get(`/api/oversight/bulletins/${res.json().id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    // GB/T 9704: A4, margins 37/35/28/26 mm, title 二号 方正小标宋简体, body 三号 仿宋_GB2312.
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('关于法治督察问题整改情况的通报');
    expect(xml).toContain('通报批评');
    // 成文日期 in Arabic numerals, month and day without a leading zero (GB/T 9704-2012 §7.3.5.3)
    expect(xml).toContain('2026年11月22日');
    const deductions = (await office.get(`/api/oversight/deductions?year=${year}`)).json().items;
    const row = deductions.find(
      (d: { orgId: number; level: string }) => d.orgId === criticised.orgId && d.level === '市',
    );
    expect(row).toMatchObject({ kind: '督查发现问题', count: criticised.problemIds.length });
    const wrong = await office.post('/api/oversight/bulletins', {
      title: '错误通报',
      issuedOn: '2026-11-22',
      entries: [{ orgId: org('区教育局'), stance: 'criticism', reason: '问题', problemIds: criticised.problemIds }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('不是该单位的问题');
  });
});

describe('metrics', () => {
  it('oversight.* and cadres.law_reports come from these tables and agree with the overview', async () => {
    const county = org('昭化区');
    const value = async (key: string, period = '2025') =>
      (await office.get(`/api/metrics/${key}?org=${county}&period=${period}`)).json().value;
    // 2025 is untouched by the tests above: only the demo's 述法 of last year, no problems.
    expect(await value('cadres.law_reports')).toBe(
      (
        await queryRows<{ n: number }>(
          t.db,
          sql`select count(distinct r.cadre_id)::int as n from law_reports r join cadres c on c.id = r.cadre_id
              join orgs o on o.id = c.org_id join orgs county on county.id = ${county}
              where r.year = 2025 and o.path like county.path || '%'`,
        )
      )[0]!.n,
    );
    const stats = (await office.get('/api/oversight/stats?year=2026')).json();
    expect(await value('oversight.inspections', '2026')).toBe(stats.inspections);
    expect(await value('oversight.problems', '2026')).toBe(stats.problems);
    expect(await value('oversight.rectified', '2026')).toBe(stats.rectified);
    const rate = await value('oversight.rectification_rate', '2026');
    expect(rate).toBeCloseTo((stats.rectified / stats.problems) * 100, 0);
  });
});
