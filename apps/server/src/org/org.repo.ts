import type { Dimension, DimensionKind, Org, OrgKind } from '@fazhi/core/org/org.schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgTreeScopeSql } from '../platform/platform.scope.service.ts';
import { dimensions, orgDimensions, orgs } from './org.schema.ts';

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

// ---- dimensions ----

/** Owned by a unit on the user's path (above or below it); `all`/`none` scopes see every dimension. */
const dimensionOnPathSql = (user: AuthUser) =>
  sql`(${user.dataScope} in ('all', 'none') or ${user.scopePath} like ${orgs.path} || '%' or ${orgs.path} like ${`${user.scopePath}%`})`;

/** Dimensions owned by a unit on the user's path, in kind and sort order. */
export async function listDimensionsInScope(db: Executor, user: AuthUser): Promise<Dimension[]> {
  const rows = await db
    .select({ id: dimensions.id, kind: dimensions.kind, name: dimensions.name, ownerOrgId: dimensions.ownerOrgId })
    .from(dimensions)
    .innerJoin(orgs, eq(orgs.id, dimensions.ownerOrgId))
    .where(dimensionOnPathSql(user))
    .orderBy(dimensions.kind, dimensions.sort, dimensions.id);
  return rows.map((r) => ({ ...r, kind: r.kind as DimensionKind }));
}

/** Names of the dimensions an import may use: those owned by a unit on the user's path. */
export async function dimensionNamesOnPath(db: Executor, user: AuthUser) {
  return db
    .select({ id: dimensions.id, name: dimensions.name })
    .from(dimensions)
    .innerJoin(orgs, eq(orgs.id, dimensions.ownerOrgId))
    .where(sql`(${user.scopePath} like ${orgs.path} || '%' or ${orgs.path} like ${`${user.scopePath}%`})`);
}

export async function allDimensionNames(db: Executor) {
  return db.select({ id: dimensions.id, name: dimensions.name }).from(dimensions);
}

/** How many of `ids` the user may attach (owned by a unit on the user's path). */
export async function countVisibleDimensions(db: Executor, user: AuthUser, ids: readonly number[]) {
  const rows = await db
    .select({ id: dimensions.id })
    .from(dimensions)
    .innerJoin(orgs, eq(orgs.id, dimensions.ownerOrgId))
    .where(
      and(
        inArray(dimensions.id, [...ids]),
        sql`(${user.scopePath} like ${orgs.path} || '%' or ${orgs.path} like ${`${user.scopePath}%`} or ${user.dataScope} in ('all', 'none'))`,
      ),
    );
  return rows.length;
}

export async function findDimension(db: Executor, id: number) {
  const [row] = await db.select().from(dimensions).where(eq(dimensions.id, id));
  return row ?? null;
}

export async function dimensionExists(db: Executor, input: { ownerOrgId: number; kind: string; name: string }) {
  const [dup] = await db
    .select({ id: dimensions.id })
    .from(dimensions)
    .where(
      and(
        eq(dimensions.ownerOrgId, input.ownerOrgId),
        eq(dimensions.kind, input.kind),
        eq(dimensions.name, input.name),
      ),
    );
  return dup !== undefined;
}

export async function insertDimension(db: Executor, input: { ownerOrgId: number; kind: string; name: string }) {
  const [row] = await db.insert(dimensions).values(input).returning({ id: dimensions.id });
  return row!.id;
}

export async function deleteDimensionRow(db: Executor, id: number) {
  await db.delete(dimensions).where(eq(dimensions.id, id));
}

// ---- orgs ----

export async function findOrgIdByCode(db: Executor, code: string) {
  const [row] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, code));
  return row?.id ?? null;
}

/** Takes the next org id first, so a row is inserted once with its final path. */
export async function nextOrgId(db: Executor) {
  const [next] = await queryRows<{ id: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`,
  );
  return next!.id;
}

export async function insertOrgRow(db: Executor, values: typeof orgs.$inferInsert & { id: number }) {
  await db.insert(orgs).values(values);
}

/** Replaces the dimensions of a unit. */
export async function setOrgDimensions(db: Executor, orgId: number, dimensionIds: readonly number[], replace = true) {
  if (replace) await db.delete(orgDimensions).where(eq(orgDimensions.orgId, orgId));
  if (dimensionIds.length) {
    await db.insert(orgDimensions).values(dimensionIds.map((dimensionId) => ({ orgId, dimensionId })));
  }
}

/** Optimistic update of a unit's own columns (version + 1); false when the version moved on. */
export async function updateOrgRow(
  db: Executor,
  id: number,
  version: number,
  fields: Partial<Pick<typeof orgs.$inferInsert, 'name' | 'shortName' | 'kind' | 'code' | 'sort'>>,
) {
  const updated = await db
    .update(orgs)
    .set({ ...fields, version: sql`${orgs.version} + 1` })
    .where(and(eq(orgs.id, id), eq(orgs.version, version)))
    .returning({ id: orgs.id });
  return updated.length > 0;
}

/** Moving rewrites the path prefix of the whole subtree in one statement. */
export async function moveOrgSubtree(db: Executor, id: number, oldPath: string, parentId: number, newPath: string) {
  await db.execute(sql`
    update ${orgs} set path = ${newPath} || substr(path, ${oldPath.length + 1}),
           parent_id = case when id = ${id} then ${parentId}::int else parent_id end,
           version = version + 1
    where path like ${`${oldPath}%`}`);
}

/** Direct children of a unit, or only those of one kind (the grids of a village). */
export async function countChildOrgs(db: Executor, id: number, kind?: string) {
  const where = kind ? and(eq(orgs.parentId, id), eq(orgs.kind, kind)) : eq(orgs.parentId, id);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgs).where(where);
  return row?.n ?? 0;
}

export async function deleteOrgRow(db: Executor, id: number) {
  await db.delete(orgs).where(eq(orgs.id, id));
}
