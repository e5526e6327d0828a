import type { TaskDetail } from '@fazhi/core/plan/plan.contract';
import type { KeyNode, TaskCreate, TaskEntryCreate, TaskPlan, TaskUpdate } from '@fazhi/core/plan/plan.schemas';
import {
  applyTaskAction,
  isTaskEditable,
  type TaskAction,
  type TaskStatus,
  taskStatusLabels,
} from '@fazhi/core/plan/task-lifecycle';
import { can } from '@fazhi/core/platform/roles';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/kernel/errors.ts';
import { isAttachmentInScope, requireLinkableAttachments } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { attachToLatestEvent, requireEventFile } from '../platform/platform.events.service.ts';
import { isOrgInScope, requireFirst } from '../platform/platform.scope.service.ts';
import { notifyTasksIssued, notifyTaskTransition, withdrawTaskReminders } from './plan.notifications.service.ts';
import {
  countTasksLedBy,
  deleteTaskRow,
  findTaskRow,
  hasChildTask,
  insertTask,
  insertTaskEntry,
  insertTaskEvents,
  markMilestoneRow,
  queryTaskEntries,
  queryTaskEvents,
  queryTasks,
  queryTopTasksOfYear,
  setTaskAssists,
  setTaskMilestones,
  type TaskFilter,
  updateTaskRow,
} from './plan.repo.ts';
import { requireOwnWorkPoint } from './plan.work-points.service.ts';

/** The task list; `overdue` filters on the computed flag after the query. */
export async function listTasks(
  db: Executor,
  actor: Actor,
  query: TaskFilter & { overdue?: 'true' | 'false' },
  now: Date,
) {
  const { overdue, ...filter } = query;
  let items = await queryTasks(db, actor.user, filter, now);
  if (overdue) items = items.filter((t) => t.isOverdue === (overdue === 'true'));
  return { items, total: items.length };
}

/** One task with its ledger entries and flow record. */
export async function getTaskDetail(db: Executor, actor: Actor, id: number, now: Date): Promise<TaskDetail> {
  const task = await requireTask(db, actor, id, now);
  const [entries, events] = await Promise.all([queryTaskEntries(db, task.id), queryTaskEvents(db, task.id)]);
  return { task, entries, events };
}

export async function requireTask(db: Executor, actor: Actor, id: number, now: Date) {
  const task = requireFirst(
    await queryTasks(db, actor.user, { ids: [id] }, now),
    '未找到该任务，或该任务不在您的数据范围内',
  );
  return task;
}

/** Lead unit, an assisting unit, or the office above them may report; only lead or office may apply for 销号. */
async function requireReporter(
  db: Executor,
  actor: Actor,
  task: { leadOrgId: number; assistOrgIds: number[] },
  leadOnly: boolean,
) {
  if (can(actor.user.role, 'plan.manage')) return;
  const isLead = task.leadOrgId === actor.user.orgId;
  const isAssist = task.assistOrgIds.includes(actor.user.orgId);
  if (isLead || (!leadOnly && isAssist)) return;
  if (actor.user.dataScope === 'subtree' && (await isOrgInScope(db, actor.user, task.leadOrgId))) return;
  throw forbidden(leadOnly ? '只有牵头单位可以申请销号' : '只有牵头单位或协办单位可以填报该任务');
}

async function recordEvent(
  tx: Executor,
  actor: Actor,
  taskId: number,
  action: string,
  from: string | null,
  to: string | null,
  reason = '',
) {
  await insertTaskEvents(tx, [{ taskId, action, fromStatus: from, toStatus: to, reason, actorId: actor.user.id }]);
}

async function requireOrgsInScope(tx: Executor, actor: Actor, ids: number[], field: string) {
  for (const id of new Set(ids)) {
    if (!(await isOrgInScope(tx, actor.user, id)))
      throw badRequest(`${field}不存在或不在您的数据范围内`, [{ field, message: '单位无效' }]);
  }
}

export async function createTask(db: Db, actor: Actor, input: TaskCreate) {
  return db.transaction(async (tx) => {
    const wp = await requireOwnWorkPoint(tx, actor, input.workPointId);
    await requireOrgsInScope(tx, actor, [input.leadOrgId], '牵头单位');
    await requireOrgsInScope(tx, actor, input.assistOrgIds, '协办单位');
    if (input.assistOrgIds.includes(input.leadOrgId)) throw badRequest('协办单位不能与牵头单位相同');
    if (input.parentId) {
      const parent = await findTaskRow(tx, input.parentId);
      if (!parent || parent.workPointId !== wp.id) throw badRequest('上级任务不属于该工作要点');
      if (parent.status === 'closed') throw badRequest('上级任务已销号，不能再分解子任务');
    }
    const status: TaskStatus = wp.status === 'published' ? 'issued' : 'draft';
    const id = await insertTask(tx, {
      workPointId: wp.id,
      parentId: input.parentId ?? null,
      orgId: input.leadOrgId,
      year: wp.year,
      title: input.title,
      description: input.description,
      deadline: input.deadline,
      weight: input.weight,
      status,
      createdBy: actor.user.id,
    });
    await setTaskAssists(tx, id, input.assistOrgIds, false);
    await setTaskMilestones(tx, id, input.milestones, false);
    await recordEvent(tx, actor, id, 'create', null, status);
    if (status === 'issued') await notifyTasksIssued(tx, [id], actor.user.id);
    await writeAudit(tx, actor, {
      action: 'task.create',
      entity: 'task',
      entityId: id,
      orgId: input.leadOrgId,
      after: input,
    });
    return { id };
  });
}

