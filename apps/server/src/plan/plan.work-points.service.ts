import type { WorkPointCreate, WorkPointUpdate } from '@fazhi/core/plan/plan.schemas';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor } from '../platform/context.ts';
import { badRequest, conflict } from '../platform/errors.ts';
import { orgScopeSql, requireInScope, scopeRootOrgId } from '../platform/scope.ts';
import { taskEvents, tasks, workPoints } from './plan.schema.ts';

export async function listWorkPoints(db: Executor, actor: Actor, year?: number) {
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
      and (${orgScopeSql(actor.user, sql`w.org_id`)}
           or exists (select 1 from tasks t where t.work_point_id = w.id and t.status <> 'draft'
                      and (${orgScopeSql(actor.user, sql`t.org_id`)} or exists (select 1 from task_assists ta where ta.task_id = t.id and ${orgScopeSql(actor.user, sql`ta.org_id`)}))))
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

export async function createWorkPoint(db: Db, actor: Actor, input: WorkPointCreate) {
  return db.transaction(async (tx) => {
    const orgId = scopeRootOrgId(actor.user);
    const [row] = await tx
      .insert(workPoints)
      .values({ ...input, orgId, createdBy: actor.user.id })
      .returning({ id: workPoints.id });
    await writeAudit(tx, actor, {
      action: 'work_point.create',
      entity: 'work_point',
      entityId: row!.id,
      orgId,
      after: input,
    });
    return { id: row!.id };
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
    const drafts = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.workPointId, id), eq(tasks.status, 'draft')));
    if (drafts.length === 0) throw badRequest('请先分解目标任务，再发布工作要点');
    await tx
      .update(workPoints)
      .set({ status: 'published', publishedAt: now, version: sql`${workPoints.version} + 1` })
      .where(eq(workPoints.id, id));
    await tx
      .update(tasks)
      .set({ status: 'issued', version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.workPointId, id), eq(tasks.status, 'draft')));
    await tx.insert(taskEvents).values(
      drafts.map((d) => ({
        taskId: d.id,
        action: 'issue',
        fromStatus: 'draft',
        toStatus: 'issued',
        actorId: actor.user.id,
      })),
    );
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
    const updated = await tx
      .update(workPoints)
      .set({ ...fields, version: sql`${workPoints.version} + 1` })
      .where(and(eq(workPoints.id, id), eq(workPoints.version, input.version)))
      .returning({ id: workPoints.id });
    if (!updated.length) throw conflict('该工作要点已被他人修改，请刷新后再编辑');
    await writeAudit(tx, actor, {
      action: 'work_point.update',
      entity: 'work_point',
      entityId: id,
      orgId: before.orgId,
      before: { title: before.title, content: before.content },
      after: fields,
    });
    return { ok: true };
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
    const drafts = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.workPointId, id));
    // assists, milestones and events go with their task (on delete cascade); the parent link is cleared first
    await tx.update(tasks).set({ parentId: null }).where(eq(tasks.workPointId, id));
    await tx.delete(tasks).where(eq(tasks.workPointId, id));
    await tx.delete(workPoints).where(and(eq(workPoints.id, id), eq(workPoints.status, 'draft')));
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
