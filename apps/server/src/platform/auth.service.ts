import { createHash, randomBytes } from 'node:crypto';
import { passwordPolicy } from '@fazhi/core/platform/password-policy';
import type { SessionUser } from '@fazhi/core/platform/platform.schemas';
import { type DataScope, type Role, rolePermissions } from '@fazhi/core/platform/roles';
import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { writeAudit } from './audit.ts';
import type { AuthUser } from './context.ts';
import { AppError, unauthorized } from './errors.ts';
import { sessions, users } from './platform.schema.ts';

export const hashPassword = (password: string) => hash(password); // argon2id is the library's default
const dummyHash = hash('fazhi-dummy-password');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type LoginResult = { token: string; user: AuthUser };

export async function login(db: Db, username: string, password: string, ip: string | null, now: Date) {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user?.isActive) {
    await verify(await dummyHash, password); // same cost whether or not the account exists
    await writeAudit(db, null, { action: 'auth.login_failed', entity: 'user', subject: { username, ip } });
    throw new AppError(401, 'LOGIN_FAILED', '用户名或密码错误');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请${minutes}分钟后再试`);
  }
  if (!(await verify(user.passwordHash, password))) {
    const failed = user.failedCount + 1;
    const lock = failed >= passwordPolicy.maxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedCount: lock ? 0 : failed,
          lockedUntil: lock ? new Date(now.getTime() + passwordPolicy.lockMinutes * 60000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await writeAudit(tx, null, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        orgId: user.orgId,
        after: { failed },
        subject: { userId: user.id, username, ip },
      });
    });
    if (lock) {
      throw new AppError(
        423,
        'ACCOUNT_LOCKED',
        `连续${passwordPolicy.maxFailures}次登录失败，账号已锁定${passwordPolicy.lockMinutes}分钟`,
      );
    }
    const left = passwordPolicy.maxFailures - failed;
    throw new AppError(401, 'LOGIN_FAILED', `用户名或密码错误，再失败${left}次账号将被锁定`);
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sha256(token);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx
      .insert(sessions)
      .values({ id: sessionId, userId: user.id, csrfToken, ip, lastSeenAt: now, createdAt: now });
    await writeAudit(tx, null, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      orgId: user.orgId,
      subject: { userId: user.id, username, ip },
    });
  });
  const authUser = await loadSession(db, token, now);
  if (!authUser) throw unauthorized();
  return { token, user: authUser } satisfies LoginResult;
}

const idleMs = passwordPolicy.idleMinutes * 60000;

/** Resolves a cookie token to its user; an idle session is ended here. Touches last_seen at most once a minute. */
export async function loadSession(db: Db, token: string, now: Date): Promise<AuthUser | null> {
  const sessionId = sha256(token);
  const rows = await queryRows<{
    id: number;
    username: string;
    display_name: string;
    role: string;
    data_scope: string;
    org_id: number;
    org_name: string;
    scope_path: string;
    must_change_password: boolean;
    is_active: boolean;
    csrf_token: string;
    last_seen_at: string | Date;
  }>(
    db,
    sql`
    select u.id, u.username, u.display_name, u.role, u.data_scope, u.org_id, o.name as org_name,
           coalesce(so.path, o.path) as scope_path, u.must_change_password, u.is_active,
           s.csrf_token, s.last_seen_at
    from sessions s
    join users u on u.id = s.user_id
    join orgs o on o.id = u.org_id
    left join orgs so on so.id = u.scope_org_id
    where s.id = ${sessionId}`,
  );
  const row = rows[0];
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  if (!row.is_active || now.getTime() - lastSeen.getTime() > idleMs) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  if (now.getTime() - lastSeen.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    dataScope: row.data_scope as DataScope,
    orgId: row.org_id,
    orgName: row.org_name,
    scopePath: row.scope_path,
    mustChangePassword: row.must_change_password,
    sessionId,
    csrfToken: row.csrf_token,
  };
}

export async function logout(db: Db, user: AuthUser, ip: string | null) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, user.sessionId));
    await writeAudit(tx, { user, ip }, { action: 'auth.logout', entity: 'user', entityId: user.id });
  });
}

export function toSessionUser(user: AuthUser): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    dataScope: user.dataScope,
    orgId: user.orgId,
    orgName: user.orgName,
    permissions: [...rolePermissions[user.role]],
    mustChangePassword: user.mustChangePassword,
  };
}
