import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

/** Its own file: the login rate limit (30 a minute per address) must not be spent by the other login tests. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const failed = '用户名或密码错误。连续失败5次的账号将锁定15分钟，如需解锁请联系安全保密管理员';

describe('atomic failure counting', () => {
  it('ten concurrent wrong passwords are each counted once: the account locks at exactly five', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => login('kaohe-2', 'Wrong#Guess9')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(401));
    expect(new Set(answers.map((a) => a.json().message))).toEqual(new Set([failed]));
    const [row] = await queryRows<{ failed_count: number; locked: boolean }>(
      t.db,
      sql`select failed_count, locked_until is not null as locked from users where username = 'kaohe-2'`,
    );
    expect(row).toEqual({ failed_count: 5, locked: true });
    const actions = await queryRows<{ action: string; n: number }>(
      t.db,
      sql`select action, count(*)::int as n from audit_log where username = 'kaohe-2' group by action order by action`,
    );
    expect(actions).toEqual([
      { action: 'auth.locked', n: 1 },
      { action: 'auth.login_failed', n: 4 },
      { action: 'auth.login_refused_locked', n: 5 },
    ]);
    expect(await refusal(login('kaohe-2', 'Fazhi@2026'))).toEqual([401, failed]);
  });
});
