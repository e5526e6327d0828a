import { metricKeys } from '../metrics/catalogue.ts';
import { defineContracts, fileBody, timestamp } from '../shared/contract.ts';
import { dbIdParam, idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import type { ComplianceStatus } from './compliance.ts';
import { type DeadlineState, deadlineStateLabels } from './deadlines.ts';
import { type ReportFigureKey, templateFigureKeys } from './figure-phrases.ts';
import { reportTypes } from './outlines.ts';
import {
  compareQuerySchema,
  importReviewSchema,
  reportActionSchema,
  reportCheckTextSchema,
  reportComposeSchema,
  reportDeadlineOverrideSchema,
  reportDeadlineResetSchema,
  reportImportTextSchema,
  reportListQuerySchema,
  reportUpdateSchema,
} from './report.schemas.ts';
import { reportActions, reportStatuses } from './report-lifecycle.ts';
import type { ReportPart } from './structure.ts';

// ---- request schemas of the routes that had them inline ----

/** Where an uploaded report is imported to. */
export const importUploadQuerySchema = z.object({
  orgId: dbIdParam('请选择单位'),
  year: z.coerce.number({ message: '请填写年度' }).int().min(2000).max(2100),
});
/** An uploaded report checked on its own, or also against an org's ledgers for a year. */
export const checkUploadQuerySchema = z.object({
  orgId: dbIdParam().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const importListQuerySchema = z.object({ year: z.coerce.number().int().optional() });
export const addSectionSchema = z.object({
  key: z.string({ message: '请选择章节' }).min(1, { message: '请选择章节' }).max(40),
});
export const sectionParams = z.object({ id: dbIdParam(), key: z.string().min(1).max(40) });

// ---- response parts ----

const reportFigureKeys = [...metricKeys, ...templateFigureKeys] as [ReportFigureKey, ...ReportFigureKey[]];
/** A figure a report can phrase: a catalogue metric or a registry figure read back by its template. */
export const reportFigureKeySchema = z.enum(reportFigureKeys);

const reportParts = [
  'measures',
  'shortcomings',
  'first_responsible',
  'next_year',
  'other',
] as const satisfies readonly ReportPart[];
const reportPartSchema = z.enum(reportParts);
const complianceStatuses = ['ok', 'missing', 'warning', 'pending'] as const satisfies readonly ComplianceStatus[];
const deadlineStates = Object.keys(deadlineStateLabels) as [DeadlineState, ...DeadlineState[]];
const deadlineStateSchema = z.enum(deadlineStates);

/** The dates in force for a report type and year. */
export const reportDeadlinesSchema = z.object({
  /** Who the report goes to (上一级党委政府, 区县政府, 局党组). */
  submitTo: z.string(),
  submitBy: z.string(),
  publishBy: z.string().nullable(),
  isOverridden: z.boolean(),
});

/** Where a report stands against its deadlines. */
export const reportDeadlineStatusSchema = reportDeadlinesSchema.extend({
  submit: deadlineStateSchema,
  publish: deadlineStateSchema,
  daysOverdue: z.number(),
});

export const complianceItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  status: z.enum(complianceStatuses),
  detail: z.string(),
  action: z.string().nullable(),
  start: z.number().optional(),
  end: z.number().optional(),
});

export const figureMismatchSchema = z.object({
  metric: reportFigureKeySchema,
  metricName: z.string(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  stated: z.number(),
  statedUnit: z.string(),
  approx: z.string().nullable(),
  ledger: z.number(),
  ledgerUnit: z.string(),
});

export const ledgerValueSchema = z.object({ metric: reportFigureKeySchema, value: z.number(), unit: z.string() });

const partPresenceSchema = z.object({
  part: reportPartSchema,
  label: z.string(),
  present: z.boolean(),
  isRequired: z.boolean(),
});

export const reportListItemSchema = z.object({
  key: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  parentName: z.string().nullable(),
  year: z.number(),
  type: z.enum(reportTypes),
  typeLabel: z.string(),
  report: z
    .object({
      id: z.number(),
      title: z.string(),
      status: z.enum(reportStatuses),
      statusLabel: z.string(),
      updatedAt: timestamp(),
    })
    .nullable(),
  deadlines: reportDeadlineStatusSchema,
});

export const reportListSchema = z.object({
  year: z.number(),
  items: z.array(reportListItemSchema),
  summary: z.object({
    units: z.number(),
    composed: z.number(),
    final: z.number(),
    submitted: z.number(),
    published: z.number(),
    overdue: z.number(),
  }),
});

export const reportSectionViewSchema = z.object({
  key: z.string(),
  heading: z.string(),
  body: z.string(),
  isOptional: z.boolean(),
  liveFigures: z.array(
    z.object({
      slotId: z.string(),
      metric: reportFigureKeySchema,
      start: z.number(),
      end: z.number(),
      value: z.number(),
      orgId: z.number(),
      period: z.string(),
      unit: z.string(),
      name: z.string(),
    }),
  ),
  mismatches: z.array(figureMismatchSchema),
});

export const figureRowSchema = z.object({
  metric: z.string(),
  orgId: z.number(),
  period: z.string(),
  name: z.string(),
  unit: z.string(),
  section: z.string(),
  composed: z.number(),
  previous: z.number().nullable(),
  ledger: z.number().nullable(),
  isLive: z.boolean(),
});

/** The editor's view of a report (reports.view.service.ts builds it) and its history. */
export const reportViewSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  type: z.enum(reportTypes),
  typeLabel: z.string(),
  status: z.enum(reportStatuses),
  statusLabel: z.string(),
  version: z.number(),
  title: z.string(),
  preamble: z.string(),
  signedBy: z.string(),
  signedDate: z.string(),
  sections: z.array(reportSectionViewSchema),
  isEditable: z.boolean(),
  addableSections: z.array(z.object({ key: z.string(), heading: z.string() })),
  isFrozen: z.boolean(),
  frozenAt: timestamp().nullable(),
  actions: z.array(z.enum(reportActions)),
  deadlines: reportDeadlineStatusSchema,
  compliance: z.object({ items: z.array(complianceItemSchema), passed: z.number(), total: z.number() }),
  figureTable: z.array(figureRowSchema),
  /** The ledger values figures are checked against (the frozen ones for a final report). */
  ledger: z.array(ledgerValueSchema),
  /** The report as one plain text. */
  text: z.string(),
  submittedAt: timestamp().nullable(),
  publishedAt: timestamp().nullable(),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      /** The 审核意见 of a review step (the reason of a 退回修改). */
      reason: z.string(),
      at: timestamp(),
      actor: z.string().nullable(),
      /** Files the office attached to its 审核意见. */
      attachments: z.array(z.object({ id: z.number(), filename: z.string(), size: z.number(), mime: z.string() })),
    }),
  ),
});

