import type { Period } from './period.ts';

/**
 * The one definition of the Asia/Shanghai calendar (UTC+8, no daylight saving time), shared by the server
 * (`apps/server/src/platform/clock.ts`), the web and core. Dates are `YYYY-MM-DD` strings; instants are `Date`s.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The Asia/Shanghai calendar day of an instant: '2025-03-01'. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar month of an instant: '2025-03'. */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** The Asia/Shanghai calendar year of an instant. */
export function shanghaiYear(at: Date): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

export type PeriodUnit = 'month' | 'quarter' | 'year';

/** Calendar year and month (1–12) of an instant on the Asia/Shanghai wall clock (UTC+8, no DST). */
export function shanghaiYearMonth(at: Date): { year: number; month: number } {
  const shifted = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
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

/** Start of a Shanghai calendar day (YYYY-MM-DD) as an instant: that day's 00:00 in UTC+8. */
export function startOfShanghaiDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS);
}

/** The instant a Shanghai calendar day (YYYY-MM-DD) ends, i.e. the next day's 00:00 in UTC+8. */
export function endOfShanghaiDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - SHANGHAI_OFFSET_MS);
}

/** Start of a Shanghai calendar year as an instant: 1 January 00:00 in UTC+8. */
export function startOfShanghaiYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS);
}
