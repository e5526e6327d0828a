import type { ParsedDraft } from '@fazhi/core/consultation/draft-types';
import type { TenStepChecklist } from '@fazhi/core/consultation/ten-steps';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, identityId } from '../db/columns.ts';
import { orgIdColumn } from '../org/org.schema.ts';
import { createdBy } from '../platform/platform.schema.ts';

/** A 基层立法联系点 (parent null) and its 立法议事小院 / 立法信息员; sub-points share the point's org. */
export const consultationPoints = pgTable(
  'consultation_points',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    parentId: integer('parent_id').references((): AnyPgColumn => consultationPoints.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('consultation_points_org_idx').on(t.orgId), index('consultation_points_parent_idx').on(t.parentId)],
);

export const consultationDrafts = pgTable(
  'consultation_drafts',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    pointId: integer('point_id')
      .notNull()
      .references(() => consultationPoints.id),
    title: text('title').notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('consultation_drafts_org_idx').on(t.orgId)],
);

export type StoredArticle = { key: string; label: string; heading: string; text: string; path: string[] };

export const consultationDraftVersions = pgTable(
  'consultation_draft_versions',
  {
    id: identityId(),
    draftId: integer('draft_id')
      .notNull()
      .references(() => consultationDrafts.id),
    orgId: orgIdColumn(),
    version: integer('version').notNull(),
    note: text('note').notNull().default(''),
    /** The corrected, normalised text (renderDraft output): parsing it again gives `parsed`. */
    sourceText: text('source_text').notNull(),
    parsed: jsonb('parsed').$type<ParsedDraft>().notNull(),
    articles: jsonb('articles').$type<StoredArticle[]>().notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consultation_draft_versions_draft_version').on(t.draftId, t.version)],
);

export const consultations = pgTable(
  'consultations',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    pointId: integer('point_id')
      .notNull()
      .references(() => consultationPoints.id),
    draftId: integer('draft_id')
      .notNull()
      .references(() => consultationDrafts.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => consultationDraftVersions.id),
    title: text('title').notNull(),
    legislature: text('legislature').notNull(),
    legislatureLevel: text('legislature_level').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** draft → published (visible on the portal). */
    status: text('status').notNull().default('draft'),
    checklist: jsonb('checklist').$type<TenStepChecklist>().notNull(),
    finalAdoptedOn: date('final_adopted_on', { mode: 'string' }),
    finalSummary: text('final_summary'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('consultations_org_idx').on(t.orgId), index('consultations_status_idx').on(t.status, t.closesOn)],
);

/** A consultation pushed to a 立法议事小院 / 信息员, who collect opinions offline. */
export const consultationPushes = pgTable(
  'consultation_pushes',
  {
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    pointId: integer('point_id')
      .notNull()
      .references(() => consultationPoints.id),
    pushedAt: timestamp('pushed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.pointId] })],
);

export const consultationOpinions = pgTable(
  'consultation_opinions',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id),
    /** Who collected it: the contact point for the portal, a sub-point for opinions entered from offline. */
    pointId: integer('point_id')
      .notNull()
      .references(() => consultationPoints.id),
    channel: text('channel').notNull(),
    articleKey: text('article_key'),
    name: text('name').notNull(),
    phone: text('phone'),
    content: text('content').notNull(),
    receiptCode: text('receipt_code').notNull(),
    /** SHA-256 of the core fingerprint; portal submissions only. */
    fingerprint: text('fingerprint'),
    status: text('status').notNull().default('submitted'),
    moderation: text('moderation').notNull().default('approved'),
    moderationNote: text('moderation_note'),
    matchedWords: jsonb('matched_words').$type<string[]>().notNull().default([]),
    category: text('category'),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => consultationOpinions.id),
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    reply: text('reply'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdBy: createdBy(),
  },
  (t) => [
    uniqueIndex('consultation_opinions_receipt').on(t.receiptCode),
    // NULLs are distinct: offline opinions carry no fingerprint.
    uniqueIndex('consultation_opinions_fingerprint').on(t.consultationId, t.fingerprint),
    index('consultation_opinions_consultation_idx').on(t.consultationId, t.articleKey),
    index('consultation_opinions_org_idx').on(t.orgId, t.submittedAt),
  ],
);

/**
 * The portal's sensitive-word list the office maintains: a portal or offline opinion containing one waits in
 * 待审核 and keeps the words that held it (`matched_words`). Seeded with the starter list by the migration.
 */
export const consultationSensitiveWords = pgTable(
  'consultation_sensitive_words',
  {
    id: identityId(),
    word: text('word').notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consultation_sensitive_words_word_idx').on(t.word)],
);
