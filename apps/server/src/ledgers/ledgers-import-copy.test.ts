import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { importLedgerFile, mediationCaseHeaders } from '../../test/ledger-import.ts';
import { queryRows } from '../db/client.ts';
import { uploadLimits } from '../platform/kernel/bounded-zip.ts';
import { importSettings } from './ledgers.import.service.ts';

let t: TestApp;
let office: Client;
const defaults = { ...importSettings };
const uploadDefaults = { ...uploadLimits.ledgerXlsx };
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());
afterEach(() => {
  Object.assign(importSettings, defaults);
  Object.assign(uploadLimits.ledgerXlsx, uploadDefaults);
});

const headers = mediationCaseHeaders;
let seq = 0;
const row = (prefix: string) => [
  '元坝镇',
  `${prefix}-${++seq}`,
  '邻里纠纷',
  '张三、李四',
  '2026-03-02',
  '2026-03-05',
  '调解成功',
  100,
];

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const runImport = (file: Uint8Array) => importLedgerFile(office, 'mediation_case', file);

const stored = async (prefix: string) =>
  queryRows<{ case_no: string; data: Record<string, unknown>; row_date: string }>(
    t.db,
    sql`select data->>'case_no' as case_no, data, to_char(row_date, 'YYYY-MM-DD') as row_date from ledger_rows
        where type_key = 'mediation_case' and data->>'case_no' like ${`${prefix}%`} order by id`,
  );

