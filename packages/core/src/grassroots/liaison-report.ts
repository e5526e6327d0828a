import { shanghaiYearMonth } from '../shared/shanghai-calendar.ts';
import {
  describeObligation,
  type LiaisonAssignment,
  type LiaisonPeriodStatus,
  type LiaisonRate,
  type LiaisonVisit,
  liaisonRate,
  liaisonYearStatuses,
} from './liaison-obligation.ts';

export type LiaisonPointReport = {
  pointId: number;
  obligation: string;
  periods: LiaisonPeriodStatus[];
  visits: { visitedAt: Date; findings: string; suggestions: string }[];
  overduePeriods: string[];
  rate: LiaisonRate;
};

/** The yearly 联系指导情况报告 of one leader: per point the periods, the visits with what was found, and totals. */
export type LiaisonYearReport = {
  leaderId: number;
  year: number;
  points: LiaisonPointReport[];
  totals: LiaisonRate & { visits: number; overduePeriods: number };
};

export function buildLiaisonYearReport(
  leaderId: number,
  year: number,
  assignments: readonly LiaisonAssignment[],
  visits: readonly LiaisonVisit[],
  now: Date,
): LiaisonYearReport {
  // A point re-assigned to the same leader has several assignments; the report shows it once.
  const byPoint = new Map<number, LiaisonAssignment[]>();
  for (const a of assignments) {
    if (a.leaderId !== leaderId) continue;
    byPoint.set(a.pointId, [...(byPoint.get(a.pointId) ?? []), a]);
  }
  const points: LiaisonPointReport[] = [];
  for (const [pointId, list] of byPoint) {
    const periods = list.flatMap((a) => liaisonYearStatuses(a, visits, year, now));
    if (periods.length === 0) continue;
    const pointVisits = visits
      .filter((v) => v.leaderId === leaderId && v.pointId === pointId && shanghaiYearMonth(v.visitedAt).year === year)
      .sort((x, y) => x.visitedAt.getTime() - y.visitedAt.getTime())
      .map((v) => ({ visitedAt: v.visitedAt, findings: v.findings ?? '', suggestions: v.suggestions ?? '' }));
    points.push({
      pointId,
      obligation: [...new Set(list.map((a) => describeObligation(a.obligation)))].join('；'),
      periods,
      visits: pointVisits,
      overduePeriods: periods.filter((p) => p.status === 'overdue').map((p) => p.period),
      rate: liaisonRate(periods),
    });
  }
  const all = liaisonRate(points.flatMap((p) => p.periods));
  return {
    leaderId,
    year,
    points,
    totals: {
      ...all,
      visits: points.reduce((n, p) => n + p.visits.length, 0),
      overduePeriods: points.reduce((n, p) => n + p.overduePeriods.length, 0),
    },
  };
}
