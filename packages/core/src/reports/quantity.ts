import { NUMERAL_CHARS, parseNumeralScaled } from './numerals.ts';
import { NON_FIGURE_FOLLOWERS, readUnit, type UnitFamily } from './units.ts';

/** Words before a number that make it approximate; longest first. */
const APPROX_PREFIXES = [
  '不少于',
  '不低于',
  '不超过',
  '不高于',
  '将近',
  '大约',
  '超过',
  '多达',
  '不足',
  '不到',
  '至少',
  '约',
  '近',
  '超',
  '逾',
] as const;
/** Characters that with 约 make a word (民约, 公约, 条约, 签约 …). */
const WORDS_ENDING_IN_YUE = '民公条契合预签制节特规';
/** Bounds that state a requirement (不少于6次) rather than what was done: read, but never given a key. */
export const REQUIREMENT_MARKERS: readonly string[] = ['不少于', '不低于', '不超过', '不高于', '至少'];
/** Approximation written between the number and its unit (300余人, 1464余万元, 3万余). */
const APPROX_INFIXES = ['余', '多'] as const;
/** Approximation written after the unit (95%以上). */
const APPROX_SUFFIXES = ['以上', '以下', '左右'] as const;
const RANGE_SEPARATORS = /^(?:至|到|-|~|—|－)/;

export type QuantityReading = {
  /** The numeral itself. */
  readonly numberStart: number;
  readonly numberEnd: number;
  /** From the approximation prefix (or the numeral) to the end of the unit or suffix. */
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** Lower and upper bound of a range like 3至5件; `value` is the lower bound. */
  readonly upper: number | null;
  readonly unit: string | null;
  readonly family: UnitFamily | null;
  readonly approx: string | null;
  /** A date, duration or ordinal word follows (2019年, 两个月, 十九届): not a figure. */
  readonly isTimeOrOrdinal: boolean;
};

const numeralRun = new RegExp(`^[${NUMERAL_CHARS}](?:[${NUMERAL_CHARS}]|[.,点](?=[${NUMERAL_CHARS}]))*`);

/** The numeral starting at `index`, with separators only where digits follow them (so "3," is just 3). */
export function readNumeralRun(text: string, index: number): { start: number; end: number } | null {
  const match = numeralRun.exec(text.slice(index, index + 40));
  if (!match) return null;
  let end = index + match[0].length;
  // A thousands comma needs exactly three digits after it; otherwise it is the clause comma of "受理3,办结2".
  const run = match[0];
  const badComma = /,(?!\d{3}(?:\D|$))/.exec(run);
  if (badComma) end = index + badComma.index;
  return { start: index, end };
}

function startsWithAny<T extends string>(text: string, index: number, options: readonly T[]): T | null {
  return options.find((option) => text.startsWith(option, index)) ?? null;
}

function endsWithAny<T extends string>(text: string, index: number, options: readonly T[]): T | null {
  return options.find((option) => text.slice(Math.max(0, index - option.length), index) === option) ?? null;
}

/** Reads scale, approximation and unit after a numeral ending at `cursor`. */
function readTail(text: string, cursor: number) {
  let power = 0;
  let approx: string | null = null;
  const infix = startsWithAny(text, cursor, APPROX_INFIXES);
  if (infix) {
    approx = infix;
    cursor += 1;
  }
  if (
    (text[cursor] === '万' || text[cursor] === '亿') &&
    !text.startsWith('万元', cursor) &&
    !text.startsWith('亿元', cursor)
  ) {
    power += text[cursor] === '万' ? 4 : 8;
    cursor += 1;
    const secondInfix = startsWithAny(text, cursor, APPROX_INFIXES);
    if (secondInfix && !approx) {
      approx = secondInfix;
      cursor += 1;
    }
  }
  const isTimeOrOrdinal = startsWithAny(text, cursor, NON_FIGURE_FOLLOWERS) !== null;
  const unit = isTimeOrOrdinal ? null : readUnit(text, cursor);
  if (unit) {
    power += unit.power;
    cursor += unit.written.length;
    const suffix = startsWithAny(text, cursor, APPROX_SUFFIXES);
    if (suffix && !approx) {
      approx = suffix;
      cursor += suffix.length;
    }
  }
  return { cursor, power, approx, unit, isTimeOrOrdinal };
}

/** Reads the quantity whose numeral starts at `index` (a position found by `readNumeralRun`). */
export function readQuantityAt(text: string, index: number): QuantityReading | null {
  const run = readNumeralRun(text, index);
  if (!run) return null;
  let start = run.start;
  let isPercentWord = false;
  if (text.slice(Math.max(0, start - 3), start) === '百分之') {
    isPercentWord = true;
    start -= 3;
  }
  let prefix = endsWithAny(text, start, APPROX_PREFIXES);
  // 约 closing a word (村规民约, 公约, 签约) is not "about".
  if (prefix === '约' && start >= 2 && WORDS_ENDING_IN_YUE.includes(text[start - 2]!)) prefix = null;
  if (prefix) start -= prefix.length;

  const numeral = text.slice(run.start, run.end);
  let tail = readTail(text, run.end);
  let upper: number | null = null;
  let rangePower = 0;
  const separator = RANGE_SEPARATORS.exec(text.slice(run.end, run.end + 2));
  if (!tail.unit && !isPercentWord && separator) {
    const second = readNumeralRun(text, run.end + separator[0].length);
    if (second) {
      const secondTail = readTail(text, second.end);
      const secondNumeral = text.slice(second.start, second.end);
      if (secondTail.unit) {
        upper = parseNumeralScaled(secondNumeral, secondTail.power);
        tail = secondTail;
        // 1.2至1.5万元: the scale written once applies to both bounds.
        const sharedScale = /[万亿]$/.exec(secondNumeral)?.[0];
        if (sharedScale && !/[万亿]$/.test(numeral)) rangePower = sharedScale === '万' ? 4 : 8;
      }
    }
  }
  const value = parseNumeralScaled(numeral, tail.power + rangePower);
  if (value === null) return null;
  const unit = isPercentWord ? '%' : (tail.unit?.unit ?? null);
  return {
    numberStart: run.start,
    numberEnd: run.end,
    start,
    end: tail.cursor,
    value,
    upper,
    unit,
    family: isPercentWord ? 'percent' : (tail.unit?.family ?? null),
    approx: prefix ?? tail.approx,
    isTimeOrOrdinal: tail.isTimeOrOrdinal,
  };
}

export type Quantity = { value: number; unit: string | null; approx: string | null; upper: number | null };

/**
 * Parses a quantity typed by a user or read from a table cell: 1.2万人, 约1095.63万元, 3万余, 百分之九十九, 95%以上,
 * 3至5件. The whole string must be the quantity.
 */
export function parseQuantity(input: string): Quantity | null {
  const text = input
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/萬/g, '万')
    .replace(/億/g, '亿')
    .replace(/\s+/g, '');
  const numeralAt = text.search(new RegExp(`[${NUMERAL_CHARS}]`));
  if (numeralAt < 0) return null;
  const percentAt = text.startsWith('百分之', Math.max(0, numeralAt)) ? numeralAt + 3 : numeralAt;
  const reading = readQuantityAt(text, percentAt);
  if (!reading || reading.isTimeOrOrdinal) return null;
  if (reading.start !== 0 || reading.end !== text.length) return null;
  return { value: reading.value, unit: reading.unit, approx: reading.approx, upper: reading.upper };
}
