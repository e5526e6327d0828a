import { index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { identityId } from '../db/columns.ts';
import { orgs } from '../platform/platform.orgs.schema.ts';

/** The org tree's table and tenant-key column are defined in the platform (see there); modules import them here. */
export { orgIdColumn, orgs } from '../platform/platform.orgs.schema.ts';

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
