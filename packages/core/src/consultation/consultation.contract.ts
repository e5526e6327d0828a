import { defineContracts, fileBody, itemsOf, timestamp } from '../shared/contract.ts';
import { dbIdParam, idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import {
  bulkOpinionActionSchema,
  draftCreateSchema,
  draftTextSchema,
  draftVersionCreateSchema,
  finalResultSchema,
  offlineOpinionSchema,
  opinionActionSchema,
  POINT_KINDS,
  pointCreateSchema,
  pushSchema,
  sensitiveWordCreateSchema,
  sensitiveWordImportSchema,
  stepCompleteSchema,
  stepPlanSchema,
  tenStepKeySchema,
} from './consultation.schemas.ts';
import { consultationSchema, LEGISLATURE_LEVELS } from './consultation-window.ts';
import {
  ADOPTION_DECISIONS,
  MODERATION_STATUSES,
  OPINION_ACTION_LABELS,
  OPINION_STATUSES,
} from './opinion-lifecycle.ts';

// The office side of the 立法联系点 module (login required); the public portal's routes are in
// consultation.portal.contract.ts.

const stepParams = idParams.extend({ step: tenStepKeySchema });
const idAnswer = z.object({ id: z.number() });

export const pointSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  parentId: z.number().nullable(),
  kind: z.enum(POINT_KINDS),
  name: z.string(),
  /** 联系人/地址 of the point as staff entered it. */
  contact: z.string(),
});

/** An article as stored with a draft version (and shown by the portal). */
export const articleSchema = z.object({
  key: z.string(),
  label: z.string(),
  heading: z.string(),
  text: z.string(),
  path: z.array(z.string()),
});

export const draftIssueSchema = z.object({
  level: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  line: z.number().nullable(),
  offset: z.number().nullable(),
  source: z.string().optional(),
});

export const draftPreviewSchema = z.object({
  title: z.string(),
  text: z.string(),
  preamble: z.string(),
  appendix: z.string(),
  issues: z.array(draftIssueSchema),
  isPublishable: z.boolean(),
  articles: z.array(articleSchema),
});

export const draftSummarySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  pointId: z.number(),
  pointName: z.string(),
  title: z.string(),
  createdAt: timestamp(),
  versions: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      note: z.string(),
      articleCount: z.number(),
      createdAt: timestamp(),
    }),
  ),
  latestVersion: z.number(),
  consultationCount: z.number(),
});

const savedVersion = z.object({ id: z.number(), version: z.number(), articles: z.number() });

export const draftVersionSchema = z.object({
  draft: draftSummarySchema,
  version: z.object({
    id: z.number(),
    version: z.number(),
    note: z.string(),
    text: z.string(),
    title: z.string(),
    preamble: z.string(),
    issues: z.array(draftIssueSchema),
    articles: z.array(articleSchema),
    createdAt: timestamp(),
  }),
});

const articleRef = z.object({ key: z.string(), label: z.string() });
const diffSegment = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
const CHANGE_TYPES = ['unchanged', 'renumbered', 'modified', 'added', 'removed'] as const;

export const articleChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unchanged'), from: articleRef, to: articleRef }),
  z.object({ type: z.literal('renumbered'), from: articleRef, to: articleRef }),
  z.object({
    type: z.literal('modified'),
    from: articleRef,
    to: articleRef,
    isRenumbered: z.boolean(),
    similarity: z.number(),
    segments: z.array(diffSegment),
  }),
  /** An added or removed article carries its text. */
  z.object({ type: z.literal('added'), to: articleRef, text: z.string() }),
  z.object({ type: z.literal('removed'), from: articleRef, text: z.string() }),
]);

export const draftDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  changes: z.array(articleChangeSchema),
  keyMap: z.record(z.string(), z.string().nullable()),
  summary: z.record(z.enum(CHANGE_TYPES), z.number()),
});

export const checklistSchema = z.array(
  z.object({
    step: tenStepKeySchema,
    plannedOn: z.string().nullable(),
    completedOn: z.string().nullable(),
    note: z.string().nullable(),
  }),
);

export const consultationViewSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  pointId: z.number(),
  pointName: z.string(),
  draftId: z.number(),
  versionId: z.number(),
  version: z.number(),
  title: z.string(),
  legislature: z.string(),
  legislatureLevel: z.enum(LEGISLATURE_LEVELS),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['draft', 'published']),
  checklist: checklistSchema,
  progress: z.object({
    completed: z.number(),
    total: z.number(),
    nextStep: tenStepKeySchema.nullable(),
    isComplete: z.boolean(),
  }),
  finalAdoptedOn: z.string().nullable(),
  finalSummary: z.string().nullable(),
  publishedAt: timestamp().nullable(),
  opinions: z.number(),
  pendingReview: z.number(),
  answered: z.number(),
  adopted: z.number(),
  pushedPointIds: z.array(z.number()),
});
export const consultationDetailSchema = consultationViewSchema.extend({ warnings: z.array(z.string()) });

