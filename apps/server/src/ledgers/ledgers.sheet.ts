import { Readable } from 'node:stream';
import { formatCell, headerIndex, headerOf, normaliseHeader, orgHeader, type RawCell } from '@fazhi/core/ledgers/cells';
import { fieldKindLabels, inputFields, type LedgerDefinition, type LedgerField } from '@fazhi/core/ledgers/definition';
import type { LedgerData } from '@fazhi/core/ledgers/row-schema';
import ExcelJS from 'exceljs';
import './exceljs-utf8.ts';
import { AppError } from '../platform/errors.ts';

const templateRows = 5000;

/** Columns a person fills in: the unit, then every input field except attachments. */
export const sheetFields = (def: LedgerDefinition) => inputFields(def).filter((f) => f.kind !== 'attachment');

function formatHint(f: LedgerField): string {
  switch (f.kind) {
    case 'enum':
      return `从下拉列表选择：${(f.options ?? []).map((o) => o.label).join('、')}`;
    case 'boolean':
      return '填写“是”或“否”';
    case 'date':
      return '日期，如 2025-03-01';
    case 'money':
      return '以元为单位，最多两位小数';
    case 'number':
      return `${f.integer ? '整数' : '数字'}${f.unit ? `（${f.unit}）` : ''}${f.min !== undefined ? `，不小于 ${f.min}` : ''}${f.max !== undefined ? `，不大于 ${f.max}` : ''}`;
    case 'id_number':
      return '18 位居民身份证号码';
    case 'phone':
      return '手机号或座机号（如 0839-1234567）';
    case 'org':
      return '单位全称';
    default:
      return f.help ?? '';
  }
}

const columnLetter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/** The import template: one header row (required headers in red), drop-downs for options, and a 填写说明 sheet. */
export async function templateWorkbook(def: LedgerDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = wb.addWorksheet(def.name.slice(0, 31));
  const fields = sheetFields(def);
  ws.columns = [
    { header: orgHeader, key: '__org', width: 24 },
    ...fields.map((f) => ({ header: headerOf(f), key: f.key, width: Math.max(12, headerOf(f).length * 2 + 4) })),
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 2);
    if (f.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = `${f.required ? '必填。' : ''}${formatHint(f)}`;
    const col = columnLetter(i + 2);
    const list = f.kind === 'enum' ? (f.options ?? []).map((o) => o.label) : f.kind === 'boolean' ? ['是', '否'] : null;
    const formula = list ? `"${list.join(',')}"` : null;
    if (formula && formula.length <= 255) {
      (
        ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }
      ).dataValidations.add(`${col}2:${col}${templateRows + 1}`, {
        type: 'list',
        allowBlank: !f.required,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: '输入有误',
        error: `请从下拉列表中选择${f.label}`,
      });
    }
    if (f.kind === 'date') ws.getColumn(i + 2).numFmt = 'yyyy-mm-dd';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'h', width: 22 },
    { header: '类型', key: 'k', width: 12 },
    { header: '必填', key: 'r', width: 8 },
    { header: '唯一', key: 'u', width: 8 },
    { header: '填写要求', key: 'd', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({ h: orgHeader, k: '单位', r: '否', u: '否', d: '留空时为您所在单位；填写时须为您数据范围内的单位全称' });
  for (const f of fields)
    help.addRow({
      h: headerOf(f),
      k: fieldKindLabels[f.kind],
      r: f.required ? '是' : '否',
      u: f.unique ? '是' : '否',
      d: formatHint(f),
    });
  help.addRow({});
  help.addRow({
    h: '说明',
    d: '请在第一个工作表中从第 2 行起填写，一行一条记录；整表校验通过后一次性导入，有任何错误都不会写入。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ExportRow = { orgName: string; data: LedgerData };

/** Every field (computed ones too) in definition order, values as people read them. */
export async function exportWorkbook(def: LedgerDefinition, rows: ExportRow[], orgName: (id: number) => string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = wb.addWorksheet(def.name.slice(0, 31));
  const fields = def.fields.filter((f) => f.kind !== 'attachment');
  ws.columns = [
    { header: orgHeader, key: '__org', width: 24 },
    ...fields.map((f) => ({ header: headerOf(f), key: f.key, width: Math.max(12, headerOf(f).length * 2 + 4) })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const values: Record<string, unknown> = { __org: row.orgName };
    for (const f of fields) values[f.key] = formatCell(f, row.data[f.key], orgName);
    ws.addRow(values);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ReportError = { row: number; column: string; message: string };

export async function errorReportWorkbook(errors: ReportError[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误报告');
  ws.columns = [
    { header: '行号', key: 'row', width: 10 },
    { header: '列', key: 'column', width: 24 },
    { header: '原因', key: 'message', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of errors) ws.addRow(e);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type SheetRecord = { rowNumber: number; cells: Map<string, RawCell> };

/** A cell value as a plain JS value: rich text joined, formulas by their result, hyperlinks by their text. */
function plainCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as RawCell;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('');
  if ('result' in v) return plainCell(v.result);
  if ('text' in v) return plainCell(v.text);
  if ('error' in v) return null;
  return String(value);
}

export const badExcel = (message: string) => new AppError(400, 'BAD_EXCEL', message);

/**
 * Streams the first worksheet of an .xlsx without loading the workbook: header row → column keys (`__org` for the
 * unit), then one record per non-empty row. Throws a Chinese BAD_EXCEL for an unreadable file or wrong headers.
 */
export async function* streamSheet(def: LedgerDefinition, data: Buffer): AsyncGenerator<SheetRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const known = headerIndex(def);
  let keyByCol: Map<number, string> | null = null;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        if (!keyByCol) {
          keyByCol = new Map();
          values.forEach((v, col) => {
            const text = normaliseHeader(String(plainCell(v) ?? ''));
            if (!text) return;
            if (text === orgHeader) keyByCol!.set(col, '__org');
            else if (known.has(text)) keyByCol!.set(col, known.get(text)!);
          });
          const present = new Set(keyByCol.values());
          const missing = sheetFields(def).filter((f) => f.required && !present.has(f.key));
          if (present.size === 0) throw badExcel('表头与模板不一致：第 1 行应为列名，请下载导入模板后填写');
          if (missing.length)
            throw badExcel(`Excel 表头缺少必填的列：${missing.map(headerOf).join('、')}（请使用导入模板）`);
          continue;
        }
        const cells = new Map<string, RawCell>();
        let hasValue = false;
        for (const [col, key] of keyByCol) {
          const v = plainCell(values[col]);
          cells.set(key, v);
          if (v !== null && v !== '' && !(typeof v === 'string' && v.trim() === '')) hasValue = true;
        }
        if (hasValue) yield { rowNumber: row.number, cells };
      }
      break; // the first worksheet only (the template's second sheet is 填写说明)
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badExcel('文件无法读取：请上传有效的 Excel（.xlsx）文件');
  }
  if (!keyByCol) throw badExcel('Excel 文件中没有数据：请在模板第一个工作表中填写');
}
