import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, identityId, updatedAt } from '../db/columns.ts';
import { orgIdColumn } from '../org/org.schema.ts';
import { attachments, createdBy, updatedBy, users } from '../platform/platform.schema.ts';

/** Leading cadres (关键少数). ID number and phone are personal data: shown unmasked only with 'personal.read'. */
export const cadres = pgTable(
  'cadres',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    position: text('position').notNull(),
    /** 党政主要负责人: carries the 第一责任人 duties and gives the annual 述法. */
    isPrincipal: boolean('is_principal').notNull().default(false),
    idNumber: text('id_number'),
    phone: text('phone'),
    /** The cadre's login, when they have one (problem reminders reach them there). */
    userId: integer('user_id').references(() => users.id),
    sort: integer('sort').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('cadres_org_idx').on(t.orgId)],
);

/** 会前学法 before a standing-committee or executive meeting. */
export const preMeetingStudies = pgTable(
  'pre_meeting_studies',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    date: date('date', { mode: 'string' }).notNull(),
    meetingKind: text('meeting_kind').notNull(),
    meetingName: text('meeting_name').notNull(),
    laws: jsonb('laws').$type<string[]>().notNull(),
    lecturer: text('lecturer').notNull(),
    expectedCount: integer('expected_count').notNull(),
    attendeeCount: integer('attendee_count').notNull(),
    attendeeIds: jsonb('attendee_ids').$type<number[]>().notNull().default([]),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('pre_meeting_studies_org_date_idx').on(t.orgId, t.date)],
);

/** 述法: one per cadre per year, with the 评议 inputs; score and level are computed by the core rule on read. */
export const lawReports = pgTable(
  'law_reports',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    year: integer('year').notNull(),
    form: text('form').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    reportAttachmentId: integer('report_attachment_id').references(() => attachments.id),
    summary: text('summary').notNull().default(''),
    panelScores: jsonb('panel_scores').$type<number[]>().notNull().default([]),
    survey: jsonb('survey').$type<{ satisfied: number; basicallySatisfied: number; dissatisfied: number } | null>(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [unique('law_reports_cadre_year').on(t.cadreId, t.year), index('law_reports_org_idx').on(t.orgId, t.year)],
);

/** 法治考核 results: the yearly exam and the exam before promotion (任前考法). */
export const lawExams = pgTable(
  'law_exams',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    year: integer('year').notNull(),
    /** 'annual' (the yearly 学法考法) or 'pre_promotion' (任前考法, before taking up a post). */
    kind: text('kind').notNull().default('annual'),
    examName: text('exam_name').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    score: doublePrecision('score'),
    passMark: doublePrecision('pass_mark').notNull().default(60),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('law_exams_cadre_idx').on(t.cadreId, t.year), index('law_exams_org_idx').on(t.orgId, t.year)],
);

/** The year's 法治档案: first-responsible duties and when it was filed (归档). */
export const cadreArchives = pgTable(
  'cadre_archives',
  {
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    year: integer('year').notNull(),
    orgId: orgIdColumn(),
    duties: jsonb('duties').$type<{ title: string; status: string; note: string }[]>().notNull().default([]),
    filedOn: date('filed_on', { mode: 'string' }),
    updatedBy: updatedBy(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('cadre_archives_cadre_year').on(t.cadreId, t.year)],
);
