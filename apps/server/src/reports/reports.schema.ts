import type { ImportedFigure } from '@fazhi/core/reports/reports.contract';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, identityId, updatedAt } from '../db/columns.ts';
import { orgIdColumn } from '../org/org.schema.ts';
import { eventFilesTable, flowEventColumns } from '../platform/platform.events.schema.ts';
import { createdBy, updatedBy } from '../platform/platform.schema.ts';

export type StoredSection = { key: string; heading: string; body: string };
export type StoredSlot = {
  id: string;
  section: string;
  metric: string;
  orgId: number;
  period: string;
  value: number;
  unit: string;
  previous: number | null;
  phrase: string;
};
/** What a final report is frozen with: its text and every figure it used, with the ledger values at that moment. */
export type ReportSnapshot = {
  frozenAt: string;
  text: string;
  slots: StoredSlot[];
  ledger: { metric: string; value: number; previous: number | null; unit: string; source: string }[];
};

/** One annual report of one org for one year and type (composed here; imported texts are in report_imports). */
export const reports = pgTable(
  'reports',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    preamble: text('preamble').notNull().default(''),
    sections: jsonb('sections').$type<StoredSection[]>().notNull(),
    signedBy: text('signed_by').notNull().default(''),
    signedDate: date('signed_date', { mode: 'string' }),
    slots: jsonb('slots').$type<StoredSlot[]>().notNull().default([]),
    snapshot: jsonb('snapshot').$type<ReportSnapshot>(),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('reports_org_year_type').on(t.orgId, t.year, t.type), index('reports_year_idx').on(t.year)],
);

export const reportEvents = pgTable(
  'report_events',
  {
    id: identityId(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ...flowEventColumns(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId)],
);

/** Files the office attaches to a review step (审核意见 with its 附件). */
export const reportEventAttachments = eventFilesTable('report_event_attachments', () => reportEvents.id);

export type { ImportedFigure };

/** A report read back from a file or pasted text: its text, sections found, and every figure with its review. */
export const reportImports = pgTable(
  'report_imports',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    filename: text('filename'),
    text: text('text').notNull(),
    figures: jsonb('figures').$type<ImportedFigure[]>().notNull(),
    status: text('status').notNull().default('pending'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('report_imports_org_year_idx').on(t.orgId, t.year)],
);

/**
 * Historical metric values accepted from reports (last year's report becomes this year's baseline). One value per
 * org, period and metric; `source` says where it came from (`report_import:12`).
 */
export const metricHistory = pgTable(
  'metric_history',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    period: text('period').notNull(),
    metricKey: text('metric_key').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    importId: integer('import_id').references(() => reportImports.id, { onDelete: 'set null' }),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [unique('metric_history_org_period_key').on(t.orgId, t.period, t.metricKey)],
);

/**
 * The office's deadlines for one report year and type, set for its own subtree (local rules differ from the
 * defaults in core `deadlines.ts`). A unit takes the setting of its nearest ancestor that has one.
 */
export const reportDeadlineSettings = pgTable(
  'report_deadline_settings',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    type: text('type').notNull(),
    submitBy: date('submit_by', { mode: 'string' }).notNull(),
    publishBy: date('publish_by', { mode: 'string' }),
    updatedBy: updatedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('report_deadline_settings_org_year_type').on(t.orgId, t.year, t.type)],
);

/**
 * Keys a reviewer gave figures in a county's imported reports, remembered by the words before the quantity
 * (受理群众信访事项 → no key) under the county's org (see phraseOwner): the next import of any unit of that county
 * reads such a figure with the reviewer's key.
 */
export const reportKeyPhrases = pgTable(
  'report_key_phrases',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    phrase: text('phrase').notNull(),
    /** Null: the reviewer said the figure has no key. */
    metricKey: text('metric_key'),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [unique('report_key_phrases_org_phrase').on(t.orgId, t.phrase)],
);
