import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, identityId, updatedAt } from '../db/columns.ts';
import { orgIdColumn } from '../org/org.schema.ts';
import { createdBy, updatedBy, users } from '../platform/platform.schema.ts';

const evidenceIds = () => integer('evidence_ids').array().notNull().default([]);

/** A versioned indicator scheme of one county and year; `definition` is a core `Scheme`, validated on every write. */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    copiedFromId: integer('copied_from_id'),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('assessment_schemes_org_year_version').on(t.orgId, t.year, t.version)],
);

/** One year's assessment of a county's units under one scheme version; `status` follows the core lifecycle. */
export const assessmentRounds = pgTable(
  'assessment_rounds',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('scheme'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    appealClosesAt: timestamp('appeal_closes_at', { withTimezone: true }),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    /** The latest result snapshot number: 1 at 公示, +1 per upheld appeal. */
    resultSeq: integer('result_seq').notNull().default(0),
    /** The office's ranking groups (core RankingGroup[]); null: one group per scheme template (unit type). */
    rankingGroups: jsonb('ranking_groups').$type<{ name: string; unitTypes: string[] }[]>(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('assessment_rounds_org_year_idx').on(t.orgId, t.year)],
);

export const assessmentUnits = pgTable(
  'assessment_units',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    orgId: orgIdColumn(),
    unitType: text('unit_type').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** 不参评: the office's reason for leaving the unit out of scoring, ranking and quotas; null while it takes part. */
    excludedReason: text('excluded_reason'),
    excludedAt: timestamp('excluded_at', { withTimezone: true }),
    excludedBy: integer('excluded_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.orgId] }), index('assessment_units_org_idx').on(t.orgId)],
);

/** A unit's self-assessment of one leaf, with its evidence (attachment ids). */
export const assessmentSelfEntries = pgTable(
  'assessment_self_entries',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    orgId: orgIdColumn(),
    indicatorId: text('indicator_id').notNull(),
    value: doublePrecision('value'),
    passed: boolean('passed'),
    note: text('note').notNull().default(''),
    evidenceIds: evidenceIds(),
    updatedBy: updatedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.orgId, t.indicatorId] })],
);

/** One assessor's review score of one leaf; several assessors combine by the scheme's aggregation. */
export const assessmentReviewScores = pgTable(
  'assessment_review_scores',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    orgId: orgIdColumn(),
    indicatorId: text('indicator_id').notNull(),
    assessorId: integer('assessor_id')
      .notNull()
      .references(() => users.id),
    value: doublePrecision('value'),
    passed: boolean('passed'),
    note: text('note').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.orgId, t.indicatorId, t.assessorId] })],
);

/**
 * Facts entered by hand for a unit: metric values, records (problems, incidents), honours and penalties.
 * The same rule kinds read ledgers, oversight and the metrics registry when those hold the facts.
 */
export const assessmentFacts = pgTable(
  'assessment_facts',
  {
    id: identityId(),
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    orgId: orgIdColumn(),
    /** metric | record | honour | penalty */
    kind: text('kind').notNull(),
    /** Metric key, record kind, honour category or penalty kind. */
    key: text('key').notNull(),
    level: text('level'),
    title: text('title').notNull().default(''),
    value: doublePrecision('value'),
    count: integer('count'),
    indicatorId: text('indicator_id'),
    matterId: text('matter_id'),
    evidenceIds: evidenceIds(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('assessment_facts_round_org_idx').on(t.roundId, t.orgId)],
);

/** Score snapshots, append-only (a trigger refuses UPDATE and DELETE): seq 1 is the 公示, each upheld appeal adds one. */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    seq: integer('seq').notNull(),
    orgId: orgIdColumn(),
    total: doublePrecision('total').notNull(),
    baseScore: doublePrecision('base_score').notNull(),
    bonus: doublePrecision('bonus').notNull(),
    deductions: doublePrecision('deductions').notNull(),
    gradeCap: text('grade_cap'),
    /** The ranking group the rank and grade quotas were counted in ('' for rounds ranked as one list). */
    groupName: text('group_name').notNull().default(''),
    rank: integer('rank').notNull(),
    bandGrade: text('band_grade').notNull(),
    grade: text('grade').notNull(),
    gradeNotes: jsonb('grade_notes').$type<string[]>().notNull().default([]),
    /** The full core UnitScore, with its explanation lines. */
    score: jsonb('score').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.seq, t.orgId] }), index('assessment_results_org_idx').on(t.orgId)],
);

export const assessmentAppeals = pgTable(
  'assessment_appeals',
  {
    id: identityId(),
    roundId: integer('round_id')
      .notNull()
      .references(() => assessmentRounds.id),
    orgId: orgIdColumn(),
    reason: text('reason').notNull(),
    /** The disputed indicators (leaf ids of the unit's template). */
    indicatorIds: text('indicator_ids').array().notNull().default([]),
    evidenceIds: evidenceIds(),
    filedBy: integer('filed_by').references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    outcome: text('outcome'),
    decisionReason: text('decision_reason'),
    /** The office's own files on its decision, served to the unit through the appeal. */
    decisionEvidenceIds: integer('decision_evidence_ids').array().notNull().default([]),
    /** Upheld: the leaf values and records the decision corrected. */
    corrections: jsonb('corrections'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('assessment_appeals_round_idx').on(t.roundId, t.orgId)],
);
