import type { RegistryKey } from '@fazhi/core/metrics/definitions';
import { sameDaysLastYear } from '@fazhi/core/metrics/period-dates';
import type { ComparisonBasis } from '@fazhi/core/reports/figure-phrases';
import { figureMetricInfo, phrasedMetrics, type ReportFigureKey } from '@fazhi/core/reports/figure-phrases';
import type { Executor } from '../db/client.ts';
import { computeFigures } from '../metrics/metrics.figures.service.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { type OrgRow, queryMetricHistory } from './reports.repo.ts';

export type { OrgRow };

/** One metric for a report: this year's value and last year's, and where each came from. */
export type ReportFigure = {
  metric: ReportFigureKey;
  value: number | null;
  previous: number | null;
  unit: string;
  source: 'registry' | 'history' | null;
  previousSource: 'registry' | 'history' | null;
  /** 上年同期 for a year still running: `previous` covers 1 January up to the same day of last year. */
  basis: ComparisonBasis;
};

export type ReportFigures = Map<ReportFigureKey, ReportFigure>;

/**
 * The figures a report uses, for an org subtree and a year plus the year before: from the metric registry
 * (`computeFigures`, a few set-based queries), falling back to values accepted from imported reports
 * (`metric_history`) where the registry has nothing — so last year's imported report is this year's baseline.
 */
export async function loadReportFigures(
  db: Executor,
  user: AuthUser,
  org: OrgRow,
  year: number,
  keys: readonly ReportFigureKey[] = phrasedMetrics,
  /** With the clock, a year still running is compared with the same days of last year (较上年同期). */
  now?: Date,
): Promise<ReportFigures> {
  const today = now ? shanghaiToday(now) : null;
  const running = today !== null && Number(today.slice(0, 4)) === year;
  const basis: ComparisonBasis = running ? '上年同期' : '上年';
  const periods = [String(year), running ? sameDaysLastYear(today, 'year') : String(year - 1)];
  const [table, history] = await Promise.all([
    computeFigures(db, { user, keys: keys as RegistryKey[], orgIds: [org.id], rootPath: org.path, periods }),
    // An imported figure is a whole year: no stand-in for the same days of last year.
    queryMetricHistory(db, org.id, [String(year), String(year - 1)]),
  ]);
  const fromHistory = new Map(history.map((h) => [`${h.metric_key}|${h.period}`, Number(h.value)]));
  const figures: ReportFigures = new Map();
  for (const metric of keys) {
    const pick = (period: string) => {
      const registry = table.get(metric as RegistryKey, org.id, period).value;
      // A registry zero with an accepted historical value means the ledgers were not kept then: use the history.
      const accepted = fromHistory.get(`${metric}|${period}`);
      if (accepted !== undefined && (registry === null || registry === 0)) {
        return { value: accepted, source: 'history' as const };
      }
      return registry === null ? { value: null, source: null } : { value: registry, source: 'registry' as const };
    };
    const current = pick(periods[0]!);
    const previous = pick(periods[1]!);
    figures.set(metric, {
      metric,
      value: current.value,
      previous: previous.value,
      unit: figureMetricInfo(metric).unit,
      source: current.source,
      previousSource: previous.source,
      basis,
    });
  }
  return figures;
}

/** The values extraction can be checked against: every metric with a value this year. */
export function ledgerValues(figures: ReportFigures) {
  return [...figures.values()]
    .filter((f) => f.value !== null)
    .map((f) => ({ metric: f.metric, value: f.value as number, unit: f.unit }));
}

/**
 * Figures accepted from imported reports for one org and period (`metric_history`), by metric: the dashboard's
 * last-year figure where the ledgers hold nothing for that year, as they are the report's.
 */
export async function importedFigures(db: Executor, orgId: number, period: string): Promise<Map<string, number>> {
  const rows = await queryMetricHistory(db, orgId, [period]);
  return new Map(rows.map((r) => [r.metric_key, Number(r.value)]));
}
