import { type AnyPgColumn, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, identityId } from '../db/columns.ts';

/**
 * The org tree: every unit, and the tenant key of every module table. It lives in the platform because the data
 * scope (`scope.ts`) and the accounts (`platform.schema.ts`) are built on it; the org module manages it (create,
 * move, delete, dimensions) and re-exports it from `org/org.schema.ts`, through which drizzle sees it. Do not add
 * this file to `db/schema.ts` as well.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: identityId(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgs.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    code: text('code').unique(),
    /** Materialised path of ids, `/1/4/17/`: a subtree is one indexed prefix match. */
    path: text('path').notNull().unique(),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('orgs_path_prefix_idx').on(t.path.op('text_pattern_ops')), index('orgs_parent_idx').on(t.parentId)],
);

/** The tenant key of a module table: the unit a row belongs to, which data scope filters on. */
export const orgIdColumn = () =>
  integer('org_id')
    .notNull()
    .references(() => orgs.id);
