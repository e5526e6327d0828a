import { defineContracts, fileBody, itemsOf, okResponse } from '../shared/contract.ts';
import { dateSchema, dbIdParam, idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import {
  assignmentCreateSchema,
  functionsUpdateSchema,
  leaderCreateSchema,
  visitCreateSchema,
  visitListQuerySchema,
  visitProblemSchema,
  yearQuerySchema,
} from './api.schemas.ts';
import { judicialOfficeFunctions, ratingLevels } from './judicial-office.ts';

const orgParams = z.object({ orgId: dbIdParam() });
const endBody = z.object({ endDate: dateSchema('结束日期', '请填写结束日期') });

const figureSchema = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  note: z.string().nullable(),
});
const rateSchema = z.object({ required: z.number(), done: z.number(), rate: z.number().nullable() });

export const officeSchema = z.object({
  orgId: z.number(),
  name: z.string(),
  townshipId: z.number().nullable(),
  township: z.string().nullable(),
  center: z.string().nullable(),
  functions: z.array(z.enum(judicialOfficeFunctions)),
  note: z.string(),
  version: z.number(),
  functionsPerformed: z.number(),
  functionsTotal: z.number(),
  functionsMissing: z.array(z.string()),
  staff: z.number(),
  qualified: z.number(),
  qualifiedShare: z.number().nullable(),
  examSat: z.number(),
  examPassed: z.number(),
  examPassRate: z.number().nullable(),
  decisionMeetings: z.number(),
  decisionAttended: z.number(),
  rating: z.object({ year: z.number(), level: z.enum(ratingLevels), stars: z.number(), label: z.string() }).nullable(),
});

export const officeDetailSchema = officeSchema.extend({
  checklist: z.array(z.object({ code: z.string(), label: z.string(), performed: z.boolean() })),
  year: z.number(),
  /** The 司法所's own figures: rows entered by the office itself. */
  figures: z.array(figureSchema),
  /** The org the figures are counted for: the 司法所 itself. */
  figuresOrgId: z.number(),
  /**
   * The township the office serves, with the same figures for the whole township (its villages, units and the
   * office), shown beside the office's and labelled as the township's; null for an office outside a township.
   */
  townshipFigures: z.object({ id: z.number(), name: z.string(), figures: z.array(figureSchema) }).nullable(),
  period: z.string(),
});

export const visitSchema = z.object({
  id: z.number(),
  leaderId: z.number(),
  leaderName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  visitedOn: z.string(),
  peopleMet: z.string(),
  problemsHeard: z.string(),
  followUp: z.string(),
  problems: z.array(
    z.object({ id: z.number(), title: z.string(), description: z.string(), problemId: z.number().nullable() }),
  ),
});

const periodSchema = z.object({
  period: z.string(),
  label: z.string(),
  required: z.number(),
  done: z.number(),
  status: z.string(),
  statusLabel: z.string(),
});

export const assignmentSchema = z.object({
  id: z.number(),
  leaderId: z.number(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  every: z.string(),
  times: z.number(),
  obligation: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  periods: z.array(periodSchema),
  overdue: z.number(),
  rate: rateSchema,
});

export const liaisonSchema = z.object({
  year: z.number(),
  assignments: z.array(assignmentSchema),
  visits: z.array(visitSchema),
  totals: rateSchema.extend({ visits: z.number() }),
});

export const leaderSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  title: z.string(),
  userId: z.number().nullable(),
});

export const leaderReportSchema = z.object({
  leader: z.object({ id: z.number(), name: z.string(), title: z.string(), orgName: z.string() }),
  year: z.number(),
  totals: rateSchema.extend({ visits: z.number(), overduePeriods: z.number() }),
  points: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      obligation: z.string(),
      rate: rateSchema,
      overduePeriods: z.array(z.string()),
      periods: z.array(
        z.object({ label: z.string(), required: z.number(), done: z.number(), statusLabel: z.string() }),
      ),
      visits: z.array(visitSchema),
    }),
  ),
});

const created = z.object({ id: z.number() });

