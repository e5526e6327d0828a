import { endOfShanghaiDay } from '../shared/shanghai-calendar.ts';
import type { Problem } from './problem.ts';
import { effectiveDeadline } from './problem-deadline.ts';

export const problemReminderKinds = ['due_in_7_days', 'due_in_1_day', 'overdue', 'escalation'] as const;
export type ProblemReminderKind = (typeof problemReminderKinds)[number];
export const problemReminderKindLabels: Record<ProblemReminderKind, string> = {
  due_in_7_days: '整改到期前7天提醒',
  due_in_1_day: '整改到期前1天提醒',
  overdue: '整改逾期提醒',
  escalation: '逾期提级督办',
};

export type ProblemReminder = {
  /** Stable across runs: the job sends a key once. It embeds the deadline, so an approved deferral earns new reminders. */
  key: string;
  kind: ProblemReminderKind;
  problemId: number;
  /** `owner` goes to the responsible person and units; `unit_leader` to the leaders of the responsible units. */
  audience: 'owner' | 'unit_leader';
  ownerId: number | null;
  unitIds: number[];
  deadline: string;
  message: string;
};

export type ReminderOptions = { escalateAfterDays: number };

const dayMs = 24 * 3600 * 1000;

/**
 * Reminders that apply at `now`. Before the deadline only the nearest window fires (7 days, then 1 day), so a job
 * that was down for a week does not send a stale 7-day notice; once overdue, the overdue notice and — after
 * `escalateAfterDays` — the escalation to the unit leader both apply. Problems awaiting verification are skipped.
 */
export function dueProblemReminders(
  problems: readonly Problem[],
  now: Date,
  options: ReminderOptions = { escalateAfterDays: 7 },
): ProblemReminder[] {
  const reminders: ProblemReminder[] = [];
  for (const problem of problems) {
    if (problem.status !== 'unclaimed' && problem.status !== 'rectifying') continue;
    const deadline = effectiveDeadline(problem);
    if (deadline === null) continue;
    const left = endOfShanghaiDay(deadline).getTime() - now.getTime();
    const make = (kind: ProblemReminderKind, audience: ProblemReminder['audience'], message: string) =>
      reminders.push({
        key: `oversight:problem:${problem.id}:${kind}:${deadline}`,
        kind,
        problemId: problem.id,
        audience,
        ownerId: problem.fourOnes.ownerId,
        unitIds: problem.unitIds,
        deadline,
        message,
      });
    if (left > 7 * dayMs) continue;
    if (left > dayMs) {
      make('due_in_7_days', 'owner', `问题“${problem.title}”将于${deadline}到期，请抓紧整改`);
    } else if (left > 0) {
      make('due_in_1_day', 'owner', `问题“${problem.title}”今日（${deadline}）到期，请按时完成整改并申请销号`);
    } else {
      make('overdue', 'owner', `问题“${problem.title}”已超过整改时限（${deadline}），请立即整改`);
      if (-left >= options.escalateAfterDays * dayMs)
        make(
          'escalation',
          'unit_leader',
          `问题“${problem.title}”逾期已超过${options.escalateAfterDays}天仍未整改到位，请单位负责人督办`,
        );
    }
  }
  return reminders;
}
