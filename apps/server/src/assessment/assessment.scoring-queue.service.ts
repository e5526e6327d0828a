import { manualLeaves } from '@fazhi/core/assessment/publication-gaps';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { queryScoringQueue } from './assessment.rounds.repo.ts';

/**
 * An assessor's landing page: every round in 审核评分 in their scope, each participating unit with its hand-scored
 * indicators, how many this assessor has scored and how many any assessor has (公示 waits for all of them).
 */
export async function scoringQueue(db: Executor, actor: Actor) {
  const { rounds, units, scored } = await queryScoringQueue(db, actor.user);
  return {
    rounds: rounds.map((round) => {
      const scheme = round.definition as Scheme;
      const leaves = new Map(
        scheme.templates.map((t) => [t.unitType, new Set(manualLeaves(t.indicators).map((l) => l.id))]),
      );
      return {
        id: round.id,
        name: round.name,
        year: round.year,
        units: units
          .filter((u) => u.round_id === round.id)
          .map((u) => {
            const ids = leaves.get(u.unit_type) ?? new Set<string>();
            const done = scored.filter(
              (s) => s.round_id === round.id && s.org_id === u.org_id && ids.has(s.indicator_id),
            );
            return {
              orgId: u.org_id,
              orgName: u.org_name,
              unitType: u.unit_type,
              toScore: ids.size,
              scoredByMe: done.filter((s) => s.mine).length,
              scoredByAnyone: done.length,
            };
          }),
      };
    }),
  };
}
