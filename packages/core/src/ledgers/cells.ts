import { nfkc, normaliseDateText, normalisePhoneText, parseNumberText } from '../shared/normalise-input.ts';
import { parseLooseDate } from './dates.ts';
import { fieldByKey, type LedgerDefinition, type LedgerField, optionLabel } from './definition.ts';
import type { LedgerValue } from './row-schema.ts';

/** A cell as a spreadsheet reader hands it over. */
export type RawCell = string | number | boolean | Date | null | undefined;

export type CellResult = { ok: true; value: LedgerValue | undefined } | { ok: false; message: string };

const trueWords = ['是', '有', 'y', 'yes', 'true', '1', '√', '✓'];
const falseWords = ['否', '无', 'n', 'no', 'false', '0', '×', '✗'];

const toHalfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** `1,464.5` / `１４６４.５` / `1.2万` → exact 分 (integer), without passing through a float. */
export function parseYuanToFen(text: string): number | null {
  let s = toHalfWidth(text).replace(/[,，\s元¥￥]/g, '');
  let scale = 0;
  if (s.endsWith('万')) {
    s = s.slice(0, -1);
    scale = 4;
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const decimals = m[2] ?? '';
  const fracDigits = 2 + scale;
  if (decimals.length > fracDigits && /[1-9]/.test(decimals.slice(fracDigits))) return null;
  const digits = `${m[1]}${decimals.padEnd(fracDigits, '0').slice(0, fracDigits)}`;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

export type OrgLookup = (name: string) => number | 'ambiguous' | undefined;

/** Turns one spreadsheet cell into a field value (before the row schema checks it); empty is `undefined`. */
export function parseCell(f: LedgerField, raw: RawCell, orgs?: OrgLookup): CellResult {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { ok: true, value: undefined };
  }
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
  switch (f.kind) {
    case 'text':
    case 'person_name':
      return { ok: true, value: typeof raw === 'number' ? String(raw) : text };
    // The same normaliser as the JSON API and forms (shared/normalise-input.ts): full-width digits, phone forms.
    case 'id_number':
      return { ok: true, value: typeof raw === 'number' ? String(raw) : nfkc(text).trim().toUpperCase() };
    case 'phone':
      return { ok: true, value: typeof raw === 'number' ? String(raw) : normalisePhoneText(text) };
    case 'number': {
      const n = typeof raw === 'number' ? raw : parseNumberText(text);
      return n !== null && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `“${text}”不是数字` };
    }
    case 'money': {
      const fen = typeof raw === 'number' ? Math.round(raw * 100) : parseYuanToFen(text);
      return fen === null || fen < 0
        ? { ok: false, message: `“${text}”不是有效金额（以元为单位，最多两位小数）` }
        : { ok: true, value: fen };
    }
    case 'date': {
      const iso = parseLooseDate(typeof raw === 'string' ? normaliseDateText(raw) : raw);
      return iso ? { ok: true, value: iso } : { ok: false, message: `“${text}”不是有效日期（如 2025-03-01）` };
    }
    case 'enum': {
      const option = f.options?.find((o) => o.label === text || o.key === text);
      return option
        ? { ok: true, value: option.key }
        : { ok: false, message: `“${text}”不是可选值，应为：${(f.options ?? []).map((o) => o.label).join('、')}` };
    }
    case 'multi_enum':
      return parseMultiCell(f, text);
    case 'boolean': {
      const w = typeof raw === 'boolean' ? String(raw) : text.toLowerCase();
      if (trueWords.includes(w)) return { ok: true, value: true };
      if (falseWords.includes(w)) return { ok: true, value: false };
      return { ok: false, message: `“${text}”应填写“是”或“否”` };
    }
    case 'org': {
      const id = orgs?.(text);
      if (id === 'ambiguous') return { ok: false, message: `单位名称“${text}”不唯一，请填写全称` };
      return id ? { ok: true, value: id } : { ok: false, message: `找不到单位“${text}”，或不在您的数据范围内` };
    }
    case 'attachment':
    case 'computed':
      return { ok: true, value: undefined };
  }
}

/** Separators between the options of a multi-select cell: 、 , ， ; ； and line breaks. */
const multiSeparators = /[、,，;；\n\r]+/;

/** `调解室、接待室` (labels or keys, any separator) → option keys; an unknown value is named in the message. */
export function parseMultiCell(f: LedgerField, text: string): CellResult {
  const parts = toHalfWidth(text)
    .split(multiSeparators)
    .map((p) => p.trim())
    .filter(Boolean);
  const keys: string[] = [];
  for (const part of parts) {
    const option = f.options?.find((o) => o.label === part || o.key === part);
    if (!option) return { ok: false, message: `${f.label}中的“${part}”不是可选值，应为：${multiOptionsText(f)}` };
    if (!keys.includes(option.key)) keys.push(option.key);
  }
  return { ok: true, value: keys.length ? keys : undefined };
}

const multiOptionsText = (f: LedgerField) => (f.options ?? []).map((o) => o.label).join('、');

/** The template note of a multi-select column: the allowed values and how to separate them. */
export function multiOptionsHint(f: LedgerField): string {
  return `可多选，用“、”分隔，可选值：${multiOptionsText(f)}`;
}

/** A stored value as a sheet shows it: option labels, 是/否, money in 元 (two decimals), org names. */
export function formatCell(f: LedgerField, value: LedgerValue | undefined, orgName?: (id: number) => string) {
  if (value === null || value === undefined) return '';
  switch (f.kind) {
    case 'enum':
    case 'multi_enum':
      return optionLabel(f, value);
    case 'boolean':
      return value ? '是' : '否';
    case 'money':
      return typeof value === 'number' ? Number((value / 100).toFixed(2)) : '';
    case 'org':
      return typeof value === 'number' ? (orgName?.(value) ?? String(value)) : '';
    case 'computed':
      if (typeof value === 'boolean') return value ? '是' : '否';
      if (f.resultKind === 'money' && typeof value === 'number') return Number((value / 100).toFixed(2));
      return value;
    default:
      return value;
  }
}

/** The column header of a field in templates and exports (the unit column is `orgHeader`). */
export const orgHeader = '填报单位';
export const headerOf = (f: LedgerField) => (f.kind === 'money' ? `${f.label}（元）` : f.label);

/** Field keys by header text; a header may also carry a trailing `*` (required marker) or the unit in brackets. */
export function headerIndex(def: LedgerDefinition): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of def.fields) {
    map.set(normaliseHeader(headerOf(f)), f.key);
    map.set(normaliseHeader(f.label), f.key);
  }
  return map;
}

export function normaliseHeader(text: string): string {
  return toHalfWidth(text).trim().replace(/\s+/g, '').replace(/\*$/, '').replace(/^\*/, '');
}

export function labelOf(def: LedgerDefinition, key: string): string {
  return key === '__org' ? orgHeader : (fieldByKey(def, key)?.label ?? key);
}
