/// <reference path="./chinese-numbers-converter.d.ts" />
import ChineseNumber from 'chinese-numbers-converter';
import {
  addDecimals,
  type Decimal,
  decimalFromInteger,
  decimalFromString,
  decimalToNumber,
  shiftDecimal,
} from './decimal.ts';

export const CHINESE_DIGITS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
export const CHINESE_MULTIPLIERS = '十百千拾佰仟廿卅';
export const CHINESE_SCALES = '万亿';
/** Every character that may be part of a numeral, Arabic or Chinese. */
export const NUMERAL_CHARS = `0-9${CHINESE_DIGITS}${CHINESE_MULTIPLIERS}${CHINESE_SCALES}`;

const DIGIT_VALUES: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const CHINESE_INTEGER = new RegExp(`^[0-9${CHINESE_DIGITS}${CHINESE_MULTIPLIERS}]+$`);
const CHINESE_DECIMAL = new RegExp(`^([${CHINESE_DIGITS}${CHINESE_MULTIPLIERS}]+)点([${CHINESE_DIGITS}]+)$`);

/** Full-width digits, separators and the Traditional 萬/億/兩 to their everyday forms. */
export function foldNumeralForms(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ',')
    .replace(/[．]/g, '.')
    .replace(/萬/g, '万')
    .replace(/億/g, '亿')
    .replace(/兩/g, '两')
    .replace(/陸/g, '陆')
    .replace(/貳/g, '贰')
    .replace(/\s+/g, '');
}

/** A part below 万: Arabic (with decimals), Chinese (一百二十三, 二〇一九, 三点五) or mixed (3千). */
function parseSmall(text: string): Decimal | null {
  if (text === '') return null;
  if (ARABIC.test(text)) return decimalFromString(text.replace(/,/g, ''));
  const decimal = CHINESE_DECIMAL.exec(text);
  if (decimal) {
    const whole = parseSmall(decimal[1]!);
    if (!whole) return null;
    const fraction = [...decimal[2]!].map((c) => DIGIT_VALUES[c]).join('');
    return addDecimals(whole, decimalFromString(`0.${fraction}`));
  }
  if (!CHINESE_INTEGER.test(text)) return null;
  // The library reads positional sequences (二〇一九) and place-value numerals (两千零五) correctly below 万;
  // above that it mis-reads 亿 with a lower part, so scales are split off before it is called.
  const value = new ChineseNumber(text).toInteger();
  if (!Number.isFinite(value) || !Number.isInteger(value)) return null;
  return decimalFromInteger(value);
}

/**
 * The part after a scale character. A lone digit right after the scale is colloquial shorthand for the next
 * place down (两万三 = 23000, 一亿二 = 1.2亿); 零 marks an explicit gap (一万零五 = 10005).
 */
function parseLowerPart(text: string, scalePower: number): Decimal | null {
  if (text === '') return decimalFromInteger(0);
  const isSingleDigit = text.length === 1 && (DIGIT_VALUES[text] !== undefined || /^[1-9]$/.test(text));
  if (isSingleDigit && text !== '零' && text !== '〇') {
    const digit = parseSmall(text);
    return digit ? shiftDecimal(digit, scalePower - 1) : null;
  }
  return parseScaled(text.replace(/^[零〇]+/, ''), scalePower - 4);
}

/** Parses a numeral with optional 万/亿, e.g. 一亿二千万, 1.2万, 3万5000. `maxPower` bounds the scale allowed. */
function parseScaled(text: string, maxPower = 8): Decimal | null {
  if (text === '') return decimalFromInteger(0);
  for (const [scale, power] of [
    ['亿', 8],
    ['万', 4],
  ] as const) {
    if (power > maxPower) continue;
    const at = text.lastIndexOf(scale);
    if (at < 0) continue;
    const upperText = text.slice(0, at);
    // 万五 (= 15000) has no upper part; a leading bare scale means one of it.
    const upper = upperText === '' ? decimalFromInteger(1) : parseScaled(upperText, 8);
    const lower = parseLowerPart(text.slice(at + 1), power);
    if (!upper || !lower) return null;
    return addDecimals(shiftDecimal(upper, power), lower);
  }
  return parseSmall(text);
}

/**
 * Parses a whole numeral string: Arabic (1,234 / 1.5 / full-width １２３), Chinese (一百二十三, 两千零五, 二〇一九,
 * 贰拾万, 三点五) or mixed (1.2万, 3亿5000万). Returns null when the string is not a numeral.
 */
export function parseNumeral(text: string): number | null {
  const folded = foldNumeralForms(text);
  if (folded === '' || !/[0-9零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十百千拾佰仟廿卅万亿]/.test(folded)) return null;
  if (/^[万亿]+$/.test(folded)) return null;
  const value = parseScaled(folded);
  return value ? decimalToNumber(value) : null;
}

/** Parses a numeral string and multiplies it by 10^power exactly (for 万元 → 元). */
export function parseNumeralScaled(text: string, power: number): number | null {
  const folded = foldNumeralForms(text);
  const value = parseScaled(folded);
  return value ? decimalToNumber(shiftDecimal(value, power)) : null;
}

/** True when the numeral is written with Chinese characters (一百二十), not Arabic digits (120 or 1.2万). */
export function isChineseNumeral(text: string): boolean {
  return !/[0-9０-９]/.test(text);
}
