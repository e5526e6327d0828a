import type {
  Appeal,
  AssessmentError,
  AssessmentEvent,
  AssessmentRound,
} from '@fazhi/core/assessment/assessment-lifecycle';
import { transition } from '@fazhi/core/assessment/assessment-lifecycle';
import type { GradedUnit, RankingEntry } from '@fazhi/core/assessment/ranking';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import type { Executor } from '../db/client.ts';
import { AppError } from '../platform/kernel/errors.ts';
import type { RoundRow } from './assessment.access.service.ts';
import { queryRoundAppeals } from './assessment.appeals.repo.ts';
import { lifecycleGroups } from './assessment.ranking-groups.service.ts';
import { latestResults, type ResultRow } from './assessment.results.repo.ts';
import { queryLifecycleUnits } from './assessment.rounds.repo.ts';

export const entryOf = (
  r: Pick<ResultRow, 'org_id' | 'total' | 'base_score' | 'bonus' | 'deductions' | 'grade_cap'>,
): RankingEntry => ({
  unitId: String(r.org_id),
  total: r.total,
  baseScore: r.base_score,
  bonus: r.bonus,
  deductions: r.deductions,
  gradeCap: r.grade_cap,
});

const dateOf = (d: Date | string | null) => (d ? new Date(d) : undefined);

/** The stored round as the core lifecycle sees it, so every transition is decided by the core state machine. */
export async function coreRoundOf(db: Executor, round: RoundRow): Promise<AssessmentRound> {
  const [units, results, appeals] = await Promise.all([
    // 不参评 units are outside the round as the lifecycle sees it: not waited for, scored or ranked.
    queryLifecycleUnits(db, round.id),
    latestResults(db, round.id, round.result_seq),
    queryRoundAppeals(db, round.id),
  ]);
  const scheme = round.definition as Scheme;
  const graded: GradedUnit[] = results.map((r) => ({
    ...entryOf(r),
    group: r.group_name,
    rank: r.rank,
    bandGrade: r.band_grade,
    grade: r.grade,
    gradeNotes: r.grade_notes,
  }));
  const coreAppeals: Appeal[] = appeals.map((a) => ({
    id: String(a.id),
    unitId: String(a.org_id),
    reason: a.reason,
    filedAt: new Date(a.filed_at),
    ...(a.outcome
      ? {
          decision: {
            outcome: a.outcome as 'upheld' | 'rejected',
            reason: a.decision_reason ?? '',
            decidedAt: new Date(a.decided_at!),
          },
        }
      : {}),
  }));
  const publishedAt = dateOf(round.published_at);
  const appealClosesAt = dateOf(round.appeal_closes_at);
  const finalizedAt = dateOf(round.finalized_at);
  return {
    status: round.status,
    unitIds: units.map((u) => String(u.org_id)),
    grading: scheme.grading,
    // Units rank and share grade quotas within their group (by template / unit type unless the office set groups).
    groups: lifecycleGroups(round, units),
    submittedUnitIds: units.filter((u) => u.submitted_at).map((u) => String(u.org_id)),
    scores: Object.fromEntries(
      graded.map((g) => [g.unitId, entryOf(results.find((r) => String(r.org_id) === g.unitId)!)]),
    ),
    results: graded,
    appeals: coreAppeals,
    ...(publishedAt ? { publishedAt } : {}),
    ...(appealClosesAt ? { appealClosesAt } : {}),
    ...(finalizedAt ? { finalizedAt } : {}),
  };
}

const statusOf: Record<AssessmentError['code'], number> = {
  invalid_transition: 409,
  frozen: 409,
  window_closed: 409,
  reason_required: 400,
  not_found: 404,
  incomplete: 409,
  out_of_scope: 404,
  duplicate: 409,
};

/** Apply core events in order; the first refusal becomes an AppError with the core's Chinese message. */
export function applyEvents(round: AssessmentRound, events: readonly AssessmentEvent[]): AssessmentRound {
  let current = round;
  for (const event of events) {
    const result = transition(current, event);
    if (!result.ok)
      throw new AppError(statusOf[result.error.code], result.error.code.toUpperCase(), result.error.message);
    current = result.round;
  }
  return current;
}
