import type { Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { notify } from '../platform/platform.notifications.service.ts';
import { withdrawTaskReminders } from './plan.notifications.service.ts';
import { reminderKinds, taskReminderSql } from './plan.repo.ts';

/**
 * Deadline reminders as in-app notifications: from 7 days before (the days left in the title), the day before, on
 * the due day, and once overdue — each sent once per
 * user, task and deadline, however often this runs (the dedupe key is unique per user). Set-based: three INSERT …
 * SELECT statements whatever the number of tasks. Reporters and leaders of the lead unit are told; the office of
 * the county is told when a task becomes overdue.
 */
export async function sendTaskReminders(db: Executor, now: Date) {
  const today = shanghaiToday(now);
  // Reminders of tasks closed, deleted or given a new deadline since they were sent are withdrawn first.
  const withdrawn = await withdrawTaskReminders(db);
  let sent = 0;
  for (const kind of reminderKinds) sent += await notify(db, { select: taskReminderSql(kind, today) });
  return { sent, withdrawn };
}
