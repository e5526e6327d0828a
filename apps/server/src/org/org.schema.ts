import { type AnyPgColumn, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, identityId } from '../db/columns.ts';

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

export const dimensions = pgTable(
  'dimensions',
  {
    id: identityId(),
    ownerOrgId: integer('owner_org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [unique('dimensions_owner_kind_name').on(t.ownerOrgId, t.kind, t.name)],
);

export const orgDimensions = pgTable(
  'org_dimensions',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    dimensionId: integer('dimension_id')
      .notNull()
      .references(() => dimensions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.dimensionId] }), index('org_dimensions_dim_idx').on(t.dimensionId)],
);