async function errorReport(jobId: number) {
  const res = await office.get(`/api/ledgers/jobs/${jobId}/errors`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: { row: number; column: string; message: string }[] = [];
  wb.worksheets[0]!.eachRow((r, n) => {
    if (n > 1)
      out.push({
        row: Number(r.getCell(1).value),
        column: String(r.getCell(2).value),
        message: String(r.getCell(3).value),
      });
  });
  return out;
}

/** A workbook written by hand, the way other tools (WPS, Numbers, scripts) write them. */
function handWritten(sheetRows: string, sharedStrings: string[]) {
  const si = sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(`<sst>${si}</sst>`),
    'xl/styles.xml': strToU8('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
}

describe('Excel import through COPY', () => {
  it('odd cells: shared and inline strings, a number as case number, date serials and text dates, 元 as text, gaps and blank rows', async () => {
    const strings = [
      '案件编号',
      '纠纷类型',
      '当事人',
      '受理日期',
      '办结日期',
      '调解结果',
      '协议涉及金额（元）',
      '备注',
      '邻里纠纷',
      '调解成功',
    ];
    const s = (text: string) => `t="s"><v>${strings.indexOf(text)}</v>`;
    const file = handWritten(
      `<row r="1"><c r="B1" ${s('案件编号')}</c><c r="C1" ${s('纠纷类型')}</c><c r="D1" ${s('当事人')}</c><c r="E1" ${s('备注')}</c>
         <c r="F1" ${s('受理日期')}</c><c r="G1" ${s('办结日期')}</c><c r="H1" ${s('调解结果')}</c><c r="I1" ${s('协议涉及金额（元）')}</c></row>
       <row r="2"><c r="B2" t="inlineStr"><is><t>ODD-1</t></is></c><c r="C2" ${s('邻里纠纷')}</c><c r="D2" t="inlineStr"><is><r><t>王五</t></r><r><t>、赵六</t></r></is></c>
         <c r="F2" s="1"><v>46082</v></c><c r="G2" t="inlineStr"><is><t>2026年3月5日</t></is></c><c r="H2" ${s('调解成功')}</c><c r="I2" t="inlineStr"><is><t>1,464.50</t></is></c></row>
       <row r="3"><c r="B3" t="inlineStr"><is><t> </t></is></c></row>
       <row r="5"><c r="B5"><v>20260007</v></c><c r="C5" ${s('邻里纠纷')}</c><c r="D5" t="inlineStr"><is><t>孙七</t></is></c><c r="E5" t="inlineStr"><is><t>忽略的列</t></is></c>
         <c r="F5" t="inlineStr"><is><t>2026/3/2</t></is></c><c r="G5" t="inlineStr"><is><t>2026.3.6</t></is></c><c r="H5" ${s('调解成功')}</c></row>`,
      strings,
    );
    const job = await runImport(file);
    expect(job).toMatchObject({ status: 'succeeded', imported: 2 });
    const odd = await stored('ODD-');
    expect(odd).toEqual([
      {
        case_no: 'ODD-1',
        row_date: '2026-03-01',
        data: expect.objectContaining({
          parties: '王五、赵六',
          received_date: '2026-03-01',
          concluded_date: '2026-03-05',
          agreement_amount: 146450,
          result: 'success',
        }),
      },
    ]);
    const [numbered] = await stored('20260007');
    expect(numbered).toMatchObject({ row_date: '2026-03-02', data: { parties: '孙七', concluded_date: '2026-03-06' } });
    expect(JSON.stringify(numbered!.data)).not.toContain('忽略的列'); // a column the type does not have is left out
  });

  it('a bad last row stops the COPY already under way: nothing written, the report names the row', async () => {
    importSettings.batchSize = 3;
    const rows = Array.from({ length: 10 }, () => row('LATE'));
    rows[9]![6] = '没谈拢';
    const job = await runImport(await workbook(rows));
    expect(job).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(await errorReport(job.id)).toEqual([
      { row: 11, column: '调解结果', message: expect.stringContaining('“没谈拢”不是可选值') },
    ]);
    expect(await stored('LATE-')).toEqual([]);
  });

  it('a case number already stored, on the last row of a many-batch file: refused after the COPY, nothing written', async () => {
    importSettings.batchSize = 4;
    const rows = Array.from({ length: 12 }, () => row('CLASH'));
    rows[11]![1] = '昭调〔2025〕0001号';
    const job = await runImport(await workbook(rows));
    expect(job.status).toBe('failed');
    expect(await errorReport(job.id)).toEqual([
      { row: 13, column: '案件编号', message: '案件编号“昭调〔2025〕0001号”已存在于系统中，不能重复导入' },
    ]);
    expect(await stored('CLASH-')).toEqual([]);
  });

  it('a sheet with only its header fails as empty, and the next import on the same connections succeeds', async () => {
    const empty = await runImport(await workbook([]));
    expect(empty).toMatchObject({ status: 'failed', message: '文件中没有可导入的数据行' });
    const next = await runImport(await workbook([row('AFTER')]));
    expect(next).toMatchObject({ status: 'succeeded', imported: 1 });
    expect(await stored('AFTER-')).toHaveLength(1);
  });

  it('keeps the metric roll-up up to date (the statement triggers fire for COPY)', async () => {
    const figure = async () =>
      (
        await queryRows<{ v: number }>(
          t.db,
          sql`select coalesce(sum(m.value), 0)::float8 as v from metric_rollup m join orgs o on o.id = m.org_id
              where o.name = '元坝镇' and m.metric_key = 'mediation.cases' and m.month = '2026-03-01'`,
        )
      )[0]!.v;
    const before = await figure();
    importSettings.batchSize = 5;
    const job = await runImport(await workbook(Array.from({ length: 12 }, () => row('ROLL'))));
    expect(job).toMatchObject({ status: 'succeeded', imported: 12 });
    expect(await figure()).toBe(before + 12);
  });

  it('a file that would unzip too large is refused at upload with a clear reason: no job, nothing written', async () => {
    uploadLimits.ledgerXlsx.maxEntryBytes = MB;
    const rows = Array.from({ length: 300 }, (_, i) => row(`HUGE-${i}`));
    for (let i = 0; i < 6; i++) rows[i]![3] = `当事人名单第${i}份`.repeat(20_000);
    const jobsBefore = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from jobs`);
    const res = await office.upload(
      '/api/ledgers/types/mediation_case/import',
      'data.xlsx',
      Buffer.from(await workbook(rows)),
    );
    expect([res.statusCode, res.json().message]).toEqual([
      400,
      '文件解压后内容过大（超过 1 MB），系统拒绝读取：请检查文件或拆分后重新上传',
    ]);
    expect(await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from jobs`)).toEqual(jobsBefore);
    expect(await stored('HUGE-')).toEqual([]);
  });

  it('a file that is not a workbook at all is refused at upload with a Chinese 400', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from jobs`);
    const pdf = await office.upload('/api/ledgers/types/mediation_case/import', 'scan.pdf', Buffer.from('%PDF-1.7 …'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().message).toBe('文件无法读取：请上传有效的 Excel（.xlsx）文件');
    const xls = await office.upload(
      '/api/ledgers/types/mediation_case/import',
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    expect(xls.statusCode).toBe(400);
    expect(xls.json().message).toBe('这是旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 格式后再导入');
    expect(await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from jobs`)).toEqual(before);
  });
});
