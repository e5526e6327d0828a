import { defineContracts, itemsOf, timestamp } from '../shared/contract.ts';
import { idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { articleSchema } from './consultation.contract.ts';
import { LEGISLATURE_LEVELS, WINDOW_STATUS_LABELS, type WindowStatus } from './consultation-window.ts';
import { ADOPTION_DECISIONS } from './opinion-lifecycle.ts';
import { receiptCodeSchema } from './portal-input.ts';

// The public portal (no login, rate limited per client). Everything here is what any citizen may see: the published
// drafts, counts, and how opinions were answered — never a staff member's or a unit's internal id, never another
// submitter's name in full or phone. Only the receipt lookup shows a submitter their own (masked) name and phone.

const windowStatuses = Object.keys(WINDOW_STATUS_LABELS) as [WindowStatus, ...WindowStatus[]];

const publicConsultation = z.object({
  id: z.number(),
  title: z.string(),
  legislature: z.string(),
  legislatureLevel: z.enum(LEGISLATURE_LEVELS),
  opensOn: z.string(),
  closesOn: z.string(),
  /** The 基层立法联系点 that collects the opinions. */
  pointName: z.string(),
  windowStatus: z.enum(windowStatuses),
  daysLeft: z.number(),
});

export const portalListItemSchema = publicConsultation.extend({
  articleCount: z.number(),
  opinions: z.number(),
  answered: z.number(),
  hasFinalResult: z.boolean(),
});

export const portalDetailSchema = publicConsultation.extend({
  draftTitle: z.string(),
  preamble: z.string(),
  blockedReason: z.string().nullable(),
  finalAdoptedOn: z.string().nullable(),
  finalSummary: z.string().nullable(),
  wholeDraftOpinions: z.number(),
  articles: z.array(articleSchema.extend({ opinions: z.number() })),
});

/** A handled opinion as the public sees it: the submitter's name masked (王*明), no phone, no id. */
export const portalFeedbackSchema = z.object({
  articleLabel: z.string(),
  submitter: z.string(),
  content: z.string(),
  decision: z.enum(ADOPTION_DECISIONS).nullable(),
  decisionLabel: z.string().nullable(),
  reply: z.string().nullable(),
  answeredAt: timestamp().nullable(),
});

export const portalSubmitResultSchema = z.object({
  receiptCode: z.string(),
  needsReview: z.boolean(),
  message: z.string(),
});

/** The submitter's own opinion, found by its receipt code: their name and phone masked. */
export const portalReceiptSchema = z.object({
  receiptCode: z.string(),
  consultationId: z.number(),
  consultationTitle: z.string(),
  articleLabel: z.string(),
  submitter: z.string(),
  phone: z.string().nullable(),
  content: z.string(),
  submittedAt: timestamp(),
  statusLabel: z.string(),
  decision: z.enum(ADOPTION_DECISIONS).nullable(),
  decisionLabel: z.string().nullable(),
  reply: z.string().nullable(),
});

/**
 * The 基层立法联系点 the portal speaks for (the first top-level contact point) and its county, whose published annual
 * reports the portal links to; both null before any point exists.
 */
export const portalPointSchema = z.object({
  name: z.string().nullable(),
  county: z.object({ id: z.number(), name: z.string() }).nullable(),
});

export type PortalListItem = z.output<typeof portalListItemSchema>;
export type PortalPoint = z.output<typeof portalPointSchema>;
export type PortalDetail = z.output<typeof portalDetailSchema>;
export type PortalFeedback = z.output<typeof portalFeedbackSchema>;
export type PortalSubmitResult = z.output<typeof portalSubmitResultSchema>;
export type PortalReceipt = z.output<typeof portalReceiptSchema>;

const base = '/api/portal';

export const portalContracts = defineContracts('consultation-portal', {
  point: {
    method: 'GET',
    path: `${base}/point`,
    access: 'public',
    summary: '门户所属的基层立法联系点及其区县',
    response: portalPointSchema,
  },
  list: {
    method: 'GET',
    path: `${base}/consultations`,
    access: 'public',
    summary: '公开征求意见的草案',
    response: itemsOf(portalListItemSchema),
  },
  detail: {
    method: 'GET',
    path: `${base}/consultations/:id`,
    access: 'public',
    summary: '草案全文（按条文）',
    params: idParams,
    response: portalDetailSchema,
  },
  feedback: {
    method: 'GET',
    path: `${base}/consultations/:id/feedback`,
    access: 'public',
    summary: '意见办理情况（已反馈的意见）',
    params: idParams,
    response: itemsOf(portalFeedbackSchema),
  },
  submit: {
    method: 'POST',
    path: `${base}/consultations/:id/opinions`,
    access: 'public',
    summary: '提交意见（对草案整体或某一条）',
    params: idParams,
    // The body is validated by the core's portal schema (portal-input.ts) inside the service, which also strips HTML
    // and checks the words; a loose schema here keeps one source of truth for the rules.
    body: z.looseObject({}),
    status: 201,
    response: portalSubmitResultSchema,
  },
  receipt: {
    method: 'GET',
    path: `${base}/receipts/:code`,
    access: 'public',
    summary: '凭回执码查询意见办理情况',
    params: z.object({ code: receiptCodeSchema }),
    response: portalReceiptSchema,
  },
});
