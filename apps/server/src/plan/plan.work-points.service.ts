import type { WorkPointCreate, WorkPointUpdate } from '@fazhi/core/plan/plan.schemas';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireInScope, scopeRootOrgId } from '../platform/platform.scope.service.ts';
import { notifyTasksIssued } from './plan.notifications.service.ts';
import {
  deleteDraftWorkPointRows,
  draftTaskIdsOf,
  insertTaskEvents,
  insertWorkPoint,
  publishWorkPointRows,
  queryWorkPoints,
  taskIdsOf,
  updateWorkPointRow,
} from './plan.repo.ts';
import { workPoints } from './plan.schema.ts';

export async function listWorkPoints(db: Executor, actor: Actor, year?: number) {
  return queryWorkPoints(db, actor.user, year);
}

export async function createWorkPoint(db: Db, actor: Actor, input: WorkPointCreate) {
  return db.transaction(async (tx) => {
    const orgId = scopeRootOrgId(actor.user);
    const id = await insertWorkPoint(tx, { ...input, orgId, createdBy: actor.user.id });
    await writeAudit(tx, actor, {
      action: 'work_point.create',
      entity: 'work_point',
      entityId: id,
      orgId,
      after: input,
    });
    return { id };
  });
}

export async function requireOwnWorkPoint(tx: Executor, actor: Actor, id: number) {
  const wp = await requireInScope(tx, actor.user, workPoints, id, '未找到该工作要点，或不在您的数据范围内');
  return wp;
}

/** Publishing the work points issues every draft task under them. */
export async function publishWorkPoint(db: Db, actor: Actor, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const wp = await requireOwnWorkPoint(tx, actor, id);
    if (wp.status === 'published') throw conflict('该工作要点已发布');
    const drafts = await draftTaskIdsOf(tx, id);
    if (drafts.length === 0) throw badRequest('请先分解目标任务，再发布工作要点');
    await publishWorkPointRows(tx, id, now);
    await insertTaskEvents(
      tx,
      drafts.map((taskId) => ({
        taskId,
        action: 'issue',
        fromStatus: 'draft',
        toStatus: 'issued',
        actorId: actor.user.id,
      })),
    );
    await notifyTasksIssued(tx, drafts, actor.user.id);
    await writeAudit(tx, actor, {
      action: 'work_point.publish',
      entity: 'work_point',
      entityId: id,
      orgId: wp.orgId,
      after: { issuedTasks: drafts.length },
    });
    return { issued: drafts.length };
  });
}

/** Title and content can be corrected at any time; a stale edit (someone saved in between) is refused. */
export async function updateWorkPoint(db: Db, actor: Actor, id: number, input: WorkPointUpdate) {
  return db.transaction(async (tx) => {
    const before = await requireOwnWorkPoint(tx, actor, id);
    if (before.version !== input.version) throw conflict('该工作要点已被他人修改，请刷新后再编辑');
    const { version: _v, ...fields } = input;
    if (!(await updateWorkPointRow(tx, id, input.version, fields)))
      throw conflict('该工作要点已被他人修改，请刷新后再编辑');
    await writeAudit(tx, actor, {
      action: 'work_point.update',
      entity: 'work_point',
      entityId: id,
      orgId: before.orgId,
      before: { title: before.title, content: before.content },
      after: fields,
    });
    return { ok: true } as const;
  });
}

/**
 * A draft work point goes together with its draft tasks (nothing was issued, so nobody has reported on them).
 * Once published it stays: its tasks carry units' ledgers and the audit trail.
 */
export async function deleteWorkPoint(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const wp = await requireOwnWorkPoint(tx, actor, id);
    if (wp.status === 'published') throw conflict('已发布的工作要点不能删除');
    const drafts = await taskIdsOf(tx, id);
    await deleteDraftWorkPointRows(tx, id);
    await writeAudit(tx, actor, {
      action: 'work_point.delete',
      entity: 'work_point',
      entityId: id,
      orgId: wp.orgId,
      before: { title: wp.title, year: wp.year, draftTasks: drafts.length },
    });
    return { deletedTasks: drafts.length };
  });
}
