import type { Period } from '../shared/period.ts';

const shanghaiOffsetMs = 8 * 3600 * 1000;

export type PeriodUnit = 'month' | 'quarter' | 'year';

/** Calendar year and month (1–12) of an instant on the Asia/Shanghai wall clock (UTC+8, no DST). */
export function shanghaiYearMonth(at: Date): { year: number; month: number } {
  const shifted = new Date(at.getTime() + shanghaiOffsetMs);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 };
}

/** The period string (`2024`, `2024-Q2`, `2024-04`) an instant falls in, in Shanghai time. */
export function periodOf(at: Date, unit: PeriodUnit): Period {
  const { year, month } = shanghaiYearMonth(at);
  if (unit === 'year') return `${year}`;
  if (unit === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The periods of one calendar year, in order. */
export function periodsOfYear(year: number, unit: PeriodUnit): Period[] {
  if (unit === 'year') return [`${year}`];
  if (unit === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Start of a Shanghai calendar day (YYYY-MM-DD) as an instant. */
export function startOfShanghaiDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - shanghaiOffsetMs);
}
