import { can, type Permission, type Role } from '@fazhi/core/platform/roles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/**
 * For every API route × every demo role: the server allows exactly what the role's permissions say. A denied call
 * is 403 (or 401 without a session); an allowed one gets past authorisation (whatever the dummy input then earns).
 */
const demoRoles: Record<string, Role> = {
  sysadmin: 'sysadmin',
  secadmin: 'secadmin',
  auditor: 'auditor',
  office: 'office',
  leader: 'leader',
  'reporter-a': 'reporter',
  'reporter-b': 'reporter',
  city: 'viewer',
};

let t: TestApp;
const clients = new Map<string, Client>();
beforeAll(async () => {
  t = await createTestApp({ recordRoutes: false }); // a sweep: reaching a route is not testing it
  for (const username of Object.keys(demoRoles)) clients.set(username, await t.as(username));
});
afterAll(() => t?.close());

const concrete = (url: string) => url.replace(/:node/g, 'start').replace(/:[a-zA-Z]+/g, '999999');
const call = (client: Client, method: string, url: string) => {
  switch (method) {
    case 'GET':
      return client.get(url);
    case 'POST':
      return client.post(url, {});
    case 'PUT':
      return client.put(url, {});
    case 'PATCH':
      return client.patch(url, {});
    default:
      return client.delete(url);
  }
};
// Logging out ends the session the rest of the matrix needs; it is covered by the auth tests.
const skipInMatrix = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

describe('authorisation matrix', () => {
  it('every route declares its access, and covers the modules', () => {
    const urls = t.app.accessTable.map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining(['/api/plan/tasks/:id/review', '/api/orgs/import', '/api/audit', '/api/users']),
    );
    expect(t.app.accessTable.length).toBeGreaterThan(40);
  });

  it('each demo role gets exactly what its permissions allow on every route', async () => {
    const mismatches: string[] = [];
    for (const route of t.app.accessTable) {
      const key = `${route.method} ${route.url}`;
      if (skipInMatrix.has(key)) continue;
      for (const [username, role] of Object.entries(demoRoles)) {
        const allowed =
          route.access === 'public' || route.access === 'authenticated' || can(role, route.access as Permission);
        const res = await call(clients.get(username)!, route.method, concrete(route.url));
        const denied = res.statusCode === 403 && res.json().code === 'FORBIDDEN';
        if (allowed === denied || res.statusCode === 401 || res.statusCode >= 500) {
          mismatches.push(`${username} ${key} → ${res.statusCode} (expected ${allowed ? 'allowed' : 'denied'})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('without a session every non-public route is 401', async () => {
    for (const route of t.app.accessTable.filter((r) => r.access !== 'public')) {
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('三员 duties are separate: each admin is refused the others’ work and all business data', async () => {
    const expectations: [string, string, number][] = [
      ['sysadmin', '/api/users', 200],
      ['sysadmin', '/api/audit', 403],
      ['sysadmin', '/api/security/locked-users', 403],
      ['sysadmin', '/api/plan/tasks', 403],
      ['secadmin', '/api/security/locked-users', 200],
      ['secadmin', '/api/users', 403],
      ['secadmin', '/api/audit', 403],
      ['auditor', '/api/audit', 200],
      ['auditor', '/api/users', 403],
      ['auditor', '/api/plan/tasks', 403],
      ['office', '/api/audit', 403],
      ['office', '/api/users', 403],
      ['leader', '/api/plan/tasks', 200],
      ['city', '/api/plan/tasks', 200],
    ];
    for (const [username, url, status] of expectations) {
      expect((await clients.get(username)!.get(url)).statusCode, `${username} GET ${url}`).toBe(status);
    }
  });
});
