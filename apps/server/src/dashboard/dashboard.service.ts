import { dashboardTileKeys, dashboardTrendKeys, dashboardUnitKeys, yearOnYear } from '@fazhi/core/dashboard/dashboard';
import type { Dashboard, DashboardRollup } from '@fazhi/core/dashboard/dashboard.contract';
import { type RegistryKey, registryByKey } from '@fazhi/core/metrics/definitions';
import type { Executor } from '../db/client.ts';
import { computeFigures, type FigureTable } from '../metrics/metrics.figures.service.ts';
import { type OrgRef, queryChildren } from '../metrics/metrics.repo.ts';
import { requireScopedOrg } from '../metrics/metrics.service.ts';
import { shanghaiThisMonth, shanghaiYearMonth } from '../platform/kernel/clock.ts';
import type { AuthUser } from '../platform/kernel/context.ts';

const planKeys = ['plan.tasks', 'plan.closed', 'plan.closure_rate'] as const;
const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
const column = (key: RegistryKey) => {
  const m = registryByKey.get(key)!;
  return { key, name: m.name, unit: m.unit };
};
const orgOut = (o: OrgRef) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parent_id });

type Options = { forceRaw?: boolean; now?: Date };

/** For the year still running, compare with the same months of last year; a finished year with the whole year. */
function comparison(year: number, now: Date) {
  const shanghai = shanghaiYearMonth(now);
  if (shanghai.year !== year) return { period: String(year - 1), label: '上年' };
  const month = String(shanghai.month).padStart(2, '0');
  return { period: `${year - 1}-01..${year - 1}-${month}`, label: '上年同期' };
}

/**
 * The org (after the scope check) and the children the user may drill into — all of them within a subtree scope,
 * none for a single unit — fetched side by side.
 */
async function scopedOrgAndChildren(db: Executor, user: AuthUser, orgId: number) {
  const subtree = user.dataScope === 'all' || user.dataScope === 'subtree';
  const [org, children] = await Promise.all([
    requireScopedOrg(db, user, orgId),
    subtree ? queryChildren(db, orgId) : Promise.resolve([]),
  ]);
  return { org, children };
}

function rollupOf(
  org: OrgRef,
  year: number,
  children: Awaited<ReturnType<typeof queryChildren>>,
  figures: FigureTable,
): DashboardRollup {
  const period = String(year);
  const valuesOf = (orgId: number) =>
    Object.fromEntries(dashboardUnitKeys.map((k) => [k, figures.get(k, orgId, period)]));
  return {
    org: orgOut(org),
    year,
    columns: dashboardUnitKeys.map(column),
    total: valuesOf(org.id),
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
 * `computeFigures` (two queries: the ledger roll-up and the task aggregate).
 */
export async function getDashboard(
  db: Executor,
  user: AuthUser,
  orgId: number,
  year: number,
  options: Options = {},
): Promise<Dashboard> {
  const { org, children } = await scopedOrgAndChildren(db, user, orgId);
  const period = String(year);
  const { period: previous, label: previousLabel } = comparison(year, options.now ?? new Date());
  const trendMonths = months(year);
  const thisMonth = shanghaiThisMonth(options.now);
  const figures = await computeFigures(db, {
    user,
    keys: [...new Set<RegistryKey>([...dashboardTileKeys, ...dashboardTrendKeys, ...dashboardUnitKeys, ...planKeys])],
    orgIds: [org.id, ...children.map((c) => c.id)],
    rootPath: org.path,
    periods: [period, previous, ...trendMonths],
    forceRaw: options.forceRaw,
  });
  const tiles = dashboardTileKeys.map((key) => {
    const metric = registryByKey.get(key)!;
    const current = figures.get(key, org.id, period);
    const before = figures.get(key, org.id, previous);
    const isRate = metric.kind === 'rate';
    return {
      key,
      name: metric.name,
      unit: metric.unit,
      value: current.value,
      previous: before.value,
      previousLabel,
      change: yearOnYear(current.value, before.value, isRate),
      changeUnit: isRate ? ('个百分点' as const) : ('%' as const),
      note: current.note,
    };
  });
  const closure = figures.get('plan.closure_rate', org.id, period);
  return {
    org: orgOut(org),
    year,
    tiles,
    plan: {
      tasks: figures.get('plan.tasks', org.id, period).value,
      closed: figures.get('plan.closed', org.id, period).value,
      closureRate: closure.value,
      note: closure.note,
    },
    trend: {
      months: trendMonths,
      series: dashboardTrendKeys.map((key) => ({
        ...column(key),
        // Months still to come in the running year have no figure yet: a gap in the line, not a fall to 0.
        values: trendMonths.map((m) => (m > thisMonth ? null : figures.get(key, org.id, m).value)),
      })),
    },
    rollup: rollupOf(org, year, children, figures),
  };
}

/** The region roll-up alone, for drill-down: the org's total and each child's figures for the year. */
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
