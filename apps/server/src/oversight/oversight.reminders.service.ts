import type { Problem } from '@fazhi/core/oversight/problem';
import { dueProblemReminders, problemReminderKindLabels } from '@fazhi/core/oversight/reminders';
import type { Executor } from '../db/client.ts';
import { shanghaiDate } from '../platform/kernel/clock.ts';
import { notify } from '../platform/platform.notifications.service.ts';
import { openProblemsDueBy, reminderRecipientsSql } from './oversight.reminders.repo.ts';

/**
 * Problem reminders as in-app notifications, decided by the core's `dueProblemReminders` (7 days and 1 day before
 * the deadline in force, once overdue, and escalation to the unit leader — and the office — after 7 overdue days).
 * Two statements whatever the number of problems: one read of the open problems near or past their deadline, one
 * INSERT … SELECT that fans each reminder out to its recipients. The reminder key is the dedupe key, unique per
 * user, so running this every hour (or after a restart) sends each reminder once.
 */
export async function sendProblemReminders(db: Executor, now: Date) {
  const horizon = shanghaiDate(new Date(now.getTime() + 8 * 24 * 3600 * 1000));
  const rows = await openProblemsDueBy(db, horizon);
  const problems = rows.map(
    (r): Problem => ({
      id: r.id,
      inspectionId: null,
      title: r.title,
      description: '',
      unitIds: r.unit_ids ?? [],
      status: r.status,
      fourOnes: { ownerId: r.owner_id, plan: '', measures: [], deadline: r.deadline },
      isDeadlineFixed: false,
      claimedByUnitId: null,
      rectificationSummary: '',
      signOffs: [],
      deferrals: (r.deferrals ?? []).map((d) => ({
        ...d,
        reason: '',
        requestedBy: 0,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionNote: '',
      })),
      closedAt: null,
      recurrenceOf: null,
      recurrenceIds: [],
      history: [],
    }),
  );
  const reminders = dueProblemReminders(problems, now);
  if (reminders.length === 0) return { sent: 0 };
  const payload = JSON.stringify(
    reminders.map((r) => ({
      key: r.key,
      kind: r.kind,
      title: problemReminderKindLabels[r.kind],
      message: r.message,
      problem_id: r.problemId,
      audience: r.audience,
      owner_id: r.ownerId,
      unit_ids: r.unitIds,
    })),
  );
  const sent = await notify(db, { select: reminderRecipientsSql(payload) });
  return { sent };
}