const structureSectionSchema = z.object({
  level: z.number(),
  marker: z.string(),
  title: z.string(),
  part: reportPartSchema.nullable(),
});

export const checkResultSchema = z.object({
  items: z.array(complianceItemSchema),
  passed: z.number(),
  total: z.number(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  signedBy: z.string().nullable(),
  signedDate: z.string().nullable(),
  sections: z.array(structureSectionSchema),
});

/** An uploaded report's check also answers the text read from the file, so the user sees what was checked. */
export const checkUploadResultSchema = checkResultSchema.extend({ text: z.string() });

export const importListItemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  filename: z.string().nullable(),
  status: z.string(),
  isDemo: z.boolean(),
  figureCount: z.number(),
  accepted: z.number(),
  createdAt: timestamp(),
});

/** A figure read from an imported report, with the reviewer's decision (stored in report_imports.figures). */
export const importedFigureSchema = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  approx: z.string().nullable(),
  metric: z.string().nullable(),
  confidence: z.number(),
  start: z.number(),
  end: z.number(),
  comparison: z.boolean().optional(),
  partOf: z.number().optional(),
  decision: z.enum(['pending', 'accepted', 'discarded']),
  /** The words that gave the key, or why there is none (shown to the reviewer). */
  keyWords: z.string().optional(),
  noKeyReason: z.string().optional(),
  /** The key came from a phrase a reviewer in this county chose before. */
  learned: z.boolean().optional(),
  /** The words right before the quantity a changed key is remembered by (phraseBefore). */
  phrase: z.string().nullable().optional(),
});
export type ImportedFigure = z.output<typeof importedFigureSchema>;

