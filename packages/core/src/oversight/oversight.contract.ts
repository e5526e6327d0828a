import { LEVELS } from '../assessment/scheme-constants.ts';
import { defineContracts, fileBody, itemsOf, timestamp } from '../shared/contract.ts';
import { dbIdParam, idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { bulletinLevels, bulletinStances } from './bulletin.ts';
import { inspectionCreateSchema, inspectionKeyNodes, inspectionModes, inspectionStatuses } from './inspection.ts';
import {
  bulletinCreateSchema,
  bulletinWithdrawSchema,
  docNumberCodeSchema,
  inspectionListQuerySchema,
  inspectionStatusSchema,
  problemListQuerySchema,
  yearQuerySchema,
} from './oversight.schemas.ts';
import { problemActionSchema, problemCreateSchema, recurrenceSchema } from './problem.schemas.ts';
import { deferralStatuses, problemEventTypes, problemStatuses } from './problem.ts';

const unitSchema = z.object({ id: z.number(), name: z.string() });
const ownerSchema = z.object({ id: z.number(), name: z.string(), position: z.string() });
const created = z.object({ id: z.number() });
const problemStatus = z.enum(problemStatuses);

export const inspectionItemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  year: z.number(),
  title: z.string(),
  mode: z.enum(inspectionModes),
  keyNode: z.enum(inspectionKeyNodes),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(inspectionStatuses),
  checklist: z.array(z.object({ content: z.string(), basis: z.string() })),
  team: z.array(
    z.object({
      name: z.string(),
      userId: z.number().nullable().optional(),
      orgName: z.string(),
      role: z.enum(['leader', 'member', 'liaison']),
    }),
  ),
  targets: z.array(unitSchema),
  targetOrgIds: z.array(z.number()),
  problemCount: z.number(),
  closedCount: z.number(),
});

export const problemItemSchema = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  status: problemStatus,
  inspectionId: z.number().nullable(),
  inspectionTitle: z.string().nullable(),
  units: z.array(unitSchema),
  isJoint: z.boolean(),
  signedCount: z.number(),
  owner: ownerSchema.nullable(),
  deadline: z.string().nullable(),
  effectiveDeadline: z.string().nullable(),
  isOverdue: z.boolean(),
  daysOverdue: z.number(),
  hasPendingDeferral: z.boolean(),
  recurrenceOf: z.number().nullable(),
  createdAt: timestamp(),
});

export const problemActions = [
  'set_four_ones',
  'claim',
  'sign_off',
  'apply',
  'verify_pass',
  'verify_fail',
  'request_deferral',
  'approve_deferral',
  'reject_deferral',
  'recur',
] as const;

const relatedProblem = z.object({ id: z.number(), title: z.string(), status: problemStatus });

export const problemDetailSchema = z.object({
  id: z.number(),
  year: z.number(),
  version: z.number(),
  title: z.string(),
  description: z.string(),
  status: problemStatus,
  statusLabel: z.string(),
  inspectionId: z.number().nullable(),
  inspectionTitle: z.string().nullable(),
  units: z.array(unitSchema),
  isJoint: z.boolean(),
  owner: ownerSchema.nullable(),
  plan: z.string(),
  measures: z.array(z.string()),
  deadline: z.string().nullable(),
  isDeadlineFixed: z.boolean(),
  effectiveDeadline: z.string().nullable(),
  daysOverdue: z.number(),
  isOverdue: z.boolean(),
  claimedByUnitId: z.number().nullable(),
  rectificationSummary: z.string(),
  closedAt: z.string().nullable(),
  signOffs: z.array(
    z.object({ unitId: z.number(), unitName: z.string(), by: z.string(), at: z.string(), note: z.string() }),
  ),
  missingSignOffs: z.array(unitSchema),
  deferrals: z.array(
    z.object({
      reason: z.string(),
      until: z.string(),
      status: z.enum(deferralStatuses),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
      decisionNote: z.string(),
    }),
  ),
  recurrenceOf: relatedProblem.nullable(),
  recurrences: z.array(relatedProblem),
  history: z.array(
    z.object({
      type: z.enum(problemEventTypes),
      label: z.string(),
      from: problemStatus.nullable(),
      to: problemStatus,
      note: z.string(),
      unitName: z.string(),
      relatedProblemId: z.number().nullable(),
      actor: z.string(),
      at: z.string(),
      /** 佐证材料 cited by this step (销号 application, 验收), downloadable through `evidenceFile`. */
      attachments: z.array(z.object({ id: z.number(), filename: z.string(), size: z.number() })),
    }),
  ),
  allowedActions: z.array(z.enum(problemActions)),
});

const bulletinEntrySchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  stance: z.enum(bulletinStances),
  reason: z.string(),
  problemIds: z.array(z.number()),
});

export const bulletinItemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  docNo: z.string(),
  level: z.enum(bulletinLevels),
  issuedOn: z.string(),
  intro: z.string(),
  cc: z.string(),
  createdAt: z.string(),
  entries: z.array(bulletinEntrySchema),
  /** 撤回: null while in force; a withdrawn bulletin feeds no deductions. */
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string(),
});

export const docNumberRegisterSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  code: z.string(),
  lastNo: z.number(),
  /** The 文号 the next 印发 will take (allocated only when it is issued). */
  next: z.string(),
  issued: z.array(
    z.object({ id: z.number(), docNo: z.string(), title: z.string(), issuedOn: z.string(), withdrawn: z.boolean() }),
  ),
});

export const oversightStatsSchema = z.object({
  inspections: z.number(),
  problems: z.number(),
  rectified: z.number(),
  applied: z.number(),
  overdue: z.number(),
  rectificationRate: z.number().nullable(),
});

