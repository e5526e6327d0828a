import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, identityId, updatedAt } from '../db/columns.ts';
import { orgIdColumn } from '../org/org.schema.ts';
import { problems } from '../oversight/oversight.schema.ts';
import { createdBy, updatedBy, users } from '../platform/platform.schema.ts';

/**
 * A 司法所's profile: the statutory functions it performs (checked against the county's checklist, or the core
 * default “10 functions”). Staff, ratings and decision attendance are ledger rows on the same org.
 */
export const judicialOfficeProfiles = pgTable(
  'judicial_office_profiles',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    functions: jsonb('functions').$type<string[]>().notNull().default([]),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: updatedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('judicial_office_profiles_org_idx').on(t.orgId)],
);

/** A leader who keeps liaison points (局党组成员 or equivalent): a user, or a named cadre without an account. */
export const liaisonLeaders = pgTable(
  'liaison_leaders',
  {
    id: identityId(),
    /** The leader's own unit: it records the leader's visits. */
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    userId: integer('user_id').references(() => users.id),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('liaison_leaders_org_idx').on(t.orgId)],
);

/** Leader → liaison point (a 司法所 or unit) with the visit obligation, e.g. at least once a quarter. */
export const liaisonAssignments = pgTable(
  'liaison_assignments',
  {
    id: identityId(),
    /** The liaison point. */
    orgId: orgIdColumn(),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => liaisonLeaders.id),
    every: text('every').notNull(),
    times: integer('times').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('liaison_assignments_org_idx').on(t.orgId), index('liaison_assignments_leader_idx').on(t.leaderId)],
);

export const liaisonVisits = pgTable(
  'liaison_visits',
  {
    id: identityId(),
    /** The liaison point visited. */
    orgId: orgIdColumn(),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => liaisonLeaders.id),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    peopleMet: text('people_met').notNull().default(''),
    problemsHeard: text('problems_heard').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    index('liaison_visits_org_idx').on(t.orgId, t.visitedAt),
    index('liaison_visits_leader_idx').on(t.leaderId, t.visitedAt),
  ],
);

/** A problem heard on a visit; `problem_id` links it once it is in the oversight problem pool. */
export const liaisonProblems = pgTable(
  'liaison_problems',
  {
    id: identityId(),
    visitId: integer('visit_id')
      .notNull()
      .references(() => liaisonVisits.id),
    orgId: orgIdColumn(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    problemId: integer('problem_id').references(() => problems.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('liaison_problems_visit_idx').on(t.visitId), index('liaison_problems_org_idx').on(t.orgId)],
);
