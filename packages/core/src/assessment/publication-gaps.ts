import type { Indicator, Scheme } from './scheme.schemas.ts';

/*
 * 公示 only when every participating unit has submitted its self-assessment and every indicator that needs an
 * assessor's score has one (DESIGN.md §6). A unit the office has marked 不参评 is left out entirely. Indicators scored
 * from ledgers and metrics (and requirements, which fall back to the unit's own claim) are computed, never missing.
 */

export type GapUnit = {
  unitId: string;
  unitName: string;
  unitType: string;
  submitted: boolean;
  /** Marked 不参评 by the office (with a reason): not scored, ranked or counted for quotas. */
  excluded?: boolean;
};

export type UnscoredIndicator = { unitId: string; unitName: string; indicatorId: string; indicatorName: string };

export type PublicationGaps = {
  unsubmitted: { unitId: string; unitName: string }[];
  unscored: UnscoredIndicator[];
};

/** The leaves of a template that assessors must score by hand, in tree order. */
export function manualLeaves(indicators: readonly Indicator[]): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  const walk = (nodes: readonly Indicator[]) => {
    for (const node of nodes) {
      if (node.children?.length) walk(node.children);
      else if (node.rule?.kind === 'manual') out.push({ id: node.id, name: node.name });
    }
  };
  walk(indicators);
  return out;
}

/**
 * What still stands in the way of 公示. scored holds `${unitId}:${indicatorId}` for every leaf with at least one
 * assessor score: every aggregation (mean, median, trimmed mean falling back to the mean below its minimum count)
 * gives a value from one score on.
 */
export function publicationGaps(
  scheme: Pick<Scheme, 'templates'>,
  units: readonly GapUnit[],
  scored: ReadonlySet<string>,
): PublicationGaps {
  const leavesByType = new Map(scheme.templates.map((t) => [t.unitType, manualLeaves(t.indicators)]));
  const gaps: PublicationGaps = { unsubmitted: [], unscored: [] };
  for (const unit of units) {
    if (unit.excluded) continue;
    if (!unit.submitted) gaps.unsubmitted.push({ unitId: unit.unitId, unitName: unit.unitName });
    for (const leaf of leavesByType.get(unit.unitType) ?? []) {
      if (!scored.has(`${unit.unitId}:${leaf.id}`)) {
        gaps.unscored.push({
          unitId: unit.unitId,
          unitName: unit.unitName,
          indicatorId: leaf.id,
          indicatorName: leaf.name,
        });
      }
    }
  }
  return gaps;
}

export const hasPublicationGaps = (gaps: PublicationGaps) => gaps.unsubmitted.length + gaps.unscored.length > 0;

const firstOf = (names: readonly string[], shown: number) =>
  names.slice(0, shown).join('、') + (names.length > shown ? '等' : '');

/** The refusal as an official reads it, naming the first few units and indicators. */
export function describePublicationGaps(gaps: PublicationGaps, shown = 3): string {
  const parts: string[] = [];
  if (gaps.unsubmitted.length) {
    parts.push(
      `${gaps.unsubmitted.length}个单位未提交自评（${firstOf(
        gaps.unsubmitted.map((u) => u.unitName),
        shown,
      )}）`,
    );
  }
  if (gaps.unscored.length) {
    parts.push(
      `${gaps.unscored.length}项指标未评分（${firstOf(
        gaps.unscored.map((g) => `${g.unitName}：${g.indicatorName}`),
        shown,
      )}）`,
    );
  }
  return parts.length ? `尚不能公示：${parts.join('，')}；如某单位确不参加本次考核，请先标记为不参评并写明理由` : '';
}
