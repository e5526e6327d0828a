import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { open } from '../platform/kernel/field-crypto.ts';

let t: TestApp;
let office: Client;
let reporterA: Client;
let leader: Client;
let orgIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA, leader] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('leader')]);
  const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

const org = (name: string) => orgIds.get(name)!;
/** ID number and phone are SM4 ciphertext in the table: the helpers read them decrypted. */
const opened = <T extends { id_number: string | null; phone: string | null }>(r: T): T => ({
  ...r,
  id_number: open(r.id_number) ?? null,
  phone: open(r.phone) ?? null,
});

const principalOf = async (orgName: string) =>
  opened(
    (
      await queryRows<{ id: number; id_number: string; phone: string }>(
        t.db,
        sql`select id, id_number, phone from cadres where org_id = ${org(orgName)} and is_principal order by sort limit 1`,
      )
    )[0]!,
  );

describe('demo records', () => {
  it('has about a dozen 会前学法 a year and scored 述法 for the principals', async () => {
    const studies = (await office.get('/api/cadres/studies?year=2025')).json().items;
    expect(studies.length).toBe(12);
    expect(studies[0]).toMatchObject({ meetingKindLabel: expect.any(String), attendanceRate: expect.any(Number) });
    const reports = (await office.get('/api/cadres/law-reports?year=2025')).json().items;
    expect(reports.length).toBeGreaterThan(20);
    for (const r of reports) expect(['好', '较好', '一般', '差']).toContain(r.levelLabel);
  });
});

describe('法治档案 and personal data', () => {
  it('shows the “三个一” and unmasked personal data only to a role with personal.read', async () => {
    const cadre = await principalOf('区司法局');
    const full = (await office.get(`/api/cadres/${cadre.id}/archive?year=2025`)).json();
    expect(full.threeOnes).toMatchObject({ hasLawReport: true, hasExam: true, hasArchive: true, isComplete: true });
    expect(full.cadre.idNumber).toBe(cadre.id_number);
    expect(full.cadre.phone).toBe(cadre.phone);
    expect(full.duties.length).toBeGreaterThan(3);
    const masked = (await leader.get(`/api/cadres/${cadre.id}/archive?year=2025`)).json();
    expect(masked.cadre.idNumber).not.toBe(cadre.id_number);
    expect(masked.cadre.idNumber).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(masked.cadre.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const own = (await reporterA.get(`/api/cadres/${cadre.id}/archive?year=2025`)).json();
    expect(own.cadre.idNumber).not.toBe(cadre.id_number);
    const list = (await leader.get('/api/cadres?year=2025')).json().items;
    expect(list.every((c: { isMasked: boolean }) => c.isMasked)).toBe(true);
    expect(JSON.stringify(list)).not.toContain(cadre.id_number);
  });

  it('exports the page as .docx and .xlsx, masked for a role without personal.read', async () => {
    const cadre = await principalOf('区司法局');
    const docx = await office.get(`/api/cadres/${cadre.id}/archive/export?year=2025&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await leader.get(`/api/cadres/${cadre.id}/archive/export?year=2025&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('一次年度述法');
    expect(cells.join()).not.toContain(cadre.id_number);
  });

  it("a unit cannot open another unit's cadre file", async () => {
    const other = await principalOf('区市场监督管理局');
    expect(await refusal(await reporterA.get(`/api/cadres/${other.id}/archive?year=2025`))).toEqual([
      404,
      '未找到该干部，或不在您的数据范围内',
    ]);
    const mine = (await reporterA.get('/api/cadres')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c: { orgId: number }) => c.orgId === org('区司法局'))).toBe(true);
  });
});

