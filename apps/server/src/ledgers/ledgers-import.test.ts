import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { importLedgerFile, mediationCaseHeaders } from '../../test/ledger-import.ts';
import { queryRows } from '../db/client.ts';
import { failOrphanedJobs } from '../platform/kernel/processes.ts';
import { importSettings } from './ledgers.import.service.ts';

let t: TestApp;
let office: Client;
let reporterB: Client;
const defaults = { ...importSettings };

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  reporterB = await t.as('reporter-b');
});
afterAll(() => t?.close());
afterEach(() => Object.assign(importSettings, defaults));

const headers = mediationCaseHeaders;
let seq = 0;
const goodRow = (prefix = 'IMP') => [
  '元坝镇',
  `${prefix}-${++seq}`,
  '邻里纠纷',
  '张三、李四',
  new Date(Date.UTC(2026, 2, 1)),
  '2026-03-05',
  '调解成功',
  1464.5,
];

async function workbook(head: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const runImport = (client: Client, file: Buffer, type = 'mediation_case') => importLedgerFile(client, type, file);

const countLike = async (prefix: string) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ledger_rows where type_key = 'mediation_case' and data->>'case_no' like ${`${prefix}-%`}`,
    )
  )[0]!.n;

async function errorReport(client: Client, jobId: number) {
  const res = await client.get(`/api/ledgers/jobs/${jobId}/errors`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([undefined, '行号', '列', '原因']);
  const out: { row: number; column: string; message: string }[] = [];
  ws.eachRow((r, n) => {
    if (n > 1)
      out.push({
        row: Number(r.getCell(1).value),
        column: String(r.getCell(2).value),
        message: String(r.getCell(3).value),
      });
  });
  return out;
}

describe('Excel import', () => {
  it('imports a good file from the template: every row, money in 分, progress at 100 %', async () => {
    const template = await office.get('/api/ledgers/types/mediation_case/template');
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const head = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(head).toEqual(expect.arrayContaining(headers));
    expect(wb.worksheets[1]!.name).toBe('填写说明');
    const rows = Array.from({ length: 25 }, () => {
      const r = goodRow('GOOD');
      return head.map((h) => r[headers.indexOf(h)] ?? null);
    });
    const job = await runImport(office, await workbook(head, rows));
    expect(job).toMatchObject({ status: 'succeeded', percent: 100, imported: 25, errorCount: 0 });
    expect(await countLike('GOOD')).toBe(25);
    const [stored] = await queryRows<{ data: { agreement_amount: number }; row_date: string; org: string }>(
      t.db,
      sql`select r.data, to_char(r.row_date, 'YYYY-MM-DD') as row_date, o.name as org from ledger_rows r join orgs o on o.id = r.org_id
          where r.data->>'case_no' like 'GOOD-%' limit 1`,
    );
    expect(stored).toMatchObject({ data: { agreement_amount: 146450 }, row_date: '2026-03-01', org: '元坝镇' });
  });

  it('a corrupt file is refused at upload with a Chinese reason and writes nothing', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from jobs`);
    const res = await office.upload(
      '/api/ledgers/types/mediation_case/import',
      'data.xlsx',
      Buffer.from('PK\u0003\u0004 this is not a workbook'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('文件无法读取：请上传有效的 Excel（.xlsx）文件');
    expect(await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from jobs`)).toEqual(before);
  });

  it('wrong headers fail naming the missing columns', async () => {
    const job = await runImport(office, await workbook(['单位', '编号', '类型'], [['元坝镇', 'X', '邻里纠纷']]));
    expect(job.message).toBe('表头与模板不一致：第 1 行应为列名，请下载导入模板后填写');
    const partial = await runImport(office, await workbook(['案件编号', '纠纷类型'], [['X', '邻里纠纷']]));
    expect(partial.message).toBe('Excel 表头缺少必填的列：当事人、受理日期、调解结果（请使用导入模板）');
  });

  it('bad cells: all-or-nothing, with a row-level error report in Chinese', async () => {
    const rows = [goodRow('BAD'), goodRow('BAD'), goodRow('BAD'), goodRow('BAD')];
    rows[1]![2] = '吵架';
    rows[2]![4] = '2026-02-30';
    rows[3]![0] = '不存在的单位';
    const job = await runImport(office, await workbook(headers, rows));
    expect(job).toMatchObject({ status: 'failed', errorCount: 3, hasErrorReport: true });
    expect(job.message).toBe('导入失败：共 3 处错误，未写入任何数据。请下载错误报告，修改后重新导入');
    expect(await countLike('BAD')).toBe(0);
    expect(await errorReport(office, job.id)).toEqual([
      { row: 3, column: '纠纷类型', message: expect.stringContaining('“吵架”不是可选值') },
      { row: 4, column: '受理日期', message: '“2026-02-30”不是有效日期（如 2025-03-01）' },
      { row: 5, column: '填报单位', message: '找不到单位“不存在的单位”，或不在您的数据范围内' },
    ]);
  });

  it('duplicates within the file and against stored rows are refused', async () => {
    const a = goodRow('DUP');
    const job = await runImport(office, await workbook(headers, [a, goodRow('DUP'), [...a]]));
    expect(job.status).toBe('failed');
    const report = await errorReport(office, job.id);
    expect(report).toEqual([{ row: 4, column: '案件编号', message: `案件编号“${a[1]}”与第2行重复` }]);
    const existing = goodRow('DUP');
    existing[1] = '昭调〔2025〕0001号';
    const dbJob = await runImport(office, await workbook(headers, [existing]));
    expect(await errorReport(office, dbJob.id)).toEqual([
      { row: 2, column: '案件编号', message: '案件编号“昭调〔2025〕0001号”已存在于系统中，不能重复导入' },
    ]);
    expect(await countLike('DUP')).toBe(0);
  });

  it('a file over the row limit is refused', async () => {
    importSettings.maxRows = 5;
    const rows = Array.from({ length: 6 }, () => goodRow('MANY'));
    const job = await runImport(office, await workbook(headers, rows));
    expect(job.message).toBe('文件超过 5 行的上限，请分成多个文件导入');
    expect(await countLike('MANY')).toBe(0);
  });

  it('a job that dies at its last COPY batch leaves nothing half-written', async () => {
    importSettings.batchSize = 3;
    let batches = 0;
    importSettings.beforeBatch = (index) => {
      batches = index + 1;
      // 10 rows in batches of 3: the first three batches (9 rows) are already sent when the fourth one dies.
      if (index === 3) throw new Error('simulated crash before the last batch');
    };
    const rows = Array.from({ length: 10 }, () => goodRow('CRASH'));
    const job = await runImport(office, await workbook(headers, rows));
    expect(batches).toBe(4);
    expect(job.status).toBe('failed');
    expect(job.message).toBe('导入过程中发生错误，未写入任何数据，请稍后重试或联系管理员');
    expect(await countLike('CRASH')).toBe(0);
  });

  it('a job whose owning process stopped heartbeating is marked interrupted; a live owner keeps its job', async () => {
    const [gone, alive] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into jobs (kind, status, user_id, phase, owner_id)
          select 'ledger.import', 'running', u.id, '正在写入', o from users u, unnest(array['gone-process', ${t.app.processId}]) o
          where u.username = 'office' order by o = 'gone-process' desc returning id`,
    );
    expect(await failOrphanedJobs(t.db)).toEqual([gone!.id]);
    const res = (await office.get(`/api/ledgers/jobs/${gone!.id}`)).json();
    expect(res).toMatchObject({
      status: 'failed',
      message: '运行该导入的服务进程已停止，导入已中断，未写入任何数据，请重新导入',
    });
    expect((await office.get(`/api/ledgers/jobs/${alive!.id}`)).json().status).toBe('running');
    await queryRows(t.db, sql`delete from jobs where id = ${alive!.id}`);
  });

  it("another user cannot see someone else's job", async () => {
    const job = await runImport(office, await workbook(headers, [goodRow('MINE')]));
    expect(await refusal(reporterB.get(`/api/ledgers/jobs/${job.id}`))).toEqual([404, '未找到该导入任务']);
    expect(await refusal(reporterB.get(`/api/ledgers/jobs/${job.id}/errors`))).toEqual([404, '未找到该导入任务']);
  });

  it('a reporter imports into their own unit when the unit column is empty', async () => {
    const row = goodRow('OWN');
    row[0] = '';
    const job = await runImport(reporterB, await workbook(headers, [row]));
    expect(job.status).toBe('succeeded');
    const [stored] = await queryRows<{ org: string }>(
      t.db,
      sql`select o.name as org from ledger_rows r join orgs o on o.id = r.org_id where r.data->>'case_no' = ${row[1]}`,
    );
    expect(stored!.org).toBe('区市场监督管理局');
  });
});
