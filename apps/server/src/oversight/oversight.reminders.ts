import type { Problem, ProblemStatus } from '@fazhi/core/oversight/problem';
import { dueProblemReminders, problemReminderKindLabels } from '@fazhi/core/oversight/reminders';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { shanghaiDate } from '../platform/kernel/clock.ts';
import { notify } from '../platform/platform.notifications.service.ts';
import { effectiveDeadlineSql } from './oversight.repo.ts';

/**
 * Problem reminders as in-app notifications, decided by the core's `dueProblemReminders` (7 days and 1 day before
 * the deadline in force, once overdue, and escalation to the unit leader — and the office — after 7 overdue days).
 * Two statements whatever the number of problems: one read of the open problems near or past their deadline, one
 * INSERT … SELECT that fans each reminder out to its recipients. The reminder key is the dedupe key, unique per
 * user, so running this every hour (or after a restart) sends each reminder once.
 */
export async function sendProblemReminders(db: Executor, now: Date) {
  const horizon = shanghaiDate(new Date(now.getTime() + 8 * 24 * 3600 * 1000));
  const rows = await queryRows<{
    id: number;
    title: string;
    status: ProblemStatus;
    owner_id: number | null;
    deadline: string | null;
    deferrals: { until: string; status: 'approved' }[] | null;
    unit_ids: number[];
  }>(
    db,
    sql`
    select p.id, p.title, p.status, p.owner_id, to_char(p.deadline, 'YYYY-MM-DD') as deadline,
      (select json_agg(json_build_object('until', to_char(d.until, 'YYYY-MM-DD'), 'status', d.status))
         from problem_deferrals d where d.problem_id = p.id and d.status = 'approved') as deferrals,
      (select json_agg(pu.org_id order by pu.sort) from problem_units pu where pu.problem_id = p.id) as unit_ids
    from problems p
    where p.status in ('unclaimed', 'rectifying') and ${effectiveDeadlineSql()} <= ${horizon}::date`,
  );
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
  // owner: the responsible cadre's login and the reporters of the responsible units;
  // unit_leader: the leaders of the responsible units and the office whose scope covers them.
  const sent = await notify(db, {
    select: sql`
    select distinct on (u.id, r.key) u.id, 'oversight.' || r.kind, r.title, r.message, '/oversight/problems/' || r.problem_id, r.key
    from json_to_recordset(${payload}::json) as r(key text, kind text, title text, message text, problem_id int,
                                                 audience text, owner_id int, unit_ids json)
    join users u on u.is_active and (
      (r.audience = 'owner' and (
          u.id = (select c.user_id from cadres c where c.id = r.owner_id)
          or (u.role = 'reporter' and u.org_id in (select value::text::int from json_array_elements(r.unit_ids)))))
      or (r.audience = 'unit_leader' and (
          (u.role = 'unit_leader' and u.org_id in (select value::text::int from json_array_elements(r.unit_ids)))
          or (u.role = 'office' and exists (
                select 1 from orgs unit join orgs root on root.id = coalesce(u.scope_org_id, u.org_id)
                where unit.id in (select value::text::int from json_array_elements(r.unit_ids))
                  and unit.path like root.path || '%')))))`,
  });
  return { sent };
}
