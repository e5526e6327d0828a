import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row: a known text sealed under the data key, so a start with another key (a lost or mistyped key file) is
 * refused before it writes anything, and `rotate-key` can tell which key the data is under.
 */
export const dataKeyCheck = pgTable('data_key_check', {
  id: integer('id').primaryKey(),
  sealed: text('sealed').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
