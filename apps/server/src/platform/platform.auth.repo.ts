import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { sessions, users } from './platform.schema.ts';

export async function findUserByUsername(db: Executor, username: string) {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user ?? null;
}

/**
 * Counts one failure in a single statement, so concurrent wrong passwords cannot overwrite each other's count.
 * A lock that has expired starts a fresh count; a locked account is not counted (the row is not updated).
 */
export async function countFailure(db: Executor, userId: number, now: Date, maxFailures: number, lockUntil: Date) {
  const rows = await queryRows<{ failed_count: number; locked: boolean }>(
    db,
    sql`
    update users set
      failed_count = case when locked_until is not null then 1 else failed_count + 1 end,
      locked_until = case
        when (case when locked_until is not null then 1 else failed_count + 1 end) >= ${maxFailures}
        then ${lockUntil.toISOString()}::timestamptz end
    where id = ${userId} and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
    returning failed_count, locked_until is not null as locked`,
  );
  return rows[0] ?? null;
}

/** Clears the failure count after a good password; false when a lock (set by a concurrent failure) still holds. */
export async function resetFailuresIfUnlocked(db: Executor, userId: number, now: Date) {
  const reset = await queryRows<{ id: number }>(
    db,
    sql`update users set failed_count = 0, locked_until = null
        where id = ${userId} and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
        returning id`,
  );
  return reset.length > 0;
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export type SessionRow = {
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
  created_at: string | Date;
};

/** The session's user with the unit and the root of the data scope (the unit itself when none is granted). */
export async function findSession(db: Executor, sessionId: string) {
  // users.org_id and users.scope_org_id are foreign keys to orgs: the session carries the unit's name and path.
  const rows = await queryRows<SessionRow>(
    db,
    sql`
    select u.id, u.username, u.display_name, u.role, u.data_scope, u.org_id, o.name as org_name,
           coalesce(so.path, o.path) as scope_path, u.must_change_password, u.is_active,
           s.csrf_token, s.last_seen_at, s.created_at
    from sessions s
    join users u on u.id = s.user_id
    join orgs o on o.id = u.org_id
    left join orgs so on so.id = u.scope_org_id
    where s.id = ${sessionId}`,
  );
  return rows[0] ?? null;
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function touchSession(db: Executor, sessionId: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}