export async function updateTask(db: Db, actor: Actor, id: number, input: TaskUpdate, now: Date) {
  return db.transaction(async (tx) => {
    const before = await requireTask(tx, actor, id, now);
    if (!isTaskEditable(before.status)) throw conflict(`任务状态为“${taskStatusLabels[before.status]}”，不能修改`);
    if (before.version !== input.version) throw conflict('该任务已被他人修改，请刷新后再编辑');
    if (input.leadOrgId) await requireOrgsInScope(tx, actor, [input.leadOrgId], '牵头单位');
    if (input.assistOrgIds) await requireOrgsInScope(tx, actor, input.assistOrgIds, '协办单位');
    const { version: _v, assistOrgIds, milestones, leadOrgId, ...fields } = input;
    const updated = await updateTaskRow(tx, id, input.version, {
      ...fields,
      ...(leadOrgId ? { orgId: leadOrgId } : {}),
    });
    if (!updated) throw conflict('该任务已被他人修改，请刷新后再编辑');
    if (assistOrgIds) await setTaskAssists(tx, id, assistOrgIds);
    if (milestones) await setTaskMilestones(tx, id, milestones);
    await writeAudit(tx, actor, {
      action: 'task.update',
      entity: 'task',
      entityId: id,
      orgId: before.leadOrgId,
      before,
      after: input,
    });
    return { ok: true } as const;
  });
}

export async function deleteTask(db: Db, actor: Actor, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const task = await requireTask(tx, actor, id, now);
    if (task.status !== 'draft') throw conflict('只有草稿状态的任务可以删除');
    if (await hasChildTask(tx, id)) throw conflict('请先删除该任务的子任务');
    await deleteTaskRow(tx, id);
    await writeAudit(tx, actor, {
      action: 'task.delete',
      entity: 'task',
      entityId: id,
      orgId: task.leadOrgId,
      before: task,
    });
    return { ok: true } as const;
  });
}

export async function updateTaskPlan(db: Db, actor: Actor, id: number, input: TaskPlan, now: Date) {
  return db.transaction(async (tx) => {
    const before = await requireTask(tx, actor, id, now);
    await requireReporter(tx, actor, before, true);
    if (!isTaskEditable(before.status))
      throw conflict(`任务状态为“${taskStatusLabels[before.status]}”，不能修改工作方案和推进措施`);
    if (before.version !== input.version) throw conflict('该任务已被他人修改，请刷新后再编辑');
    if (input.planAttachmentId) await requireLinkableAttachments(tx, actor, [input.planAttachmentId]);
    const updated = await updateTaskRow(tx, id, input.version, {
      planText: input.planText,
      planAttachmentId: input.planAttachmentId ?? null,
      measures: input.measures,
    });
    if (!updated) throw conflict('该任务已被他人修改，请刷新后再编辑');
    await writeAudit(tx, actor, {
      action: 'task.plan',
      entity: 'task',
      entityId: id,
      orgId: before.leadOrgId,
      before: { planText: before.planText, measures: before.measures },
      after: input,
    });
    return { ok: true } as const;
  });
}

export async function addTaskEntry(db: Db, actor: Actor, id: number, input: TaskEntryCreate, now: Date) {
  return db.transaction(async (tx) => {
    const task = await requireTask(tx, actor, id, now);
    await requireReporter(tx, actor, task, false);
    const entryId = await insertEntry(tx, actor, task, input);
    return { id: entryId };
  });
}

/** Shared by the form and the Excel import: one ledger entry, its evidence, the status move and the audit. */
export async function insertEntry(
  tx: Executor,
  actor: Actor,
  task: { id: number; status: TaskStatus; leadOrgId: number },
  input: TaskEntryCreate,
) {
  const transition = applyTaskAction(task.status, { type: 'report' });
  if (!transition.ok) throw conflict(transition.message);
  await requireLinkableAttachments(tx, actor, input.attachmentIds);
  const entryId = await insertTaskEntry(
    tx,
    {
      taskId: task.id,
      orgId: actor.user.orgId,
      entryDate: input.entryDate,
      percent: input.percent,
      content: input.content,
      createdBy: actor.user.id,
    },
    input.attachmentIds,
    transition.status,
  );
  if (task.status !== transition.status)
    await recordEvent(tx, actor, task.id, 'report', task.status, transition.status);
  await writeAudit(tx, actor, {
    action: 'task.entry',
    entity: 'task',
    entityId: task.id,
    orgId: task.leadOrgId,
    after: { entryId, ...input },
  });
  return entryId;
}

