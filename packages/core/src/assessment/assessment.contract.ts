import { defineContracts, fileBody, itemsOf, okResponse } from '../shared/contract.ts';
import { dbIdParam, idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import {
  appealCreateSchema,
  appealDecisionSchema,
  factCreateSchema,
  leafEntrySchema,
  reviewEntrySchema,
  roundCreateSchema,
  roundTransitionSchema,
  schemeCopySchema,
  schemeCreateSchema,
  schemeUpdateSchema,
  unitParticipationSchema,
} from './api.schemas.ts';
import {
  appealsAnswer,
  explainedScoreSchema,
  idAnswer,
  participationAnswer,
  publicationGapsAnswer,
  rankingAnswer,
  roundDetailSchema,
  roundSummarySchema,
  roundTransitionAnswer,
  schemeDetailSchema,
  schemeSummarySchema,
  unitSheetSchema,
} from './assessment.responses.ts';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const unitParams = z.object({ id: dbIdParam(), orgId: dbIdParam() });
const leafParams = unitParams.extend({ indicatorId: z.string().trim().min(1).max(100) });
const factParams = unitParams.extend({ factId: dbIdParam() });
const stageQuery = z.object({
  stage: z.enum(['self', 'review', 'published'], { message: '阶段应为自评、评审或公示' }).default('published'),
});
const unitPath = '/api/assessment/rounds/:id/units/:orgId';
/** A unit records its own metrics and honours; assessors and the office record deductions too. */
const factWriters = ['assessment.self', 'assessment.score', 'assessment.manage'] as const;

/** Schemes (方案) and rounds (年度考核): the office's side of the assessment. */
export const assessmentContracts = defineContracts('assessment', {
  listSchemes: {
    method: 'GET',
    path: '/api/assessment/schemes',
    access: 'assessment.read',
    summary: '考核方案列表',
    query: yearQuery,
    response: itemsOf(schemeSummarySchema),
  },
  createScheme: {
    method: 'POST',
    path: '/api/assessment/schemes',
    access: 'assessment.manage',
    summary: '新建考核方案（默认套用县级标准模板）',
    body: schemeCreateSchema,
    response: idAnswer,
  },
  getScheme: {
    method: 'GET',
    path: '/api/assessment/schemes/:id',
    access: 'assessment.read',
    summary: '考核方案详情（含指标体系）',
    params: idParams,
    response: schemeDetailSchema,
  },
  updateScheme: {
    method: 'PUT',
    path: '/api/assessment/schemes/:id',
    access: 'assessment.manage',
    summary: '修改考核方案（启用前）',
    params: idParams,
    body: schemeUpdateSchema,
    response: idAnswer,
  },
  copyScheme: {
    method: 'POST',
    path: '/api/assessment/schemes/:id/copy',
    access: 'assessment.manage',
    summary: '复制方案到下一年度，或生成本年度新版本',
    params: idParams,
    body: schemeCopySchema,
    response: idAnswer,
  },
  listRounds: {
    method: 'GET',
    path: '/api/assessment/rounds',
    access: 'assessment.read',
    summary: '年度考核列表',
    query: yearQuery,
    response: itemsOf(roundSummarySchema),
  },
  createRound: {
    method: 'POST',
    path: '/api/assessment/rounds',
    access: 'assessment.manage',
    summary: '按方案发起年度考核',
    body: roundCreateSchema,
    response: idAnswer,
  },
  getRound: {
    method: 'GET',
    path: '/api/assessment/rounds/:id',
    access: 'assessment.read',
    summary: '年度考核详情（阶段、参加单位）',
    params: idParams,
    response: roundDetailSchema,
  },
  transitionRound: {
    method: 'POST',
    path: '/api/assessment/rounds/:id/transition',
    access: 'assessment.manage',
    summary: '推进考核阶段（启动自评、审核评分、公示、结束公示、终定）',
    params: idParams,
    body: roundTransitionSchema,
    response: roundTransitionAnswer,
  },
  publicationGaps: {
    method: 'GET',
    path: '/api/assessment/rounds/:id/publication-gaps',
    access: 'assessment.manage',
    summary: '公示前检查：未提交自评的单位、未评分的指标',
    params: idParams,
    response: publicationGapsAnswer,
  },
  setParticipation: {
    method: 'PUT',
    path: `${unitPath}/participation`,
    access: 'assessment.manage',
    summary: '标记单位不参评（须写明理由）或恢复参评',
    params: unitParams,
    body: unitParticipationSchema,
    response: participationAnswer,
  },
  ranking: {
    method: 'GET',
    path: '/api/assessment/rounds/:id/ranking',
    access: 'assessment.read',
    summary: '考核排名与等次（公示后）',
    params: idParams,
    response: rankingAnswer,
  },
  exportRanking: {
    method: 'GET',
    path: '/api/assessment/rounds/:id/ranking/export',
    access: 'assessment.read',
    summary: '导出考核排名',
    params: idParams,
    response: fileBody,
  },
  exportRound: {
    method: 'GET',
    path: '/api/assessment/rounds/:id/export',
    access: 'assessment.read',
    summary: '导出全部单位评分表和排名（一个工作簿；考核办看全部单位，参评单位看本单位，公示后含排名）',
    params: idParams,
    response: fileBody,
  },
});

/** A unit's sheet within a round: self-assessment, assessors' scores, hand-entered facts, the explained score. */
export const assessmentUnitContracts = defineContracts('assessment', {
  sheet: {
    method: 'GET',
    path: unitPath,
    access: 'assessment.read',
    summary: '单位考核表（指标、自评、评分、考核事项）',
    params: unitParams,
    response: unitSheetSchema,
  },
  saveSelf: {
    method: 'PUT',
    path: `${unitPath}/self/:indicatorId`,
    access: 'assessment.self',
    summary: '填写本单位自评（含佐证材料）',
    params: leafParams,
    body: leafEntrySchema,
    response: okResponse,
  },
  submit: {
    method: 'POST',
    path: `${unitPath}/submit`,
    access: 'assessment.self',
    summary: '提交本单位自评',
    params: unitParams,
    response: z.object({ ok: z.literal(true), submittedAt: z.string() }),
  },
  saveReview: {
    method: 'PUT',
    path: `${unitPath}/review/:indicatorId`,
    access: 'assessment.score',
    summary: '考核组评分',
    params: leafParams,
    body: reviewEntrySchema,
    response: okResponse,
  },
  addFact: {
    method: 'POST',
    path: `${unitPath}/facts`,
    access: factWriters,
    summary: '录入考核事项（数据、扣分记录、荣誉、减分）',
    params: unitParams,
    body: factCreateSchema,
    response: idAnswer,
  },
  deleteFact: {
    method: 'DELETE',
    path: `${unitPath}/facts/:factId`,
    access: factWriters,
    summary: '删除考核事项',
    params: factParams,
    response: okResponse,
  },
  score: {
    method: 'GET',
    path: `${unitPath}/score`,
    access: 'assessment.read',
    summary: '单位得分及失分说明',
    params: unitParams,
    query: stageQuery,
    response: explainedScoreSchema,
  },
  exportScore: {
    method: 'GET',
    path: `${unitPath}/score/export`,
    access: 'assessment.read',
    summary: '导出单位评分表',
    params: unitParams,
    query: stageQuery,
    response: fileBody,
  },
});

/** Appeals (申诉) during 公示 and their decisions. */
export const assessmentAppealContracts = defineContracts('assessment', {
  listAppeals: {
    method: 'GET',
    path: '/api/assessment/rounds/:id/appeals',
    access: 'assessment.read',
    summary: '申诉列表（单位只看本单位）',
    params: idParams,
    response: appealsAnswer,
  },
  fileAppeal: {
    method: 'POST',
    path: `${unitPath}/appeals`,
    access: 'assessment.self',
    summary: '提出申诉（公示期内）',
    params: unitParams,
    body: appealCreateSchema,
    response: idAnswer,
  },
  decideAppeal: {
    method: 'POST',
    path: '/api/assessment/appeals/:id/decide',
    access: 'assessment.manage',
    summary: '处理申诉（支持则重新评分并重新排名）',
    params: idParams,
    body: appealDecisionSchema,
    response: z.object({ id: z.number(), outcome: z.enum(['upheld', 'rejected']) }),
  },
});
