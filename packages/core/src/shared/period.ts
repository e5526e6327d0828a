import { SHANGHAI_OFFSET_MS } from './shanghai-calendar.ts';
import { z } from './zod.ts';

/** Periods are strings: `2024`, `2024-H1`, `2024-Q3`, `2024-03`. */
export const periodSchema = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/, { message: '期间格式应为 2024、2024-H1、2024-Q3 或 2024-03' });

export type Period = z.infer<typeof periodSchema>;

export type PeriodRange = { from: Date; to: Date };

/** Half-open UTC range [from, to) of a period, in Asia/Shanghai calendar terms (UTC+8, no DST). */
export function periodRange(period: Period): PeriodRange {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  let startMonth = 0;
  let months = 12;
  if (rest.startsWith('H')) {
    startMonth = rest === 'H1' ? 0 : 6;
    months = 6;
  } else if (rest.startsWith('Q')) {
    startMonth = (Number(rest.slice(1)) - 1) * 3;
    months = 3;
  } else if (rest) {
    startMonth = Number(rest) - 1;
    months = 1;
  }
  const from = new Date(Date.UTC(year, startMonth, 1) - SHANGHAI_OFFSET_MS);
  const to = new Date(Date.UTC(year, startMonth + months, 1) - SHANGHAI_OFFSET_MS);
  return { from, to };
}

/** The same period one year earlier, for year-on-year comparison. */
export function previousYearPeriod(period: Period): Period {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}