/**
 * 佐证材料 and the office's decision files must be files uploaded within the user's scope: another unit's file
 * answers like a missing one.
 */
async function requireEvidence(tx: Executor, actor: Actor, ids: readonly number[], label: string) {
  for (const attachmentId of new Set(ids)) {
    if (!(await isAttachmentInScope(tx, actor.user, attachmentId)))
      throw notFound(`${label}不存在或不在您的数据范围内`);
  }
}

/**
 * A file of the task's flow record, for whoever may see the task: the lead unit reads the office's decision files
 * through it, the office the unit's 佐证材料.
 */
export async function readTaskFile(db: Executor, actor: Actor, id: number, fileId: number, now: Date) {
  await requireTask(db, actor, id, now);
  return requireEventFile(db, 'task', id, fileId);
}

/**
 * Apply, approve, return, reopen, issue: one path through the core state machine. `evidenceIds` are the 佐证材料
 * of a 销号 application or the office's files on its decision, linked to the flow step it records.
 */
export async function transitionTask(
  db: Db,
  actor: Actor,
  id: number,
  action: TaskAction,
  now: Date,
  evidenceIds: readonly number[] = [],
) {
  return db.transaction(async (tx) => {
    const task = await requireTask(tx, actor, id, now);
    const isOfficeAction = action.type !== 'apply';
    if (isOfficeAction && !can(actor.user.role, 'plan.manage'))
      throw forbidden('只有依法治办可以审核、退回或重新打开任务');
    if (!isOfficeAction) await requireReporter(tx, actor, task, true);
    await requireEvidence(tx, actor, evidenceIds, isOfficeAction ? '附件' : '佐证材料');
    const transition = applyTaskAction(task.status, action, {
      hasPlan: task.planText.trim().length > 0 || task.planAttachment !== null,
      measureCount: task.measures.length,
      entryCount: task.entryCount,
    });
    if (!transition.ok) throw conflict(transition.message);
    const reason = 'reason' in action ? (action.reason ?? '') : '';
    const closing = transition.status === 'closed';
    // The state read above must still hold: a concurrent action on the same task is refused, not applied twice.
    const updated = await updateTaskRow(tx, id, task.version, {
      status: transition.status,
      closedAt: closing ? now : null,
      closedBy: closing ? actor.user.id : null,
    });
    if (!updated) throw conflict('该任务已被他人同时处理，请刷新后重试');
    await recordEvent(tx, actor, id, action.type, task.status, transition.status, reason);
    await attachToLatestEvent(tx, 'task', id, evidenceIds);
    if (action.type === 'issue') await notifyTasksIssued(tx, [id], actor.user.id);
    if (action.type === 'apply' || action.type === 'approve' || action.type === 'return')
      await notifyTaskTransition(
        tx,
        { id, title: task.title, leadOrgId: task.leadOrgId },
        action.type,
        reason,
        actor.user.id,
        evidenceIds.length,
      );
    if (closing) await withdrawTaskReminders(tx, id);
    await writeAudit(tx, actor, {
      action: `task.${action.type}`,
      entity: 'task',
      entityId: id,
      orgId: task.leadOrgId,
      before: { status: task.status },
      after: { status: transition.status, reason, ...(evidenceIds.length ? { attachmentIds: evidenceIds } : {}) },
    });
    return { status: transition.status };
  });
}

export async function markMilestoneDone(db: Db, actor: Actor, id: number, node: KeyNode, now: Date) {
  return db.transaction(async (tx) => {
    const task = await requireTask(tx, actor, id, now);
    await requireReporter(tx, actor, task, false);
    if (!isTaskEditable(task.status)) throw conflict('任务当前状态不能修改关键节点');
    if (!(await markMilestoneRow(tx, id, node, now))) throw notFound('该任务没有这个关键节点');
    await writeAudit(tx, actor, {
      action: 'task.milestone',
      entity: 'task',
      entityId: id,
      orgId: task.leadOrgId,
      after: { node },
    });
    return { ok: true } as const;
  });
}

/** For the org module: a unit that still leads tasks cannot be deleted. */
export async function countTasksOfOrg(db: Executor, orgId: number) {
  return countTasksLedBy(db, orgId);
}

/**
 * For the reports module: the top-level tasks of a year in an org subtree (drafts left out), in creation order —
 * what an annual report says was done, is overdue or still open.
 */
export function topTasksOfYear(db: Executor, subtreePath: string, year: number) {
  return queryTopTasksOfYear(db, subtreePath, year);
}
