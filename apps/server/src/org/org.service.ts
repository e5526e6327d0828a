import type { OrgCreate, OrgUpdate } from '@fazhi/core/org/org.schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { tasks } from '../plan/plan.schema.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor } from '../platform/context.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { users } from '../platform/platform.schema.ts';
import { requireFirst, requireFound } from '../platform/scope.ts';
import { findOrg } from './org.repo.ts';
import { dimensions, orgDimensions, orgs } from './org.schema.ts';

async function requireOrg(db: Executor, actor: Actor, id: number, what = '单位') {
  const org = requireFound(await findOrg(db, actor.user, id), `未找到该${what}，或该${what}不在您的数据范围内`);
  return org;
}

async function requireDimensionsVisible(tx: Executor, actor: Actor, ids: readonly number[]) {
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: dimensions.id })
    .from(dimensions)
    .innerJoin(orgs, eq(orgs.id, dimensions.ownerOrgId))
    .where(
      and(
        inArray(dimensions.id, [...ids]),
        sql`(${actor.user.scopePath} like ${orgs.path} || '%' or ${orgs.path} like ${`${actor.user.scopePath}%`} or ${actor.user.dataScope} in ('all', 'none'))`,
      ),
    );
  if (rows.length !== new Set(ids).size)
    throw badRequest('所选维度不存在或不可用', [{ field: 'dimensionIds', message: '维度不存在' }]);
}

async function requireUniqueCode(tx: Executor, code: string | null | undefined, exceptId?: number) {
  if (!code) return;
  const [row] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, code));
  if (row && row.id !== exceptId) throw conflict(`单位编码“${code}”已被使用`, [{ field: 'code', message: '编码重复' }]);
}

export async function createOrg(db: Db, actor: Actor, input: OrgCreate) {
  return db.transaction((tx) => insertOrg(tx, actor, input));
}

/** Inserts one org under a visible parent; the caller owns the transaction (import inserts many in one). */
export async function insertOrg(tx: Executor, actor: Actor, input: OrgCreate) {
  const parent = await requireOrg(tx, actor, input.parentId, '上级单位');
  await requireUniqueCode(tx, input.code);
  await requireDimensionsVisible(tx, actor, input.dimensionIds);
  // Take the id first so the row is inserted once with its final path.
  const [next] = await queryRows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`,
  );
  const id = next!.id;
  const path = `${parent.path}${id}/`;
  await tx.insert(orgs).values({
    id,
    parentId: parent.id,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    code: input.code || null,
    sort: input.sort,
    path,
  });
  if (input.dimensionIds.length) {
    await tx.insert(orgDimensions).values(input.dimensionIds.map((dimensionId) => ({ orgId: id, dimensionId })));
  }
  await writeAudit(tx, actor, {
    action: 'org.create',
    entity: 'org',
    entityId: id,
    orgId: id,
    after: { ...input, path },
  });
  return { id, path };
}

export async function updateOrg(db: Db, actor: Actor, id: number, input: OrgUpdate) {
  return db.transaction(async (tx) => {
    const before = await requireOrg(tx, actor, id);
    if (before.version !== input.version) throw conflict('该单位已被他人修改，请刷新后再编辑');
    await requireUniqueCode(tx, input.code, id);
    const { version: _v, dimensionIds, ...fields } = input;
    const updated = await tx
      .update(orgs)
      .set({
        ...fields,
        code: fields.code === undefined ? undefined : fields.code || null,
        version: sql`${orgs.version} + 1`,
      })
      .where(and(eq(orgs.id, id), eq(orgs.version, input.version)))
      .returning({ id: orgs.id });
    if (!updated.length) throw conflict('该单位已被他人修改，请刷新后再编辑');
    if (dimensionIds) {
      await requireDimensionsVisible(tx, actor, dimensionIds);
      await tx.delete(orgDimensions).where(eq(orgDimensions.orgId, id));
      if (dimensionIds.length) {
        await tx.insert(orgDimensions).values(dimensionIds.map((dimensionId) => ({ orgId: id, dimensionId })));
      }
    }
    await writeAudit(tx, actor, { action: 'org.update', entity: 'org', entityId: id, orgId: id, before, after: input });
    return { ok: true };
  });
}

/** Moving rewrites the path prefix of the whole subtree in one statement. */
export async function moveOrg(db: Db, actor: Actor, id: number, parentId: number) {
  return db.transaction(async (tx) => {
    const org = await requireOrg(tx, actor, id);
    const parent = await requireOrg(tx, actor, parentId, '上级单位');
    if (!org.parentId) throw badRequest('根节点不能移动');
    if (parent.path.startsWith(org.path)) throw badRequest('不能将单位移动到其自身或其下级单位之下');
    const newPath = `${parent.path}${id}/`;
    await tx.execute(sql`
      update ${orgs} set path = ${newPath} || substr(path, ${org.path.length + 1}),
             parent_id = case when id = ${id} then ${parentId}::int else parent_id end,
             version = version + 1
      where path like ${`${org.path}%`}`);
    await writeAudit(tx, actor, {
      action: 'org.move',
      entity: 'org',
      entityId: id,
      orgId: id,
      before: { parentId: org.parentId, path: org.path },
      after: { parentId, path: newPath },
    });
    return { ok: true, path: newPath };
  });
}

export async function deleteOrg(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const org = await requireOrg(tx, actor, id);
    if (!org.parentId) throw badRequest('根节点不能删除');
    const [usage] = await queryRows<{ children: number; users: number; tasks: number }>(
      tx,
      sql`
        select (select count(*)::int from ${orgs} where parent_id = ${id}) as children,
               (select count(*)::int from ${users} where org_id = ${id}) as users,
               (select count(*)::int from ${tasks} where org_id = ${id}) as tasks`,
    );
    const reasons = [
      usage!.children ? `${usage!.children}个下级单位` : '',
      usage!.users ? `${usage!.users}个用户` : '',
      usage!.tasks ? `${usage!.tasks}项目标任务` : '',
    ].filter(Boolean);
    if (reasons.length) throw conflict(`“${org.name}”下还有${reasons.join('、')}，不能删除`);
    await tx.delete(orgs).where(eq(orgs.id, id));
    await writeAudit(tx, actor, {
      action: 'org.delete',
      entity: 'org',
      entityId: id,
      orgId: org.parentId,
      before: org,
    });
    return { ok: true };
  });
}

export async function createDimension(db: Db, actor: Actor, input: { ownerOrgId: number; kind: string; name: string }) {
  return db.transaction(async (tx) => {
    await requireOrg(tx, actor, input.ownerOrgId, '所属单位');
    const [dup] = await tx
      .select({ id: dimensions.id })
      .from(dimensions)
      .where(
        and(
          eq(dimensions.ownerOrgId, input.ownerOrgId),
          eq(dimensions.kind, input.kind),
          eq(dimensions.name, input.name),
        ),
      );
    if (dup) throw conflict(`维度“${input.name}”已存在`);
    const [row] = await tx.insert(dimensions).values(input).returning({ id: dimensions.id });
    await writeAudit(tx, actor, { action: 'dimension.create', entity: 'dimension', entityId: row!.id, after: input });
    return { id: row!.id };
  });
}

export async function deleteDimension(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const dim = requireFirst(await tx.select().from(dimensions).where(eq(dimensions.id, id)), '维度不存在');
    await requireOrg(tx, actor, dim.ownerOrgId, '维度');
    await tx.delete(dimensions).where(eq(dimensions.id, id));
    await writeAudit(tx, actor, { action: 'dimension.delete', entity: 'dimension', entityId: id, before: dim });
    return { ok: true };
  });
}
