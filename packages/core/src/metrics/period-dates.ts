import type { Period } from '../shared/period.ts';

/**
 * A period as calendar dates in Asia/Shanghai: `[from, to)` as `YYYY-MM-DD`, and its months `YYYY-MM`.
 * Ledger rows carry a calendar date, so comparing dates is exactly the Shanghai-time period.
 */
export type PeriodDates = { from: string; to: string; months: string[] };

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month0: number) =>
  `${year + Math.floor(month0 / 12)}-${pad((((month0 % 12) + 12) % 12) + 1)}`;

export function periodDates(period: Period): PeriodDates {
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
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  if (!rest) return `${year}年`;
  if (rest === 'H1') return `${year}年上半年`;
  if (rest === 'H2') return `${year}年下半年`;
  if (rest.startsWith('Q')) return `${year}年第${'一二三四'[Number(rest.slice(1)) - 1]}季度`;
  return `${year}年${Number(rest)}月`;
}