export const grassrootsContracts = defineContracts('grassroots', {
  figures: {
    method: 'GET',
    path: '/api/grassroots/figures',
    access: 'grassroots.read',
    summary: '基层法治指标（走访完成率、村居覆盖率等，来自指标库）',
    query: yearQuerySchema,
    response: z.object({
      org: z.object({ id: z.number(), name: z.string() }),
      period: z.string(),
      items: z.array(figureSchema),
    }),
  },
  offices: {
    method: 'GET',
    path: '/api/grassroots/offices',
    access: 'grassroots.read',
    summary: '司法所概况列表',
    query: yearQuerySchema,
    response: itemsOf(officeSchema),
  },
  office: {
    method: 'GET',
    path: '/api/grassroots/offices/:orgId',
    access: 'grassroots.read',
    summary: '司法所概况（职能清单、人员、评定、本年工作数据）',
    params: orgParams,
    query: yearQuerySchema,
    response: officeDetailSchema,
  },
  updateFunctions: {
    method: 'PUT',
    path: '/api/grassroots/offices/:orgId/functions',
    access: 'grassroots.write',
    summary: '维护司法所法定职能履行清单',
    params: orgParams,
    body: functionsUpdateSchema,
    response: okResponse.extend({ version: z.number() }),
  },
  liaison: {
    method: 'GET',
    path: '/api/grassroots/liaison',
    access: 'grassroots.read',
    summary: '挂点联系：安排、完成情况和走访记录',
    query: yearQuerySchema,
    response: liaisonSchema,
  },
  leaders: {
    method: 'GET',
    path: '/api/grassroots/liaison/leaders',
    access: 'grassroots.read',
    summary: '联系领导',
    response: itemsOf(leaderSchema),
  },
  createLeader: {
    method: 'POST',
    path: '/api/grassroots/liaison/leaders',
    access: 'grassroots.manage',
    summary: '新增联系领导',
    body: leaderCreateSchema,
    response: created,
  },
  createAssignment: {
    method: 'POST',
    path: '/api/grassroots/liaison/assignments',
    access: 'grassroots.manage',
    summary: '新增挂点联系安排',
    body: assignmentCreateSchema,
    response: created,
  },
  endAssignment: {
    method: 'POST',
    path: '/api/grassroots/liaison/assignments/:id/end',
    access: 'grassroots.manage',
    summary: '结束挂点联系安排',
    params: idParams,
    body: endBody,
    response: okResponse,
  },
  visits: {
    method: 'GET',
    path: '/api/grassroots/liaison/visits',
    access: 'grassroots.read',
    summary: '走访记录',
    query: visitListQuerySchema,
    response: itemsOf(visitSchema),
  },
  createVisit: {
    method: 'POST',
    path: '/api/grassroots/liaison/visits',
    access: 'grassroots.write',
    summary: '登记走访',
    body: visitCreateSchema,
    response: created,
  },
  visit: {
    method: 'GET',
    path: '/api/grassroots/liaison/visits/:id',
    access: 'grassroots.read',
    summary: '走访记录详情',
    params: idParams,
    response: visitSchema,
  },
  raiseProblem: {
    method: 'POST',
    path: '/api/grassroots/liaison/visits/:id/problems',
    access: 'grassroots.write',
    summary: '登记走访中听取的问题（依法治办登记即转入问题池）',
    params: idParams,
    body: visitProblemSchema,
    response: z.object({ id: z.number(), problemId: z.number().nullable() }),
  },
  sendProblem: {
    method: 'POST',
    path: '/api/grassroots/liaison/problems/:id/send',
    access: 'grassroots.manage',
    summary: '将走访问题转入问题池',
    params: idParams,
    response: z.object({ problemId: z.number() }),
  },
  leaderReport: {
    method: 'GET',
    path: '/api/grassroots/liaison/leaders/:id/report',
    access: 'grassroots.read',
    summary: '领导年度挂点联系情况报告',
    params: idParams,
    query: yearQuerySchema,
    response: leaderReportSchema,
  },
  leaderReportDocx: {
    method: 'GET',
    path: '/api/grassroots/liaison/leaders/:id/report.docx',
    access: 'grassroots.read',
    summary: '下载领导年度挂点联系情况报告（.docx）',
    params: idParams,
    query: yearQuerySchema,
    response: fileBody,
  },
});

export type Office = z.output<typeof officeSchema>;
export type OfficeDetail = z.output<typeof officeDetailSchema>;
export type Visit = z.output<typeof visitSchema>;
export type Liaison = z.output<typeof liaisonSchema>;
export type LeaderReport = z.output<typeof leaderReportSchema>;
