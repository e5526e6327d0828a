import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { cadres } from '../cadres/cadres.schema.ts';
import { createdAt, identityId } from '../db/columns.ts';
import { orgIdColumn, orgs } from '../org/org.schema.ts';
import { actorIdColumn, eventFileColumns } from '../platform/platform.events.schema.ts';
import { createdBy, users } from '../platform/platform.schema.ts';

/** 督察: org_id is the organising office; target units are in inspection_targets. */
export const inspections = pgTable(
  'inspections',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    mode: text('mode').notNull(),
    keyNode: text('key_node').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('planned'),
    checklist: jsonb('checklist').$type<{ content: string; basis: string }[]>().notNull(),
    team: jsonb('team').$type<{ name: string; userId?: number | null; orgName: string; role: string }[]>().notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('inspections_org_year_idx').on(t.orgId, t.year)],
);

export const inspectionTargets = pgTable(
  'inspection_targets',
  {
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.orgId] }), index('inspection_targets_org_idx').on(t.orgId)],
);

/** A problem under “四个一”. org_id is the first responsible unit; every responsible unit is in problem_units. */
export const problems = pgTable(
  'problems',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    /** The office that registered it (its data scope may verify). */
    issuerOrgId: integer('issuer_org_id')
      .notNull()
      .references(() => orgs.id),
    inspectionId: integer('inspection_id').references(() => inspections.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('unclaimed'),
    ownerId: integer('owner_id').references(() => cadres.id),
    planText: text('plan_text').notNull().default(''),
    measures: jsonb('measures').$type<string[]>().notNull().default([]),
    deadline: date('deadline', { mode: 'string' }),
    isDeadlineFixed: boolean('is_deadline_fixed').notNull().default(false),
    claimedByUnitId: integer('claimed_by_unit_id').references(() => orgs.id),
    rectificationSummary: text('rectification_summary').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    recurrenceOf: integer('recurrence_of').references((): AnyPgColumn => problems.id),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    index('problems_org_idx').on(t.orgId, t.year),
    index('problems_inspection_idx').on(t.inspectionId),
    index('problems_status_idx').on(t.status, t.deadline),
  ],
);

export const problemUnits = pgTable(
  'problem_units',
  {
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.orgId] }), index('problem_units_org_idx').on(t.orgId)],
);

/** Joint problems: each responsible unit signs off before the office verifies. */
export const problemSignOffs = pgTable(
  'problem_sign_offs',
  {
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    signedBy: integer('signed_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.orgId] })],
);

export const problemDeferrals = pgTable(
  'problem_deferrals',
  {
    id: identityId(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    reason: text('reason').notNull(),
    until: date('until', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: integer('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [index('problem_deferrals_problem_idx').on(t.problemId, t.seq)],
);

/** The history timeline: one row per lifecycle event, appended by the service from the core's transition. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: identityId(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    unitId: integer('unit_id').references(() => orgs.id),
    relatedProblemId: integer('related_problem_id').references((): AnyPgColumn => problems.id),
    actorId: actorIdColumn(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId, t.id)],
);

/**
 * 佐证材料 cited by a step of the history: the unit's 销号 application, the office's 验收. The file is the platform's
 * attachment; org_id is the uploader's unit (a unit can link only files uploaded within its own scope).
 */
export const problemEvidence = pgTable(
  'problem_evidence',
  {
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    ...eventFileColumns(() => problemEvents.id),
    orgId: orgIdColumn(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.attachmentId] }), index('problem_evidence_problem_idx').on(t.problemId)],
);

/** 通报: issued by the office, praising or criticising named units. */
export const bulletins = pgTable(
  'bulletins',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    docNo: text('doc_no').notNull().default(''),
    level: text('level').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    intro: text('intro').notNull().default(''),
    /** 抄送机关 of the 版记. */
    cc: text('cc').notNull().default(''),
    createdBy: createdBy(),
    createdAt: createdAt(),
    /** 撤回: a withdrawn bulletin stays listed but feeds no deductions. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: integer('withdrawn_by').references(() => users.id),
    withdrawReason: text('withdraw_reason').notNull().default(''),
  },
  (t) => [index('bulletins_org_year_idx').on(t.orgId, t.year)],
);

/** 发文字号 register: per issuing office and year, the 机关代字 and the last number given out. */
export const docNumberRegisters = pgTable(
  'doc_number_registers',
  {
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    lastNo: integer('last_no').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

export const bulletinEntries = pgTable(
  'bulletin_entries',
  {
    id: identityId(),
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    stance: text('stance').notNull(),
    reason: text('reason').notNull(),
    problemIds: jsonb('problem_ids').$type<number[]>().notNull().default([]),
  },
  (t) => [index('bulletin_entries_bulletin_idx').on(t.bulletinId), index('bulletin_entries_org_idx').on(t.orgId)],
);
