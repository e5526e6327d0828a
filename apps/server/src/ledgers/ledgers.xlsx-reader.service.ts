import type { RawCell } from '@fazhi/core/ledgers/cells';
import { unzipSync } from 'fflate';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { readZipBounded, uploadLimits, ZipRefusedError } from '../platform/kernel/bounded-zip.ts';

/**
 * A values-only reader of the first worksheet of an .xlsx: fflate unzips the few parts it needs, htmlparser2 (XML
 * mode) tokenizes them, and the sheet is fed to the parser in slices so rows come out in batches while the caller
 * writes the previous ones (the tokenizer pauses after each slice of rows and resumes on the next call). Cells come out as plain values: shared and inline strings (rich-text runs joined,
 * phonetic runs left out), numbers, booleans, dates (numbers in a date format, and ISO `t="d"` cells), formula
 * results, errors as empty. Exceljs stays for writing templates, exports and error reports.
 */

export class XlsxError extends Error {}

/** A parsed row: `values[column]` with column 1 = A, as a sparse array (missing cells are `undefined`). */
export type SheetRow = { rowNumber: number; values: RawCell[] };

export const xlsxLimits = {
  /** Declared uncompressed size of the parts read, together; fflate never inflates past the declared size. */
  maxUnzippedBytes: 256 * 1024 * 1024,
  /**
   * Rows parsed per step (one batch for the caller to validate and write). Small, so the import yields to the event
   * loop often: the COPY stream, the sealing worker's answers and other requests are served between steps.
   */
  sliceRows: 500,
};

type XmlHandler = {
  open?: (name: string) => void;
  attr?: (name: string, value: string) => void;
  /** After the attributes of an opening tag (self-closing tags get `close` right after). */
  openEnd?: (name: string) => void;
  close?: (name: string) => void;
  /** Text and CDATA, only while `scan.capture` is on. */
  text?: (text: string) => void;
};

/**
 * htmlparser2's tokenizer in XML mode over one string, with element names without their namespace prefix. Slices
 * text only while `capture` is on, and can pause (from a handler) and resume, so a big sheet parses in steps.
 */
class XmlScan implements TokenizerCallbacks {
  capture = false;
  private readonly tokenizer: Tokenizer;
  private name = '';
  private attrName = '';
  private attrValue = '';
  private started = false;
  private paused = false;

  constructor(
    private readonly xml: string,
    private readonly h: XmlHandler,
  ) {
    this.tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, this);
  }

  pause() {
    this.paused = true;
    this.tokenizer.pause();
  }

  /** Parses until a handler pauses (true: more to come) or to the end (false). */
  run(): boolean {
    this.paused = false;
    if (this.started) this.tokenizer.resume();
    else {
      this.started = true;
      this.tokenizer.write(this.xml);
    }
    if (this.paused) return true;
    this.tokenizer.end();
    return false;
  }

  private local(start: number, end: number) {
    const s = this.xml.slice(start, end);
    const colon = s.indexOf(':');
    return colon < 0 ? s : s.slice(colon + 1);
  }
  onopentagname(start: number, end: number) {
    this.name = this.local(start, end);
    this.h.open?.(this.name);
  }
  onattribname(start: number, end: number) {
    this.attrName = this.xml.slice(start, end);
    this.attrValue = '';
  }
  onattribdata(start: number, end: number) {
    this.attrValue += this.xml.slice(start, end);
  }
  onattribentity(codepoint: number) {
    this.attrValue += String.fromCodePoint(codepoint);
  }
  onattribend() {
    this.h.attr?.(this.attrName, this.attrValue);
  }
  onopentagend() {
    this.h.openEnd?.(this.name);
  }
  onselfclosingtag() {
    this.h.openEnd?.(this.name);
    this.h.close?.(this.name);
  }
  onclosetag(start: number, end: number) {
    this.h.close?.(this.local(start, end));
  }
  ontext(start: number, end: number) {
    if (this.capture) this.h.text?.(this.xml.slice(start, end));
  }
  ontextentity(codepoint: number) {
    if (this.capture) this.h.text?.(String.fromCodePoint(codepoint));
  }
  oncdata(start: number, end: number, offset: number) {
    if (this.capture) this.h.text?.(this.xml.slice(start, end - offset));
  }
  oncomment() {}
  ondeclaration() {}
  onprocessinginstruction() {}
  onend() {}
}

/** A small part (workbook, relationships, styles, shared strings) in one go, with each element's attributes. */
function parseXml(
  xml: string,
  on: {
    open?: (name: string, attrs: Record<string, string>) => void;
    close?: (name: string) => void;
    text?: (t: string) => void;
  },
) {
  let attrs: Record<string, string> = {};
  const scan = new XmlScan(xml, {
    open: () => {
      attrs = {};
    },
    attr: (name, value) => {
      attrs[name] = value;
    },
    openEnd: (name) => on.open?.(name, attrs),
    close: on.close,
    text: on.text,
  });
  scan.capture = true;
  scan.run();
}

