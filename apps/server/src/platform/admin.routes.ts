import { checkPassword } from '@fazhi/core/platform/password-policy';
import {
  auditQuerySchema,
  pageQuerySchema,
  userCreateSchema,
  userGrantSchema,
  userUpdateSchema,
} from '@fazhi/core/platform/platform.schemas';
import { isAdminRole, type Role } from '@fazhi/core/platform/roles';
import { idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { and, desc, eq, gte, ilike, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { orgs } from '../org/org.schema.ts';
import { writeAudit } from './audit.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { hashPassword } from './auth.service.ts';
import { type AppDeps, actorOf, type ZApp } from './context.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { auditLog, notifications, sessions, users } from './platform.schema.ts';

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  dataScope: users.dataScope,
  scopeOrgId: users.scopeOrgId,
  orgId: users.orgId,
  orgName: orgs.name,
  isActive: users.isActive,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
};

/** 三员 work: users (系统管理员), security (安全保密管理员), audit (安全审计员); plus everyone's notifications. */
export function adminRoutes(app: ZApp, deps: AppDeps) {
  const listUsers = async (query: { page: number; pageSize: number; q?: string; locked?: 'true' | 'false' }) => {
    const { page, pageSize, q, locked } = query;
    const where = and(
      q ? sql`(${users.username} ilike ${`%${q}%`} or ${users.displayName} ilike ${`%${q}%`})` : undefined,
      locked === 'true' ? gte(users.lockedUntil, deps.now()) : undefined,
    );
    const [items, [count]] = await Promise.all([
      deps.db
        .select(userColumns)
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(where)
        .orderBy(users.id)
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      deps.db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
    ]);
    return { items, total: count?.n ?? 0, page, pageSize };
  };
  const userListQuery = pageQuerySchema.extend({
    q: z.string().max(64).optional(),
    locked: z.enum(['true', 'false']).optional(),
  });

  app.get(
    '/api/users',
    {
      config: { access: 'user.manage' },
      schema: { tags: ['platform'], summary: '用户列表', querystring: userListQuery },
    },
    async (request) => listUsers(request.query),
  );

  // The security administrator looks accounts up to unlock them or reset a password, without managing them.
  app.get(
    '/api/security/users',
    {
      config: { access: 'security.manage' },
      schema: { tags: ['platform'], summary: '账号查询（安全管理）', querystring: userListQuery },
    },
    async (request) => listUsers(request.query),
  );

  app.post(
    '/api/users',
    { config: { access: 'user.manage' }, schema: { tags: ['platform'], summary: '新建用户', body: userCreateSchema } },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body;
      const problem = checkPassword(body.password);
      if (problem) throw badRequest(problem, [{ field: 'password', message: problem }]);
      const [exists] = await deps.db.select({ id: users.id }).from(users).where(eq(users.username, body.username));
      if (exists) throw conflict(`用户名“${body.username}”已存在`);
      const [org] = await deps.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, body.orgId));
      if (!org) throw badRequest('所属单位不存在', [{ field: 'orgId', message: '所属单位不存在' }]);
      const passwordHash = await hashPassword(body.password);
      return deps.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          // Reads nothing until the security administrator grants a role and a data scope.
          .values({ ...body, role: 'pending', dataScope: 'none', passwordHash, mustChangePassword: true })
          .returning({ id: users.id });
        const { password: _omit, ...after } = body;
        await writeAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: row!.id, after });
        return { id: row!.id };
      });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'user.manage' },
      schema: { tags: ['platform'], summary: '修改用户', params: idParams, body: userUpdateSchema },
    },
    async (request) => {
      const actor = actorOf(request);
      return deps.db.transaction(async (tx) => {
        const [before] = await tx
          .select(userColumns)
          .from(users)
          .innerJoin(orgs, eq(orgs.id, users.orgId))
          .where(eq(users.id, request.params.id));
        if (!before) throw notFound('用户不存在');
        if (request.body.orgId !== undefined) {
          const [org] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, request.body.orgId));
          if (!org) throw badRequest('所属单位不存在', [{ field: 'orgId', message: '所属单位不存在' }]);
        }
        // Locking oneself out would leave the platform without the administrator who could undo it.
        if (before.id === actor.user.id && request.body.isActive === false)
          throw badRequest('不能停用自己的账号，请由其他系统管理员办理');
        if (request.body.isActive === false && isAdminRole(before.role as Role))
          throw badRequest('三员账号（系统管理员、安全保密管理员、安全审计员）不能由系统管理员停用');
        await tx
          .update(users)
          .set({ ...request.body, version: sql`${users.version} + 1` })
          .where(eq(users.id, request.params.id));
        if (request.body.isActive === false) await tx.delete(sessions).where(eq(sessions.userId, request.params.id));
        await writeAudit(tx, actor, {
          action: 'user.update',
          entity: 'user',
          entityId: before.id,
          before,
          after: request.body,
        });
        return { ok: true };
      });
    },
  );

  // The security administrator grants business roles and data scopes; never to an administrator, never to oneself.
  app.put(
    '/api/security/users/:id/grant',
    {
      config: { access: 'security.manage' },
      schema: { tags: ['platform'], summary: '授予角色与数据范围', params: idParams, body: userGrantSchema },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body;
      return deps.db.transaction(async (tx) => {
        const [before] = await tx
          .select(userColumns)
          .from(users)
          .innerJoin(orgs, eq(orgs.id, users.orgId))
          .where(eq(users.id, request.params.id));
        if (!before) throw notFound('用户不存在');
        if (before.id === actor.user.id) throw badRequest('不能为自己授权，请由其他安全保密管理员办理');
        if (isAdminRole(before.role as Role))
          throw badRequest('三员账号的角色不能通过授权修改', [{ field: 'role', message: '三员账号不能授权' }]);
        if (body.scopeOrgId != null) {
          const [org] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, body.scopeOrgId));
          if (!org) throw badRequest('数据范围的单位不存在', [{ field: 'scopeOrgId', message: '单位不存在' }]);
        }
        const isPending = body.role === 'pending';
        const grant = {
          role: body.role,
          dataScope: isPending ? 'none' : body.dataScope,
          scopeOrgId: isPending ? null : (body.scopeOrgId ?? null),
        };
        await tx
          .update(users)
          .set({ ...grant, version: sql`${users.version} + 1` })
          .where(eq(users.id, before.id));
        // Sessions carry the old role's reach: they end, and the user signs in again under the new grant.
        await tx.delete(sessions).where(eq(sessions.userId, before.id));
        await writeAudit(tx, actor, {
          action: 'security.grant',
          entity: 'user',
          entityId: before.id,
          before: { role: before.role, dataScope: before.dataScope },
          after: grant,
        });
        return { ok: true };
      });
    },
  );

  app.get(
    '/api/security/locked-users',
    { config: { access: 'security.manage' }, schema: { tags: ['platform'], summary: '被锁定的账号' } },
    async () => {
      const items = await deps.db
        .select(userColumns)
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(gte(users.lockedUntil, deps.now()))
        .orderBy(users.id);
      return { items };
    },
  );

  app.post(
    '/api/security/users/:id/unlock',
    { config: { access: 'security.manage' }, schema: { tags: ['platform'], summary: '解锁账号', params: idParams } },
    async (request) => {
      const actor = actorOf(request);
      await deps.db.transaction(async (tx) => {
        const updated = await tx
          .update(users)
          .set({ lockedUntil: null, failedCount: 0 })
          .where(eq(users.id, request.params.id))
          .returning({ id: users.id });
        if (updated.length === 0) throw notFound('用户不存在');
        await writeAudit(tx, actor, { action: 'security.unlock', entity: 'user', entityId: request.params.id });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/security/users/:id/reset-password',
    {
      config: { access: 'security.manage' },
      schema: {
        tags: ['platform'],
        summary: '重置密码',
        params: idParams,
        body: z.object({ password: z.string().min(1, '请输入新密码').max(128) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.params.id === actor.user.id) throw badRequest('不能重置自己的密码，请通过“修改密码”办理');
      const problem = checkPassword(request.body.password);
      if (problem) throw badRequest(problem, [{ field: 'password', message: problem }]);
      const passwordHash = await hashPassword(request.body.password);
      await deps.db.transaction(async (tx) => {
        const updated = await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: true, lockedUntil: null, failedCount: 0 })
          .where(eq(users.id, request.params.id))
          .returning({ id: users.id });
        if (updated.length === 0) throw notFound('用户不存在');
        await tx.delete(sessions).where(eq(sessions.userId, request.params.id));
        await writeAudit(tx, actor, { action: 'security.reset_password', entity: 'user', entityId: request.params.id });
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['platform'], summary: '审计日志查询', querystring: auditQuerySchema },
    },
    async (request) => {
      const { page, pageSize, username, entity, action, from, to } = request.query;
      const conditions: SQL[] = [];
      if (username) conditions.push(ilike(auditLog.username, `%${username}%`));
      if (entity) conditions.push(eq(auditLog.entity, entity));
      if (action) conditions.push(ilike(auditLog.action, `%${action}%`));
      if (from) conditions.push(gte(auditLog.at, parseDate(from, '开始时间')));
      if (to) conditions.push(lte(auditLog.at, parseDate(to, '结束时间')));
      const where = conditions.length ? and(...conditions) : undefined;
      const [items, [count]] = await Promise.all([
        deps.db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        deps.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
      ]);
      return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total: count?.n ?? 0, page, pageSize };
    },
  );

  app.get(
    '/api/audit/chain',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['platform'], summary: '审计日志完整性校验（SM3 链）' },
    },
    async () => verifyAuditChain(deps.db),
  );

  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: '我的消息提醒',
        querystring: pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) => {
      const user = actorOf(request).user;
      const { page, pageSize, unread } = request.query;
      const where = and(
        eq(notifications.userId, user.id),
        unread === 'true' ? sql`${notifications.readAt} is null` : undefined,
      );
      const [items, [count], [unreadCount]] = await Promise.all([
        deps.db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        deps.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
        deps.db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(and(eq(notifications.userId, user.id), sql`${notifications.readAt} is null`)),
      ]);
      return {
        items: items.map(({ dedupeKey: _k, userId: _u, ...n }) => ({
          ...n,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        total: count?.n ?? 0,
        unread: unreadCount?.n ?? 0,
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: '标记已读',
        body: z.object({ ids: z.array(z.number().int()).max(500).optional() }),
      },
    },
    async (request) => {
      const user = actorOf(request).user;
      const ids = request.body.ids;
      await deps.db
        .update(notifications)
        .set({ readAt: deps.now() })
        .where(
          and(
            eq(notifications.userId, user.id),
            sql`${notifications.readAt} is null`,
            ids ? inArray(notifications.id, ids) : undefined,
          ),
        );
      return { ok: true };
    },
  );
}

function parseDate(value: string, label: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw badRequest(`${label}格式不正确`);
  return d;
}
