import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdByName } from '../../test/db-lookups.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { open } from '../platform/kernel/field-crypto.ts';

let t: TestApp;
let office: Client;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());

async function sheetOf(client: Client, year: number) {
  const res = await client.get(`/api/cadres/results/export?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: (string | number)[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as (string | number)[]).slice(1));
  });
  return { name: ws.name, header: rows[0]!, body: rows.slice(1) };
}

const header = [
  '序号',
  '姓名',
  '单位',
  '职务',
  '党政主要负责人',
  '单位年度考核',
  '单位考核得分',
  '单位考核排名',
  '单位考核等次',
  '述法时间',
  '述法形式',
  '述法评议得分',
  '述法评议等次',
  '学法考试成绩',
  '学法考试结果',
  '任前考法',
  '会前学法次数',
  '会前学法记录',
];

describe('干部考察 export (use of results)', () => {
  it('has one row per cadre of the county with the records of the year, hand-checked for two cadres', async () => {
    const sheet = await sheetOf(office, 2025);
    expect(sheet.name).toBe('2025年度');
    expect(sheet.header).toEqual(header);
    const listed = (await office.get('/api/cadres?year=2025')).json().items as { name: string; orgName: string }[];
    expect(sheet.body.map((r) => [r[1], r[2]])).toEqual(listed.map((c) => [c.name, c.orgName]));
    expect(sheet.body.map((r) => r[0])).toEqual(listed.map((_, i) => i + 1));

    const row = (orgName: string, position: string) => sheet.body.find((r) => r[2] === orgName && r[3] === position)!;
    // 区司法局局长: the demo's scored 述法 (7 panel scores, trimmed), the yearly exam, the 2025 round's published result
    // 区司法局局长: 述法 panel 92,97,93,98,94,99,95 → trimmed mean 95.4; survey (40+8)/50 = 96; 0.7×95.4 + 0.3×96 = 95.58 好;
    // the 2025 exam 80; 区司法局 in the published 2025 round: 88.65, 非执法部门组 5th, 良好
    const justice = row('区司法局', '局长');
    expect(justice.slice(1)).toEqual([
      '吕振宇',
      '区司法局',
      '局长',
      '是',
      '2025年度法治建设考核方案',
      88.65,
      '非执法部门组第5名',
      '良好',
      '2025-12-16',
      '书面述法',
      95.58,
      '好',
      80,
      '合格',
      '无',
      // 会前学法 in every month of 2025; the demo seats him except in March, June, September and December (the
      // principals' rotation), and lists each cadre once: 8 sessions.
      8,
      [
        '2025-01-09 区委常委会2025年第1次会议：中华人民共和国宪法',
        '2025-02-18 区政府常务会议2025年第2次会议：中华人民共和国行政复议法',
        '2025-04-18 区政府常务会议2025年第3次会议：优化营商环境条例',
        '2025-05-09 区委常委会2025年第3次会议：中华人民共和国民法典（合同编）',
        '2025-07-09 区委常委会2025年第4次会议：中华人民共和国安全生产法',
        '2025-08-18 区政府常务会议2025年第5次会议：中华人民共和国数据安全法、中华人民共和国个人信息保护法',
        '2025-10-18 区政府常务会议2025年第6次会议：中华人民共和国土地管理法',
        '2025-11-09 区委常委会2025年第6次会议：中华人民共和国食品安全法',
      ].join('\n'),
    ]);
    // the same facts read straight from the tables
    const [facts] = await queryRows<{ panel: number[]; exam: number; total: number; rank: number; studies: number }>(
      t.db,
      sql`select (select panel_scores from law_reports r where r.cadre_id = c.id and r.year = 2025) as panel,
            (select score from law_exams e where e.cadre_id = c.id and e.year = 2025 and e.kind = 'annual') as exam,
            (select total from assessment_results a where a.org_id = c.org_id) as total,
            (select rank from assessment_results a where a.org_id = c.org_id) as rank,
            (select count(*)::int from pre_meeting_studies s
              where s.attendee_ids @> to_jsonb(array[c.id]) and extract(year from s.date)::int = 2025) as studies
          from cadres c where c.name = '吕振宇'`,
    );
    expect(facts).toEqual({ panel: [92, 97, 93, 98, 94, 99, 95], exam: 80, total: 88.65, rank: 5, studies: 8 });

    // 区政府办公室副主任: two 任前考法 sittings in 2025 (failed, then passed), no 述法 (deputies do not report)
    expect(row('区政府办公室', '副主任').slice(1)).toEqual([
      '傅静',
      '区政府办公室',
      '副主任',
      '否',
      '2025年度法治建设考核方案',
      84.41,
      '执法部门组第2名',
      '良好',
      '未述法',
      '—',
      '—',
      '—',
      76,
      '合格',
      '2025-05-12 拟提拔领导干部任前法律知识考试，54分，不合格\n2025-06-20 拟提拔领导干部任前法律知识考试，76分，合格',
      0,
      '无',
    ]);
    const sittings = await queryRows<{ kind: string; date: string; score: number }>(
      t.db,
      sql`select e.kind, to_char(e.date, 'YYYY-MM-DD') as date, e.score from law_exams e join cadres c on c.id = e.cadre_id
          where c.name = '傅静' and e.year = 2025 order by e.date`,
    );
    expect(sittings).toEqual([
      { kind: 'pre_promotion', date: '2025-05-12', score: 54 },
      { kind: 'pre_promotion', date: '2025-06-20', score: 76 },
      { kind: 'annual', date: '2025-10-26', score: 76 },
    ]);
  });

  it('never carries an ID number or a phone', async () => {
    const sheet = await sheetOf(office, 2025);
    const personal = await queryRows<{ id_number: string; phone: string }>(
      t.db,
      sql`select id_number, phone from cadres`,
    );
    const cells = [...sheet.header, ...sheet.body.flat()].map(String).join('\n');
    for (const p of personal) {
      expect(cells).not.toContain(open(p.id_number));
      expect(cells).not.toContain(open(p.phone));
    }
    expect(cells).not.toContain('身份证');
    expect(cells).not.toContain('电话');
  });

  it("leaves out another county's cadres", async () => {
    const [lizhou] = await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '利州区司法局'`);
    const [cadre] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into cadres (org_id, name, position, is_principal) values (${lizhou!.id}, '欧阳明远', '局长', true)
          returning id`,
    );
    await t.db.execute(
      sql`insert into law_exams (org_id, cadre_id, year, kind, exam_name, date, score)
          values (${lizhou!.id}, ${cadre!.id}, 2025, 'pre_promotion', '任前法律知识考试', '2025-03-01', 90)`,
    );
    const sheet = await sheetOf(office, 2025);
    const cells = sheet.body.flat().map(String).join('\n');
    expect(cells).not.toContain('欧阳明远');
    expect(cells).not.toContain('利州区');
    expect(cells).not.toContain('2025-03-01');
  });

  it('adds a 任前考法 entered on the page, which does not count as the yearly exam of the “三个一”', async () => {
    const created = await office.post('/api/cadres', {
      orgId: await orgIdByName(t.db, '区财政局'),
      name: '任前甲',
      position: '副局长',
      isPrincipal: false,
    });
    expect(created.statusCode, created.body).toBe(200);
    const cadreId = created.json().id;
    const exam = await office.post('/api/cadres/exams', {
      cadreId,
      kind: 'pre_promotion',
      year: 2025,
      examName: '任前法律知识考试',
      date: '2025-09-03',
      score: 92,
    });
    expect(exam.statusCode, exam.body).toBe(200);
    const listed = (await office.get('/api/cadres/exams?year=2025'))
      .json()
      .items.find((e: { cadreId: number }) => e.cadreId === cadreId);
    expect(listed).toMatchObject({ kind: 'pre_promotion', kindLabel: '任前考法', score: 92, outcomeLabel: '合格' });
    const me = (await office.get('/api/cadres?year=2025')).json().items.find((c: { id: number }) => c.id === cadreId);
    expect(me.hasExam).toBe(false);
    const sheet = await sheetOf(office, 2025);
    const row = sheet.body.find((r) => r[1] === '任前甲')!;
    expect(row.slice(13, 16)).toEqual(['未参加考试', '—', '2025-09-03 任前法律知识考试，92分，合格']);
    expect(
      await refusal(
        office.post('/api/cadres/exams', {
          cadreId,
          kind: 'promotion',
          year: 2025,
          examName: 'x',
          date: '2025-09-03',
          score: 1,
        }),
      ),
    ).toEqual([400, '请求内容有误：kind：考试类型不正确']);
  });

  it("is the office's: a reporter, the leader and the city get 403; a bad year is a 400 naming it", async () => {
    for (const who of ['reporter-a', 'leader', 'city'])
      expect(await refusal((await t.as(who)).get('/api/cadres/results/export?year=2025'))).toEqual([
        403,
        '您没有执行此操作的权限',
      ]);
    expect(await refusal(office.get('/api/cadres/results/export?year=abc'))).toEqual([
      400,
      '查询参数有误：year：请选择年度',
    ]);
    expect(await refusal(office.get('/api/cadres/results/export?year=1999'))).toEqual([
      400,
      '查询参数有误：year：年度不正确',
    ]);
  });
});
