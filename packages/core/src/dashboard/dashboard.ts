import type { RegistryKey } from '../metrics/definitions.ts';
import { sameDaysLastYear } from '../metrics/period-dates.ts';
import { dbIdParam } from '../shared/fields.ts';
import type { Period } from '../shared/period.ts';
import { z } from '../shared/zod.ts';

/** The figures on the leadership dashboard, in order: every one read through the metrics registry. */
export const dashboardTileKeys = [
  'legality_review.total',
  'oversight.problems',
  'oversight.rectification_rate',
  'reconsideration.correction_rate',
  'litigation.head_appearance_rate',
  'mediation.cases',
  'mediation.success_rate',
  'legal_aid.cases',
  'publicity.activities',
  'corrections.active',
  // Village coverage is a distinct count straight from the rows (it grows with history): the grass-roots page
  // shows it, the dashboard only the liaison rate, whose source is bounded by the assignments.
  'grassroots.liaison_rate',
] as const satisfies readonly RegistryKey[];

/** Month-by-month trend lines (flows only: a stock has no monthly shape). */
export const dashboardTrendKeys = [
  'legality_review.total',
  'mediation.cases',
  'legal_aid.cases',
  'publicity.activities',
] as const satisfies readonly RegistryKey[];

/** Per-unit comparison and region roll-up columns. */
export const dashboardUnitKeys = [
  'plan.tasks',
  'plan.closure_rate',
  'legality_review.total',
  'mediation.cases',
  'mediation.success_rate',
  'legal_aid.cases',
  'publicity.activities',
] as const satisfies readonly RegistryKey[];

export const dashboardQuerySchema = z.object({
  org: dbIdParam('请指定单位（org）'),
  year: z.coerce
    .number({ message: '请指定年度（year）' })
    .int()
    .min(2000, '年度不早于 2000')
    .max(2100, '年度不晚于 2100'),
});

/** Change vs last year: relative percent for counts, percentage points for rates; null when undefined. */
export function yearOnYear(current: number | null, previous: number | null, isRate: boolean): number | null {
  if (current === null || previous === null) return null;
  if (isRate) return Math.round((current - previous) * 10) / 10;
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

/**
 * What a year's figures are compared with, on `today` (Asia/Shanghai `YYYY-MM-DD`): a finished (or future) year
 * with the whole year before; the year still running with the same days of last year (1 January up to today's
 * date), never with a full year.
 */
export function yearComparison(
  year: number,
  today: string,
): { period: Period; label: '上年' | '上年同期'; through: string | null } {
  if (Number(today.slice(0, 4)) !== year) return { period: String(year - 1), label: '上年', through: null };
  return { period: sameDaysLastYear(today, 'year'), label: '上年同期', through: today };
}

/** 截至11月23日: how far the running year has got. */
export function throughLabel(today: string): string {
  return `截至${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`;
}

/**
 * The running month of `year` on `today`: labelled 截至N日 and compared with the same days of that month last
 * year; null when the year holds no running month (finished or future).
 */
export function runningMonth(
  year: number,
  today: string,
): { month: string; day: number; label: string; previous: Period } | null {
  if (Number(today.slice(0, 4)) !== year) return null;
  const day = Number(today.slice(8, 10));
  return { month: today.slice(0, 7), day, label: `截至${day}日`, previous: sameDaysLastYear(today, 'month') };
}
