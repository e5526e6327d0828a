import type { DimensionCreate, OrgCreate, OrgKind, OrgUpdate } from '@fazhi/core/org/org.schemas';
import { placementError } from '@fazhi/core/org/org-kinds';
import type { Db, Executor } from '../db/client.ts';
import { countTasksOfOrg } from '../plan/plan.service.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireFound } from '../platform/platform.scope.service.ts';
import { countUsersOfOrg } from '../platform/platform.users.service.ts';
import {
  countChildOrgs,
  countVisibleDimensions,
  deleteDimensionRow,
  deleteOrgRow,
  dimensionExists,
  findDimension,
  findOrg,
  findOrgIdByCode,
  insertDimension,
  insertOrgRow,
  listDimensionsInScope,
  listOrgsInScope,
  moveOrgSubtree,
  nextOrgId,
  setOrgDimensions,
  updateOrgRow,
} from './org.repo.ts';

/** Every unit in the user's data scope, in tree order. */
export async function listOrgs(db: Executor, actor: Actor) {
  return { items: await listOrgsInScope(db, actor.user) };
}

export async function getOrg(db: Executor, actor: Actor, id: number) {
  return requireOrg(db, actor, id);
}

export async function listDimensions(db: Executor, actor: Actor) {
  return { items: await listDimensionsInScope(db, actor.user) };
}

async function requireOrg(db: Executor, actor: Actor, id: number, what = '单位') {
  const org = requireFound(await findOrg(db, actor.user, id), `未找到该${what}，或该${what}不在您的数据范围内`);
  return org;
}

async function requireDimensionsVisible(tx: Executor, actor: Actor, ids: readonly number[]) {
  if (ids.length === 0) return;
  if ((await countVisibleDimensions(tx, actor.user, ids)) !== new Set(ids).size)
    throw badRequest('所选维度不存在或不可用', [{ field: 'dimensionIds', message: '维度不存在' }]);
}

async function requireUniqueCode(tx: Executor, code: string | null | undefined, exceptId?: number) {
  if (!code) return;
  const existing = await findOrgIdByCode(tx, code);
  if (existing !== null && existing !== exceptId)
    throw conflict(`单位编码“${code}”已被使用`, [{ field: 'code', message: '编码重复' }]);
}

/** A 网格 sits under a 村（社区） only, and nothing under a grid: 400 in Chinese naming the parent's kind. */
function requirePlacement(kind: OrgKind, parent: { kind: string; name: string }, field: 'parentId' | 'kind') {
  const error = placementError(kind, { kind: parent.kind as OrgKind, name: parent.name });
  if (error) throw badRequest(error, [{ field, message: error }]);
}

export async function createOrg(db: Db, actor: Actor, input: OrgCreate) {
  return db.transaction((tx) => insertOrg(tx, actor, input));
}

/** Inserts one org under a visible parent; the caller owns the transaction (import inserts many in one). */
export async function insertOrg(tx: Executor, actor: Actor, input: OrgCreate) {
  const parent = await requireOrg(tx, actor, input.parentId, '上级单位');
  requirePlacement(input.kind, parent, 'parentId');
  await requireUniqueCode(tx, input.code);
  await requireDimensionsVisible(tx, actor, input.dimensionIds);
  // Take the id first so the row is inserted once with its final path.
  const id = await nextOrgId(tx);
  const path = `${parent.path}${id}/`;
  await insertOrgRow(tx, {
    id,
    parentId: parent.id,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    code: input.code || null,
    sort: input.sort,
    path,
  });
  await setOrgDimensions(tx, id, input.dimensionIds, false);
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
    if (input.kind && input.kind !== before.kind) await requireKindChangeFits(tx, actor, before, input.kind);
    await requireUniqueCode(tx, input.code, id);
    const { version: _v, dimensionIds, ...fields } = input;
    const updated = await updateOrgRow(tx, id, input.version, {
      ...fields,
      code: fields.code === undefined ? undefined : fields.code || null,
    });
    if (!updated) throw conflict('该单位已被他人修改，请刷新后再编辑');
    if (dimensionIds) {
      await requireDimensionsVisible(tx, actor, dimensionIds);
      await setOrgDimensions(tx, id, dimensionIds);
    }
    await writeAudit(tx, actor, { action: 'org.update', entity: 'org', entityId: id, orgId: id, before, after: input });
    return { ok: true } as const;
  });
}

