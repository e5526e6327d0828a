import type { SurveyQuestion } from '@fazhi/core/consultation/survey';
import { date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, identityId, updatedAt } from '../db/columns.ts';
import { orgIdColumn } from '../org/org.schema.ts';
import { createdBy } from '../platform/platform.schema.ts';

/**
 * 群众满意度测评: a survey the office defines for its county (`org_id`), with 1–5 satisfaction questions and the
 * units/townships a respondent chooses among (`target_org_ids`). Answered on the public page, no login.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    targetOrgIds: jsonb('target_org_ids').$type<number[]>().notNull(),
    status: text('status').notNull().default('draft'),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('surveys_org_idx').on(t.orgId)],
);

/**
 * One answer: at the unit or township the respondent rated (`org_id`, so figures roll up the org tree), one per
 * phone (SM4-sealed, found by its blind index) and one per device (a hash of the browser's random device id).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    phone: text('phone').notNull(),
    phoneIndex: text('phone_index').notNull(),
    deviceHash: text('device_hash'),
    comment: text('comment').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('survey_responses_phone_uq').on(t.surveyId, t.phoneIndex),
    uniqueIndex('survey_responses_device_uq').on(t.surveyId, t.deviceHash),
    index('survey_responses_org_idx').on(t.orgId),
  ],
);

/** One 1–5 score of one answer to one question: the rows the satisfaction metrics count. */
export const surveyRatings = pgTable(
  'survey_ratings',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    responseId: integer('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    score: smallint('score').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('survey_ratings_org_idx').on(t.orgId), index('survey_ratings_survey_idx').on(t.surveyId)],
);
