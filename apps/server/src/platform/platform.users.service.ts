import { checkPassword } from '@fazhi/core/platform/password-policy';
import type { UserListQuery } from '@fazhi/core/platform/platform.contract';
import type {
  auditQuerySchema,
  UserGrant,
  userCreateSchema,
  userUpdateSchema,
} from '@fazhi/core/platform/platform.schemas';
import { isAdminRole, type Role } from '@fazhi/core/platform/roles';
import type { z } from '@fazhi/core/shared/zod';
import { verify } from '@node-rs/argon2';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from './kernel/context.ts';
import { badRequest, conflict, notFound } from './kernel/errors.ts';
import { writeAudit } from './platform.audit.service.ts';
import { hashPassword } from './platform.auth.service.ts';
import {
  countUsersOfOrg as countUsersOfOrgRow,
  deleteSessionsOf,
  findUserRow,
  findUserWithHash,
  insertUser,
  orgExists,
  queryAuditPage,
  queryLockedUsers,
  queryUserPage,
  resetUserPassword,
  setOwnPassword,
  setUserGrant,
  unlockUserRow,
  updateUserFields,
  usernameTaken,
} from './platform.users.repo.ts';

/**
 * 三员 work: accounts (系统管理员), grants, locks and password resets (安全保密管理员), the audit log (安全审计员).
 * The route's access rule is the permission check; each function here owns its transaction and audit row.
 */

const orgMissing = () => badRequest('所属单位不存在', [{ field: 'orgId', message: '所属单位不存在' }]);

function requireAcceptablePassword(password: string, field: string) {
  const problem = checkPassword(password);
  if (problem) throw badRequest(problem, [{ field, message: problem }]);
}

export async function listUsers(db: Db, query: UserListQuery, now: Date) {
  const { items, total } = await queryUserPage(db, query, now);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function lockedUsers(db: Db, now: Date) {
  return { items: await queryLockedUsers(db, now) };
}

export async function createUser(db: Db, actor: Actor, body: z.output<typeof userCreateSchema>) {
  requireAcceptablePassword(body.password, 'password');
  if (await usernameTaken(db, body.username)) throw conflict(`用户名“${body.username}”已存在`);
  if (!(await orgExists(db, body.orgId))) throw orgMissing();
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      username: body.username,
      displayName: body.displayName,
      orgId: body.orgId,
      passwordHash,
    });
    const { password: _omit, ...after } = body;
    await writeAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: id, after });
    return { id };
  });
}

export async function updateUser(db: Db, actor: Actor, id: number, body: z.output<typeof userUpdateSchema>) {
  return db.transaction(async (tx) => {
    const before = await findUserRow(tx, id);
    if (!before) throw notFound('用户不存在');
    if (body.orgId !== undefined && !(await orgExists(tx, body.orgId))) throw orgMissing();
    // Locking oneself out would leave the platform without the administrator who could undo it.
    if (before.id === actor.user.id && body.isActive === false)
      throw badRequest('不能停用自己的账号，请由其他系统管理员办理');
    if (body.isActive === false && isAdminRole(before.role as Role))
      throw badRequest('三员账号（系统管理员、安全保密管理员、安全审计员）不能由系统管理员停用');
    await updateUserFields(tx, id, { displayName: body.displayName, orgId: body.orgId, isActive: body.isActive });
    if (body.isActive === false) await deleteSessionsOf(tx, id);
    await writeAudit(tx, actor, { action: 'user.update', entity: 'user', entityId: before.id, before, after: body });
    return { ok: true as const };
  });
}

/** The security administrator grants business roles and data scopes; never to an administrator, never to oneself. */
export async function grantUser(db: Db, actor: Actor, id: number, body: UserGrant) {
  return db.transaction(async (tx) => {
    const before = await findUserRow(tx, id);
    if (!before) throw notFound('用户不存在');
    if (before.id === actor.user.id) throw badRequest('不能为自己授权，请由其他安全保密管理员办理');
    if (isAdminRole(before.role as Role))
      throw badRequest('三员账号的角色不能通过授权修改', [{ field: 'role', message: '三员账号不能授权' }]);
    if (body.scopeOrgId != null && !(await orgExists(tx, body.scopeOrgId)))
      throw badRequest('数据范围的单位不存在', [{ field: 'scopeOrgId', message: '单位不存在' }]);
    const isPending = body.role === 'pending';
    const grant = {
      role: body.role,
      dataScope: isPending ? ('none' as const) : body.dataScope,
      scopeOrgId: isPending ? null : (body.scopeOrgId ?? null),
    };
    await setUserGrant(tx, before.id, grant);
    // Sessions carry the old role's reach: they end, and the user signs in again under the new grant.
    await deleteSessionsOf(tx, before.id);
    await writeAudit(tx, actor, {
      action: 'security.grant',
      entity: 'user',
      entityId: before.id,
      before: { role: before.role, dataScope: before.dataScope },
      after: grant,
    });
    return { ok: true as const };
  });
}

export async function unlockUser(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    if (!(await unlockUserRow(tx, id))) throw notFound('用户不存在');
    await writeAudit(tx, actor, { action: 'security.unlock', entity: 'user', entityId: id });
  });
  return { ok: true as const };
}

export async function resetPassword(db: Db, actor: Actor, id: number, password: string) {
  if (id === actor.user.id) throw badRequest('不能重置自己的密码，请通过“修改密码”办理');
  requireAcceptablePassword(password, 'password');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    if (!(await resetUserPassword(tx, id, passwordHash))) throw notFound('用户不存在');
    await deleteSessionsOf(tx, id);
    await writeAudit(tx, actor, { action: 'security.reset_password', entity: 'user', entityId: id });
  });
  return { ok: true as const };
}

/** The signed-in user's own password change: other sessions of this user end with the old password. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  body: { oldPassword: string; newPassword: string },
  now: Date,
) {
  const row = await findUserWithHash(db, actor.user.id);
  if (!row || !(await verify(row.passwordHash, body.oldPassword))) throw badRequest('原密码不正确');
  requireAcceptablePassword(body.newPassword, 'newPassword');
  if (body.newPassword === body.oldPassword) throw badRequest('新密码不能与原密码相同');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await setOwnPassword(tx, actor.user.id, passwordHash, now);
    await deleteSessionsOf(tx, actor.user.id);
    await writeAudit(tx, actor, { action: 'auth.password_changed', entity: 'user', entityId: actor.user.id });
  });
  return { ok: true as const };
}

function parseDate(value: string, label: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw badRequest(`${label}格式不正确`);
  return d;
}

export async function listAudit(db: Db, query: z.output<typeof auditQuerySchema>) {
  const { page, pageSize, username, entity, action, from, to } = query;
  const { items, total } = await queryAuditPage(db, {
    page,
    pageSize,
    username,
    entity,
    action,
    from: from ? parseDate(from, '开始时间') : undefined,
    to: to ? parseDate(to, '结束时间') : undefined,
  });
  return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total, page, pageSize };
}

/** For the org module: a unit that still has user accounts cannot be deleted. */
export function countUsersOfOrg(db: Executor, orgId: number) {
  return countUsersOfOrgRow(db, orgId);
}
