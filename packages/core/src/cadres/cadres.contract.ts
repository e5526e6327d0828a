import { defineContracts, fileBody, itemsOf, okResponse } from '../shared/contract.ts';
import { idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import {
  archiveQuerySchema,
  archiveUpdateSchema,
  cadreCreateSchema,
  cadreListQuerySchema,
  cadreUpdateSchema,
  dutySchema,
  lawReportScoresSchema,
} from './cadre.schemas.ts';
import { examKinds, examOutcomes, lawExamSchema } from './law-exam.ts';
import { lawReportForms, lawReportLevels, lawReportSchema, lawReportSurveySchema } from './law-report.ts';
import { preMeetingStudySchema, studyMeetingKinds } from './pre-meeting-study.ts';

const yearQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
});
const created = z.object({ id: z.number() });

export const cadreItemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  position: z.string(),
  isPrincipal: z.boolean(),
  /** Masked (110***********1234) unless the user may read personal data. */
  idNumber: z.string(),
  phone: z.string(),
  isMasked: z.boolean(),
  version: z.number(),
  hasLawReport: z.boolean(),
  hasExam: z.boolean(),
  isFiled: z.boolean(),
});

export const studyItemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  date: z.string(),
  meetingKind: z.enum(studyMeetingKinds),
  meetingKindLabel: z.string(),
  meetingName: z.string(),
  laws: z.array(z.string()),
  lecturer: z.string(),
  expectedCount: z.number(),
  attendeeCount: z.number(),
  attendeeIds: z.array(z.number()),
  attendanceRate: z.number(),
});

export const lawReportItemSchema = z.object({
  id: z.number(),
  cadreId: z.number(),
  cadreName: z.string(),
  position: z.string(),
  orgName: z.string(),
  year: z.number(),
  form: z.enum(lawReportForms),
  formLabel: z.string(),
  date: z.string(),
  reportAttachmentId: z.number().nullable(),
  summary: z.string(),
  panelScores: z.array(z.number()),
  survey: lawReportSurveySchema.nullable(),
  panelAverage: z.number().nullable(),
  surveySatisfaction: z.number().nullable(),
  score: z.number().nullable(),
  level: z.enum(lawReportLevels).nullable(),
  levelLabel: z.string(),
});

export const examItemSchema = z.object({
  id: z.number(),
  cadreId: z.number(),
  cadreName: z.string(),
  position: z.string(),
  orgName: z.string(),
  year: z.number(),
  kind: z.enum(examKinds),
  kindLabel: z.string(),
  examName: z.string(),
  date: z.string(),
  score: z.number().nullable(),
  passMark: z.number(),
  outcome: z.enum(examOutcomes),
  outcomeLabel: z.string(),
});

export const archiveDetailSchema = z.object({
  cadre: z.object({
    id: z.number(),
    name: z.string(),
    orgName: z.string(),
    position: z.string(),
    idNumber: z.string(),
    phone: z.string(),
  }),
  year: z.number(),
  threeOnes: z.object({
    hasLawReport: z.boolean(),
    hasExam: z.boolean(),
    hasArchive: z.boolean(),
    isComplete: z.boolean(),
    missing: z.array(z.string()),
  }),
  lawReport: z
    .object({
      date: z.string(),
      formLabel: z.string(),
      score: z.number().nullable(),
      level: z.enum(lawReportLevels).nullable(),
      levelLabel: z.string(),
    })
    .nullable(),
  exam: z
    .object({
      date: z.string(),
      examName: z.string(),
      score: z.number().nullable(),
      outcome: z.enum(examOutcomes),
      outcomeLabel: z.string(),
    })
    .nullable(),
  studies: z.array(
    z.object({ date: z.string(), meetingName: z.string(), laws: z.array(z.string()), lecturer: z.string() }),
  ),
  duties: z.array(z.object({ title: z.string(), statusLabel: z.string(), note: z.string() })).nullable(),
  filedOn: z.string().nullable(),
  isPrincipal: z.boolean(),
  isMasked: z.boolean(),
  /** The duties as stored, for the edit form. */
  rawDuties: z.array(dutySchema),
});

