import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea } from '../db/bytea.ts';
import { createdAt } from '../db/columns.ts';
import { reports } from './reports.schema.ts';

/**
 * Files of a published report generated for the public page (the PDF, rendered once through LibreOffice), one per
 * report version and format: a later version is a new row, the old one is never served again.
 */
export const reportPublicFiles = pgTable(
  'report_public_files',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    format: text('format').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version, t.format] })],
);
