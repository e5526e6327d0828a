import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { notify } from './platform.notifications.service.ts';

/** The system administrator keeps accounts: a name, the unit an account belongs to, and whether it may log in. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type ListedUser = { id: number; username: string; displayName: string; orgName: string; isActive: boolean };

describe('PATCH /api/users/:id', () => {
  it('renames an account, moves it to another unit and deactivates it; its session ends and the change is audited', async () => {
    const sysadmin = await t.as('sysadmin');
    const reporter = await t.as('reporter-b');
    const listed = async () =>
      ((await sysadmin.get('/api/users?page=1&pageSize=50&q=reporter-b')).json().items as ListedUser[])[0]!;
    const before = await listed();
    const [target] = await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '区司法局'`);

    const renamed = await sysadmin.patch(`/api/users/${before.id}`, { displayName: '张晓岚', orgId: target!.id });
    expect(renamed.statusCode).toBe(200);
    const after = await listed();
    expect([after.displayName, after.orgName, after.isActive]).toEqual(['张晓岚', '区司法局', true]);

    const off = await sysadmin.patch(`/api/users/${before.id}`, { isActive: false });
    expect(off.statusCode).toBe(200);
    expect((await listed()).isActive).toBe(false);
    expect(await refusal(reporter.get('/api/auth/me'))).toEqual([401, '登录已失效，请重新登录']);

    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'user.update' and entity_id = ${String(before.id)}`,
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('an unknown unit is refused and the account is unchanged', async () => {
    const sysadmin = await t.as('sysadmin');
    const [user] = await queryRows<{ id: number; org_id: number }>(
      t.db,
      sql`select id, org_id from users where username = 'reporter-a'`,
    );
    const res = await sysadmin.patch(`/api/users/${user!.id}`, { orgId: 2147483647 });
    expect(await refusal(res)).toEqual([400, '所属单位不存在']);
    const [again] = await queryRows<{ org_id: number }>(t.db, sql`select org_id from users where id = ${user!.id}`);
    expect(again!.org_id).toBe(user!.org_id);
  });
});

describe('declared fields only', () => {
  it('account lists and the audit log carry exactly their declared fields', async () => {
    const sysadmin = await t.as('sysadmin');
    const [user] = (await sysadmin.get('/api/users?page=1&pageSize=1')).json().items;
    expect(Object.keys(user).sort()).toEqual(
      [
        'dataScope',
        'displayName',
        'id',
        'isActive',
        'lockedUntil',
        'mustChangePassword',
        'orgId',
        'orgName',
        'role',
        'scopeOrgId',
        'username',
      ].sort(),
    );
    const auditor = await t.as('auditor');
    const [entry] = (await auditor.get('/api/audit?page=1&pageSize=1')).json().items;
    // The chain's hashes and the acting user's id stay in the database.
    expect(Object.keys(entry).sort()).toEqual(
      ['action', 'after', 'at', 'before', 'entity', 'entityId', 'id', 'ip', 'orgId', 'username'].sort(),
    );
  });

  it('notify stores a notification once per key; the list answers only its declared fields', async () => {
    const reporter = await t.as('reporter-a');
    const [me] = await queryRows<{ id: number }>(t.db, sql`select id from users where username = 'reporter-a'`);
    const row = {
      userId: me!.id,
      kind: 'test.notice',
      title: '测试提醒',
      body: '提醒正文',
      link: '/notifications',
      dedupeKey: 'test:notice:1',
    };
    expect(await notify(t.db, [row])).toBe(1);
    expect(await notify(t.db, [row])).toBe(0);
    const page = (await reporter.get('/api/notifications?page=1&pageSize=5&unread=true')).json();
    const item = page.items.find((n: { kind: string }) => n.kind === 'test.notice');
    // Neither the recipient's id nor the dedupe key leaves the server.
    expect(Object.keys(item).sort()).toEqual(['body', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title']);
    expect(page.unread).toBeGreaterThanOrEqual(1);
  });
});