export const cadresContracts = defineContracts('cadres', {
  list: {
    method: 'GET',
    path: '/api/cadres',
    access: 'cadres.read',
    summary: '领导干部名单（含本年度“三个一”）',
    query: cadreListQuerySchema.extend(yearQuery.shape),
    response: itemsOf(cadreItemSchema),
  },
  create: {
    method: 'POST',
    path: '/api/cadres',
    access: 'cadres.manage',
    summary: '新增领导干部',
    body: cadreCreateSchema,
    response: created,
  },
  update: {
    method: 'PATCH',
    path: '/api/cadres/:id',
    access: 'cadres.manage',
    summary: '修改领导干部信息',
    params: idParams,
    body: cadreUpdateSchema,
    response: okResponse,
  },
  remove: {
    method: 'DELETE',
    path: '/api/cadres/:id',
    access: 'cadres.manage',
    summary: '移出领导干部名单（记录保留）',
    params: idParams,
    response: okResponse,
  },
  studies: {
    method: 'GET',
    path: '/api/cadres/studies',
    access: 'cadres.read',
    summary: '会前学法记录',
    query: yearQuery,
    response: itemsOf(studyItemSchema),
  },
  createStudy: {
    method: 'POST',
    path: '/api/cadres/studies',
    access: 'cadres.manage',
    summary: '登记会前学法',
    body: preMeetingStudySchema,
    response: created,
  },
  deleteStudy: {
    method: 'DELETE',
    path: '/api/cadres/studies/:id',
    access: 'cadres.manage',
    summary: '删除会前学法记录',
    params: idParams,
    response: okResponse,
  },
  lawReports: {
    method: 'GET',
    path: '/api/cadres/law-reports',
    access: 'cadres.read',
    summary: '述法记录与评议结果',
    query: yearQuery,
    response: itemsOf(lawReportItemSchema),
  },
  createLawReport: {
    method: 'POST',
    path: '/api/cadres/law-reports',
    access: 'cadres.manage',
    summary: '登记述法',
    body: lawReportSchema,
    response: created,
  },
  scoreLawReport: {
    method: 'PUT',
    path: '/api/cadres/law-reports/:id/scores',
    access: 'cadres.manage',
    summary: '录入述法评议分数',
    params: idParams,
    body: lawReportScoresSchema,
    response: lawReportItemSchema,
  },
  exams: {
    method: 'GET',
    path: '/api/cadres/exams',
    access: 'cadres.read',
    summary: '法治考核成绩',
    query: yearQuery,
    response: itemsOf(examItemSchema),
  },
  createExam: {
    method: 'POST',
    path: '/api/cadres/exams',
    access: 'cadres.manage',
    summary: '登记法治考核成绩',
    body: lawExamSchema,
    response: created,
  },
  archive: {
    method: 'GET',
    path: '/api/cadres/:id/archive',
    access: 'cadres.read',
    summary: '领导干部法治档案（年度）',
    params: idParams,
    query: archiveQuerySchema.pick({ year: true }),
    response: archiveDetailSchema,
  },
  updateArchive: {
    method: 'PUT',
    path: '/api/cadres/:id/archive',
    access: 'cadres.manage',
    summary: '更新第一责任人职责履行情况并归档',
    params: idParams,
    body: archiveUpdateSchema,
    response: okResponse,
  },
  exportResults: {
    method: 'GET',
    path: '/api/cadres/results/export',
    access: 'cadres.manage',
    summary: '导出领导干部考核结果运用表（干部考察用，.xlsx，不含身份证号和电话）',
    query: z.object({
      year: z.coerce.number({ error: '请选择年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
    }),
    response: fileBody,
  },
  exportArchive: {
    method: 'GET',
    path: '/api/cadres/:id/archive/export',
    access: 'cadres.read',
    summary: '导出法治档案（.docx 或 .xlsx）',
    params: idParams,
    query: archiveQuerySchema,
    response: fileBody,
  },
});
