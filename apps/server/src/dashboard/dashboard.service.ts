import {
  dashboardTileKeys,
  dashboardTrendKeys,
  dashboardUnitKeys,
  runningMonth,
  throughLabel,
  yearComparison,
  yearOnYear,
} from '@fazhi/core/dashboard/dashboard';
import type { Dashboard, DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import { type RegistryKey, registryByKey } from '@fazhi/core/metrics/definitions';
import { ownFigure } from '@fazhi/core/metrics/own-figure';
import { changeTone } from '@fazhi/core/metrics/polarity';
import type { Period } from '@fazhi/core/shared/period';
import type { Executor } from '../db/client.ts';
import { computeFigures, type FigureTable } from '../metrics/metrics.figures.service.ts';
import { childOrgs, type OrgRef, requireScopedOrg } from '../metrics/metrics.service.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { importedFigures } from '../reports/reports.figures.service.ts';

const planKeys = ['plan.tasks', 'plan.closed', 'plan.closure_rate'] as const;
const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
const column = (key: RegistryKey) => {
  const m = registryByKey.get(key)!;
  return { key, name: m.name, unit: m.unit, polarity: m.polarity };
};
const orgOut = (o: OrgRef) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parent_id });

type Options = { forceRaw?: boolean; now?: Date };

/**
 * The org (after the scope check) and the children the user may drill into — all of them within a subtree scope,
 * none for a single unit — fetched side by side.
 */
async function scopedOrgAndChildren(db: Executor, user: AuthUser, orgId: number) {
  const subtree = user.dataScope === 'all' || user.dataScope === 'subtree';
  const [org, children] = await Promise.all([
    requireScopedOrg(db, user, orgId),
    subtree ? childOrgs(db, orgId) : Promise.resolve([]),
  ]);
  return { org, children };
}

/**
 * The roll-up table: the org's total, its own rows (本级 = the total less the units below it; a rate from its own
 * parts) and each child — so every additive column's total is the sum of the rows listed.
 */
function rollupOf(
  org: OrgRef,
  year: number,
  children: Awaited<ReturnType<typeof childOrgs>>,
  figures: FigureTable,
): DashboardRollup {
  const period = String(year);
  const valuesOf = (orgId: number) =>
    Object.fromEntries(dashboardUnitKeys.map((k) => [k, figures.get(k, orgId, period)]));
  const subtree = (key: RegistryKey) => ({
    self: figures.get(key, org.id, period),
    children: children.map((c) => figures.get(key, c.id, period)),
  });
  return {
    org: orgOut(org),
    year,
    columns: dashboardUnitKeys.map(column),
    total: valuesOf(org.id),
    own: Object.fromEntries(dashboardUnitKeys.map((k) => [k, ownFigure(k, subtree)])),
    units: children.map((c) => ({
      org: { id: c.id, name: c.name, kind: c.kind },
      hasChildren: c.has_children,
      values: valuesOf(c.id),
    })),
  };
}

/**
 * Everything on the leadership dashboard for an org (its whole subtree) and a year: tiles with change vs last
 * year, task closure, a monthly trend, and the per-unit roll-up — every figure from the registry, in one call of
 * `computeFigures`. The running year is compared with the same days of last year and its running month (截至N日)
 * with the same days of that month last year; where the ledgers have nothing for last year, the figures imported
 * from an earlier report stand in (as they do for the report's 较上年).
 */
export async function getDashboard(
  db: Executor,
  user: AuthUser,
  orgId: number,
  year: number,
  options: Options = {},
): Promise<Omit<Dashboard, 'dataAsOf'>> {
  const { org, children } = await scopedOrgAndChildren(db, user, orgId);
  const period = String(year);
  const today = shanghaiToday(options.now);
  const comparison = yearComparison(year, today);
  const running = runningMonth(year, today);
  const trendMonths = months(year);
  const lastYearMonths = months(year - 1);
  const previousOfMonth = (i: number): Period =>
    running && trendMonths[i] === running.month ? running.previous : lastYearMonths[i]!;
  const [figures, imported] = await Promise.all([
    computeFigures(db, {
      user,
      keys: [...new Set<RegistryKey>([...dashboardTileKeys, ...dashboardTrendKeys, ...dashboardUnitKeys, ...planKeys])],
      orgIds: [org.id, ...children.map((c) => c.id)],
      rootPath: org.path,
      periods: [
        ...new Set<Period>([
          period,
          comparison.period,
          ...trendMonths,
          ...lastYearMonths,
          ...(running ? [running.previous] : []),
        ]),
      ],
      forceRaw: options.forceRaw,
    }),
    importedFigures(db, org.id, String(year - 1)),
  ]);
  const tiles = dashboardTileKeys.map((key) => {
    const metric = registryByKey.get(key)!;
    const current = figures.get(key, org.id, period);
    const before = figures.get(key, org.id, comparison.period);
    const isRate = metric.kind === 'rate';
    // Nothing in the ledgers for last year (null, or 0 beside an imported figure): the imported figure is last
    // year's. It is a whole year, so against a running year it is shown for reference, without a change.
    const history = imported.get(key);
    const useHistory = history !== undefined && (before.value === null || before.value === 0);
    const previous = useHistory ? history : before.value;
    const comparable = !useHistory || comparison.through === null;
    const change = comparable ? yearOnYear(current.value, previous, isRate) : null;
    return {
      key,
      name: metric.name,
      unit: metric.unit,
      polarity: metric.polarity,
      value: current.value,
      previous,
      previousLabel: useHistory && !comparable ? '上年全年' : comparison.label,
      previousSource: previous === null ? null : useHistory ? ('imported' as const) : ('ledgers' as const),
      change,
      changeUnit: isRate ? ('个百分点' as const) : ('%' as const),
      tone: changeTone(metric.polarity, change),
      note: current.note,
    };
  });
  const closure = figures.get('plan.closure_rate', org.id, period);
  const thisMonth = today.slice(0, 7);
  return {
    org: orgOut(org),
    year,
    asOf: comparison.through ? throughLabel(comparison.through) : null,
    tiles,
    plan: {
      tasks: figures.get('plan.tasks', org.id, period).value,
      closed: figures.get('plan.closed', org.id, period).value,
      closureRate: closure.value,
      note: closure.note,
    },
    trend: {
      months: trendMonths,
      running: running ? { month: running.month, label: running.label } : null,
      series: dashboardTrendKeys.map((key) => ({
        ...column(key),
        // Months still to come in the running year have no figure yet: a gap in the line, not a fall to 0.
        values: trendMonths.map((m) => (m > thisMonth ? null : figures.get(key, org.id, m).value)),
        previous: trendMonths.map((_, i) => figures.get(key, org.id, previousOfMonth(i)).value),
      })),
    },
    rollup: rollupOf(org, year, children, figures),
  };
}

/** The region roll-up alone, for drill-down: the org's total, 本级 and each child's figures for the year. */
export async function getRollup(db: Executor, user: AuthUser, orgId: number, year: number): Promise<DashboardRollup> {
  const { org, children } = await scopedOrgAndChildren(db, user, orgId);
  const figures = await computeFigures(db, {
    user,
    keys: dashboardUnitKeys,
    orgIds: [org.id, ...children.map((c) => c.id)],
    rootPath: org.path,
    periods: [String(year)],
  });
  return rollupOf(org, year, children, figures);
}
