import { can, type Permission } from '@fazhi/core/platform/roles';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './kernel/context.ts';
import { AppError, forbidden, unauthorized } from './kernel/errors.ts';
import { loadSession } from './platform.auth.service.ts';

export const sessionCookie = 'fazhi_sid';
export const csrfCookie = 'fazhi_csrf';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** All a user whose password was set or reset by an administrator may do until they choose their own. */
const beforePasswordChange = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);

/**
 * Every API route declares `config.access`; a route without one is refused at start-up, so none can be forgotten.
 * Then, per request: the session, its idle and absolute timeouts, the CSRF token on writes, a password an
 * administrator set (only the password change, who-am-I and logout until the user chooses their own), and the
 * role's permission.
 */
export type AccessEntry = { method: string; url: string; access: string };

export function registerAccessControl(app: FastifyInstance, deps: AppDeps) {
  const table: AccessEntry[] = [];
  app.decorate('accessTable', table);
  app.decorateRequest('user', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    const declared = typeof access === 'string' ? access : access.join('|');
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: declared });
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = request.cookies[sessionCookie];
    const user = token ? await loadSession(deps.db, token, deps.now()) : null;
    if (!user) throw token ? new AppError(401, 'SESSION_EXPIRED', '登录已失效，请重新登录') : unauthorized();
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== user.csrfToken) {
      throw new AppError(403, 'CSRF', '页面已过期，请刷新页面后重试');
    }
    request.user = user;
    if (user.mustChangePassword && !beforePasswordChange.has(`${request.method} ${request.routeOptions.url}`)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '您的密码由管理员设置或重置，请先修改密码后再使用系统');
    }
    if (access === 'authenticated') return;
    const needed: readonly Permission[] = typeof access === 'string' ? [access as Permission] : access;
    if (!needed.some((p) => can(user.role, p))) throw forbidden();
  });
}
