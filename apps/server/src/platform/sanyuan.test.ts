import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

/** 三员 as 等保2.0 means it: accounts / grants / audit are three people, none of whom reads business data. */
let t: TestApp;
let sysadmin: Client;
let secadmin: Client;
let auditor: Client;
let attachmentId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.as('sysadmin');
  secadmin = await t.as('secadmin');
  auditor = await t.as('auditor');
  const reporterA = await t.as('reporter-a');
  attachmentId = (await reporterA.upload('/api/attachments', '调解协议.png', tinyPng, 'image/png')).json().id;
  const users = await queryRows<{ id: number; username: string }>(t.db, sql`select id, username from users`);
  for (const u of users) ids[u.username] = u.id;
});
afterAll(() => t?.close());

const userRow = async (username: string) =>
  (
    await queryRows<{ role: string; data_scope: string; is_active: boolean; must_change_password: boolean }>(
      t.db,
      sql`select role, data_scope, is_active, must_change_password from users where username = ${username}`,
    )
  )[0];

describe('the three administrators hold no business data scope', () => {
  it('their sessions say scope 无业务数据, and business reads are refused', async () => {
    for (const admin of [sysadmin, secadmin, auditor]) {
      expect((await admin.get('/api/auth/me')).json().dataScope).toBe('none');
      for (const url of ['/api/plan/tasks', '/api/cadres', '/api/dashboard?year=2026']) {
        const res = await admin.get(url);
        expect([res.statusCode, res.json().code], url).toEqual([403, 'FORBIDDEN']);
      }
    }
  });

  it('none of them may download a business attachment; its unit may', async () => {
    for (const admin of [sysadmin, secadmin, auditor]) {
      const res = await admin.get(`/api/attachments/${attachmentId}`);
      expect([res.statusCode, res.json()]).toEqual([403, { code: 'FORBIDDEN', message: '您没有执行此操作的权限' }]);
    }
    expect((await (await t.as('reporter-a')).get(`/api/attachments/${attachmentId}`)).statusCode).toBe(200);
    const other = await (await t.as('reporter-b')).get(`/api/attachments/${attachmentId}`);
    expect([other.statusCode, other.json().message]).toEqual([404, '未找到该附件，或您无权查看']);
  });

  it('the sysadmin still sees the whole org tree to place accounts', async () => {
    const res = await sysadmin.get('/api/orgs');
    expect(res.statusCode).toBe(200);
    expect((res.json().items as { name: string }[]).map((o) => o.name)).toEqual(
      expect.arrayContaining(['昭化区', '区司法局', '区市场监督管理局']),
    );
  });
});

