import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';

// The SQL of ledger types (custom definitions in ledger_types); the rules are in ledgers.types.service.ts.

/** A custom type is visible to users whose scope holds its owner, and to every unit below the owner. */
function customVisibleSql(user: AuthUser): SQL {
  return sql`(${orgScopeSql(user, sql`t.owner_org_id`)} or exists (
    select 1 from orgs owner, orgs mine where owner.id = t.owner_org_id and mine.id = ${user.orgId}
      and mine.path like owner.path || '%'))`;
}

export type CustomTypeRow = { key: string; definition: LedgerDefinition; version: number; owner_org_id: number };

export async function findCustomType(db: Executor, user: AuthUser, key: string): Promise<CustomTypeRow | undefined> {
  const [row] = await queryRows<CustomTypeRow>(
    db,
    sql`select t.key, t.definition, t.version, t.owner_org_id from ledger_types t
        where t.key = ${key} and ${customVisibleSql(user)}`,
  );
  return row;
}

/** Custom types the user may see, oldest first. */
export function visibleCustomTypes(db: Executor, user: AuthUser) {
  return queryRows<{ key: string; definition: LedgerDefinition }>(
    db,
    sql`select t.key, t.definition from ledger_types t where ${customVisibleSql(user)} order by t.created_at`,
  );
}

/** Rows per type among the rows the user can see. */
export function rowCountsByType(db: Executor, user: AuthUser) {
  return queryRows<{ type_key: string; n: number }>(
    db,
    sql`select type_key, count(*)::int as n from ledger_rows r where ${orgScopeSql(user, sql`r.org_id`)} group by type_key`,
  );
}

export async function customTypeKeyExists(db: Executor, key: string) {
  const rows = await queryRows<{ key: string }>(db, sql`select key from ledger_types where key = ${key}`);
  return rows.length > 0;
}

export async function insertCustomType(
  db: Executor,
  row: { key: string; ownerOrgId: number; definition: LedgerDefinition; createdBy: number },
) {
  await queryRows(
    db,
    sql`insert into ledger_types (key, owner_org_id, definition, created_by)
        values (${row.key}, ${row.ownerOrgId}, ${JSON.stringify(row.definition)}::jsonb, ${row.createdBy})`,
  );
}

/** Rows of one type in the whole database (a definition change must not strand any of them). */
export async function rowCountOfType(db: Executor, key: string) {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ledger_rows where type_key = ${key}`,
  );
  return n;
}

/** Optimistic update: the new version, or undefined when someone else changed the type since `version`. */
export async function updateCustomTypeRow(db: Executor, key: string, version: number, definition: LedgerDefinition) {
  const updated = await queryRows<{ version: number }>(
    db,
    sql`update ledger_types set definition = ${JSON.stringify(definition)}::jsonb, version = version + 1,
          updated_at = now() where key = ${key} and version = ${version} returning version`,
  );
  return updated[0]?.version;
}

export async function isOrgInScope(db: Executor, user: AuthUser, orgId: number) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from orgs where id = ${orgId} and ${orgScopeSql(user, sql`id`)}`,
  );
  return rows.length > 0;
}