const utf8 = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder('utf-8').decode(bytes) : '');

/** `xl/worksheets/sheet1.xml` from a relationship target, which may be relative to `xl/` or absolute. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);

/** An upload's parts already inflated under the budget (readXlsxParts), so reading them inflates nothing. */
export type XlsxParts = Map<string, Uint8Array>;

/**
 * Inflates the parts of an upload under the ledger import's budget, off the event loop (see bounded-zip.ts);
 * declared or actual sizes past the budget are refused with a Chinese XlsxError. Pictures are checked, not kept.
 */
export async function readXlsxParts(input: Uint8Array): Promise<XlsxParts> {
  sniffXlsx(input);
  try {
    return await readZipBounded(input, uploadLimits.ledgerXlsx, (name) => !name.startsWith('xl/media/'));
  } catch (error) {
    if (error instanceof ZipRefusedError) {
      throw new XlsxError(
        error.message.startsWith('文件无法读取') ? '文件无法读取：请上传有效的 Excel（.xlsx）文件' : error.message,
      );
    }
    throw error;
  }
}

function unzipParts(data: Uint8Array | XlsxParts, wanted: (name: string) => boolean, budget: { left: number }) {
  if (data instanceof Map) {
    const out: Record<string, Uint8Array> = {};
    for (const [name, bytes] of data) if (wanted(name)) out[name] = bytes;
    return out;
  }
  try {
    return unzipSync(data, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        budget.left -= f.originalSize;
        if (budget.left < 0) throw new XlsxError('文件解压后过大，无法导入：请检查文件或分成多个文件导入');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError('文件无法读取：请上传有效的 Excel（.xlsx）文件');
  }
}

type Book = { sheetPath: string; shared: string[]; dateStyles: boolean[]; date1904: boolean };

/** Workbook → first sheet's part, shared strings, which cell styles are dates. */
function readBook(data: Uint8Array | XlsxParts, budget: { left: number }): Book {
  const meta = unzipParts(
    data,
    (n) =>
      n === 'xl/workbook.xml' ||
      n === 'xl/_rels/workbook.xml.rels' ||
      n === 'xl/styles.xml' ||
      n === 'xl/sharedStrings.xml' ||
      n === '[Content_Types].xml',
    budget,
  );
  if (!meta['xl/workbook.xml']) throw new XlsxError('文件无法读取：请上传有效的 Excel（.xlsx）文件');
  let firstSheetRel: string | null = null;
  let date1904 = false;
  parseXml(utf8(meta['xl/workbook.xml']), {
    open: (name, a) => {
      if (name === 'sheet' && firstSheetRel === null) firstSheetRel = a['r:id'] ?? a.id ?? null;
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const targets = new Map<string, { type: string; target: string }>();
  parseXml(utf8(meta['xl/_rels/workbook.xml.rels']), {
    open: (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, { type: a.Type ?? '', target: a.Target });
    },
  });
  const sheet = firstSheetRel ? targets.get(firstSheetRel) : undefined;
  const sheetPath = sheet ? partPath(sheet.target) : 'xl/worksheets/sheet1.xml';
  const sharedRel = [...targets.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const stylesRel = [...targets.values()].find((r) => r.type.endsWith('/styles'));
  let sharedBytes = meta['xl/sharedStrings.xml'];
  let stylesBytes = meta['xl/styles.xml'];
  const elsewhere = [sharedRel, stylesRel]
    .filter((r): r is { type: string; target: string } => !!r)
    .map((r) => partPath(r.target))
    .filter((p) => p !== 'xl/sharedStrings.xml' && p !== 'xl/styles.xml');
  if (elsewhere.length) {
    const more = unzipParts(data, (n) => elsewhere.includes(n), budget);
    if (sharedRel && more[partPath(sharedRel.target)]) sharedBytes = more[partPath(sharedRel.target)];
    if (stylesRel && more[partPath(stylesRel.target)]) stylesBytes = more[partPath(stylesRel.target)];
  }
  return { sheetPath, shared: sharedStrings(utf8(sharedBytes)), dateStyles: dateStyles(utf8(stylesBytes)), date1904 };
}

/** `<si>` items: the text of their `<t>` elements, without phonetic (`<rPh>`) runs. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  parseXml(xml, {
    open: (name) => {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    close: (name) => {
      if (name === 'si') {
        out.push(current ? current.join('') : '');
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text: (t) => {
      if (inT && current) current.push(t);
    },
  });
  return out;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, plus the CJK ones Excel uses in zh-CN). */
const builtinDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format code shows a date when, outside quotes, escapes and [colour]/[condition] brackets, it has y/m/d/h/s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s;E+-]*$/i.test(bare);
}

/** For each `cellXfs` style index: does it format a number as a date? */
export function dateStyles(xml: string): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const pending: number[] = [];
  parseXml(xml, {
    open: (name, a) => {
      if (name === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) pending.push(Number(a.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of pending) {
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormatCode(code) : builtinDateFormats.has(id));
  }
  return styles;
}

/** Column number of a cell reference: `A1` → 1, `AB12` → 28; 0 when it has no letters. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    const upper = c >= 97 ? c - 32 : c;
    if (upper < 65 || upper > 90) break;
    col = col * 26 + (upper - 64);
  }
  return col;
}

const dayMs = 86_400_000;

/** Refuses what is plainly not an .xlsx (a zip) before any work: an old .xls, a PDF, a picture, text. */
export function sniffXlsx(data: Uint8Array) {
  if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0)
    throw new XlsxError('这是旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 格式后再导入');
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 0x03 || data[3] !== 0x04)
    throw new XlsxError('文件无法读取：请上传有效的 Excel（.xlsx）文件');
}

/**
 * Opens the workbook and returns a pull-reader of its first worksheet: each `next()` parses one slice of the sheet
 * XML and returns the rows completed in it (possibly none), or null at the end.
 */
export function openFirstSheet(input: Uint8Array | XlsxParts): {
  next: () => SheetRow[] | null;
  estimatedRows: number;
} {
  const data =
    input instanceof Buffer
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
      : (input as Uint8Array | XlsxParts);
  if (!(data instanceof Map)) sniffXlsx(data);
  const budget = { left: xlsxLimits.maxUnzippedBytes };
  const book = readBook(data, budget);
  const sheetBytes = unzipParts(data, (n) => n === book.sheetPath, budget)[book.sheetPath];
  if (!sheetBytes) throw new XlsxError('文件无法读取：找不到第一个工作表，请上传有效的 Excel（.xlsx）文件');

  const xml = utf8(sheetBytes);
  const { shared, dateStyles: isDate, date1904 } = book;
  const epochShift = date1904 ? 24107 : 25569; // serial of 1970-01-01 in the 1904 / 1900 date systems
  let done: SheetRow[] = [];
  let estimatedRows = 0;
  let rowNumber = 0;
  let values: RawCell[] = [];
  let col = 0;
  let type = '';
  let style = -1;
  let phonetic = 0;
  let text = '';
  let inCell = false;

  const cellValue = (): RawCell => {
    switch (type) {
      case 's': {
        if (text === '') return null;
        const s = shared[Number(text)];
        return s === undefined ? null : s;
      }
      case 'inlineStr':
      case 'str':
        return text;
      case 'b':
        return text === '1' || text === 'true';
      case 'e':
        return null;
      case 'd': {
        const d = new Date(text);
        return Number.isNaN(d.getTime()) ? text : d;
      }
      default: {
        if (text === '') return null;
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        if (style >= 0 && isDate[style]) return new Date(Math.round((n - epochShift) * dayMs));
        return n;
      }
    }
  };

  let sliceRows = 0;
  const attrs = { r: '', t: '', s: '', ref: '' };
  const scan: XmlScan = new XmlScan(xml, {
    open: () => {
      attrs.r = '';
      attrs.t = '';
      attrs.s = '';
      attrs.ref = '';
    },
    attr: (name, value) => {
      if (name === 'r' || name === 't' || name === 's' || name === 'ref') attrs[name] = value;
    },
    openEnd: (name) => {
      if (name === 'c') {
        col = attrs.r ? columnOf(attrs.r) || col + 1 : col + 1;
        type = attrs.t || 'n';
        style = attrs.s ? Number(attrs.s) : -1;
        text = '';
        inCell = true;
      } else if (name === 'row') {
        rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
        values = [];
        col = 0;
      } else if (inCell) {
        if (name === 'v') scan.capture = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && type === 'inlineStr' && phonetic === 0) scan.capture = true;
      } else if (name === 'dimension' && attrs.ref) {
        const m = /:[A-Z]+(\d+)$/i.exec(attrs.ref);
        if (m) estimatedRows = Number(m[1]) - 1;
      }
    },
    text: (t) => {
      text += t;
    },
    close: (name) => {
      if (name === 'v' || name === 't') scan.capture = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') {
        inCell = false;
        values[col] = cellValue();
      } else if (name === 'row') {
        done.push({ rowNumber, values });
        if (++sliceRows >= xlsxLimits.sliceRows) scan.pause();
      }
    },
  });

  let finished = false;
  const next = (): SheetRow[] | null => {
    if (finished) return null;
    sliceRows = 0;
    finished = !scan.run();
    const out = done;
    done = [];
    return out;
  };
  // Parse up to the first rows so `estimatedRows` (from `<dimension>`) is known before the caller starts.
  const first = next();
  let pendingFirst: SheetRow[] | null = first;
  return {
    estimatedRows,
    next: () => {
      if (pendingFirst) {
        const out = pendingFirst;
        pendingFirst = null;
        return out;
      }
      return next();
    },
  };
}