export const importDetailSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  filename: z.string().nullable(),
  status: z.string(),
  isDemo: z.boolean(),
  text: z.string(),
  structure: z.object({
    title: z.string().nullable(),
    parts: z.array(partPresenceSchema.extend({ heading: z.string().nullable() })),
    basis: z.array(z.string()),
    signedBy: z.string().nullable(),
    signedDate: z.string().nullable(),
    sections: z.array(structureSectionSchema.extend({ start: z.number(), end: z.number() })),
  }),
  figures: z.array(importedFigureSchema.extend({ index: z.number(), metricName: z.string().nullable() })),
  history: z.array(z.object({ metric: z.string(), value: z.number(), source: z.string() })),
});

export const comparisonSchema = z.object({
  year: z.number(),
  metrics: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string() })),
  counties: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      report: z
        .object({
          kind: z.enum(['report', 'import']),
          id: z.number(),
          title: z.string(),
          status: z.string(),
          isDemo: z.boolean(),
          hasBasis: z.boolean(),
          signedBy: z.string().nullable(),
          signedDate: z.string().nullable(),
        })
        .nullable(),
      parts: z.array(partPresenceSchema),
      figures: z.record(z.string(), z.object({ value: z.number(), unit: z.string(), text: z.string() })),
    }),
  ),
});

export const deadlineSettingsSchema = z.object({
  year: z.number(),
  orgName: z.string(),
  items: z.array(
    reportDeadlinesSchema.extend({
      type: z.enum(reportTypes),
      typeLabel: z.string(),
      note: z.string(),
      isPublished: z.boolean(),
      defaults: z.object({ submitBy: z.string(), publishBy: z.string().nullable() }),
      isOwnSetting: z.boolean(),
    }),
  ),
});

const createdImportSchema = z.object({ id: z.number(), figures: z.number() });
const sectionsChangedSchema = z.object({ id: z.number(), version: z.number(), sections: z.array(z.string()) });

export type ReportList = z.output<typeof reportListSchema>;
export type ReportView = z.output<typeof reportViewSchema>;
export type CheckResult = z.output<typeof checkResultSchema>;
export type ImportListItem = z.output<typeof importListItemSchema>;
export type ImportDetail = z.output<typeof importDetailSchema>;
export type Comparison = z.output<typeof comparisonSchema>;
export type DeadlineSettings = z.output<typeof deadlineSettingsSchema>;

