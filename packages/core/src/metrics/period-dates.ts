import type { Period } from '../shared/period.ts';

/**
 * A period as calendar dates in Asia/Shanghai: `[from, to)` as `YYYY-MM-DD`, and its months `YYYY-MM`.
 * Ledger rows carry a calendar date, so comparing dates is exactly the Shanghai-time period.
 */
export type PeriodDates = {
  from: string;
  to: string;
  /** The whole months inside the period. */
  months: string[];
  /** A running month cut at a day (`[from, to)`), after the whole months; absent for whole-month periods. */
  partial?: { from: string; to: string };
};

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month0: number) =>
  `${year + Math.floor(month0 / 12)}-${pad((((month0 % 12) + 12) % 12) + 1)}`;

const dayRangePattern = /^(\d{4})-(\d{2})-01\.\.(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day after `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Days in the month `YYYY-MM`. */
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Internal day range `2025-01-01..2025-11-23` (both days included; it starts on the 1st of a month): the same
 * days of last year for a running period. Not accepted by the public period schema.
 */
export function dayRange(from: string, through: string): Period {
  return `${from}..${through}`;
}

/**
 * The same stretch one year earlier: Jan 1 up to this day of last year (29 February falls back to the 28th),
 * or the 1st to this day of the same month last year.
 */
export function sameDaysLastYear(today: string, start: 'year' | 'month'): Period {
  const year = Number(today.slice(0, 4)) - 1;
  const month = Number(today.slice(5, 7));
  const day = Math.min(Number(today.slice(8, 10)), daysInMonth(year, month));
  const through = `${year}-${pad(month)}-${pad(day)}`;
  return dayRange(start === 'year' ? `${year}-01-01` : `${year}-${pad(month)}-01`, through);
}

export function periodDates(period: Period): PeriodDates {
  const days = dayRangePattern.exec(period);
  if (days) {
    const [fromYear, fromMonth, toYear, toMonth, toDay] = days.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const end = nextDay(`${toYear}-${pad(toMonth)}-${pad(toDay)}`);
    const wholeLast = toDay === daysInMonth(toYear, toMonth);
    const length = (toYear - fromYear) * 12 + toMonth - fromMonth + (wholeLast ? 1 : 0);
    const months = Array.from({ length: Math.max(0, length) }, (_, i) => monthKey(fromYear, fromMonth - 1 + i));
    const from = `${fromYear}-${pad(fromMonth)}-01`;
    if (wholeLast) return { from, to: end, months };
    return { from, to: end, months, partial: { from: `${toYear}-${pad(toMonth)}-01`, to: end } };
  }
  // Internal month range `2025-01..2025-11` (same period last year); not accepted by the public period schema.
  const range = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(period);
  if (range) {
    const [fromYear, fromMonth, toYear, toMonth] = range.slice(1).map(Number) as [number, number, number, number];
    const length = (toYear - fromYear) * 12 + toMonth - fromMonth + 1;
    const months = Array.from({ length: Math.max(0, length) }, (_, i) => monthKey(fromYear, fromMonth - 1 + i));
    return { from: `${months[0]}-01`, to: `${monthKey(fromYear, fromMonth - 1 + length)}-01`, months };
  }
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  let start = 0;
  let length = 12;
  if (rest.startsWith('H')) {
    start = rest === 'H1' ? 0 : 6;
    length = 6;
  } else if (rest.startsWith('Q')) {
    start = (Number(rest.slice(1)) - 1) * 3;
    length = 3;
  } else if (rest) {
    start = Number(rest) - 1;
    length = 1;
  }
  const months = Array.from({ length }, (_, i) => monthKey(year, start + i));
  return { from: `${months[0]}-01`, to: `${monthKey(year, start + length)}-01`, months };
}

/** Chinese label of a period: 2024年, 2024年上半年, 2024年第三季度, 2024年3月. */
export function periodLabel(period: Period): string {
  const days = dayRangePattern.exec(period);
  if (days) {
    const [fromYear, fromMonth, , toMonth, toDay] = days.slice(1).map(Number) as number[];
    return fromMonth === toMonth
      ? `${fromYear}年${toMonth}月1日至${toDay}日`
      : `${fromYear}年${fromMonth}月1日至${toMonth}月${toDay}日`;
  }
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  if (!rest) return `${year}年`;
  if (rest === 'H1') return `${year}年上半年`;
  if (rest === 'H2') return `${year}年下半年`;
  if (rest.startsWith('Q')) return `${year}年第${'一二三四'[Number(rest.slice(1)) - 1]}季度`;
  return `${year}年${Number(rest)}月`;
}
