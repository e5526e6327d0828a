import type { KeyNode, Task, TaskEntry, TaskEvent, WorkPoint } from '@fazhi/core/plan/plan.schemas';
import { rollupProgress } from '@fazhi/core/plan/progress-rollup';
import { isTaskOverdue, type TaskStatus } from '@fazhi/core/plan/task-lifecycle';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { recordEvents } from '../platform/platform.events.service.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { taskAssists, taskEntries, taskEntryAttachments, taskMilestones, tasks, workPoints } from './plan.schema.ts';

/** A task is visible when its lead unit or one of its assisting units is in the user's scope. */
export function taskVisibleSql(user: AuthUser, alias = 't'): SQL {
  const t = sql.raw(alias);
  return sql`(${orgScopeSql(user, sql`${t}.org_id`)} or exists (
    select 1 from task_assists ta where ta.task_id = ${t}.id and ${orgScopeSql(user, sql`ta.org_id`)}))`;
}

type TaskRow = {
  id: number;
  work_point_id: number;
  parent_id: number | null;
  year: number;
  title: string;
  description: string;
  org_id: number;
  lead_org_name: string;
  assist_org_ids: number[] | null;
  assist_org_names: string[] | null;
  deadline: string;
  weight: number;
  status: string;
  own_percent: number | null;
  plan_text: string;
  plan_attachment: { id: number; filename: string; size: number; mime: string } | null;
  measures: string[];
  entry_count: number;
  child_count: number;
  milestones: { node: string; dueDate: string; doneAt: string | null }[] | null;
  version: number;
  closed_at: string | Date | null;
};

export type TaskFilter = {
  year?: number;
  workPointId?: number;
  status?: TaskStatus;
  orgId?: number;
  q?: string;
  ids?: number[];
};