export const oversightContracts = defineContracts('oversight', {
  stats: {
    method: 'GET',
    path: '/api/oversight/stats',
    access: 'oversight.read',
    summary: '督察整改概况',
    query: yearQuerySchema,
    response: oversightStatsSchema,
  },
  inspections: {
    method: 'GET',
    path: '/api/oversight/inspections',
    access: 'oversight.read',
    summary: '督察列表',
    query: inspectionListQuerySchema,
    response: itemsOf(inspectionItemSchema),
  },
  createInspection: {
    method: 'POST',
    path: '/api/oversight/inspections',
    access: 'oversight.manage',
    summary: '新建督察',
    body: inspectionCreateSchema,
    response: created,
  },
  inspection: {
    method: 'GET',
    path: '/api/oversight/inspections/:id',
    access: 'oversight.read',
    summary: '督察详情（含发现问题）',
    params: idParams,
    response: z.object({ inspection: inspectionItemSchema, problems: z.array(problemItemSchema) }),
  },
  setInspectionStatus: {
    method: 'POST',
    path: '/api/oversight/inspections/:id/status',
    access: 'oversight.manage',
    summary: '更新督察状态',
    params: idParams,
    body: inspectionStatusSchema,
    response: z.object({ id: z.number(), status: z.enum(inspectionStatuses) }),
  },
  problems: {
    method: 'GET',
    path: '/api/oversight/problems',
    access: 'oversight.read',
    summary: '问题库（四个一）',
    query: problemListQuerySchema,
    response: z.object({
      items: z.array(problemItemSchema),
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
    }),
  },
  createProblem: {
    method: 'POST',
    path: '/api/oversight/problems',
    access: 'oversight.manage',
    summary: '登记督察发现问题',
    body: problemCreateSchema,
    response: created,
  },
  problem: {
    method: 'GET',
    path: '/api/oversight/problems/:id',
    access: 'oversight.read',
    summary: '问题详情（含整改记录）',
    params: idParams,
    response: problemDetailSchema,
  },
  ownerOptions: {
    method: 'GET',
    path: '/api/oversight/problems/:id/owner-options',
    access: 'oversight.rectify',
    summary: '可选整改责任人',
    params: idParams,
    response: itemsOf(ownerSchema.extend({ orgId: z.number(), orgName: z.string() })),
  },
  act: {
    method: 'POST',
    path: '/api/oversight/problems/:id/actions',
    access: 'oversight.rectify',
    summary: '问题整改流转：认领、完善四个一、会签、申请销号、验收、延期',
    params: idParams,
    body: problemActionSchema,
    response: z.object({ id: z.number(), status: problemStatus }),
  },
  evidenceFile: {
    method: 'GET',
    path: '/api/oversight/problems/:id/evidence/:attachmentId',
    access: 'oversight.read',
    summary: '下载问题整改的佐证材料',
    params: z.object({ id: dbIdParam(), attachmentId: dbIdParam('附件编号不正确') }),
    response: fileBody,
  },
  recur: {
    method: 'POST',
    path: '/api/oversight/problems/:id/recurrence',
    access: 'oversight.manage',
    summary: '登记问题复发（新建关联问题）',
    params: idParams,
    body: recurrenceSchema,
    response: created,
  },
  bulletins: {
    method: 'GET',
    path: '/api/oversight/bulletins',
    access: 'oversight.read',
    summary: '通报列表',
    query: inspectionListQuerySchema,
    response: itemsOf(bulletinItemSchema),
  },
  suggestions: {
    method: 'GET',
    path: '/api/oversight/bulletins/suggestions',
    access: 'oversight.manage',
    summary: '按问题整改情况生成通报建议',
    query: yearQuerySchema,
    response: itemsOf(bulletinEntrySchema),
  },
  createBulletin: {
    method: 'POST',
    path: '/api/oversight/bulletins',
    access: 'oversight.manage',
    summary: '印发通报',
    body: bulletinCreateSchema,
    response: created,
  },
  withdrawBulletin: {
    method: 'POST',
    path: '/api/oversight/bulletins/:id/withdraw',
    access: 'oversight.manage',
    summary: '撤回通报（撤销其考核扣分）',
    params: idParams,
    body: bulletinWithdrawSchema,
    response: created,
  },
  docNumbers: {
    method: 'GET',
    path: '/api/oversight/doc-numbers',
    access: 'oversight.manage',
    summary: '发文字号登记簿（本机关本年度）',
    query: yearQuerySchema,
    response: docNumberRegisterSchema,
  },
  setDocNumberCode: {
    method: 'PUT',
    path: '/api/oversight/doc-numbers',
    access: 'oversight.manage',
    summary: '设置发文字号的机关代字',
    body: docNumberCodeSchema,
    response: docNumberRegisterSchema,
  },
  bulletinDocx: {
    method: 'GET',
    path: '/api/oversight/bulletins/:id/docx',
    access: 'oversight.read',
    summary: '下载通报（.docx）',
    params: idParams,
    response: fileBody,
  },
  deductions: {
    method: 'GET',
    path: '/api/oversight/deductions',
    access: 'oversight.read',
    summary: '通报批评形成的考核扣分项（督查发现问题）',
    query: yearQuerySchema,
    response: itemsOf(
      z.object({
        orgId: z.number(),
        kind: z.literal('督查发现问题'),
        level: z.enum(LEVELS),
        count: z.number(),
        /** `problem:<id>` for each problem counted; `bulletin:<id>` for a criticism that names no problem. */
        sourceIds: z.array(z.string()),
      }),
    ),
  },
});
