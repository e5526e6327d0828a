import { factCreateSchema, leafEntrySchema, reviewEntrySchema } from '@fazhi/core/assessment/api.schemas';
import { dbIdParam } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { sendXlsx } from '../platform/http.ts';
import { addFact, deleteFact, saveReviewScore, saveSelfEntry, submitSelfAssessment } from './assessment.entries.ts';
import { exportScoreSheet } from './assessment.sheet.ts';
import { unitScore, unitSheet } from './assessment.views.ts';

const tags = ['assessment'];
const unitParams = z.object({ id: dbIdParam(), orgId: dbIdParam() });
const leafParams = unitParams.extend({ indicatorId: z.string().trim().min(1).max(100) });
const factParams = unitParams.extend({ factId: dbIdParam() });
const stageQuery = z.object({
  stage: z.enum(['self', 'review', 'published'], { message: '阶段应为自评、评审或公示' }).default('published'),
});

/** A unit's sheet within a round: self-assessment, assessors' scores, hand-entered facts, the explained score. */
export function unitRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  const base = '/api/assessment/rounds/:id/units/:orgId';
  const factWriters = ['assessment.self', 'assessment.score', 'assessment.manage'] as const;

  app.get(
    base,
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '单位考核表（指标、自评、评分、考核事项）', params: unitParams },
    },
    async (request) => unitSheet(db, actorOf(request), request.params.id, request.params.orgId),
  );
  app.put(
    `${base}/self/:indicatorId`,
    {
      config: { access: 'assessment.self' },
      schema: { tags, summary: '填写本单位自评（含佐证材料）', params: leafParams, body: leafEntrySchema },
    },
    async (request) => {
      const p = request.params;
      return saveSelfEntry(db, actorOf(request), p.id, p.orgId, p.indicatorId, request.body);
    },
  );
  app.post(
    `${base}/submit`,
    { config: { access: 'assessment.self' }, schema: { tags, summary: '提交本单位自评', params: unitParams } },
    async (request) => submitSelfAssessment(db, actorOf(request), request.params.id, request.params.orgId, now()),
  );
  app.put(
    `${base}/review/:indicatorId`,
    {
      config: { access: 'assessment.score' },
      schema: { tags, summary: '考核组评分', params: leafParams, body: reviewEntrySchema },
    },
    async (request) => {
      const p = request.params;
      return saveReviewScore(db, actorOf(request), p.id, p.orgId, p.indicatorId, request.body);
    },
  );
  app.post(
    `${base}/facts`,
    {
      // A unit records its own metrics and honours; assessors and the office record deductions too.
      config: { access: factWriters },
      schema: {
        tags,
        summary: '录入考核事项（数据、扣分记录、荣誉、减分）',
        params: unitParams,
        body: factCreateSchema,
      },
    },
    async (request) => addFact(db, actorOf(request), request.params.id, request.params.orgId, request.body),
  );
  app.delete(
    `${base}/facts/:factId`,
    { config: { access: factWriters }, schema: { tags, summary: '删除考核事项', params: factParams } },
    async (request) => {
      const p = request.params;
      return deleteFact(db, actorOf(request), p.id, p.orgId, p.factId);
    },
  );
  app.get(
    `${base}/score`,
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '单位得分及失分说明', params: unitParams, querystring: stageQuery },
    },
    async (request) => unitScore(db, actorOf(request), request.params.id, request.params.orgId, request.query.stage),
  );
  app.get(
    `${base}/score/export`,
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '导出单位评分表', params: unitParams, querystring: stageQuery },
    },
    async (request, reply) => {
      const file = await exportScoreSheet(
        db,
        actorOf(request),
        request.params.id,
        request.params.orgId,
        request.query.stage,
      );
      return sendXlsx(reply, '考核评分表.xlsx', file.data);
    },
  );
}