/** Visible tasks with everything a list shows, in one query; progress rolled up over each work point's whole tree. */
export async function queryTasks(db: Executor, user: AuthUser, filter: TaskFilter, now: Date): Promise<Task[]> {
  const conditions: SQL[] = [taskVisibleSql(user)];
  if (filter.year) conditions.push(sql`t.year = ${filter.year}`);
  if (filter.workPointId) conditions.push(sql`t.work_point_id = ${filter.workPointId}`);
  if (filter.status) conditions.push(sql`t.status = ${filter.status}`);
  if (filter.orgId) {
    conditions.push(
      sql`(t.org_id = ${filter.orgId} or exists (select 1 from task_assists x where x.task_id = t.id and x.org_id = ${filter.orgId}))`,
    );
  }
  if (filter.q) conditions.push(sql`t.title ilike ${`%${filter.q}%`}`);
  if (filter.ids?.length === 0) return [];
  if (filter.ids)
    conditions.push(
      sql`t.id in (${sql.join(
        filter.ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  const where = sql.join(conditions, sql` and `);
  const result = await queryRows<TaskRow>(
    db,
    sql`
    select t.id, t.work_point_id, t.parent_id, t.year, t.title, t.description, t.org_id, o.name as lead_org_name,
      (select array_agg(ta.org_id order by ta.org_id) from task_assists ta where ta.task_id = t.id) as assist_org_ids,
      (select array_agg(ao.name order by ta.org_id) from task_assists ta join orgs ao on ao.id = ta.org_id
        where ta.task_id = t.id) as assist_org_names,
      to_char(t.deadline, 'YYYY-MM-DD') as deadline, t.weight, t.status, t.own_percent, t.plan_text,
      (select json_build_object('id', a.id, 'filename', a.filename, 'size', a.size, 'mime', a.mime)
         from attachments a where a.id = t.plan_attachment_id) as plan_attachment,
      t.measures,
      (select count(*)::int from task_entries e where e.task_id = t.id) as entry_count,
      (select count(*)::int from tasks c where c.parent_id = t.id) as child_count,
      (select json_agg(json_build_object('node', m.node, 'dueDate', to_char(m.due_date, 'YYYY-MM-DD'), 'doneAt', m.done_at)
              order by m.due_date) from task_milestones m where m.task_id = t.id) as milestones,
      t.version, t.closed_at
    from tasks t join orgs o on o.id = t.org_id
    where ${where}
    order by t.work_point_id, coalesce(t.parent_id, t.id), t.parent_id nulls first, t.id`,
  );
  const rows = result;
  const progress = await rollupForWorkPoints(db, [...new Set(rows.map((r) => r.work_point_id))]);
  return rows.map((r) => ({
    id: r.id,
    workPointId: r.work_point_id,
    parentId: r.parent_id,
    year: r.year,
    title: r.title,
    description: r.description,
    leadOrgId: r.org_id,
    leadOrgName: r.lead_org_name,
    assistOrgIds: r.assist_org_ids ?? [],
    assistOrgNames: r.assist_org_names ?? [],
    deadline: r.deadline,
    weight: Number(r.weight),
    status: r.status as TaskStatus,
    progress: progress.get(r.id) ?? 0,
    isOverdue: isTaskOverdue(r.status as TaskStatus, r.deadline, now),
    planText: r.plan_text,
    planAttachment: r.plan_attachment,
    measures: r.measures ?? [],
    entryCount: r.entry_count,
    childCount: r.child_count,
    milestones: (r.milestones ?? []).map((m) => ({
      node: m.node as 'start',
      dueDate: m.dueDate,
      doneAt: m.doneAt ? new Date(m.doneAt).toISOString() : null,
    })),
    version: r.version,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  }));
}

export async function rollupForWorkPoints(db: Executor, workPointIds: number[]) {
  if (workPointIds.length === 0) return new Map<number, number>();
  const nodes = await queryRows<{
    id: number;
    parent_id: number | null;
    weight: number;
    status: string;
    own_percent: number | null;
  }>(
    db,
    sql`
    select id, parent_id, weight, status, own_percent from tasks
    where work_point_id in (${sql.join(
      workPointIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return rollupProgress(
    nodes.map((n) => ({
      id: n.id,
      parentId: n.parent_id,
      weight: Number(n.weight),
      isClosed: n.status === 'closed',
      ownPercent: n.own_percent == null ? null : Number(n.own_percent),
    })),
  );
}

export async function queryTaskEntries(db: Executor, taskId: number): Promise<TaskEntry[]> {
  const result = await queryRows<{
    id: number;
    task_id: number;
    entry_date: string;
    percent: number;
    content: string;
    created_by: string | null;
    created_at: string | Date;
    attachments: { id: number; filename: string; size: number; mime: string }[] | null;
  }>(
    db,
    sql`
    select e.id, e.task_id, to_char(e.entry_date, 'YYYY-MM-DD') as entry_date, e.percent, e.content,
           u.display_name as created_by, e.created_at,
           (select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'size', a.size, 'mime', a.mime) order by a.id)
              from task_entry_attachments ea join attachments a on a.id = ea.attachment_id where ea.entry_id = e.id) as attachments
    from task_entries e left join users u on u.id = e.created_by
    where e.task_id = ${taskId}
    order by e.entry_date desc, e.id desc`,
  );
  return result.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    entryDate: r.entry_date,
    percent: Number(r.percent),
    content: r.content,
    createdBy: r.created_by ?? '',
    createdAt: new Date(r.created_at).toISOString(),
    attachments: r.attachments ?? [],
  }));
}

export async function queryTaskEvents(db: Executor, taskId: number): Promise<TaskEvent[]> {
  const result = await queryRows<{
    id: number;
    action: string;
    from_status: string | null;
    to_status: string | null;
    reason: string;
    actor: string | null;
    at: string | Date;
    attachments: { id: number; filename: string; size: number; mime: string }[] | null;
  }>(
    db,
    sql`
    select ev.id, ev.action, ev.from_status, ev.to_status, ev.reason, u.display_name as actor, ev.at,
           (select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'size', a.size, 'mime', a.mime) order by a.id)
              from task_event_attachments ea join attachments a on a.id = ea.attachment_id where ea.event_id = ev.id) as attachments
    from task_events ev left join users u on u.id = ev.actor_id
    where ev.task_id = ${taskId} order by ev.id`,
  );
  return result.map((r) => ({
    id: r.id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    actor: r.actor ?? '',
    at: new Date(r.at).toISOString(),
    attachments: (r.attachments ?? []).map((a) => ({ ...a, size: Number(a.size) })),
  }));
}

// ---- work points ----

/** Work points of the user's office, and those of other offices with a non-draft task the user can see. */
export async function queryWorkPoints(db: Executor, user: AuthUser, year?: number): Promise<WorkPoint[]> {
  const rows = await queryRows<{
    id: number;
    org_id: number;
    year: number;
    title: string;
    content: string;
    status: string;
    published_at: string | Date | null;
    version: number;
    task_count: number;
  }>(
    db,
    sql`
    select w.id, w.org_id, w.year, w.title, w.content, w.status, w.published_at, w.version,
           (select count(*)::int from tasks t where t.work_point_id = w.id) as task_count
    from work_points w
    where (${year ?? null}::int is null or w.year = ${year ?? null}::int)
      and (${orgScopeSql(user, sql`w.org_id`)}
           or exists (select 1 from tasks t where t.work_point_id = w.id and t.status <> 'draft'
                      and (${orgScopeSql(user, sql`t.org_id`)} or exists (select 1 from task_assists ta where ta.task_id = t.id and ${orgScopeSql(user, sql`ta.org_id`)}))))
    order by w.year desc, w.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    year: r.year,
    title: r.title,
    content: r.content,
    status: r.status as 'draft' | 'published',
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    taskCount: r.task_count,
    version: r.version,
  }));
}

export async function insertWorkPoint(
  db: Executor,
  values: { orgId: number; year: number; title: string; content: string; createdBy: number },
) {
  const [row] = await db.insert(workPoints).values(values).returning({ id: workPoints.id });
  return row!.id;
}

/** Optimistic update of title and content; false when the version moved on. */
export async function updateWorkPointRow(
  db: Executor,
  id: number,
  version: number,
  fields: { title?: string; content?: string },
) {
  const updated = await db
    .update(workPoints)
    .set({ ...fields, version: sql`${workPoints.version} + 1` })
    .where(and(eq(workPoints.id, id), eq(workPoints.version, version)))
    .returning({ id: workPoints.id });
  return updated.length > 0;
}

export async function draftTaskIdsOf(db: Executor, workPointId: number) {
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.workPointId, workPointId), eq(tasks.status, 'draft')));
  return rows.map((r) => r.id);
}

export async function taskIdsOf(db: Executor, workPointId: number) {
  const rows = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.workPointId, workPointId));
  return rows.map((r) => r.id);
}

/** The work point becomes published and its draft tasks issued. */
export async function publishWorkPointRows(db: Executor, id: number, now: Date) {
  await db
    .update(workPoints)
    .set({ status: 'published', publishedAt: now, version: sql`${workPoints.version} + 1` })
    .where(eq(workPoints.id, id));
  await db
    .update(tasks)
    .set({ status: 'issued', version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.workPointId, id), eq(tasks.status, 'draft')));
}

/** A draft work point and all its tasks (assists, milestones and events go with them by cascade). */
export async function deleteDraftWorkPointRows(db: Executor, id: number) {
  await db.update(tasks).set({ parentId: null }).where(eq(tasks.workPointId, id));
  await db.delete(tasks).where(eq(tasks.workPointId, id));
  await db.delete(workPoints).where(and(eq(workPoints.id, id), eq(workPoints.status, 'draft')));
}

// ---- tasks ----

export async function findTaskRow(db: Executor, id: number) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row ?? null;
}

export async function hasChildTask(db: Executor, id: number) {
  const [child] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.parentId, id)).limit(1);
  return child !== undefined;
}

export async function insertTask(db: Executor, values: typeof tasks.$inferInsert) {
  const [row] = await db.insert(tasks).values(values).returning({ id: tasks.id });
  return row!.id;
}

/** Replaces the assisting units of a task. */
export async function setTaskAssists(db: Executor, taskId: number, orgIds: readonly number[], replace = true) {
  if (replace) await db.delete(taskAssists).where(eq(taskAssists.taskId, taskId));
  if (orgIds.length) await db.insert(taskAssists).values(orgIds.map((orgId) => ({ taskId, orgId })));
}

/** Replaces the key-node milestones of a task. */
export async function setTaskMilestones(
  db: Executor,
  taskId: number,
  milestones: readonly { node: KeyNode; dueDate: string }[],
  replace = true,
) {
  if (replace) await db.delete(taskMilestones).where(eq(taskMilestones.taskId, taskId));
  if (milestones.length) await db.insert(taskMilestones).values(milestones.map((m) => ({ taskId, ...m })));
}

/** Optimistic update of a task's own columns (version + 1); false when the version moved on. */
export async function updateTaskRow(
  db: Executor,
  id: number,
  version: number,
  fields: Partial<
    Pick<
      typeof tasks.$inferInsert,
      | 'title'
      | 'description'
      | 'orgId'
      | 'deadline'
      | 'weight'
      | 'planText'
      | 'planAttachmentId'
      | 'measures'
      | 'status'
      | 'closedAt'
      | 'closedBy'
    >
  >,
) {
  const updated = await db
    .update(tasks)
    .set({ ...fields, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning({ id: tasks.id });
  return updated.length > 0;
}

export async function deleteTaskRow(db: Executor, id: number) {
  await db.delete(tasks).where(eq(tasks.id, id));
}

/** One ledger entry with its evidence; the task's own percent becomes that of its latest entry by date. */
export async function insertTaskEntry(
  db: Executor,
  values: { taskId: number; orgId: number; entryDate: string; percent: number; content: string; createdBy: number },
  attachmentIds: readonly number[],
  status: string,
) {
  const [row] = await db.insert(taskEntries).values(values).returning({ id: taskEntries.id });
  const entryId = row!.id;
  if (attachmentIds.length) {
    await db
      .insert(taskEntryAttachments)
      .values([...new Set(attachmentIds)].map((attachmentId) => ({ entryId, attachmentId })));
  }
  // The task's own percent is that of its latest entry by date (ties: the newest).
  await db.execute(sql`
    update tasks set status = ${status}, version = version + 1,
      own_percent = (select e.percent from task_entries e where e.task_id = ${values.taskId} order by e.entry_date desc, e.id desc limit 1)
    where id = ${values.taskId}`);
  return entryId;
}

/** Marks a key node done; false when the task has no such node. */
export async function markMilestoneRow(db: Executor, taskId: number, node: string, now: Date) {
  const updated = await db
    .update(taskMilestones)
    .set({ doneAt: now })
    .where(and(eq(taskMilestones.taskId, taskId), eq(taskMilestones.node, node)))
    .returning({ node: taskMilestones.node });
  return updated.length > 0;
}

export type TaskEventInsert = {
  taskId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason?: string;
  actorId: number;
};

/** Appends to the task's flow record (task_events). */
export async function insertTaskEvents(db: Executor, events: readonly TaskEventInsert[]) {
  if (events.length === 0) return;
  await recordEvents(
    db,
    'task',
    events.map((e) => ({ subjectId: e.taskId, ...e, note: e.reason ?? '' })),
  );
}

/**
 * The top-level tasks of a year in an org subtree (drafts left out), in creation order: what an annual report says
 * was done, is overdue or still open (read by the reports module).
 */
export async function queryTopTasksOfYear(db: Executor, subtreePath: string, year: number) {
  return queryRows<{ title: string; status: string; deadline: string }>(
    db,
    sql`select t.title, t.status, to_char(t.deadline, 'YYYY-MM-DD') as deadline
        from tasks t join orgs o on o.id = t.org_id
        where t.year = ${year} and t.parent_id is null and t.status <> 'draft' and o.path like ${`${subtreePath}%`}
        order by t.id`,
  );
}

/** How many tasks a unit leads (the org module refuses to delete a unit that still leads any). */
export async function countTasksLedBy(db: Executor, orgId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(eq(tasks.orgId, orgId));
  return row?.n ?? 0;
}

// ---- deadline reminders ----

export const reminderKinds = ['due7', 'due1', 'due0', 'overdue'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * The notification rows (user, kind, title, body, link, dedupe key) of one reminder kind for `today`: reporters and
 * leaders of the lead unit; for an overdue task also the office whose scope holds the lead unit. An applied task
 * only gets the overdue reminder. Each title is true on the day it is sent: the "7 days" reminder names the days
 * actually left (a job that was down catches up with "5天后到期", never a wrong "7"); "明天到期" only the day before;
 * on the due day "今天到期".
 */
export function taskReminderSql(kind: ReminderKind, today: string): SQL {
  const left = sql`(t.deadline - ${today}::date)`;
  const cond = {
    due7: sql`${left} between 2 and 7`,
    due1: sql`${left} = 1`,
    due0: sql`${left} = 0`,
    overdue: sql`${left} < 0`,
  }[kind];
  const title = {
    due7: sql`'任务' || ${left} || '天后到期'`,
    due1: sql`'任务明天到期'`,
    due0: sql`'任务今天到期'`,
    overdue: sql`'任务已逾期'`,
  }[kind];
  return sql`
      select u.id, ${`task.${kind}`}, ${title},
             '“' || t.title || '”完成时限为' || to_char(t.deadline, 'YYYY-MM-DD') || '，当前状态：' ||
               case t.status when 'issued' then '已下达' when 'in_progress' then '推进中' else '申请销号' end,
             '/plan/tasks/' || t.id,
             ${`task:${kind}:`} || t.id || ':' || to_char(t.deadline, 'YYYY-MM-DD')
      from tasks t
      join users u on u.is_active and (
            (u.org_id = t.org_id and u.role in ('reporter', 'unit_leader'))
         or (${kind} = 'overdue' and u.role = 'office' and exists (
               select 1 from orgs lead join orgs root on root.id = coalesce(u.scope_org_id, u.org_id)
               where lead.id = t.org_id and lead.path like root.path || '%')))
      where t.status in ('issued', 'in_progress', 'applied') and ${cond}
        and not (${kind} <> 'overdue' and t.status = 'applied')`;
}
