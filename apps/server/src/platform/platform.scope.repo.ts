import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { orgs } from './platform.orgs.schema.ts';

/** Whether the org exists and meets `scope` (a data-scope condition on `orgs.id`). */
export async function orgMeetsScope(db: Executor, orgId: number, scope: SQL): Promise<boolean> {
  const rows = await db.select({ id: orgs.id }).from(orgs).where(sql`${orgs.id} = ${orgId} and ${scope}`);
  return rows.length > 0;
}

/** A table whose rows belong to one org: an `id` key and an `orgId` owner column. */
export type ScopedTable = PgTable & { id: AnyPgColumn; orgId: AnyPgColumn };

/** The row of `table` with this id that meets `scope` (none, or one), locked `FOR UPDATE` with `lock`. */
export async function selectScopedRow<T extends ScopedTable>(
  db: Executor,
  table: T,
  id: number,
  scope: SQL,
  lock: boolean,
): Promise<T['$inferSelect'][]> {
  const query = db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  return (lock ? await query.for('update') : await query) as T['$inferSelect'][];
}
