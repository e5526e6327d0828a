import { parseNumeral } from './numerals.ts';

/**
 * The one normalisation of typed input, used by the zod field helpers (forms and the JSON API) and by the ledger
 * import alike: NFKC first (full-width digits and letters, ％, ＋, －, the ideographic space become their ASCII
 * forms), then per kind — numbers also read Chinese numerals (一百二十, 三点五, 1.2万), dates read 2025/3/1,
 * 2025年3月1日 and 二〇二五年三月一日, phones drop spaces, brackets and dashes between digit groups. A value that
 * cannot be read is returned unchanged, so the schema behind it refuses it with its own message.
 */
export const nfkc = (text: string) => text.normalize('NFKC');

/**
 * A number typed as text: `３`, `1,234.5`, `12%` (the number 12), `一百二十`, `三点五`, `1.2万`, `-3` / `负三`.
 * Null when the text is not a number.
 */
export function parseNumberText(text: string): number | null {
  let s = nfkc(text).replace(/[\s\u3000]/g, '');
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−') || s.startsWith('负')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (s === '' || /[-+%]/.test(s)) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return sign * Number(s);
  const n = parseNumeral(s);
  return n === null || !Number.isFinite(n) ? null : sign * n;
}

/** For `z.preprocess`: a numeric string becomes its number; anything else passes unchanged (the schema decides). */
export function normaliseNumberInput(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const n = parseNumberText(value);
  return n === null ? value : n;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A year written digit by digit in Chinese (二〇二五, 二零二五) or as Arabic digits. */
function yearOf(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  const digits = [...text].map((c) => '〇零一二三四五六七八九'.indexOf(c));
  if (text.length !== 4 || digits.some((d) => d < 0)) return null;
  return Number(digits.map((d) => (d === 0 ? 0 : d - 1)).join(''));
}

/**
 * A date typed as text → `YYYY-MM-DD` when it reads as one: `2025-3-1`, `2025/03/01`, `2025.3.1`, `2025年3月1日`,
 * `二〇二五年三月一日`, full-width digits. Returns the NFKC text unchanged otherwise (the calendar check refuses it).
 */
export function normaliseDateText(text: string): string {
  const s = nfkc(text).trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  m = /^([^年月日号]{4})年([^年月日号]{1,3})月([^年月日号]{1,3})[日号]?$/.exec(s);
  if (m) {
    const year = yearOf(m[1]!);
    const month = parseNumberText(m[2]!);
    const day = parseNumberText(m[3]!);
    if (year !== null && month !== null && day !== null && Number.isInteger(month) && Number.isInteger(day))
      return `${year}-${pad2(month)}-${pad2(day)}`;
  }
  return s;
}

/** For `z.preprocess` on a date string. */
export function normaliseDateInput(value: unknown): unknown {
  return typeof value === 'string' ? normaliseDateText(value) : value;
}

/**
 * A phone typed as text: NFKC, then spaces, brackets and dashes inside a mobile number dropped (`138 0000 0000`,
 * `（0839）1234567` → `0839-1234567`). A landline keeps one dash after the area code.
 */
export function normalisePhoneText(text: string): string {
  const s = nfkc(text).trim().replace(/\s+/g, '');
  const bracketed = /^\((0\d{2,3})\)-?(\d{7,8})$/.exec(s);
  if (bracketed) return `${bracketed[1]}-${bracketed[2]}`;
  const digits = s.replace(/-/g, '');
  if (/^(\+?86)?1\d{10}$/.test(digits)) return digits;
  return s;
}

/** For `z.preprocess` on a phone string. */
export function normalisePhoneInput(value: unknown): unknown {
  return typeof value === 'string' ? normalisePhoneText(value) : value;
}

/**
 * For `z.preprocess` on an id in a path or query: full-width digits become ASCII (`１２` → `12`); nothing else is
 * read — `一` or `十二` stay text and are refused as ids, so a Chinese numeral never addresses a record.
 */
export function normaliseIdInput(value: unknown): unknown {
  return typeof value === 'string' ? nfkc(value).trim() : value;
}
