import type { RegistryKey } from '../metrics/definitions.ts';
import { dbIdParam } from '../shared/fields.ts';
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

export type DashboardFigure = { value: number | null; note: string | null };

export type DashboardTile = {
  key: string;
  name: string;
  unit: string;
  value: number | null;
  previous: number | null;
  /** 上年 (a finished year) or 上年同期 (the current year, against the same months last year). */
  previousLabel: string;
  /** Change against the same period last year: percent for counts, percentage points for rates. */
  change: number | null;
  changeUnit: '%' | '个百分点';
  note: string | null;
};

export type DashboardUnit = {
  org: { id: number; name: string; kind: string };
  hasChildren: boolean;
  values: Record<string, DashboardFigure>;
};

export type DashboardRollup = {
  org: { id: number; name: string; kind: string; parentId: number | null };
  year: number;
  columns: { key: string; name: string; unit: string }[];
  total: Record<string, DashboardFigure>;
  units: DashboardUnit[];
};

export type Dashboard = {
  org: { id: number; name: string; kind: string; parentId: number | null };
  year: number;
  tiles: DashboardTile[];
  plan: { tasks: number | null; closed: number | null; closureRate: number | null; note: string | null };
  trend: { months: string[]; series: { key: string; name: string; unit: string; values: (number | null)[] }[] };
  rollup: DashboardRollup;
};

/** Change vs last year: relative percent for counts, percentage points for rates; null when undefined. */
export function yearOnYear(current: number | null, previous: number | null, isRate: boolean): number | null {
  if (current === null || previous === null) return null;
  if (isRate) return Math.round((current - previous) * 10) / 10;
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
