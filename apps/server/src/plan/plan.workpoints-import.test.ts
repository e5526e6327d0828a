import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

/** The 工作要点 document import: upload → proposal; publish → tasks with their units; refusals change nothing. */
let t: TestApp;
let office: Client;
let reporterA: Client;
let org: (name: string) => number;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA] = await Promise.all([t.as('office'), t.as('reporter-a')]);
  const rows = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  org = (name) => {
    const found = rows.find((r) => r.name === name);
    if (!found) throw new Error(`no org ${name}`);
    return found.id;
  };
});
afterAll(() => t?.close());

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const refusal = async (res: { statusCode: number; json: () => { message: string } }) => [
  res.statusCode,
  res.json().message,
];

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const row = (...texts: string[]) => new TableRow({ children: texts.map(cell) });

/** A Word document with chapters, a bracketed lead/assist phrase, field lines and a task table. */
async function workpointsDocx() {
  const p = (text: string) => new Paragraph(text);
  const doc = new Document({
    sections: [
      {
        children: [
          p('昭化区2027年依法治区工作要点'),
          p('为推动年度法治建设任务落实，制定本要点。'),
          p('一、加强法治政府建设'),
          p('1.编制重大行政决策事项目录。（区政府办公室牵头，司法局配合，3月底前）'),
          p('2.开展行政执法案卷评查。'),
          p('牵头单位：区司法局；责任单位：区市场监管局、各镇'),
          p('完成时限：9月底前'),
          p('二、推进法治社会建设'),
          new Table({
            rows: [
              row('序号', '工作任务', '牵头单位', '配合单位', '完成时限'),
              row('1', '开展宪法宣传周活动', '区委宣传部', '区教育局', '12月上旬'),
              row('2', '推进文旅市场法治宣传', '区文旅局', '区司法局', '全年'),
            ],
          }),
          p('三、保障措施'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const preview = (name: string, data: Buffer) => office.upload('/api/plan/work-points/import/preview', name, data);

describe('work-point document import', () => {
  it('an uploaded .docx becomes a proposed tree: numbers, units against the org list, deadlines', async () => {
    const stored = [await count('work_points'), await count('tasks')];
    const res = await preview('2027年工作要点.docx', await workpointsDocx());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect([body.filename, body.title, body.year, body.preamble]).toEqual([
      '2027年工作要点.docx',
      '昭化区2027年依法治区工作要点',
      2027,
      '为推动年度法治建设任务落实，制定本要点。',
    ]);
    const towns = (
      await queryRows<{ id: number }>(
        t.db,
        sql`select o.id from orgs o join orgs c on c.id = o.parent_id where o.kind = 'township' and c.name = '昭化区' order by o.sort, o.id`,
      )
    ).map((r) => r.id);
    expect(
      body.points.map((p: Record<string, unknown>) => [
        p.key,
        p.parentKey,
        p.number,
        p.title,
        p.leadOrgId,
        p.leadSource,
        p.assistOrgIds,
        p.unmatchedUnits,
        p.deadline,
        p.deadlineSource,
      ]),
    ).toEqual([
      [
        'p1',
        null,
        '一、',
        '加强法治政府建设',
        org('区政府办公室'),
        'children',
        [org('区司法局')],
        [],
        '2027-09-30',
        'children',
      ],
      [
        'p2',
        'p1',
        '1.',
        '编制重大行政决策事项目录',
        org('区政府办公室'),
        'text',
        [org('区司法局')],
        [],
        '2027-03-31',
        'text',
      ],
      [
        'p3',
        'p1',
        '2.',
        '开展行政执法案卷评查',
        org('区司法局'),
        'text',
        [org('区市场监督管理局'), ...towns],
        [],
        '2027-09-30',
        'text',
      ],
      ['p4', null, '二、', '推进法治社会建设', org('区委宣传部'), 'children', [], [], '2027-12-31', 'children'],
      ['p5', 'p4', '1', '开展宪法宣传周活动', org('区委宣传部'), 'text', [org('区教育局')], [], '2027-12-10', 'text'],
      ['p6', 'p4', '2', '推进文旅市场法治宣传', null, 'none', [org('区司法局')], ['区文旅局'], '2027-12-31', 'text'],
      ['p7', null, '三、', '保障措施', null, 'none', [], [], null, 'none'],
    ]);
    expect([await count('work_points'), await count('tasks')]).toEqual(stored); // a preview stores nothing
  });

  it('publishing the corrected tree creates the work point and issued tasks in one go, audited', async () => {
    const before = await count('tasks');
    const res = await office.post('/api/plan/work-points/import/publish', {
      year: 2027,
      title: '昭化区2027年依法治区工作要点',
      content: '为推动年度法治建设任务落实，制定本要点。',
      tasks: [
        {
          key: 'p1',
          parentKey: null,
          title: '加强法治政府建设',
          leadOrgId: org('区政府办公室'),
          deadline: '2027-09-30',
        },
        {
          key: 'p2',
          parentKey: 'p1',
          title: '编制重大行政决策事项目录',
          leadOrgId: org('区政府办公室'),
          assistOrgIds: [org('区司法局')],
          deadline: '2027-03-31',
        },
        {
          key: 'p6',
          parentKey: null,
          title: '推进文旅市场法治宣传',
          leadOrgId: org('区委宣传部'),
          deadline: '2027-12-31',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { workPointId, issued } = res.json();
    expect(issued).toBe(3);
    expect(await count('tasks')).toBe(before + 3);
    const wp = (await office.get('/api/plan/work-points?year=2027'))
      .json()
      .items.find((w: { id: number }) => w.id === workPointId);
    expect(wp).toMatchObject({ status: 'published', taskCount: 3, title: '昭化区2027年依法治区工作要点' });
    const tasks = (await office.get(`/api/plan/tasks?workPointId=${workPointId}`)).json().items as Record<
      string,
      unknown
    >[];
    const byTitle = new Map(tasks.map((x) => [x.title, x]));
    expect(byTitle.get('编制重大行政决策事项目录')).toMatchObject({
      status: 'issued',
      leadOrgName: '区政府办公室',
      assistOrgNames: ['区司法局'],
      deadline: '2027-03-31',
      parentId: byTitle.get('加强法治政府建设')!.id,
    });
    expect(byTitle.get('推进文旅市场法治宣传')).toMatchObject({ leadOrgName: '区委宣传部', parentId: null });
    const [audit] = await queryRows<{ after: { tasks: { title: string }[] } }>(
      t.db,
      sql`select after from audit_log where action = 'work_point.import' and entity_id = ${String(workPointId)}`,
    );
    expect(audit!.after.tasks.map((x) => x.title)).toEqual([
      '加强法治政府建设',
      '编制重大行政决策事项目录',
      '推进文旅市场法治宣传',
    ]);
  });

  it('refusals name the row, and nothing is written', async () => {
    const [wps, tasks] = [await count('work_points'), await count('tasks')];
    const publish = (rows: unknown[]) =>
      office.post('/api/plan/work-points/import/publish', { year: 2027, title: '校验', tasks: rows });
    const ok = { key: 'p1', parentKey: null, title: '第一项', leadOrgId: org('区司法局'), deadline: '2027-06-30' };
    expect(
      await refusal(
        await publish([
          ok,
          { key: 'p2', parentKey: 'p1', title: '第二项', leadOrgId: org('利州区司法局'), deadline: '2027-06-30' },
        ]),
      ),
    ).toEqual([404, '第2条任务“第二项”的牵头单位不存在，或不在您的数据范围内']);
    expect(await refusal(await publish([{ ...ok, assistOrgIds: [org('利州区公安分局')] }]))).toEqual([
      404,
      '第1条任务“第一项”的协办单位不存在，或不在您的数据范围内',
    ]);
    expect(
      await refusal(
        await publish([ok, { key: 'p2', parentKey: null, title: '第二项', leadOrgId: null, deadline: '2027-06-30' }]),
      ),
    ).toEqual([400, '第2条任务“第二项”未选择牵头单位']);
    expect(await refusal(await publish([{ ...ok, deadline: null }]))).toEqual([400, '第1条任务“第一项”未填写完成时限']);
    expect(await refusal(await publish([{ ...ok, parentKey: 'p9' }]))).toEqual([
      400,
      '第1条任务“第一项”的上级任务须排在它前面',
    ]);
    expect(await refusal(await publish([{ ...ok, assistOrgIds: [org('区司法局')] }]))).toEqual([
      400,
      '第1条任务“第一项”的协办单位不能与牵头单位相同',
    ]);
    const badDate = await publish([{ ...ok, deadline: '2027-02-30' }]);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toBe(
      '请求内容有误：tasks.0.deadline：完成时限格式应为 YYYY-MM-DD，且须是1900年至2100年之间的真实日期',
    );
    expect(await refusal(await publish([]))).toEqual([400, '请求内容有误：tasks：至少保留一条任务']);
    expect(
      await refusal(
        await reporterA.post('/api/plan/work-points/import/publish', { year: 2027, title: '越权', tasks: [ok] }),
      ),
    ).toEqual([403, '您没有执行此操作的权限']);
    expect([await count('work_points'), await count('tasks')]).toEqual([wps, tasks]);
  });

  it('hostile and unreadable files are refused in Chinese before extraction', async () => {
    const bomb = Buffer.from(
      zipSync({ '[Content_Types].xml': new Uint8Array(10), 'word/document.xml': new Uint8Array(30 * 1024 * 1024) }),
    );
    expect(await refusal(await preview('炸弹.docx', bomb))).toEqual([
      400,
      '文件解压后内容过大（超过 24 MB），系统拒绝读取：请检查文件或拆分后重新上传',
    ]);
    expect(await refusal(await preview('要点.docx', Buffer.from('not a zip')))).toEqual([
      400,
      '文件不是有效的 Word（.docx）文档，请用 Word 或 WPS 另存为 .docx 后重新上传',
    ]);
    expect(await refusal(await preview('要点.pdf', Buffer.from('%PDF-1.4 broken')))).toEqual([
      400,
      '文件“要点.pdf”无法读取：请上传有效的 PDF 文件',
    ]);
    expect(await refusal(await preview('要点.exe', Buffer.from('MZ')))).toEqual([
      415,
      '不支持的文件类型“要点.exe”：请上传 Word（.docx）、PDF 或文本（.txt）格式的工作要点',
    ]);
    expect(await refusal(await preview('空.txt', Buffer.alloc(0)))).toEqual([400, '文件“空.txt”是空的']);
    expect(await refusal(await preview('二进制.txt', Buffer.from('一、甲\u0000乙丙丁戊己庚辛壬癸')))).toEqual([
      400,
      '文件“二进制.txt”不是文本文件，请上传 .docx、.pdf 或 .txt',
    ]);
    expect(await refusal(await preview('长.txt', Buffer.from('法'.repeat(200_001))))).toEqual([
      400,
      '文件“长.txt”正文超过20万字，不像一份工作要点：请只上传工作要点正文',
    ]);
    expect(await refusal(await preview('过大.txt', Buffer.alloc(21 * 1024 * 1024, 0x41)))).toEqual([
      413,
      '上传内容过大，超过系统允许的大小',
    ]);
    expect(
      await refusal(await preview('通知.txt', Buffer.from('请各单位认真抓好落实，确保各项工作取得实效。'))),
    ).toEqual([
      422,
      '文件“通知.txt”中没有找到编号的工作要点（如“一、”“（一）”“1.”或任务分工表），请检查是否上传了工作要点正文',
    ]);
    expect(
      await refusal(
        await reporterA.upload('/api/plan/work-points/import/preview', '要点.txt', Buffer.from('一、甲乙丙丁戊己庚辛')),
      ),
    ).toEqual([403, '您没有执行此操作的权限']);
  });

  it('a GB18030 text file is read as older editors save it', async () => {
    // "一、推进普法。（区司法局牵头，6月底前）\n二、加强调解。（区人民法院负责）" saved as GB18030.
    const gbk = Buffer.from(
      'd2bba1a2cdc6bdf8c6d5b7a8a1a3a3a8c7f8cbbeb7a8bed6c7a3cdb7a3ac36d4c2b5d7c7b0a3a90ab6fea1a2bcd3c7bfb5f7bde2a1a3a3a8c7f8c8cbc3f1b7a8d4bab8bad4f0a3a9',
      'hex',
    );
    const res = await preview('要点.txt', gbk);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(
      body.points.map((p: { title: string; leadOrgId: number; deadline: string }) => [
        p.title,
        p.leadOrgId,
        p.deadline,
      ]),
    ).toEqual([
      ['推进普法', org('区司法局'), `${body.year}-06-30`],
      ['加强调解', org('区人民法院'), null],
    ]);
  });
});
