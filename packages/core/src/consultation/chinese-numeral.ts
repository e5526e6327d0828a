// A strict parser for the numerals in legal labels (第一百二十三条, （十二）). Unlike the general
// `chinese-numbers-converter`, it rejects malformed numerals such as 十十 or 百一, so a garbled label is reported
// rather than silently mis-numbered.

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const TEN_THOUSAND = new Set(['万', '萬']);

/** Characters that may appear in a numeral of a label; used to build the label patterns. */
export const NUMERAL_CHARS = '零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬0-9０-９';

function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Parses a number below 10000 written with 十/百/千, or a run of digit characters (一〇五).
function parseBelowTenThousand(text: string): number | null {
  const chars = Array.from(text);
  if (chars.length === 0) return null;
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length > 1 && DIGITS[chars[0]!] === 0) return null;
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  let isZeroPending = false;
  for (const c of chars) {
    const digit = DIGITS[c];
    if (digit === 0) {
      if (pending !== null || isZeroPending || lastUnit === Number.POSITIVE_INFINITY) return null;
      isZeroPending = true;
      continue;
    }
    if (digit !== undefined) {
      if (pending !== null) return null;
      pending = digit;
      continue;
    }
    const unit = UNITS[c];
    if (unit === undefined || unit >= lastUnit) return null;
    // A bare 十 is 一十 (十二, and the sloppy but readable 一百十); other units need their digit.
    if (pending === null && (unit !== 10 || isZeroPending)) return null;
    // 零 stands for at least one skipped unit: 一千零十 is fine, 一百零十 is not.
    if (isZeroPending && lastUnit / unit < 100) return null;
    total += (pending ?? 1) * unit;
    pending = null;
    lastUnit = unit;
    isZeroPending = false;
  }
  if (pending !== null) {
    // 二十五 and 一百零五 are units digits; 一百五 (shorthand for 150) never appears in legal labels.
    if (isZeroPending ? lastUnit < 100 : lastUnit !== 10) return null;
    return total + pending;
  }
  return isZeroPending ? null : total;
}

/** Parses a Chinese (Simplified, Traditional or financial) or Arabic integer; null when it is not well formed. */
export function parseChineseInteger(input: string): number | null {
  const text = toHalfWidthDigits(input.trim());
  if (/^\d+$/.test(text)) return Number(text);
  const chars = Array.from(text);
  const wanAt = chars.findIndex((c) => TEN_THOUSAND.has(c));
  if (wanAt === -1) return parseBelowTenThousand(text);
  const high = parseBelowTenThousand(chars.slice(0, wanAt).join(''));
  if (high === null || high === 0) return null;
  const restChars = chars.slice(wanAt + 1);
  if (restChars.length === 0) return high * 10000;
  const hasZero = DIGITS[restChars[0]!] === 0;
  const rest = parseBelowTenThousand(restChars.slice(hasZero ? 1 : 0).join(''));
  // 一万零五 needs its 零; 一万五 is shorthand for 15000, which labels never use.
  if (rest === null || hasZero !== rest < 1000) return null;
  return high * 10000 + rest;
}

const DIGIT_NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const UNIT_NAMES = ['千', '百', '十', ''];

// 1..9999 without the 一十 shortening, which only applies at the start of a whole number.
function formatBlock(n: number): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let isZeroPending = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out !== '') isZeroPending = true;
      return;
    }
    if (isZeroPending) out += '零';
    isZeroPending = false;
    out += DIGIT_NAMES[d]! + UNIT_NAMES[i]!;
  });
  return out;
}

function shortenLeadingTen(text: string): string {
  // Legal texts write 第十条 and 第十二条 but 第一百一十条.
  return text.startsWith('一十') ? text.slice(1) : text;
}

/** Formats a non-negative integer below 100 000 000 the way legal texts number things (十, 一百一十, 一千零一). */
export function formatChineseInteger(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000_000) throw new RangeError(`无法转换为中文数字：${n}`);
  if (n === 0) return '零';
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  if (high === 0) return shortenLeadingTen(formatBlock(low));
  const head = `${shortenLeadingTen(formatBlock(high))}万`;
  if (low === 0) return head;
  return low < 1000 ? `${head}零${formatBlock(low)}` : `${head}${formatBlock(low)}`;
}
