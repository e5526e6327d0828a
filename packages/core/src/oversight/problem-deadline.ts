import { endOfShanghaiDay } from '../shared/shanghai-calendar.ts';
import type { Problem } from './problem.ts';

const dayMs = 24 * 3600 * 1000;

/**
 * The deadline in force: the latest approved deferral's day, else the 四个一 deadline.
 * A pending or rejected deferral changes nothing, so the original deadline keeps running while it is decided.
 */
export function effectiveDeadline(problem: Pick<Problem, 'fourOnes' | 'deferrals'>): string | null {
  let deadline = problem.fourOnes.deadline;
  for (const d of problem.deferrals) {
    if (d.status === 'approved' && (deadline === null || d.until > deadline)) deadline = d.until;
  }
  return deadline;
}

/**
 * Overdue = still with the unit (待认领 or 整改中) after the effective deadline day has ended. Once the unit has
 * applied for 销号 the clock is with the verifier; a failed verification puts it back and it is overdue again.
 */
export function isOverdue(problem: Pick<Problem, 'status' | 'fourOnes' | 'deferrals'>, now: Date): boolean {
  return daysOverdue(problem, now) > 0;
}

/** Whole or partial days past the effective deadline, rounded up; 0 when not overdue. */
export function daysOverdue(problem: Pick<Problem, 'status' | 'fourOnes' | 'deferrals'>, now: Date): number {
  if (problem.status !== 'unclaimed' && problem.status !== 'rectifying') return 0;
  const deadline = effectiveDeadline(problem);
  if (deadline === null) return 0;
  const late = now.getTime() - endOfShanghaiDay(deadline).getTime();
  return late >= 0 ? Math.floor(late / dayMs) + 1 : 0;
}
