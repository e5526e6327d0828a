import type { Org, OrgKind } from '@fazhi/core/org/org.schemas';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/context.ts';
import { orgTreeScopeSql } from '../platform/scope.ts';
import { orgs } from './org.schema.ts';

type OrgRow = {
  id: number;
  parent_id: number | null;
  name: string;
  short_name: string | null;
  kind: string;
  code: string | null;
  path: string;
  sort: number;
  version: number;
  dimension_ids: number[] | null;
};

const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind as OrgKind,
  code: r.code,
  path: r.path,
  sort: r.sort,
  dimensionIds: r.dimension_ids ?? [],
  version: r.version,
});

/** Every org the user may see, with its dimension ids, in tree order. One query. */
export async function listOrgsInScope(db: Executor, user: AuthUser, extra = sql`true`) {
  const result = await queryRows<OrgRow>(
    db,
    sql`
    select o.id, o.parent_id, o.name, o.short_name, o.kind, o.code, o.path, o.sort, o.version,
           coalesce((select array_agg(od.dimension_id order by od.dimension_id) from org_dimensions od where od.org_id = o.id), '{}') as dimension_ids
    from ${orgs} o
    where ${orgTreeScopeSql(user, sql`o.id`)} and ${extra}
    order by o.path`,
  );
  return result.map(toOrg);
}

export async function findOrg(db: Executor, user: AuthUser, id: number) {
  const rows = await listOrgsInScope(db, user, sql`o.id = ${id}`);
  return rows[0] ?? null;
}