const actionTypes = Object.keys(OPINION_ACTION_LABELS) as [
  keyof typeof OPINION_ACTION_LABELS,
  ...(keyof typeof OPINION_ACTION_LABELS)[],
];

/** An opinion as the office sees it; name and phone masked for roles without 'personal.read'. */
export const opinionViewSchema = z.object({
  id: z.number(),
  consultationId: z.number(),
  pointId: z.number(),
  pointName: z.string(),
  channel: z.enum(['portal', 'offline']),
  articleKey: z.string().nullable(),
  articleLabel: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  content: z.string(),
  receiptCode: z.string(),
  status: z.enum(OPINION_STATUSES),
  moderation: z.enum(MODERATION_STATUSES),
  moderationNote: z.string().nullable(),
  matchedWords: z.array(z.string()),
  category: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  decision: z.enum(ADOPTION_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  reply: z.string().nullable(),
  submittedAt: timestamp(),
  answeredAt: timestamp().nullable(),
  actions: z.array(z.enum(actionTypes)),
});

/** Figures per point and year; snake_case as the statistics query names them. */
export const statsRowSchema = z.object({
  point_id: z.number(),
  point_name: z.string(),
  year: z.number(),
  drafts: z.number(),
  opinions: z.number(),
  adopted: z.number(),
  partly_adopted: z.number(),
  rejected: z.number(),
  answered: z.number(),
});

export type ConsultationPoint = z.output<typeof pointSchema>;
export type StoredArticleView = z.output<typeof articleSchema>;
export type DraftPreview = z.output<typeof draftPreviewSchema>;
export type DraftSummary = z.output<typeof draftSummarySchema>;
export type ConsultationView = z.output<typeof consultationViewSchema>;
export type OpinionView = z.output<typeof opinionViewSchema>;
export type ConsultationStatsRow = z.output<typeof statsRowSchema>;

export const sensitiveWordSchema = z.object({
  id: z.number(),
  word: z.string(),
  createdAt: timestamp(),
});

const read = 'consultation.read' as const;
const manage = 'consultation.manage' as const;
const base = '/api/consultation';

export const consultationContracts = defineContracts('consultation', {
  points: {
    method: 'GET',
    path: `${base}/points`,
    access: read,
    summary: '立法联系点及议事小院、信息员',
    response: itemsOf(pointSchema),
  },
  createPoint: {
    method: 'POST',
    path: `${base}/points`,
    access: manage,
    summary: '新增立法议事小院或信息员',
    body: pointCreateSchema,
    response: idAnswer,
  },
  parseDraft: {
    method: 'POST',
    path: `${base}/drafts/parse`,
    access: manage,
    summary: '拆分草案文本（预览，不保存）',
    body: draftTextSchema,
    response: draftPreviewSchema,
  },
  parseDraftFile: {
    method: 'POST',
    path: `${base}/drafts/parse-file`,
    access: manage,
    summary: '上传草案文件（.docx/.pdf/.txt）并拆分预览',
    upload: true,
    response: draftPreviewSchema.extend({ filename: z.string() }),
  },
  drafts: {
    method: 'GET',
    path: `${base}/drafts`,
    access: read,
    summary: '草案列表',
    response: itemsOf(draftSummarySchema),
  },
  createDraft: {
    method: 'POST',
    path: `${base}/drafts`,
    access: manage,
    summary: '登记草案（第一稿）',
    body: draftCreateSchema,
    response: savedVersion,
  },
  draft: {
    method: 'GET',
    path: `${base}/drafts/:id`,
    access: read,
    summary: '草案及其某一稿的条文',
    params: idParams,
    query: z.object({ version: dbIdParam().optional() }),
    response: draftVersionSchema,
  },
  addDraftVersion: {
    method: 'POST',
    path: `${base}/drafts/:id/versions`,
    access: manage,
    summary: '保存草案新一稿',
    params: idParams,
    body: draftVersionCreateSchema,
    response: savedVersion,
  },
  diffDraft: {
    method: 'GET',
    path: `${base}/drafts/:id/diff`,
    access: read,
    summary: '比较草案两稿的变化',
    params: idParams,
    query: z.object({ from: dbIdParam(), to: dbIdParam() }),
    response: draftDiffSchema,
  },
  consultations: {
    method: 'GET',
    path: `${base}/consultations`,
    access: read,
    summary: '征求意见事项列表',
    query: z.object({ year: z.coerce.number().int().optional() }),
    response: itemsOf(consultationViewSchema),
  },
  createConsultation: {
    method: 'POST',
    path: `${base}/consultations`,
    access: manage,
    summary: '新建征求意见事项',
    body: consultationSchema,
    response: idAnswer,
  },
  consultation: {
    method: 'GET',
    path: `${base}/consultations/:id`,
    access: read,
    summary: '征求意见事项详情',
    params: idParams,
    response: consultationDetailSchema,
  },
  publish: {
    method: 'POST',
    path: `${base}/consultations/:id/publish`,
    access: manage,
    summary: '发布征求意见（公众可在门户提交意见）',
    params: idParams,
    response: z.object({ id: z.number(), status: z.literal('published') }),
  },
  adoptLatestVersion: {
    method: 'POST',
    path: `${base}/consultations/:id/adopt-latest-version`,
    access: manage,
    summary: '改用草案最新一稿（意见随条文调整序号）',
    params: idParams,
    response: z.object({ version: z.number(), moved: z.number() }),
  },
  completeStep: {
    method: 'POST',
    path: `${base}/consultations/:id/steps/:step/complete`,
    access: manage,
    summary: '完成十步工作法某一步',
    params: stepParams,
    body: stepCompleteSchema,
    response: z.object({ checklist: checklistSchema }),
  },
  reopenStep: {
    method: 'POST',
    path: `${base}/consultations/:id/steps/:step/reopen`,
    access: manage,
    summary: '撤销某一步的完成记录',
    params: stepParams,
    response: z.object({ checklist: checklistSchema }),
  },
  planStep: {
    method: 'PUT',
    path: `${base}/consultations/:id/steps/:step/plan`,
    access: manage,
    summary: '设置某一步的计划日期',
    params: stepParams,
    body: stepPlanSchema,
    response: z.object({ checklist: checklistSchema }),
  },
  push: {
    method: 'POST',
    path: `${base}/consultations/:id/push`,
    access: manage,
    summary: '推送至立法议事小院、信息员',
    params: idParams,
    body: pushSchema,
    response: z.object({ pushed: z.number() }),
  },
  finalResult: {
    method: 'PUT',
    path: `${base}/consultations/:id/final-result`,
    access: manage,
    summary: '登记立法机关最终采纳情况',
    params: idParams,
    body: finalResultSchema,
    response: idAnswer,
  },
  opinions: {
    method: 'GET',
    path: `${base}/consultations/:id/opinions`,
    access: read,
    summary: '意见列表（按条文排序）',
    params: idParams,
    response: z.object({ items: z.array(opinionViewSchema), duplicateGroups: z.array(z.array(z.number())) }),
  },
  addOfflineOpinion: {
    method: 'POST',
    path: `${base}/consultations/:id/opinions`,
    access: manage,
    summary: '录入线下收集的意见',
    params: idParams,
    body: offlineOpinionSchema,
    response: z.object({ id: z.number(), receiptCode: z.string() }),
  },
  actOnOpinion: {
    method: 'POST',
    path: `${base}/opinions/:id/actions`,
    access: manage,
    summary: '办理一条意见',
    params: idParams,
    body: opinionActionSchema,
    response: z.object({ updated: z.number() }),
  },
  actOnOpinions: {
    method: 'POST',
    path: `${base}/opinions/bulk`,
    access: manage,
    summary: '批量办理意见（全部成功或全部不办理）',
    body: bulkOpinionActionSchema,
    response: z.object({ updated: z.number() }),
  },
  exportXlsx: {
    method: 'GET',
    path: `${base}/consultations/:id/export.xlsx`,
    access: read,
    summary: '导出意见采纳情况表（Excel）',
    params: idParams,
    response: fileBody,
  },
  exportDocx: {
    method: 'GET',
    path: `${base}/consultations/:id/export.docx`,
    access: read,
    summary: '导出意见采纳情况表（Word）',
    params: idParams,
    response: fileBody,
  },
  sensitiveWords: {
    method: 'GET',
    path: `${base}/sensitive-words`,
    access: read,
    summary: '门户敏感词表（命中的意见进入待审核）',
    response: itemsOf(sensitiveWordSchema),
  },
  addSensitiveWord: {
    method: 'POST',
    path: `${base}/sensitive-words`,
    access: manage,
    summary: '添加一个敏感词',
    body: sensitiveWordCreateSchema,
    response: idAnswer,
  },
  deleteSensitiveWord: {
    method: 'DELETE',
    path: `${base}/sensitive-words/:id`,
    access: manage,
    summary: '删除一个敏感词',
    params: idParams,
    response: z.object({ ok: z.literal(true) }),
  },
  importSensitiveWords: {
    method: 'POST',
    path: `${base}/sensitive-words/import`,
    access: manage,
    summary: '导入敏感词表（文本，每行一个；已有的词跳过）',
    body: sensitiveWordImportSchema,
    response: z.object({ added: z.number(), skipped: z.number() }),
  },
  stats: {
    method: 'GET',
    path: `${base}/stats`,
    access: read,
    summary: '立法联系点统计（按联系点和年度：草案、意见、采纳）',
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: itemsOf(statsRowSchema),
  },
});