/** A unit becoming a grid must sit under a village and have no units below; a village with grids stays a village. */
async function requireKindChangeFits(
  tx: Executor,
  actor: Actor,
  org: { id: number; kind: string; name: string; parentId: number | null },
  kind: OrgKind,
) {
  if (org.parentId) requirePlacement(kind, await requireOrg(tx, actor, org.parentId, '上级单位'), 'kind');
  const gridChildren = await countChildOrgs(tx, org.id, 'grid');
  if (kind === 'grid' && (await countChildOrgs(tx, org.id)) > 0)
    throw badRequest(`“${org.name}”下还有下级单位，不能改为网格`, [{ field: 'kind', message: '有下级单位' }]);
  if (kind !== 'village' && gridChildren > 0)
    throw badRequest(`“${org.name}”下设有网格，只能是村（社区）`, [{ field: 'kind', message: '下设网格' }]);
}

/** Moving rewrites the path prefix of the whole subtree in one statement. */
export async function moveOrg(db: Db, actor: Actor, id: number, parentId: number) {
  return db.transaction(async (tx) => {
    const org = await requireOrg(tx, actor, id);
    const parent = await requireOrg(tx, actor, parentId, '上级单位');
    if (!org.parentId) throw badRequest('根节点不能移动');
    if (parent.path.startsWith(org.path)) throw badRequest('不能将单位移动到其自身或其下级单位之下');
    requirePlacement(org.kind as OrgKind, parent, 'parentId');
    const newPath = `${parent.path}${id}/`;
    await moveOrgSubtree(tx, id, org.path, parentId, newPath);
    await writeAudit(tx, actor, {
      action: 'org.move',
      entity: 'org',
      entityId: id,
      orgId: id,
      before: { parentId: org.parentId, path: org.path },
      after: { parentId, path: newPath },
    });
    return { ok: true as const, path: newPath };
  });
}

export async function deleteOrg(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const org = await requireOrg(tx, actor, id);
    if (!org.parentId) throw badRequest('根节点不能删除');
    const children = await countChildOrgs(tx, id);
    const users = await countUsersOfOrg(tx, id);
    const tasks = await countTasksOfOrg(tx, id);
    const reasons = [
      children ? `${children}个下级单位` : '',
      users ? `${users}个用户` : '',
      tasks ? `${tasks}项目标任务` : '',
    ].filter(Boolean);
    if (reasons.length) throw conflict(`“${org.name}”下还有${reasons.join('、')}，不能删除`);
    await deleteOrgRow(tx, id);
    await writeAudit(tx, actor, {
      action: 'org.delete',
      entity: 'org',
      entityId: id,
      orgId: org.parentId,
      before: org,
    });
    return { ok: true } as const;
  });
}

export async function createDimension(db: Db, actor: Actor, input: DimensionCreate) {
  return db.transaction(async (tx) => {
    await requireOrg(tx, actor, input.ownerOrgId, '所属单位');
    if (await dimensionExists(tx, input)) throw conflict(`维度“${input.name}”已存在`);
    const id = await insertDimension(tx, input);
    await writeAudit(tx, actor, { action: 'dimension.create', entity: 'dimension', entityId: id, after: input });
    return { id };
  });
}

export async function deleteDimension(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const dim = requireFound(await findDimension(tx, id), '维度不存在');
    await requireOrg(tx, actor, dim.ownerOrgId, '维度');
    await deleteDimensionRow(tx, id);
    await writeAudit(tx, actor, { action: 'dimension.delete', entity: 'dimension', entityId: id, before: dim });
    return { ok: true } as const;
  });
}
