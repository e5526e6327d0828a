import { formatCell, headerIndex, headerOf, normaliseHeader, orgHeader, type RawCell } from '@fazhi/core/ledgers/cells';
import { fieldKindLabels, inputFields, type LedgerDefinition, type LedgerField } from '@fazhi/core/ledgers/definition';
import type { LedgerData } from '@fazhi/core/ledgers/row-schema';
import type ExcelJS from 'exceljs';
import { AppError } from '../platform/kernel/errors.ts';
import { addSheet, newWorkbook } from '../platform/kernel/excel.ts';
import type { SheetRow, XlsxParts } from './ledgers.xlsx-reader.service.ts';

const templateRows = 5000;

let xlsxReader: typeof import('./ledgers.xlsx-reader.service.ts') | null = null;
/** The .xlsx reader (htmlparser2, fflate) loads with the first import rather than at start-up. */
export async function loadXlsxReader() {
  xlsxReader ??= await import('./ledgers.xlsx-reader.service.ts');
  return xlsxReader;
}

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
  const wb = await newWorkbook();
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
  const help = addSheet(wb, '填写说明', [
    { header: '列名', key: 'h', width: 22 },
    { header: '类型', key: 'k', width: 12 },
    { header: '必填', key: 'r', width: 8 },
    { header: '唯一', key: 'u', width: 8 },
    { header: '填写要求', key: 'd', width: 70 },
  ]);
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
  const wb = await newWorkbook();
  wb.creator = 'Fazhi';
  const fields = def.fields.filter((f) => f.kind !== 'attachment');
  const ws = addSheet(wb, def.name.slice(0, 31), [
    { header: orgHeader, key: '__org', width: 24 },
    ...fields.map((f) => ({ header: headerOf(f), key: f.key })),
  ]);
  for (const row of rows) {
    const values: Record<string, unknown> = { __org: row.orgName };
    for (const f of fields) values[f.key] = formatCell(f, row.data[f.key], orgName);
    ws.addRow(values);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ReportError = { row: number; column: string; message: string };

export async function errorReportWorkbook(errors: ReportError[]) {
  const wb = await newWorkbook();
  const ws = addSheet(wb, '错误报告', [
    { header: '行号', key: 'row', width: 10 },
    { header: '列', key: 'column', width: 24 },
    { header: '原因', key: 'message', width: 80 },
  ]);
  for (const e of errors) ws.addRow(e);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A data row of the sheet: `values[i]` is the cell of `SheetLayout.keys[i]` (`__org` or a field key). */
export type SheetRecord = { rowNumber: number; values: RawCell[] };

export type SheetLayout = {
  /** Column keys in reading order: `__org` for the unit, else field keys (unknown headers are left out). */
  keys: string[];
  /** Rows the sheet's `<dimension>` announces (0 when it does not say); for the progress bar only. */
  estimatedRows: number;
  /** Parses the next slice of the sheet: its non-empty data rows (maybe none), or null at the end. */
  nextBatch: () => SheetRecord[] | null;
};

export const badExcel = (message: string) => new AppError(400, 'BAD_EXCEL', message);

const isBlank = (v: RawCell) => v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');

/**
 * Opens the first worksheet of an .xlsx (values only, see ledgers.xlsx-reader.service.ts): the first non-empty row is the header
 * → column keys; then batches of non-empty data rows. Throws a Chinese BAD_EXCEL for an unreadable file or wrong
 * headers.
 */
export async function openSheet(def: LedgerDefinition, data: Uint8Array | XlsxParts): Promise<SheetLayout> {
  const { openFirstSheet } = await loadXlsxReader();
  try {
    const reader = openFirstSheet(data);
    const known = headerIndex(def);
    let header: SheetRow | null = null;
    let pending: SheetRow[] = [];
    while (!header) {
      const batch = reader.next();
      if (batch === null) break;
      const at = batch.findIndex((r) => r.values.some((v) => !isBlank(v)));
      if (at >= 0) {
        header = batch[at]!;
        pending = batch.slice(at + 1);
      }
    }
    if (!header) throw badExcel('Excel 文件中没有数据：请在模板第一个工作表中填写');
    const columns: number[] = [];
    const keys: string[] = [];
    header.values.forEach((v, col) => {
      const text = normaliseHeader(isBlank(v) ? '' : String(v instanceof Date ? v.toISOString().slice(0, 10) : v));
      const key = text === orgHeader ? '__org' : known.get(text);
      if (!key || keys.includes(key)) return;
      columns.push(col);
      keys.push(key);
    });
    const missing = sheetFields(def).filter((f) => f.required && !keys.includes(f.key));
    if (keys.length === 0) throw badExcel('表头与模板不一致：第 1 行应为列名，请下载导入模板后填写');
    if (missing.length) throw badExcel(`Excel 表头缺少必填的列：${missing.map(headerOf).join('、')}（请使用导入模板）`);
    const project = (rows: SheetRow[]): SheetRecord[] => {
      const out: SheetRecord[] = [];
      for (const row of rows) {
        const values = new Array<RawCell>(columns.length);
        let hasValue = false;
        for (let i = 0; i < columns.length; i++) {
          const v = row.values[columns[i]!];
          values[i] = v;
          if (!hasValue && !isBlank(v)) hasValue = true;
        }
        if (hasValue) out.push({ rowNumber: row.rowNumber, values });
      }
      return out;
    };
    return {
      keys,
      estimatedRows: reader.estimatedRows,
      nextBatch: () => {
        if (pending.length) {
          const rows = pending;
          pending = [];
          return project(rows);
        }
        const rows = reader.next();
        return rows === null ? null : project(rows);
      },
    };
  } catch (error) {
    throw asBadExcel(error);
  }
}

/** Any failure while reading a sheet, as a Chinese 400 (the reader's own message when it has one). */
export function asBadExcel(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (xlsxReader && error instanceof xlsxReader.XlsxError) return badExcel(error.message); // only it throws one
  return badExcel('文件无法读取：请上传有效的 Excel（.xlsx）文件');
}
