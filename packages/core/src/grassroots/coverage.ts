import { startOfShanghaiDay } from '../shared/shanghai-calendar.ts';

export type Coverage<Id> = { covered: number; total: number; rate: number | null; uncovered: Id[] };

/**
 * Share of the listed targets that are covered. Covered ids not on the list are ignored, so a project cannot
 * exceed 100% by counting villages outside its own list.
 */
export function coverage<Id>(listed: readonly Id[], covered: Iterable<Id>): Coverage<Id> {
  const targets = [...new Set(listed)];
  const hit = new Set(covered);
  const uncovered = targets.filter((t) => !hit.has(t));
  const n = targets.length - uncovered.length;
  return { covered: n, total: targets.length, rate: targets.length > 0 ? n / targets.length : null, uncovered };
}

export const serviceCircleMinutes = 60;

/**
 * “1小时服务圈”: a township is covered when its travel time to the nearest legal-aid / legal-service point is at
 * most `limitMinutes`; an unknown travel time is not covered.
 */
export function serviceCircleCoverage(
  townships: readonly { id: number; minutesToNearestPoint: number | null }[],
  limitMinutes: number = serviceCircleMinutes,
): Coverage<number> {
  return coverage(
    townships.map((t) => t.id),
    townships
      .filter((t) => t.minutesToNearestPoint !== null && t.minutesToNearestPoint <= limitMinutes)
      .map((t) => t.id),
  );
}

/** A dated appointment or contract: 村(居)法律顾问 contract, 法治副校长 appointment. `endDate` is inclusive. */
export type Term = { targetId: number; startDate: string; endDate: string | null };

export function isTermActive(term: Term, at: Date): boolean {
  if (at < startOfShanghaiDay(term.startDate)) return false;
  if (term.endDate === null) return true;
  return at.getTime() < startOfShanghaiDay(term.endDate).getTime() + 24 * 3600 * 1000;
}

/** Coverage of targets (villages, schools) by a term in force at `at`: 一村(居)一法律顾问, 法治副校长 per school. */
export function termCoverage(targetIds: readonly number[], terms: readonly Term[], at: Date): Coverage<number> {
  return coverage(
    targetIds,
    terms.filter((t) => isTermActive(t, at)).map((t) => t.targetId),
  );
}

/** Terms ending within `days` after `at`, so a renewal can be arranged before the village is left uncovered. */
export function termsExpiringWithin(terms: readonly Term[], at: Date, days: number): Term[] {
  const limit = at.getTime() + days * 24 * 3600 * 1000;
  return terms.filter(
    (t) =>
      t.endDate !== null && isTermActive(t, at) && startOfShanghaiDay(t.endDate).getTime() + 24 * 3600 * 1000 <= limit,
  );
}
