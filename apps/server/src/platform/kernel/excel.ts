import type ExcelJS from 'exceljs';
import { checkZipBounded, uploadLimits, ZipRefusedError } from './bounded-zip.ts';
import { AppError } from './errors.ts';
import { runParseJob } from './parse-worker.ts';

/**
 * A new workbook. exceljs is loaded on the first export, not at start: evaluating it is the largest share of the
 * server's module loading, and only the export routes need it (imports parse in the worker thread).
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}

export type SheetColumn = { key: string; header: string; width?: number };

/** A worksheet with these columns: a bold header row that stays in view while scrolling. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

/** A workbook with one sheet: a bold header row and one row per record. */
export async function writeSheet(
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Fazhi';
  const ws = addSheet(wb, name, columns);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type SheetRow = { rowNumber: number; cells: Record<string, string> };

/**
 * Reads the first sheet and maps cells to column keys by header text, so reordered columns still import.
 * A file that is not a readable .xlsx, or lacks a required header, is one clear 400.
 */
export async function readSheet(data: Buffer, columns: readonly SheetColumn[], required: readonly string[]) {
  // Declared and actual inflated sizes are checked (off the event loop) before exceljs reads anything.
  try {
    await checkZipBounded(data, uploadLimits.sheetImport);
  } catch (error) {
    if (error instanceof ZipRefusedError && !error.message.startsWith('文件无法读取')) {
      throw new AppError(400, 'BAD_EXCEL', error.message);
    }
    throw new AppError(400, 'BAD_EXCEL', '文件无法读取：请上传有效的 Excel（.xlsx）文件');
  }
  // exceljs parses in a worker thread (bounded memory and time), so a large sheet never holds the event loop.
  const sheet = await runParseJob('sheetRows', data).catch(() => {
    throw new AppError(400, 'BAD_EXCEL', '文件无法读取：请上传有效的 Excel（.xlsx）文件');
  });
  if (!sheet.hasSheet) throw new AppError(400, 'BAD_EXCEL', 'Excel 文件中没有工作表');
  const keyByCol = new Map<number, string>();
  sheet.header.forEach((text, col) => {
    const column = columns.find((c) => c.header === text);
    if (column) keyByCol.set(col, column.key);
  });
  const present = new Set(keyByCol.values());
  const missing = columns.filter((c) => required.includes(c.key) && !present.has(c.key)).map((c) => c.header);
  if (missing.length) {
    throw new AppError(400, 'BAD_EXCEL', `Excel 表头缺少必需的列：${missing.join('、')}（请使用系统导出的模板）`);
  }
  const rows: SheetRow[] = [];
  for (const row of sheet.rows) {
    const cells: Record<string, string> = {};
    let hasValue = false;
    for (const [col, key] of keyByCol) {
      const text = row.cells[col] ?? '';
      cells[key] = text;
      if (text) hasValue = true;
    }
    if (hasValue) rows.push({ rowNumber: row.rowNumber, cells });
  }
  return rows;
}

export type RowError = { row: number; column: string; message: string };

export function rowErrorsToMessage(errors: readonly RowError[]) {
  const head = errors
    .slice(0, 3)
    .map((e) => `第${e.row}行“${e.column}”：${e.message}`)
    .join('；');
  return `导入失败，共${errors.length}处错误，未写入任何数据。${head}${errors.length > 3 ? '……' : ''}`;
}
