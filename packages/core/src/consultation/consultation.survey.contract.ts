import { defineContracts, itemsOf, timestamp } from '../shared/contract.ts';
import { idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { SURVEY_STATUSES, surveyInputSchema, surveyQuestionSchema, surveyStatusChangeSchema } from './survey.ts';

// 群众满意度测评: the office defines a survey and reads its results (consultation permissions); the public answer
// page reads the survey and sends one answer (no login, rate limited, one answer per phone and per device).

/** A rated unit: townships and units are shown (and their results grouped) apart. */
export const surveyTargetSchema = z.object({
  id: z.number(),
  name: z.string(),
  group: z.enum(['township', 'unit']),
});

export const surveySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  intro: z.string(),
  status: z.enum(SURVEY_STATUSES),
  statusLabel: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  questions: z.array(surveyQuestionSchema),
  targets: z.array(surveyTargetSchema),
  responses: z.number(),
  version: z.number(),
  createdAt: timestamp(),
});
export type Survey = z.output<typeof surveySchema>;

const tallySchema = z.object({
  responses: z.number(),
  ratings: z.number(),
  satisfied: z.number(),
  /** Satisfied ratings ÷ ratings, %, one decimal; null when nothing was rated. */
  rate: z.number().nullable(),
  /** Mean score (1–5), two decimals; null when nothing was rated. */
  average: z.number().nullable(),
});

export const surveyResultsSchema = z.object({
  surveyId: z.number(),
  total: tallySchema,
  questions: z.array(
    tallySchema.omit({ responses: true }).extend({
      key: z.string(),
      text: z.string(),
      /** How many ratings of 1, 2, 3, 4, 5. */
      counts: z.array(z.number()),
    }),
  ),
  targets: z.array(tallySchema.extend({ orgId: z.number(), name: z.string(), group: z.enum(['township', 'unit']) })),
});
export type SurveyResults = z.output<typeof surveyResultsSchema>;

export const publicSurveySchema = z.object({
  id: z.number(),
  title: z.string(),
  intro: z.string(),
  orgName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  /** Why answers are not taken now (not yet open, ended), or null. */
  blockedReason: z.string().nullable(),
  questions: z.array(surveyQuestionSchema),
  targets: z.array(surveyTargetSchema),
});
export type PublicSurvey = z.output<typeof publicSurveySchema>;

export const surveyContracts = defineContracts('consultation-survey', {
  list: {
    method: 'GET',
    path: '/api/consultation/surveys',
    access: 'consultation.read',
    summary: '群众满意度测评列表',
    response: itemsOf(surveySchema),
  },
  create: {
    method: 'POST',
    path: '/api/consultation/surveys',
    access: 'consultation.manage',
    summary: '新建群众满意度测评',
    body: surveyInputSchema,
    status: 201,
    response: surveySchema,
  },
  detail: {
    method: 'GET',
    path: '/api/consultation/surveys/:id',
    access: 'consultation.read',
    summary: '群众满意度测评详情',
    params: idParams,
    response: surveySchema,
  },
  setStatus: {
    method: 'POST',
    path: '/api/consultation/surveys/:id/status',
    access: 'consultation.manage',
    summary: '发布或结束群众满意度测评',
    params: idParams,
    body: surveyStatusChangeSchema,
    response: surveySchema,
  },
  results: {
    method: 'GET',
    path: '/api/consultation/surveys/:id/results',
    access: 'consultation.read',
    summary: '测评结果（按单位、乡镇和题目）',
    params: idParams,
    response: surveyResultsSchema,
  },
});

export const surveyPortalContracts = defineContracts('survey-portal', {
  survey: {
    method: 'GET',
    path: '/api/portal/surveys/:id',
    access: 'public',
    summary: '群众满意度测评问卷',
    params: idParams,
    response: publicSurveySchema,
  },
  answer: {
    method: 'POST',
    path: '/api/portal/surveys/:id/answers',
    access: 'public',
    summary: '提交满意度测评（每个手机号码、每台设备一次）',
    params: idParams,
    // Validated by the core's surveyAnswerSchema inside the service (to name the question a missing score belongs to).
    body: z.looseObject({}),
    status: 201,
    response: z.object({ message: z.string() }),
  },
});