describe('sysadmin creates accounts that read nothing until secadmin grants them', () => {
  let newId: number;
  let newcomer: Client;

  it('a new account has no role and no scope, and must change its password before anything else', async () => {
    const orgs = (await sysadmin.get('/api/orgs')).json().items as { id: number; name: string }[];
    const created = await sysadmin.post('/api/users', {
      username: 'clerk-x',
      displayName: '新同事',
      orgId: orgs.find((o) => o.name === '区司法局')!.id,
      password: 'Init#Pass2031',
      role: 'office', // ignored: the create form has no role
    });
    expect(created.statusCode).toBe(200);
    newId = created.json().id;
    expect(await userRow('clerk-x')).toEqual({
      role: 'pending',
      data_scope: 'none',
      is_active: true,
      must_change_password: true,
    });
    newcomer = await t.as('clerk-x', 'Init#Pass2031');
    const blocked = await newcomer.get('/api/notifications');
    expect([blocked.statusCode, blocked.json()]).toEqual([
      403,
      { code: 'PASSWORD_CHANGE_REQUIRED', message: '您的密码由管理员设置或重置，请先修改密码后再使用系统' },
    ]);
    expect((await newcomer.get('/api/auth/me')).json()).toMatchObject({ role: 'pending', mustChangePassword: true });
    const changed = await newcomer.post('/api/auth/password', {
      oldPassword: 'Init#Pass2031',
      newPassword: 'Own#Secret77',
    });
    expect(changed.statusCode).toBe(200);
    newcomer = await t.as('clerk-x', 'Own#Secret77');
    expect((await newcomer.get('/api/notifications')).statusCode).toBe(200);
    for (const url of ['/api/plan/tasks', '/api/orgs', `/api/attachments/${attachmentId}`]) {
      expect(await refusal(newcomer.get(url)), url).toEqual([403, '您没有执行此操作的权限']);
    }
  });

  it('the sysadmin cannot grant a role or a scope', async () => {
    const res = await sysadmin.patch(`/api/users/${newId}`, { role: 'office', dataScope: 'all' });
    expect([res.statusCode, res.json().message]).toEqual([
      400,
      '请求内容有误：role：角色与数据范围由安全保密管理员授予，系统管理员不能修改',
    ]);
    const grant = await sysadmin.put(`/api/security/users/${newId}/grant`, { role: 'office', dataScope: 'all' });
    expect(await refusal(grant)).toEqual([403, '您没有执行此操作的权限']);
    expect((await userRow('clerk-x'))?.role).toBe('pending');
  });

  it('the secadmin grants a business role and scope; the old session ends and the new one reads its unit', async () => {
    const res = await secadmin.put(`/api/security/users/${newId}/grant`, { role: 'reporter', dataScope: 'unit' });
    expect(res.statusCode).toBe(200);
    expect(await refusal(newcomer.get('/api/auth/me'))).toEqual([401, '登录已失效，请重新登录']);
    const granted = await t.as('clerk-x', 'Own#Secret77');
    expect((await granted.get('/api/plan/tasks')).statusCode).toBe(200);
    expect((await granted.get(`/api/attachments/${attachmentId}`)).statusCode).toBe(200);
    const [audit] = await queryRows<{ after: unknown }>(
      t.db,
      sql`select after from audit_log where action = 'security.grant' and entity_id = ${String(newId)}`,
    );
    expect(audit?.after).toEqual({ role: 'reporter', dataScope: 'unit', scopeOrgId: null });
  });

  it('nobody grants an administrator role, changes an administrator, or grants themselves', async () => {
    const toAdmin = await secadmin.put(`/api/security/users/${newId}/grant`, { role: 'sysadmin', dataScope: 'all' });
    expect([toAdmin.statusCode, toAdmin.json().code]).toEqual([400, 'VALIDATION']);
    const onAuditor = await secadmin.put(`/api/security/users/${ids.auditor}/grant`, {
      role: 'office',
      dataScope: 'all',
    });
    expect([onAuditor.statusCode, onAuditor.json().message]).toEqual([400, '三员账号的角色不能通过授权修改']);
    const self = await secadmin.put(`/api/security/users/${ids.secadmin}/grant`, { role: 'office', dataScope: 'all' });
    expect([self.statusCode, self.json().message]).toEqual([400, '不能为自己授权，请由其他安全保密管理员办理']);
    expect(await userRow('auditor')).toMatchObject({ role: 'auditor', data_scope: 'none' });
    expect(await userRow('secadmin')).toMatchObject({ role: 'secadmin', data_scope: 'none' });
  });

  it('the sysadmin cannot deactivate the secadmin or the auditor', async () => {
    for (const name of ['secadmin', 'auditor']) {
      const res = await sysadmin.patch(`/api/users/${ids[name]}`, { isActive: false });
      expect([res.statusCode, res.json().message], name).toEqual([
        400,
        '三员账号（系统管理员、安全保密管理员、安全审计员）不能由系统管理员停用',
      ]);
      expect((await userRow(name))?.is_active).toBe(true);
    }
  });
});

describe('secadmin resets passwords but cannot use the account', () => {
  it('a reset password opens nothing but the password change, enforced by the server', async () => {
    const reset = await secadmin.post(`/api/security/users/${ids.leader}/reset-password`, { password: 'Temp#Reset42' });
    expect(reset.statusCode).toBe(200);
    const asLeader = await t.as('leader', 'Temp#Reset42');
    for (const [method, url] of [
      ['GET', '/api/plan/tasks'],
      ['GET', '/api/dashboard?year=2026'],
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications/read'],
    ] as const) {
      const res = method === 'GET' ? await asLeader.get(url) : await asLeader.post(url, {});
      expect([res.statusCode, res.json().code], url).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    }
    expect((await asLeader.get('/api/auth/me')).statusCode).toBe(200);
    expect((await asLeader.post('/api/auth/logout')).statusCode).toBe(200);
  });

  it('the secadmin cannot reset their own password', async () => {
    const res = await secadmin.post(`/api/security/users/${ids.secadmin}/reset-password`, { password: 'Temp#Reset42' });
    expect([res.statusCode, res.json().message]).toEqual([400, '不能重置自己的密码，请通过“修改密码”办理']);
  });
});
