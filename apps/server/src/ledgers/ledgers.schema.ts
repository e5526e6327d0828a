import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { updatedAt } from '../db/columns.ts';
import { orgIdColumn, orgs } from '../org/org.schema.ts';
import { createdBy } from '../platform/platform.schema.ts';

/**
 * Every business ledger row of every ledger type (the storage contract the ledger engine and the metrics registry
 * share): field values in `data` by English field key (ID numbers, phones and personal fields as SM4 ciphertext) — numbers as JSON numbers, money as integer 分, enums as
 * option keys — and `row_date`, the date the fact happened, which periods are counted on.
 */
export const ledgerRows = pgTable(
  'ledger_rows',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    typeKey: text('type_key').notNull(),
    orgId: orgIdColumn(),
    rowDate: date('row_date', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Blind indexes (HMAC-SM3) of the SM4-encrypted personal fields in `data`, by field key. */
    blind: jsonb('blind').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ledger_rows_type_org_date_idx').on(t.typeKey, t.orgId, t.rowDate),
    index('ledger_rows_org_idx').on(t.orgId),
  ],
);

/** Custom ledger types an office defined in the UI: the same definition JSON as the built-in types in core. */
export const ledgerTypes = pgTable('ledger_types', {
  key: text('key').primaryKey(),
  ownerOrgId: integer('owner_org_id')
    .notNull()
    .references(() => orgs.id),
  definition: jsonb('definition').notNull(),
  version: integer('version').notNull().default(1),
  createdBy: createdBy(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
});