export const reportsContracts = defineContracts('reports', {
  list: {
    method: 'GET',
    path: '/api/reports',
    access: 'report.read',
    summary: '年度报告及报送、公开期限（本级及下级各单位）',
    query: reportListQuerySchema,
    response: reportListSchema,
  },
  compose: {
    method: 'POST',
    path: '/api/reports',
    access: 'report.write',
    summary: '生成年度报告初稿',
    body: reportComposeSchema,
    response: z.object({ id: z.number() }),
  },
  deadlines: {
    method: 'GET',
    path: '/api/reports/deadlines',
    access: 'report.read',
    summary: '各类报告的报送、公开截止日期（默认与本地设置）',
    query: reportListQuerySchema,
    response: deadlineSettingsSchema,
  },
  setDeadlines: {
    method: 'PUT',
    path: '/api/reports/deadlines',
    access: 'report.approve',
    summary: '设置某年度某类报告的截止日期',
    body: reportDeadlineOverrideSchema,
    response: reportDeadlinesSchema,
  },
  resetDeadlines: {
    method: 'DELETE',
    path: '/api/reports/deadlines/:year/:type',
    access: 'report.approve',
    summary: '恢复某年度某类报告的默认截止日期',
    params: reportDeadlineResetSchema,
    response: reportDeadlinesSchema,
  },
  compare: {
    method: 'GET',
    path: '/api/reports/compare',
    access: 'report.read',
    summary: '各县（区）年度报告对比',
    query: compareQuerySchema,
    response: comparisonSchema,
  },
  check: {
    method: 'POST',
    path: '/api/reports/check',
    access: 'report.read',
    summary: '检查粘贴的报告文本是否合规',
    body: reportCheckTextSchema,
    response: checkResultSchema,
  },
  checkUpload: {
    method: 'POST',
    path: '/api/reports/check/upload',
    access: 'report.read',
    summary: '上传报告（.docx/.txt/.html）检查是否合规',
    query: checkUploadQuerySchema,
    upload: true,
    response: checkUploadResultSchema,
  },
  imports: {
    method: 'GET',
    path: '/api/reports/imports',
    access: 'report.read',
    summary: '导入的历史报告',
    query: importListQuerySchema,
    response: z.object({ items: z.array(importListItemSchema) }),
  },
  importText: {
    method: 'POST',
    path: '/api/reports/imports',
    access: 'report.write',
    summary: '粘贴报告文本并识别数字',
    body: reportImportTextSchema,
    response: createdImportSchema,
  },
  importUpload: {
    method: 'POST',
    path: '/api/reports/imports/upload',
    access: 'report.write',
    summary: '上传报告（.docx/.txt/.html）并识别数字',
    query: importUploadQuerySchema,
    upload: true,
    response: createdImportSchema,
  },
  importDetail: {
    method: 'GET',
    path: '/api/reports/imports/:id',
    access: 'report.read',
    summary: '导入报告的章节和识别出的数字',
    params: idParams,
    response: importDetailSchema,
  },
  review: {
    method: 'POST',
    path: '/api/reports/imports/:id/review',
    access: 'report.approve',
    summary: '审核识别出的数字：采用为历史数据、更正指标或舍弃',
    params: idParams,
    body: importReviewSchema,
    response: z.object({ id: z.number(), accepted: z.number(), status: z.enum(['pending', 'reviewed']) }),
  },
  get: {
    method: 'GET',
    path: '/api/reports/:id',
    access: 'report.read',
    summary: '年度报告（含实时数据标注和合规检查）',
    params: idParams,
    response: reportViewSchema,
  },
  update: {
    method: 'PUT',
    path: '/api/reports/:id',
    access: 'report.write',
    summary: '修改年度报告',
    params: idParams,
    body: reportUpdateSchema,
    response: z.object({ id: z.number(), version: z.number() }),
  },
  addSection: {
    method: 'POST',
    path: '/api/reports/:id/sections',
    access: 'report.write',
    summary: '添加可选章节（其他需要报告的情况）',
    params: idParams,
    body: addSectionSchema,
    response: sectionsChangedSchema,
  },
  removeSection: {
    method: 'DELETE',
    path: '/api/reports/:id/sections/:key',
    access: 'report.write',
    summary: '删除可选章节',
    params: sectionParams,
    response: sectionsChangedSchema,
  },
  refresh: {
    method: 'POST',
    path: '/api/reports/:id/refresh',
    access: 'report.write',
    summary: '按最新台账更新报告中的数据',
    params: idParams,
    response: z.object({ id: z.number(), changed: z.number() }),
  },
  act: {
    method: 'POST',
    path: '/api/reports/:id/actions',
    access: 'report.write',
    summary: '报告流转：提交审核、退回、定稿、报送、公开',
    params: idParams,
    body: reportActionSchema,
    response: z.object({ id: z.number(), status: z.enum(reportStatuses) }),
  },
  docx: {
    method: 'GET',
    path: '/api/reports/:id/docx',
    access: 'report.read',
    summary: '下载 Word 文档（GB/T 9704 公文格式）',
    params: idParams,
    response: fileBody,
  },
  reviewFile: {
    method: 'GET',
    path: '/api/reports/:id/review-files/:fileId',
    access: 'report.read',
    summary: '下载审核意见所附的附件（报告所属单位和依法治区办可见）',
    params: idParams.extend({ fileId: dbIdParam() }),
    response: fileBody,
  },
});
