import type { Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/clock.ts';
import { notify } from '../platform/notifications.service.ts';
import { reminderKinds, taskReminderSql } from './plan.repo.ts';

/**
 * Deadline reminders as in-app notifications: 7 days before, 1 day before, and once overdue — each sent once per
 * user, task and deadline, however often this runs (the dedupe key is unique per user). Set-based: three INSERT …
 * SELECT statements whatever the number of tasks. Reporters and leaders of the lead unit are told; the office of
 * the county is told when a task becomes overdue.
 */
export async function sendTaskReminders(db: Executor, now: Date) {
  const today = shanghaiToday(now);
  let sent = 0;
  for (const kind of reminderKinds) sent += await notify(db, { select: taskReminderSql(kind, today) });
  return { sent };
}
