import { fromCents, toCents } from './rounding.ts';
import type { UnitScore } from './score-unit.ts';

export type ScoreDifference = {
  indicatorId: string;
  indicatorPath: string;
  selfScore: number;
  reviewScore: number;
  /** reviewScore − selfScore; negative when the assessors took points off the self-assessment. */
  difference: number;
  /** The assessors' lost-point reasons for this leaf, so the unit sees why its self-score was not kept. */
  reviewReasons: string[];
};

/** Leaves where the review score differs from the unit's self-assessment, in indicator order. */
export function compareSelfAndReview(self: UnitScore, review: UnitScore): ScoreDifference[] {
  const selfById = new Map(self.indicators.map((i) => [i.id, i]));
  const differences: ScoreDifference[] = [];
  for (const reviewed of review.indicators) {
    if (!reviewed.isLeaf) continue;
    const own = selfById.get(reviewed.id);
    if (!own) continue;
    const diff = toCents(reviewed.score) - toCents(own.score);
    if (diff === 0) continue;
    differences.push({
      indicatorId: reviewed.id,
      indicatorPath: reviewed.path,
      selfScore: own.score,
      reviewScore: reviewed.score,
      difference: fromCents(diff),
      reviewReasons: reviewed.lost.filter((l) => l.points > 0).map((l) => l.reason),
    });
  }
  return differences;
}
