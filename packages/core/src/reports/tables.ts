import { type QuantityReading, readQuantityAt } from './quantity.ts';
import { isNoiseLine, type Span, splitLines } from './text-spans.ts';
import { readUnit } from './units.ts';

/** One numeric cell of a plain-text table (columns separated by tabs or two or more spaces). */
export type TableCell = {
  readonly reading: QuantityReading;
  readonly unit: string;
  /** The row's label (its first text cell) and where it starts. */
  readonly label: string;
  readonly labelStart: number;
  /** The column's header, '' when the table has none. */
  readonly column: string;
  /** The line right above the table (its title, 表9-2 行政复议案件情况) and its header row: they name the business. */
  readonly caption: string;
};

type Cell = { text: string; start: number; end: number };

const CELL_SEPARATOR = /\t+| {2,}/g;

function splitCells(lineText: string, lineStart: number): Cell[] {
  const cells: Cell[] = [];
  let cursor = 0;
  const push = (from: number, to: number) => {
    const raw = lineText.slice(from, to);
    const text = raw.trim();
    if (text) {
      const offset = raw.indexOf(text);
      cells.push({ text, start: lineStart + from + offset, end: lineStart + from + offset + text.length });
    }
  };
  for (const match of lineText.matchAll(CELL_SEPARATOR)) {
    push(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  push(cursor, lineText.length);
  return cells;
}

/** The whole cell read as one quantity, or null. */
function readCell(text: string, cell: Cell): QuantityReading | null {
  const reading = readQuantityAt(text, cell.start);
  if (!reading || reading.isTimeOrOrdinal || reading.start !== cell.start || reading.end !== cell.end) return null;
  return reading;
}

/** A unit named in a header or label: 数量(件), 金额（万元）, 单位:人. */
function unitIn(text: string): { unit: string; power: number } | null {
  const match =
    /[(（](?:单位[:：])?([^()（）]{1,4})[)）]\s*$/.exec(text) ?? /^(?:单位|计量单位)[:：]?(.{1,4})$/.exec(text);
  if (!match) return null;
  // 受教育群众（万人次）: 万 or 亿 before a unit multiplies the cells.
  const written = match[1]!;
  const scaled = /^[万亿]/.test(written) && !readUnit(written, 0);
  const rest = scaled ? written.slice(1) : written;
  const unit = readUnit(rest, 0);
  const power = scaled ? (written[0] === '万' ? 4 : 8) : 0;
  return unit && unit.written === rest ? { unit: unit.unit, power: unit.power + power } : null;
}

const hasHan = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** Finds plain-text tables and returns their numeric cells, plus the lines they occupy (kept out of prose reading). */
export function findTableCells(text: string): { cells: TableCell[]; lines: Span[] } {
  const rows = splitLines(text).map((line) => ({
    line,
    cells: isNoiseLine(line.text) ? [] : splitCells(line.text, line.start),
  }));
  const cells: TableCell[] = [];
  const lines: Span[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j]!.cells.length >= 2) j++;
    const block = rows.slice(i, j);
    i = Math.max(j, i + 1);
    if (block.length < 2) continue;
    const numericRows = block.filter((row) => row.cells.some((cell) => readCell(text, cell)));
    if (numericRows.length === 0) continue;
    const [first] = block;
    const hasHeader = !first!.cells.slice(1).some((cell) => readCell(text, cell) && !/年/.test(cell.text));
    const header = hasHeader ? first!.cells.map((cell) => cell.text) : [];
    const unitColumn = header.findIndex((name) => /^(?:计量)?单位$/.test(name));
    const above = j - block.length >= 1 ? rows[j - block.length - 1]! : null;
    const title = above && above.cells.length < 2 ? above.line.text.trim() : '';
    const caption = [title, header.join(' ')].filter((part) => part !== '').join(' ');
    lines.push(...block.map((row) => row.line));
    for (const row of hasHeader ? block.slice(1) : block) {
      const labelCell = row.cells.find((cell) => hasHan(cell.text) && !readCell(text, cell));
      if (!labelCell) continue;
      row.cells.forEach((cell, column) => {
        if (cell === labelCell || column === unitColumn) return;
        const reading = readCell(text, cell);
        if (!reading) return;
        const columnName = header[column] ?? '';
        const declared =
          (unitColumn >= 0 ? unitIn(`(${row.cells[unitColumn]?.text ?? ''})`) : null) ??
          unitIn(columnName) ??
          unitIn(labelCell.text) ??
          unitIn(header[0] ?? '');
        const useDeclared = !reading.unit && declared;
        const value = useDeclared ? Number((reading.value * 10 ** declared.power).toPrecision(15)) : reading.value;
        cells.push({
          reading: { ...reading, value },
          unit: reading.unit ?? declared?.unit ?? '',
          label: labelCell.text,
          labelStart: labelCell.start,
          column: columnName,
          caption,
        });
      });
    }
  }
  return { cells, lines };
}