describe('述法, exams and 会前学法', () => {
  it('records a 述法, scores it from a panel and a survey, and computes the level with the core rule', async () => {
    const cadre = (
      await office.post('/api/cadres', {
        orgId: org('区财政局'),
        name: '测试干部',
        position: '局长',
        isPrincipal: true,
      })
    ).json();
    const res = await office.post('/api/cadres/law-reports', {
      cadreId: cadre.id,
      year: 2026,
      form: 'on_site',
      date: '2026-11-20',
      summary: '述法报告',
    });
    expect(res.statusCode).toBe(200);
    const dup = await office.post('/api/cadres/law-reports', {
      cadreId: cadre.id,
      year: 2026,
      form: 'written',
      date: '2026-11-21',
      summary: 'x',
    });
    expect(await refusal(dup)).toEqual([409, '测试干部2026年度述法已登记，请修改原记录']);
    const scored = await office.put(`/api/cadres/law-reports/${res.json().id}/scores`, {
      panelScores: [80, 90, 95, 85, 100],
      survey: { satisfied: 40, basicallySatisfied: 5, dissatisfied: 5 },
    });
    expect(scored.json()).toMatchObject({
      panelAverage: 90,
      surveySatisfaction: 90,
      score: 90,
      level: 'excellent',
      levelLabel: '好',
    });
    const exam = await office.post('/api/cadres/exams', {
      cadreId: cadre.id,
      year: 2026,
      examName: '法治考试',
      date: '2026-11-01',
      score: 55,
    });
    expect(exam.statusCode).toBe(200);
    const archive = (await office.get(`/api/cadres/${cadre.id}/archive?year=2026`)).json();
    expect(archive.exam.outcomeLabel).toBe('不合格');
    expect(archive.threeOnes.missing).toEqual(['一份法治档案']);
    const filed = await office.put(`/api/cadres/${cadre.id}/archive`, {
      year: 2026,
      duties: [{ title: '对法治建设重要工作亲自部署', status: 'done' }],
      filedOn: '2026-11-23',
    });
    expect(filed.statusCode).toBe(200);
    expect((await office.get(`/api/cadres/${cadre.id}/archive?year=2026`)).json().threeOnes.isComplete).toBe(true);
  });

  it('a written 述法 report is an uploaded file; an attachment that does not exist is refused', async () => {
    const cadre = (
      await office.post('/api/cadres', {
        orgId: org('区教育局'),
        name: '书面述法干部',
        position: '局长',
        isPrincipal: true,
      })
    ).json();
    const refused = await office.post('/api/cadres/law-reports', {
      cadreId: cadre.id,
      year: 2026,
      form: 'written',
      date: '2026-11-20',
      reportAttachmentId: 999999,
    });
    expect(await refusal(refused)).toEqual([400, '附件不存在或无权使用']);
    const own = (await office.upload('/api/attachments', '述法报告.pdf', tinyPdf, 'application/pdf')).json();
    const res = await office.post('/api/cadres/law-reports', {
      cadreId: cadre.id,
      year: 2026,
      form: 'written',
      date: '2026-11-20',
      reportAttachmentId: own.id,
    });
    expect(res.statusCode).toBe(200);
    const item = (await office.get('/api/cadres/law-reports?year=2026'))
      .json()
      .items.find((r: { id: number }) => r.id === res.json().id);
    expect(item.reportAttachmentId).toBe(own.id);
  });

  it('refuses bad input with Chinese messages and writes nothing; units cannot manage', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pre_meeting_studies`))[0]!.n;
    const before = await count();
    const bad = await office.post('/api/cadres/studies', {
      orgId: org('区委办公室'),
      date: '2026-11-20',
      meetingKind: 'party_standing',
      meetingName: '区委常委会',
      laws: [],
      lecturer: '',
      expectedCount: 5,
      attendeeCount: 6,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { message: string }) => d.message)).toEqual(
      expect.arrayContaining(['请至少填写一部学习的法律法规']),
    );
    const twice = await office.post('/api/cadres/studies', {
      orgId: org('区委办公室'),
      date: '2026-11-20',
      meetingKind: 'party_standing',
      meetingName: '区委常委会',
      laws: ['中华人民共和国行政复议法'],
      lecturer: '区司法局局长',
      expectedCount: 5,
      attendeeCount: 3,
      attendeeIds: [1, 2, 1],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details.map((d: { message: string }) => d.message)).toEqual(['参学人员名单中有重复人员']);
    const badScores = await office.put('/api/cadres/law-reports/1/scores', { panelScores: [120] });
    expect(badScores.statusCode).toBe(400);
    expect(badScores.json().message).toContain('评议分数不能大于100');
    expect(
      await refusal(
        reporterA.post('/api/cadres/studies', {
          orgId: org('区司法局'),
          date: '2026-11-20',
          meetingKind: 'party_group',
          meetingName: '局党组会',
          laws: ['宪法'],
          lecturer: '张三',
          expectedCount: 5,
          attendeeCount: 5,
        }),
      ),
    ).toEqual([403, '您没有执行此操作的权限']);
    expect(await count()).toBe(before);
  });
});

describe('editing the list of leading cadres', () => {
  const fresh = async (name: string) =>
    (
      await queryRows<{
        id: number;
        name: string;
        position: string;
        id_number: string | null;
        phone: string | null;
        is_active: boolean;
        version: number;
      }>(t.db, sql`select id, name, position, id_number, phone, is_active, version from cadres where name = ${name}`)
    ).map(opened)[0]!;

  it('the office corrects a cadre without retyping masked personal data; a stale edit is refused', async () => {
    const created = await office.post('/api/cadres', {
      orgId: org('区司法局'),
      name: '赵立新',
      position: '副局长',
      idNumber: '510811198001011234',
      phone: '13800001111',
    });
    expect(created.statusCode).toBe(200);
    const before = await fresh('赵立新');
    const listed = ((await office.get('/api/cadres')).json().items as { id: number; version: number }[]).find(
      (c) => c.id === before.id,
    )!;
    expect(listed.version).toBe(before.version);

    const edit = await office.patch(`/api/cadres/${before.id}`, {
      position: '党组书记、局长',
      isPrincipal: true,
      version: before.version,
    });
    expect(edit.statusCode).toBe(200);
    const after = await fresh('赵立新');
    expect(after).toMatchObject({ position: '党组书记、局长', id_number: '510811198001011234', phone: '13800001111' });

    const stale = await office.patch(`/api/cadres/${before.id}`, { position: '覆盖', version: before.version });
    expect(await refusal(stale)).toEqual([409, '该干部信息已被他人修改，请刷新后再编辑']);
    expect((await fresh('赵立新')).position).toBe('党组书记、局长');

    const bad = await office.patch(`/api/cadres/${before.id}`, { idNumber: '123', version: after.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('身份证号码');
    const cleared = await office.patch(`/api/cadres/${before.id}`, { phone: '', version: after.version });
    expect(cleared.statusCode).toBe(200);
    expect((await fresh('赵立新')).phone).toBeNull();

    const audit = await queryRows<{ after: unknown }>(
      t.db,
      sql`select after from audit_log where entity = 'cadre' and entity_id = ${String(before.id)} and action = 'cadre.update'`,
    );
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('510811198001011234');
  });

  it('removing a cadre takes them off the lists but keeps their records; units cannot', async () => {
    const cadre = await principalOf('区司法局');
    const { name } = (await queryRows<{ name: string }>(t.db, sql`select name from cadres where id = ${cadre.id}`))[0]!;
    expect(await refusal(await reporterA.delete(`/api/cadres/${cadre.id}`))).toEqual([403, '您没有执行此操作的权限']);
    const removed = await office.delete(`/api/cadres/${cadre.id}`);
    expect(removed.statusCode).toBe(200);
    const list = (await office.get('/api/cadres')).json().items as { id: number }[];
    expect(list.some((c) => c.id === cadre.id)).toBe(false);
    expect((await fresh(name)).is_active).toBe(false);
    const reports = (await office.get('/api/cadres/law-reports?year=2025')).json().items as { cadreId: number }[];
    expect(reports.some((r) => r.cadreId === cadre.id)).toBe(true);
  });
});
