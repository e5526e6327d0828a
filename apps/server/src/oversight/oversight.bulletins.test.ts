import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { oversightSource } from '../assessment/assessment.module-sources.service.ts';
import { queryRows } from '../db/client.ts';
import { hashPassword } from '../platform/platform.auth.service.ts';

/**
 * 通报 as issued documents: the 文号 register (per issuing office and year, allocated in the issuing transaction),
 * the GB/T 9704 版头 / 落款 / 版记 of the .docx, and 撤回 reversing the deductions.
 */
let t: TestApp;
let office: Client;
let officeB: Client;
let leader: Client;
let orgIds: Map<string, number>;
const year = 2027; // a year no demo bulletin or other test uses: the register starts empty

beforeAll(async () => {
  t = await createTestApp();
  // An office account confined to 区市场监督管理局: every office permission, another unit's scope.
  await t.db.execute(sql`
    insert into users (username, display_name, password_hash, role, data_scope, org_id)
    select 'office-b', '市场监管局法治专干', ${await hashPassword('Fazhi@2026')}, 'office', 'unit', id
    from orgs where name = '区市场监督管理局'`);
  [office, officeB, leader] = await Promise.all([t.as('office'), t.as('office-b'), t.as('leader')]);
  const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

const org = (name: string) => orgIds.get(name)!;

/** A problem of 区司法局 in `year`, for a criticism to name. */
async function problemOf(unit: string) {
  const inspection = await office.post('/api/oversight/inspections', {
    year,
    title: '文号登记测试督察',
    mode: 'random_unannounced',
    keyNode: 'end',
    startDate: `${year}-03-01`,
    endDate: `${year}-03-05`,
    targetOrgIds: [org(unit)],
    checklist: [{ content: '行政执法公示情况' }],
    team: [{ name: '督察组长', role: 'leader' }],
  });
  expect(inspection.statusCode).toBe(200);
  const res = await office.post('/api/oversight/problems', {
    inspectionId: inspection.json().id,
    title: '执法公示信息更新不及时',
    description: '督察发现',
    unitIds: [org(unit)],
  });
  expect(res.statusCode).toBe(200);
  return res.json().id as number;
}

const bulletinBody = (problemIds: number[], title = '关于执法公示问题整改情况的通报') => ({
  title,
  level: 'county',
  issuedOn: `${year}-04-10`,
  cc: '市委依法治市办',
  entries: [
    { orgId: org('区司法局'), stance: 'criticism', reason: '问题整改不力', problemIds },
    { orgId: org('区教育局'), stance: 'praise', reason: '整改到位' },
  ],
});

const deductionsOf = async (client: Client) =>
  (await client.get(`/api/oversight/deductions?year=${year}`)).json().items as {
    orgId: number;
    level: string;
    count: number;
    sourceIds: string[];
  }[];

describe('文号 register', () => {
  it('starts at 1 with last year’s 机关代字, which the office can change for the year', async () => {
    // The demo office issued its 通报 of 2026 from its register (opened as 昭法治办): number 1, nothing typed.
    const demoYear = (await office.get('/api/oversight/doc-numbers?year=2026')).json();
    expect(demoYear).toMatchObject({ orgName: '区委依法治区办', code: '昭法治办', lastNo: 1 });
    expect(demoYear.issued).toEqual([
      expect.objectContaining({
        docNo: '昭法治办〔2026〕1号',
        title: '关于2026年上半年法治督察发现问题整改情况的通报',
      }),
    ]);
    const before = await office.get(`/api/oversight/doc-numbers?year=${year}`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ orgName: '区委依法治区办', year, lastNo: 0, next: `昭法治办〔${year}〕1号` });
    const renamed = await office.put('/api/oversight/doc-numbers', { year, code: '昭依法治办' });
    expect(renamed.json()).toMatchObject({
      code: '昭依法治办',
      lastNo: 0,
      next: `昭依法治办〔${year}〕1号`,
      issued: [],
    });
    const set = await office.put('/api/oversight/doc-numbers', { year, code: '昭法治办' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ code: '昭法治办', lastNo: 0, next: `昭法治办〔${year}〕1号`, issued: [] });
    expect(await refusal(office.put('/api/oversight/doc-numbers', { year, code: '昭〔法〕' }))).toEqual([
      400,
      '请求内容有误：code：机关代字不能含括号或空格',
    ]);
    expect(await refusal(leader.get(`/api/oversight/doc-numbers?year=${year}`))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
  });

  it('gives two concurrent issues different numbers, in order, from the issuing transaction', async () => {
    const problemId = await problemOf('区司法局');
    const [a, b] = await Promise.all([
      office.post('/api/oversight/bulletins', bulletinBody([problemId], '并发印发测试通报甲')),
      office.post('/api/oversight/bulletins', bulletinBody([problemId], '并发印发测试通报乙')),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const register = (await office.get(`/api/oversight/doc-numbers?year=${year}`)).json();
    const numbers = register.issued.map((i: { docNo: string }) => i.docNo).sort();
    expect(numbers).toEqual([`昭法治办〔${year}〕1号`, `昭法治办〔${year}〕2号`]);
    expect(register).toMatchObject({ lastNo: 2, next: `昭法治办〔${year}〕3号` });
    // A refused issue takes no number.
    const wrong = await office.post('/api/oversight/bulletins', { ...bulletinBody([problemId]), entries: [] });
    expect(await refusal(wrong)).toEqual([400, '请求内容有误：entries：通报至少须列明一个单位']);
    expect((await office.get(`/api/oversight/doc-numbers?year=${year}`)).json().lastNo).toBe(2);
    // Tidy up for the tests below: both withdrawn.
    for (const res of [a, b])
      expect(
        (await office.post(`/api/oversight/bulletins/${res.json().id}/withdraw`, { reason: '测试' })).statusCode,
      ).toBe(200);
  });
});

describe('通报 .docx per GB/T 9704', () => {
  it('has the red 版头 with the office, the 文号, the red line, the office 落款, the seal place and the 版记', async () => {
    const problemId = await problemOf('区司法局');
    const res = await office.post('/api/oversight/bulletins', bulletinBody([problemId]));
    expect(res.statusCode).toBe(200);
    const item = (await office.get(`/api/oversight/bulletins?year=${year}`))
      .json()
      .items.find((b: { id: number }) => b.id === res.json().id);
    expect(item).toMatchObject({ docNo: `昭法治办〔${year}〕3号`, orgName: '区委依法治区办', cc: '市委依法治市办' });
    const docx = await office.get(`/api/oversight/bulletins/${res.json().id}/docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    // 发文机关标志: the issuing office in red 方正小标宋简体.
    expect(xml).toMatch(
      /w:eastAsia="方正小标宋简体"[\s\S]*?<w:color w:val="FF0000"\/>[\s\S]*?<w:t[^>]*>区委依法治区办<\/w:t>/,
    );
    // The red separator line under the 文号.
    expect(xml).toMatch(/<w:t[^>]*>昭法治办〔2027〕3号<\/w:t>[\s\S]*?<w:bottom w:val="single" w:color="FF0000"/);
    const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    // 落款 = the issuing office, not the county; then the date, the seal place, the 版记.
    const seal = texts.indexOf('（印章位置）');
    expect(texts.slice(seal, seal + 3)).toEqual(['（印章位置）', '区委依法治区办', '2027年4月10日']);
    expect(texts).not.toContain('昭化区');
    expect(texts).toContain('抄送：市委依法治市办。');
    expect(texts.slice(-2)).toEqual(['区委依法治区办', '2027年4月10日印发']);
    // The 版记 (§7.4) is a section of its own: it starts on the next even page, after the body's section, and blank
    // grid lines put it at the foot of that page (checked as PDF pages through LibreOffice).
    const bodyEnd = xml.indexOf('</w:sectPr>');
    const [body, back] = [xml.slice(0, bodyEnd), xml.slice(bodyEnd)];
    expect(body).toContain('（印章位置）');
    expect(body).not.toContain('抄送');
    expect(back.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/)![0]).toContain('<w:type w:val="evenPage"/>');
    const blankLines = back.slice(0, back.indexOf('抄送')).match(/<w:p><w:pPr><w:spacing[^>]*\/><\/w:pPr><\/w:p>/g);
    expect(blankLines).toHaveLength(22 - 2 - 1); // 22 grid lines, 2 lines of 版记, 1 spare for its border lines
  });
});

describe('印发 and 撤回', () => {
  it('withdrawal takes the deductions out of the list and the assessment inputs, once, audited', async () => {
    const problemId = await problemOf('区司法局');
    const issued = await office.post('/api/oversight/bulletins', bulletinBody([problemId], '撤回测试通报'));
    expect(issued.statusCode).toBe(200);
    const id = issued.json().id as number;
    const justice = org('区司法局');
    const present = (await deductionsOf(office)).find((d) => d.orgId === justice);
    expect(present?.sourceIds).toContain(`problem:${problemId}`);
    const inputs = () =>
      oversightSource.gather({ db: t.db, year, ownerOrgId: org('昭化区'), orgIds: [justice] } as never);
    const named = new RegExp(`问题（编号${problemId}）`);
    expect(JSON.stringify(await inputs())).toMatch(named);

    // Another unit's office does not see the bulletin as its own: 404, and nothing changes.
    expect(await refusal(officeB.post(`/api/oversight/bulletins/${id}/withdraw`, { reason: '越权撤回' }))).toEqual([
      404,
      '未找到该通报，或不在您的数据范围内',
    ]);
    expect(await refusal(office.post(`/api/oversight/bulletins/${id}/withdraw`, { reason: ' ' }))).toEqual([
      400,
      '请求内容有误：reason：请填写撤回理由',
    ]);
    const done = await office.post(`/api/oversight/bulletins/${id}/withdraw`, { reason: '通报对象认定有误' });
    expect(done.statusCode).toBe(200);
    // The bulletin's problem leaves the unit's deductions (another bulletin in force still criticises the unit).
    expect((await deductionsOf(office)).find((d) => d.orgId === justice)?.sourceIds ?? []).not.toContain(
      `problem:${problemId}`,
    );
    expect(JSON.stringify(await inputs())).not.toMatch(named);
    const listed = (await office.get(`/api/oversight/bulletins?year=${year}`))
      .json()
      .items.find((b: { id: number }) => b.id === id);
    expect(listed).toMatchObject({ withdrawReason: '通报对象认定有误', docNo: `昭法治办〔${year}〕4号` });
    expect(listed.withdrawnAt).not.toBeNull();

    expect(await refusal(office.post(`/api/oversight/bulletins/${id}/withdraw`, { reason: '再次撤回' }))).toEqual([
      409,
      '该通报已撤回，不能重复撤回',
    ]);
    const audit = await queryRows<{ action: string; before: { deductions: unknown[] }; after: { reason: string } }>(
      t.db,
      sql`select action, before, after from audit_log where entity = 'bulletin' and entity_id = ${String(id)} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['bulletin.issue', 'bulletin.withdraw']);
    expect(audit[1]!.after).toEqual({ reason: '通报对象认定有误' });
    expect(JSON.stringify(audit[1]!.before.deductions)).toContain(`problem:${problemId}`);
    // The number is not given out again.
    expect((await office.get(`/api/oversight/doc-numbers?year=${year}`)).json().next).toBe(`昭法治办〔${year}〕5号`);
  });
});
