import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { raiseEvent, wantsInApp } from '../platform/platform.notification-events.service.ts';
import { notify, withdrawNotificationsUnless } from '../platform/platform.notifications.service.ts';

/**
 * 任务下达: the reporters and leaders of each task's lead unit and of its assisting units are told, in one INSERT …
 * SELECT however many tasks a publication issues.
 */
export function notifyTasksIssued(tx: Executor, taskIds: readonly number[], actorId: number) {
  if (taskIds.length === 0) return Promise.resolve(0);
  const batch = randomUUID();
  return notify(tx, {
    select: sql`
      select distinct on (u.id, t.id) u.id, 'task.issued', '新任务下达',
             '“' || t.title || '”已下达，完成时限为' || to_char(t.deadline, 'YYYY-MM-DD') ||
               case when u.org_id = t.org_id then '（牵头）' else '（协办）' end,
             '/plan/tasks/' || t.id, 'task.issued:' || t.id || ':' || ${batch}
      from tasks t
      join users u on u.is_active and u.id <> ${actorId} and u.role in ('reporter', 'unit_leader') and (
           u.org_id = t.org_id
        or u.org_id in (select a.org_id from task_assists a where a.task_id = t.id))
        and ${wantsInApp('task.issued')}
      where t.id in (${sql.join(
        taskIds.map((id) => sql`${id}::int`),
        sql`, `,
      )})`,
  });
}

type TaskRef = { id: number; title: string; leadOrgId: number };

/**
 * 销号 applied (the office is told, with the 申请说明 and how many 佐证材料 came with it), approved or returned (the
 * lead unit is told, with the 审核意见).
 */
export function notifyTaskTransition(
  tx: Executor,
  task: TaskRef,
  action: 'apply' | 'approve' | 'return',
  reason: string,
  actorId: number,
  evidenceCount = 0,
) {
  const link = `/plan/tasks/${task.id}`;
  if (action === 'apply')
    return raiseEvent(tx, {
      kind: 'task.applied',
      title: '任务申请销号待审核',
      body:
        `“${task.title}”已申请销号` +
        (evidenceCount ? `，附佐证材料${evidenceCount}份` : '') +
        (reason ? `，申请说明：${reason}` : '') +
        '，请审核',
      link,
      audience: { to: 'office', orgIds: [task.leadOrgId] },
      actorId,
    });
  const approved = action === 'approve';
  return raiseEvent(tx, {
    kind: approved ? 'task.approved' : 'task.returned',
    title: approved ? '任务销号已通过' : '任务销号被退回',
    body: approved
      ? `“${task.title}”销号申请已审核通过${reason ? `，审核意见：${reason}` : ''}`
      : `“${task.title}”销号申请被退回，审核意见：${reason}`,
    link,
    audience: { to: 'unit', orgIds: [task.leadOrgId] },
    actorId,
  });
}

/**
 * Deadline reminders whose reason is gone are withdrawn (deleted, read or not): those of a task that is closed,
 * deleted or applied (only the overdue one stays for an applied task), and those keyed to a deadline the task no
 * longer has. `taskId` limits this to one task (the transition that closed it); without it every task is swept.
 */
export function withdrawTaskReminders(tx: Executor, taskId?: number) {
  return withdrawNotificationsUnless(tx, {
    kinds: ['task.due7', 'task.due1', 'task.due0', 'task.overdue'],
    keyLike: taskId === undefined ? undefined : `task:%:${taskId}:%`,
    stillDue: sql`exists (
        select 1 from tasks t
        where n.dedupe_key = 'task:' || substr(n.kind, 6) || ':' || t.id || ':' || to_char(t.deadline, 'YYYY-MM-DD')
          and t.status in ('issued', 'in_progress', 'applied')
          and (t.status <> 'applied' or n.kind = 'task.overdue'))`,
  });
}
