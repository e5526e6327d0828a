import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import type { AuthUser } from './kernel/context.ts';
import { notFound } from './kernel/errors.ts';
import { orgs } from './platform.orgs.schema.ts';
import { orgMeetsScope, type ScopedTable, selectScopedRow } from './platform.scope.repo.ts';

/**
 * The one place data scope becomes SQL: a condition on an org id column that is true exactly for the orgs the user
 * may see. `all` sees everything, `subtree` the scope root and everything below (one prefix match on the
 * materialised path), `unit` and `self` only their own unit, `none` (the 三员, accounts not yet granted) nothing.
 */
export function orgScopeSql(user: AuthUser, orgIdColumn: AnyPgColumn | SQL): SQL {
  switch (user.dataScope) {
    case 'all':
      return sql`true`;
    case 'subtree':
      return sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${user.scopePath}%`})`;
    case 'unit':
    case 'self':
      return sql`${orgIdColumn} = ${user.orgId}`;
    case 'none':
      return sql`false`;
  }
}

/**
 * The org tree itself (names and structure, no business rows): the 三员 have no data scope but manage accounts and
 * read the audit log, so they see the whole structure; everyone else sees what their data scope covers.
 */
export function orgTreeScopeSql(user: AuthUser, orgIdColumn: AnyPgColumn | SQL): SQL {
  return user.dataScope === 'none' ? sql`true` : orgScopeSql(user, orgIdColumn);
}

export async function isOrgInScope(db: Executor, user: AuthUser, orgId: number): Promise<boolean> {
  return orgMeetsScope(db, orgId, orgScopeSql(user, orgs.id));
}

export async function requireOrgInScope(db: Executor, user: AuthUser, orgId: number, message?: string) {
  if (!(await isOrgInScope(db, user, orgId))) throw notFound(message ?? '未找到该单位，或该单位不在您的数据范围内');
}

/** The top org of the user's scope: the owner of what an office creates for its whole area (work points, schemes…). */
export function scopeRootOrgId(user: AuthUser): number {
  return Number(user.scopePath.split('/').filter(Boolean).at(-1));
}

/**
 * The one "row in scope or 404": the row of `table` with this id whose owner org is in the user's data scope,
 * locked `FOR UPDATE` with `{ lock: true }` (inside a transaction). A row that does not exist and a row outside the
 * scope answer the same 404 with `message`, so a user cannot probe ids of other units.
 */
export async function requireInScope<T extends ScopedTable>(
  db: Executor,
  user: AuthUser,
  table: T,
  id: number,
  message: string,
  options: { lock?: boolean } = {},
): Promise<T['$inferSelect']> {
  const rows = await selectScopedRow(db, table, id, orgScopeSql(user, table.orgId), options.lock === true);
  return requireFirst(rows, message);
}

/** The first row a scoped query found (the query applied the data scope itself), or 404 with `message`. */
export function requireFirst<T>(rows: readonly T[], message: string): T {
  return requireFound(rows[0], message);
}

/** The row a scoped finder returned (the finder applied the data scope itself), or 404 with `message`. */
export function requireFound<T>(row: T | undefined | null, message: string): T {
  if (row === undefined || row === null) throw notFound(message);
  return row;
}
