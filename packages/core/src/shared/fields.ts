import { normaliseDateText, normaliseIdInput, normaliseNumberInput, normalisePhoneInput } from './normalise-input.ts';
import { z } from './zod.ts';

/**
 * The one rule for ids (and other positive integer keys such as versions): integers 1..2,147,483,647, the range of
 * the database's `integer` columns. Bigint id columns follow the same rule, so every id accepted anywhere fits
 * every column that may hold it.
 */
export const MAX_DB_ID = 2_147_483_647;

const idMessage = '编号不正确';

/** An id in a JSON body. */
export const dbId = (message = idMessage) =>
  z.number({ error: message }).int({ message }).min(1, { message }).max(MAX_DB_ID, { message: '编号超出允许范围' });

/**
 * An id in a path or query string (text coerced to a number; "abc", "1.5", "1e20" and "" are refused). Full-width
 * digits are read ("１２" is 12); a Chinese numeral ("一", "十二") is not an id and is refused.
 */
export const dbIdParam = (message = idMessage) =>
  z.preprocess(
    normaliseIdInput,
    z.coerce
      .number({ error: message })
      .int({ message })
      .min(1, { message })
      .max(MAX_DB_ID, { message: '编号超出允许范围' }),
  );

/** Path parameters of a route addressed by one id: `/things/:id`. */
export const idParams = z.object({ id: dbIdParam() });

/** A real calendar date YYYY-MM-DD. */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2100;

/** True for a real calendar date `YYYY-MM-DD` in 1900–2100 (2025-02-30, 2023-02-29 and 0000-01-01 are false). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * The one date schema: a string `YYYY-MM-DD` that is a real calendar date in 1900–2100. `label` names the field in
 * the message ("学法日期格式应为 YYYY-MM-DD…").
 */
export const dateSchema = (label = '日期', required?: string) =>
  z
    .string(required ? { error: required } : undefined)
    .transform(normaliseDateText)
    .refine(isCalendarDate, { message: `${label}格式应为 YYYY-MM-DD，且须是1900年至2100年之间的真实日期` });

/**
 * A number in a request: a JSON number, or text read by the shared normaliser (full-width digits, 1,234, 12%,
 * 一百二十, 1.2万). `label` names the field in the message.
 */
export const numberInput = (label = '数值') =>
  z.preprocess(
    normaliseNumberInput,
    z.number({ error: `${label}应为数字` }).refine(Number.isFinite, { message: `${label}应为数字` }),
  );

const phonePattern = /^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/** A mobile or landline number, normalised (full-width digits, spaces, brackets) before it is checked. */
export const phoneInput = (label = '联系电话') =>
  z.preprocess(
    normalisePhoneInput,
    z.string({ error: `${label}应为手机号或座机号（如 0839-1234567）` }).refine((v) => phonePattern.test(v), {
      message: `${label}应为手机号或座机号（如 0839-1234567）`,
    }),
  );

/**
 * Control characters a user cannot type and the database may refuse: U+0000–U+001F and U+007F, except tab, line
 * feed and carriage return (multi-line text).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasControlCharacters = (value: string) => CONTROL.test(value);

/**
 * The first string inside `value` (any depth, keys included) that holds a control character, with its path, or
 * null. The input parser runs this over every body, query and path parameter.
 */
export function findControlCharacters(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return hasControlCharacters(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacters(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (hasControlCharacters(key)) return [...path, key.replace(CONTROL_ALL, '?')];
      const found = findControlCharacters(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The Chinese message for a field holding control characters. */
export const controlCharacterMessage = (field: string) =>
  field ? `字段「${field}」含有不可见控制字符，请删除后重试` : '请求内容含有不可见控制字符，请删除后重试';
