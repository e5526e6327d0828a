import { createHash, randomBytes } from 'node:crypto';
import { passwordPolicy } from '@fazhi/core/platform/password-policy';
import type { SessionUser } from '@fazhi/core/platform/platform.schemas';
import { type DataScope, isAdminRole, type Role, rolePermissions } from '@fazhi/core/platform/roles';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../db/client.ts';
import type { AuthUser } from './kernel/context.ts';
import { AppError, unauthorized } from './kernel/errors.ts';
import { writeAudit } from './platform.audit.service.ts';
import {
  countFailure,
  deleteSession,
  findSession,
  findUserByUsername,
  insertSession,
  resetFailuresIfUnlocked,
  touchSession,
} from './platform.auth.repo.ts';

export const hashPassword = (password: string) => hash(password); // argon2id is the library's default
// Made on the first login that needs it rather than at module load, where it cost start-up ~0.05 s of CPU.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hash('fazhi-dummy-password'));

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type LoginResult = { token: string; user: AuthUser };

/** One answer for an unknown name, a wrong password and a locked account: nothing tells which it was. */
const loginFailed = () =>
  new AppError(
    401,
    'LOGIN_FAILED',
    `用户名或密码错误。连续失败${passwordPolicy.maxFailures}次的账号将锁定${passwordPolicy.lockMinutes}分钟，如需解锁请联系安全保密管理员`,
  );

export async function login(db: Db, username: string, password: string, ip: string | null, now: Date) {
  const user = await findUserByUsername(db, username);
  if (!user?.isActive) {
    await verify(await dummyHash(), password); // same cost whether or not the account exists
    await writeAudit(db, null, { action: 'auth.login_failed', entity: 'user', subject: { username, ip } });
    throw loginFailed();
  }
  const subject = { userId: user.id, username, ip };
  const isLocked = (at: Date | null) => at !== null && at > now;
  if (isLocked(user.lockedUntil)) {
    await verify(await dummyHash(), password);
    await writeAudit(db, null, { action: 'auth.login_refused_locked', entity: 'user', entityId: user.id, subject });
    throw loginFailed();
  }
  if (!(await verify(user.passwordHash, password))) {
    await db.transaction(async (tx) => {
      const lockUntil = new Date(now.getTime() + passwordPolicy.lockMinutes * 60000);
      const counted = await countFailure(tx, user.id, now, passwordPolicy.maxFailures, lockUntil);
      await writeAudit(tx, null, {
        action: counted === null ? 'auth.login_refused_locked' : counted.locked ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        orgId: user.orgId,
        after: counted ? { failed: counted.failed_count } : undefined,
        subject,
      });
    });
    throw loginFailed();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sha256(token);
  const isOpened = await db.transaction(async (tx) => {
    // A lock set by a concurrent failure since the read above still holds: the reset is conditional on it.
    if (!(await resetFailuresIfUnlocked(tx, user.id, now))) return false;
    await insertSession(tx, { id: sessionId, userId: user.id, csrfToken, ip, lastSeenAt: now, createdAt: now });
    await writeAudit(tx, null, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      orgId: user.orgId,
      subject,
    });
    return true;
  });
  if (!isOpened) throw loginFailed();
  const authUser = await loadSession(db, token, now);
  if (!authUser) throw unauthorized();
  return { token, user: authUser } satisfies LoginResult;
}

const idleMs = passwordPolicy.idleMinutes * 60000;
const absoluteMs = passwordPolicy.absoluteHours * 3600_000;

/** Resolves a cookie token to its user; an idle session, or one older than the absolute lifetime, is ended here. Touches last_seen at most once a minute. */
export async function loadSession(db: Db, token: string, now: Date): Promise<AuthUser | null> {
  const sessionId = sha256(token);
  const row = await findSession(db, sessionId);
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  const age = now.getTime() - new Date(row.created_at).getTime();
  if (!row.is_active || now.getTime() - lastSeen.getTime() > idleMs || age > absoluteMs) {
    await deleteSession(db, sessionId);
    return null;
  }
  if (now.getTime() - lastSeen.getTime() > 60_000) {
    await touchSession(db, sessionId, now);
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    // The 三员 never hold a business data scope, whatever the row says.
    dataScope: isAdminRole(row.role as Role) ? 'none' : (row.data_scope as DataScope),
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
    await deleteSession(tx, user.sessionId);
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
