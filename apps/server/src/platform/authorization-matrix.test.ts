import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { accessGroups, demoAccounts, routeAccess } from '../../test/route-access-expectations.ts';
import { queryRows } from '../db/client.ts';
import { hashPassword } from './platform.auth.service.ts';

/**
 * Every API route × every demo account against the hand-written table in test/route-access-expectations.ts (not
 * against the routes' declarations): a refused call is 403 FORBIDDEN, an allowed one gets past authorisation
 * (whatever the dummy input then earns — but never 401, 403 FORBIDDEN or a 500).
 */
let t: TestApp;
const clients = new Map<string, Client>();
beforeAll(async () => {
  t = await createTestApp({ recordRoutes: false }); // a sweep: reaching a route is not testing it
  // The demo county has no unit leader: one for 区司法局, granted as the security administrator would.
  const passwordHash = await hashPassword('Fazhi@2026');
  await t.db.execute(sql`
    insert into users (username, display_name, password_hash, role, data_scope, org_id)
    select 'unit-leader-a', '区司法局负责人', ${passwordHash}, 'unit_leader', 'unit', id from orgs where name = '区司法局'`);
  for (const username of demoAccounts) clients.set(username, await t.as(username));
});
afterAll(() => t?.close());

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
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
// Logging out or changing the password ends the session the rest of the matrix needs; auth.test.ts covers them.
const skipInMatrix = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

describe('authorisation matrix against the reviewed expectation table', () => {
  it('every route is in the table, and the table names no route that is gone', () => {
    const served = new Set(t.app.accessTable.map(routeKey));
    const expected = new Set(Object.keys(routeAccess));
    expect(
      [...served].filter((k) => !expected.has(k)),
      'routes missing from the table',
    ).toEqual([]);
    expect(
      [...expected].filter((k) => !served.has(k)),
      'table lines naming no route',
    ).toEqual([]);
  });

  it('each account is allowed exactly what the table says on every route', async () => {
    const mismatches: string[] = [];
    for (const route of t.app.accessTable) {
      const key = routeKey(route);
      if (skipInMatrix.has(key)) continue;
      const allowed = new Set<string>(accessGroups[routeAccess[key]!]);
      for (const username of demoAccounts) {
        const res = await call(clients.get(username)!, route.method, concrete(route.url));
        const isDenied = res.statusCode === 403 && res.json().code === 'FORBIDDEN';
        const isAllowed = allowed.has(username);
        if (isAllowed === isDenied || res.statusCode === 401 || res.statusCode >= 500) {
          mismatches.push(`${username} ${key} → ${res.statusCode} (expected ${isAllowed ? 'allowed' : 'refused'})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('without a session every non-public route is 401', async () => {
    for (const route of t.app.accessTable.filter((r) => routeAccess[routeKey(r)] !== 'anyone')) {
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      expect(res.statusCode, routeKey(route)).toBe(401);
    }
  });

  it('the 三员 appear on no business route', () => {
    const admins = ['sysadmin', 'secadmin', 'auditor'];
    const leaks = Object.entries(routeAccess)
      .filter(([, group]) => group !== 'anyone' && group !== 'signedIn' && group !== 'orgReaders')
      .filter(([key]) => !/\/api\/(users|security|audit|orgs|dimensions)/.test(key))
      .filter(([, group]) => accessGroups[group].some((u) => admins.includes(u)));
    expect(leaks).toEqual([]);
  });

  it('the unit leader account really is a unit leader of 区司法局', async () => {
    const [row] = await queryRows<{ role: string; name: string }>(
      t.db,
      sql`select u.role, o.name from users u join orgs o on o.id = u.org_id where u.username = 'unit-leader-a'`,
    );
    expect(row).toEqual({ role: 'unit_leader', name: '区司法局' });
  });
});
