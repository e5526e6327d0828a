import { platformContracts } from '@fazhi/core/platform/platform.contract';
import type { FastifyReply } from 'fastify';
import { type AppDeps, actorOf, type ZApp } from './kernel/context.ts';
import { implementAll } from './kernel/contract-route.ts';
import { readUpload, sendStoredFile } from './kernel/http.ts';
import { csrfCookie, sessionCookie } from './platform.access.service.ts';
import { readAttachment, saveAttachment } from './platform.attachments.service.ts';
import { verifyAuditChain } from './platform.audit-chain.service.ts';
import { login, logout, toSessionUser } from './platform.auth.service.ts';
import { listNotifications, readNotifications } from './platform.notifications.service.ts';
import {
  changeOwnPassword,
  createUser,
  grantUser,
  listAudit,
  listUsers,
  lockedUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from './platform.users.service.ts';

/** The platform's routes: health, sign-in, the 三员's accounts, grants and audit, notifications and attachments. */
export function platformRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  const secure = process.env.FAZHI_SECURE_COOKIE === 'true';
  const setCookies = (reply: FastifyReply, token: string, csrf: string) => {
    reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
    reply.setCookie(csrfCookie, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
  };

  implementAll(app, platformContracts, {
    health: () => ({ status: 'ok' as const, db: deps.dbKind }),
    openapi: () => app.swagger() as unknown as Record<string, unknown>,
    login: {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (request, reply) => {
        const { body } = request;
        const { token, user } = await login(db, body.username, body.password, request.ip, now());
        setCookies(reply, token, user.csrfToken);
        return { ...toSessionUser(user), csrfToken: user.csrfToken };
      },
    },
    me: (request) => {
      const user = actorOf(request).user;
      return { ...toSessionUser(user), csrfToken: user.csrfToken };
    },
    logout: async (request, reply) => {
      await logout(db, actorOf(request).user, request.ip);
      reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
      return { ok: true as const };
    },
    changePassword: (request) => changeOwnPassword(db, actorOf(request), request.body, now()),
    listUsers: (request) => listUsers(db, request.query, now()),
    createUser: (request) => createUser(db, actorOf(request), request.body),
    updateUser: (request) => updateUser(db, actorOf(request), request.params.id, request.body),
    securityUsers: (request) => listUsers(db, request.query, now()),
    grantUser: (request) => grantUser(db, actorOf(request), request.params.id, request.body),
    lockedUsers: () => lockedUsers(db, now()),
    unlockUser: (request) => unlockUser(db, actorOf(request), request.params.id),
    resetPassword: (request) => resetPassword(db, actorOf(request), request.params.id, request.body.password),
    audit: (request) => listAudit(db, request.query),
    auditChain: () => verifyAuditChain(db),
    notifications: (request) => listNotifications(db, actorOf(request).user, request.query),
    readNotifications: (request) => readNotifications(db, actorOf(request).user, request.body.ids, now()),
    uploadAttachment: async (request) => {
      const file = await readUpload(request);
      return saveAttachment(db, actorOf(request), file.filename, file.data);
    },
    downloadAttachment: async (request, reply) => {
      const row = await readAttachment(db, actorOf(request), request.params.id);
      return sendStoredFile(reply, row);
    },
  });
}
