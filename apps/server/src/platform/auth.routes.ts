import { checkPassword } from '@fazhi/core/platform/password-policy';
import { loginSchema, passwordChangeSchema, sessionUserSchema } from '@fazhi/core/platform/platform.schemas';
import { z } from '@fazhi/core/shared/zod';
import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { csrfCookie, sessionCookie } from './access-hook.ts';
import { writeAudit } from './audit.ts';
import { hashPassword, login, logout, toSessionUser } from './auth.service.ts';
import { type AppDeps, actorOf, type ZApp } from './context.ts';
import { badRequest } from './errors.ts';
import { sessions, users } from './platform.schema.ts';

const meSchema = sessionUserSchema.extend({ csrfToken: z.string() });

export function authRoutes(app: ZApp, deps: AppDeps) {
  const secure = process.env.FAZHI_SECURE_COOKIE === 'true';
  const setCookies = (reply: FastifyReply, token: string, csrf: string) => {
    reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
    reply.setCookie(csrfCookie, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['platform'], summary: '登录', body: loginSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const { token, user } = await login(
        deps.db,
        request.body.username,
        request.body.password,
        request.ip,
        deps.now(),
      );
      setCookies(reply, token, user.csrfToken);
      return { ...toSessionUser(user), csrfToken: user.csrfToken };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['platform'], summary: '当前用户', response: { 200: meSchema } },
    },
    async (request) => {
      const user = actorOf(request).user;
      return { ...toSessionUser(user), csrfToken: user.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['platform'], summary: '退出登录' } },
    async (request, reply) => {
      await logout(deps.db, actorOf(request).user, request.ip);
      reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['platform'], summary: '修改密码', body: passwordChangeSchema },
    },
    async (request) => {
      const actor = actorOf(request);
      const [row] = await deps.db.select().from(users).where(eq(users.id, actor.user.id));
      if (!row || !(await verify(row.passwordHash, request.body.oldPassword))) throw badRequest('原密码不正确');
      const problem = checkPassword(request.body.newPassword);
      if (problem) throw badRequest(problem, [{ field: 'newPassword', message: problem }]);
      if (request.body.newPassword === request.body.oldPassword) throw badRequest('新密码不能与原密码相同');
      const passwordHash = await hashPassword(request.body.newPassword);
      await deps.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: deps.now() })
          .where(eq(users.id, actor.user.id));
        // Other sessions of this user end with the old password.
        await tx.delete(sessions).where(eq(sessions.userId, actor.user.id));
        await writeAudit(tx, actor, { action: 'auth.password_changed', entity: 'user', entityId: actor.user.id });
      });
      return { ok: true };
    },
  );
}
