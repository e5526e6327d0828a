import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/clock.ts';
import { notify } from '../platform/notifications.service.ts';

/**
 * Deadline reminders as in-app notifications: 7 days before, 1 day before, and once overdue — each sent once per
 * user, task and deadline, however often this runs (the dedupe key is unique per user). Set-based: three INSERT …
 * SELECT statements whatever the number of tasks. Reporters and leaders of the lead unit are told; the office of
 * the county is told when a task becomes overdue.
 */
export async function sendTaskReminders(db: Executor, now: Date) {
  const today = shanghaiToday(now);
  const kinds = [
    {
      kind: 'due7',
      title: '任务7天后到期',
      cond: sql`t.deadline - 7 <= ${today}::date and t.deadline - 1 > ${today}::date`,
    },
    {
      kind: 'due1',
      title: '任务明天到期',
      cond: sql`t.deadline - 1 <= ${today}::date and t.deadline >= ${today}::date`,
    },
    { kind: 'overdue', title: '任务已逾期', cond: sql`t.deadline < ${today}::date` },
  ];
  let sent = 0;
  for (const k of kinds) {
    sent += await notify(db, {
      select: sql`
      select u.id, ${`task.${k.kind}`}, ${k.title},
             '“' || t.title || '”完成时限为' || to_char(t.deadline, 'YYYY-MM-DD') || '，当前状态：' ||
               case t.status when 'issued' then '已下达' when 'in_progress' then '推进中' else '申请销号' end,
             '/plan/tasks/' || t.id,
             ${`task:${k.kind}:`} || t.id || ':' || to_char(t.deadline, 'YYYY-MM-DD')
      from tasks t
      join users u on u.is_active and (
            (u.org_id = t.org_id and u.role in ('reporter', 'unit_leader'))
         or (${k.kind} = 'overdue' and u.role = 'office' and exists (
               select 1 from orgs lead join orgs root on root.id = coalesce(u.scope_org_id, u.org_id)
               where lead.id = t.org_id and lead.path like root.path || '%')))
      where t.status in ('issued', 'in_progress', 'applied') and ${k.cond}
        and not (${k.kind} <> 'overdue' and t.status = 'applied')`,
    });
  }
  return { sent };
}
