import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login, lockout, idle timeout, CSRF', () => {
  it('logs in with the demo password and returns who the user is, with httpOnly SameSite cookies', async () => {
    const res = await login('office', 'Fazhi@2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'office',
      role: 'office',
      dataScope: 'subtree',
      orgName: '区委依法治区办',
    });
    const sid = res.cookies.find((c) => c.name === 'fazhi_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Strict');
    const stored = await queryRows<{ id: string }>(t.db, sql`select id from sessions`);
    expect(stored.map((s) => s.id)).not.toContain(sid.value); // only a hash of the token is kept
  });

  const failed = '用户名或密码错误。连续失败5次的账号将锁定15分钟，如需解锁请联系安全保密管理员';

  it('a wrong password gets no remaining-tries hint; the fifth failure locks the account for 15 minutes', async () => {
    const first = await login('reporter-b', 'wrong-password');
    expect(first.statusCode).toBe(401);
    expect(first.json()).toEqual({ code: 'LOGIN_FAILED', message: failed });
    for (let i = 0; i < 4; i++) await login('reporter-b', 'wrong-password');
    const [row] = await queryRows<{ failed_count: number; locked: boolean }>(
      t.db,
      sql`select failed_count, locked_until is not null as locked from users where username = 'reporter-b'`,
    );
    expect(row).toEqual({ failed_count: 5, locked: true });
    // Locked: even the right password gets the very same answer, so a lock does not reveal that the account exists.
    const correctWhileLocked = await login('reporter-b', 'Fazhi@2026');
    expect([correctWhileLocked.statusCode, correctWhileLocked.json()]).toEqual([
      401,
      { code: 'LOGIN_FAILED', message: failed },
    ]);
    t.advanceClock(15 * 60 * 1000 + 1000);
    expect((await login('reporter-b', 'Fazhi@2026')).statusCode).toBe(200);
  });

  it('an unknown user gets exactly the answer of a wrong password', async () => {
    const unknown = await login('nobody', 'Fazhi@2026');
    const wrong = await login('leader', 'Wrong#Pass1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json()).toEqual({ code: 'LOGIN_FAILED', message: failed });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: 'Fazhi@2026' },
    });
  });

  it('a session ends 12 hours after login however active it was', async () => {
    const office = await t.as('office');
    for (let i = 0; i < 24; i++) {
      t.advanceClock(29 * 60 * 1000);
      expect((await office.get('/api/auth/me')).statusCode, `after ${(i + 1) * 29} minutes`).toBe(200);
    }
    t.advanceClock(29 * 60 * 1000); // 12 h 5 min after login, last request 29 minutes ago
    const res = await office.get('/api/auth/me');
    expect([res.statusCode, res.json().message]).toEqual([401, '登录已失效，请重新登录']);
  });

  it('a session idle for more than 30 minutes is ended', async () => {
    const office = await t.as('office');
    expect((await office.get('/api/auth/me')).statusCode).toBe(200);
    t.advanceClock(29 * 60 * 1000);
    expect((await office.get('/api/auth/me')).statusCode).toBe(200);
    t.advanceClock(31 * 60 * 1000);
    const res = await office.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('登录已失效，请重新登录');
  });

  it('a write without the CSRF token is refused and changes nothing', async () => {
    const office = await t.as('office');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plan/work-points',
      cookies: { fazhi_sid: office.cookie },
      payload: { year: 2030, title: '伪造请求' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from work_points where title = '伪造请求'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('changing the password enforces the policy and ends the old sessions', async () => {
    const leader = await t.as('leader');
    const weak = await leader.post('/api/auth/password', { oldPassword: 'Fazhi@2026', newPassword: 'abc12345' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('至少三类');
    for (const common of ['Woaini@2026', 'Admin@123', 'P@ssw0rd', 'Fazhi@2026']) {
      const res = await leader.post('/api/auth/password', { oldPassword: 'Fazhi@2026', newPassword: common });
      expect([res.statusCode, res.json().message], common).toEqual([
        400,
        '该密码属于常见弱口令，容易被猜中，请另设一个',
      ]);
    }
    const ok = await leader.post('/api/auth/password', { oldPassword: 'Fazhi@2026', newPassword: 'Leader#2027' });
    expect(ok.statusCode).toBe(200);
    expect(await refusal(leader.get('/api/auth/me'))).toEqual([401, '登录已失效，请重新登录']);
    expect(await refusal(login('leader', 'Fazhi@2026'))).toEqual([401, failed]);
    expect((await login('leader', 'Leader#2027')).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const a = await t.as('reporter-a');
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect(await refusal(a.get('/api/auth/me'))).toEqual([401, '登录已失效，请重新登录']);
  });
});

describe('三员 administration', () => {
  it('the secadmin unlocks a locked account, and the sysadmin creates a user who must change the password', async () => {
    for (let i = 0; i < 5; i++) await login('city', 'bad-password');
    const secadmin = await t.as('secadmin');
    const found = (await secadmin.get('/api/security/users?q=city&locked=true')).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['city']);
    expect((await secadmin.get('/api/security/users?q=reporter')).json().total).toBe(2);
    const locked = (await secadmin.get('/api/security/locked-users')).json().items;
    const city = locked.find((u: { username: string }) => u.username === 'city');
    expect(city).toBeTruthy();
    expect((await secadmin.post(`/api/security/users/${city.id}/unlock`)).statusCode).toBe(200);
    expect((await login('city', 'Fazhi@2026')).statusCode).toBe(200);

    const sysadmin = await t.as('sysadmin');
    const orgs = (await sysadmin.get('/api/orgs')).json().items as { id: number; name: string }[];
    const weak = await sysadmin.post('/api/users', {
      username: 'reporter-c',
      displayName: '新填报员',
      role: 'reporter',
      dataScope: 'unit',
      orgId: orgs.find((o) => o.name === '区教育局')!.id,
      password: 'short',
    });
    expect(await refusal(weak)).toEqual([400, '密码长度不能少于8位']);
    const created = await sysadmin.post('/api/users', {
      username: 'reporter-c',
      displayName: '新填报员',
      role: 'reporter',
      dataScope: 'unit',
      orgId: orgs.find((o) => o.name === '区教育局')!.id,
      password: 'Init#Pass2026',
    });
    expect(created.statusCode).toBe(200);
    const me = (await (await t.as('reporter-c', 'Init#Pass2026')).get('/api/auth/me')).json();
    expect(me).toMatchObject({ mustChangePassword: true, orgName: '区教育局' });
    const dup = await sysadmin.post('/api/users', {
      username: 'reporter-c',
      displayName: '重复',
      role: 'reporter',
      dataScope: 'unit',
      orgId: me.orgId,
      password: 'Init#Pass2026',
    });
    expect(await refusal(dup)).toEqual([409, '用户名“reporter-c”已存在']);
  });
});

describe('system administrator cannot lock themselves out', () => {
  it('refuses to deactivate or re-role the own account with a Chinese message, and leaves it unchanged', async () => {
    const sysadmin = await t.as('sysadmin');
    const me = (await sysadmin.get('/api/auth/me')).json() as { id: number; role: string };
    const off = await sysadmin.patch(`/api/users/${me.id}`, { isActive: false });
    expect(off.statusCode).toBe(400);
    expect(off.json().message).toContain('不能停用自己的账号');
    const demoted = await sysadmin.patch(`/api/users/${me.id}`, { role: 'reporter' });
    expect(demoted.statusCode).toBe(400);
    expect(demoted.json().message).toContain('角色');
    const after = (await sysadmin.get('/api/users?q=sysadmin')).json().items as {
      id: number;
      isActive: boolean;
      role: string;
    }[];
    expect(after.find((u) => u.id === me.id)).toMatchObject({ isActive: true, role: 'sysadmin' });
    // Still signed in: the session was not ended.
    expect((await sysadmin.get('/api/auth/me')).statusCode).toBe(200);
  });
});
