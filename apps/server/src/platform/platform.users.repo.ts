import type { UserListQuery, UserRow } from '@fazhi/core/platform/platform.contract';
import { and, desc, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
// users.org_id is a foreign key to orgs: the account lists show the unit's name beside it.
import { orgs } from './platform.orgs.schema.ts';
import { auditLog, sessions, users } from './platform.schema.ts';

/** The columns an account list shows: never the password hash or the failure count. */
const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  dataScope: users.dataScope,
  scopeOrgId: users.scopeOrgId,
  orgId: users.orgId,
  orgName: orgs.name,
  isActive: users.isActive,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
};

export async function queryUserPage(db: Executor, query: UserListQuery, now: Date) {
  const { page, pageSize, q, locked } = query;
  const where = and(
    q ? sql`(${users.username} ilike ${`%${q}%`} or ${users.displayName} ilike ${`%${q}%`})` : undefined,
    locked === 'true' ? gte(users.lockedUntil, now) : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(where)
      .orderBy(users.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  // role and data_scope columns hold the core's enums (checked when written); the response schema checks again.
  return { items: items as UserRow[], total: count?.n ?? 0 };
}

export async function queryLockedUsers(db: Executor, now: Date): Promise<UserRow[]> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(gte(users.lockedUntil, now))
    .orderBy(users.id);
  return rows as UserRow[];
}

export async function findUserRow(db: Executor, id: number) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, id));
  return row ?? null;
}

/** The full account row (with its password hash), for checking a password. */
export async function findUserWithHash(db: Executor, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function usernameTaken(db: Executor, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row !== undefined;
}

export async function orgExists(db: Executor, id: number) {
  const [row] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, id));
  return row !== undefined;
}

export async function insertUser(
  db: Executor,
  values: { username: string; displayName: string; orgId: number; passwordHash: string },
) {
  // Reads nothing until the security administrator grants a role and a data scope.
  const [row] = await db
    .insert(users)
    .values({ ...values, role: 'pending', dataScope: 'none', mustChangePassword: true })
    .returning({ id: users.id });
  return row!.id;
}

export function updateUserFields(
  db: Executor,
  id: number,
  fields: Pick<Partial<typeof users.$inferInsert>, 'displayName' | 'orgId' | 'isActive'>,
) {
  return db
    .update(users)
    .set({ ...fields, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

export function setUserGrant(
  db: Executor,
  id: number,
  grant: Pick<typeof users.$inferInsert, 'role' | 'dataScope' | 'scopeOrgId'>,
) {
  return db
    .update(users)
    .set({ ...grant, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

/** Clears a lock; false when there is no such account. */
export async function unlockUserRow(db: Executor, id: number) {
  const updated = await db
    .update(users)
    .set({ lockedUntil: null, failedCount: 0 })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  return updated.length > 0;
}

/** Sets a password the user must change at the next sign-in, clearing any lock; false when there is no such account. */
export async function resetUserPassword(db: Executor, id: number, passwordHash: string) {
  const updated = await db
    .update(users)
    .set({ passwordHash, mustChangePassword: true, lockedUntil: null, failedCount: 0 })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  return updated.length > 0;
}

export function setOwnPassword(db: Executor, id: number, passwordHash: string, now: Date) {
  return db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now })
    .where(eq(users.id, id));
}

export function deleteSessionsOf(db: Executor, userId: number) {
  return db.delete(sessions).where(eq(sessions.userId, userId));
}

export type AuditFilter = {
  page: number;
  pageSize: number;
  username?: string;
  entity?: string;
  action?: string;
  from?: Date;
  to?: Date;
};

export async function queryAuditPage(db: Executor, filter: AuditFilter) {
  const { page, pageSize, username, entity, action, from, to } = filter;
  const conditions: SQL[] = [];
  if (username) conditions.push(ilike(auditLog.username, `%${username}%`));
  if (entity) conditions.push(eq(auditLog.entity, entity));
  if (action) conditions.push(ilike(auditLog.action, `%${action}%`));
  if (from) conditions.push(gte(auditLog.at, from));
  if (to) conditions.push(lte(auditLog.at, to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** How many accounts belong to a unit: the org module refuses to delete a unit that still has any (issue 19). */
export async function countUsersOfOrg(db: Executor, orgId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.orgId, orgId));
  return row?.n ?? 0;
}
