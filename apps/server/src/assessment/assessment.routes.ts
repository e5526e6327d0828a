import {
  roundCreateSchema,
  roundTransitionSchema,
  schemeCreateSchema,
  schemeUpdateSchema,
  unitParticipationSchema,
} from '@fazhi/core/assessment/api.schemas';
import { dbIdParam, idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { sendXlsx } from '../platform/http.ts';
import { appealRoutes } from './assessment.appeal-routes.ts';
import { exportRoundWorkbook } from './assessment.round-export.ts';
import {
  createRound,
  getPublicationGaps,
  getRound,
  listRounds,
  setUnitParticipation,
  transitionRound,
} from './assessment.rounds.ts';
import { copyScheme, createScheme, getScheme, listSchemes, updateScheme } from './assessment.schemes.ts';
import { exportRanking } from './assessment.sheet.ts';
import { unitRoutes } from './assessment.unit-routes.ts';
import { ranking } from './assessment.views.ts';

export const tags = ['assessment'];
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export function assessmentRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;

  app.get(
    '/api/assessment/schemes',
    { config: { access: 'assessment.read' }, schema: { tags, summary: '考核方案列表', querystring: yearQuery } },
    async (request) => ({ items: await listSchemes(db, actorOf(request), request.query.year) }),
  );
  app.post(
    '/api/assessment/schemes',
    {
      config: { access: 'assessment.manage' },
      schema: { tags, summary: '新建考核方案（默认套用县级标准模板）', body: schemeCreateSchema },
    },
    async (request) => createScheme(db, actorOf(request), request.body),
  );
  app.get(
    '/api/assessment/schemes/:id',
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '考核方案详情（含指标体系）', params: idParams },
    },
    async (request) => getScheme(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/assessment/schemes/:id',
    {
      config: { access: 'assessment.manage' },
      schema: { tags, summary: '修改考核方案（启用前）', params: idParams, body: schemeUpdateSchema },
    },
    async (request) => updateScheme(db, actorOf(request), request.params.id, request.body.definition),
  );
  app.post(
    '/api/assessment/schemes/:id/copy',
    {
      config: { access: 'assessment.manage' },
      schema: {
        tags,
        summary: '复制方案到下一年度，或生成本年度新版本',
        params: idParams,
        body: z.object({ mode: z.enum(['next_year', 'revise'], { message: '复制方式应为下一年度或新版本' }) }),
      },
    },
    async (request) => copyScheme(db, actorOf(request), request.params.id, request.body.mode),
  );

  app.get(
    '/api/assessment/rounds',
    { config: { access: 'assessment.read' }, schema: { tags, summary: '年度考核列表', querystring: yearQuery } },
    async (request) => ({ items: await listRounds(db, actorOf(request), request.query.year) }),
  );
  app.post(
    '/api/assessment/rounds',
    {
      config: { access: 'assessment.manage' },
      schema: { tags, summary: '按方案发起年度考核', body: roundCreateSchema },
    },
    async (request) => createRound(db, actorOf(request), request.body),
  );
  app.get(
    '/api/assessment/rounds/:id',
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '年度考核详情（阶段、参加单位）', params: idParams },
    },
    async (request) => getRound(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/assessment/rounds/:id/transition',
    {
      config: { access: 'assessment.manage' },
      schema: {
        tags,
        summary: '推进考核阶段（启动自评、审核评分、公示、结束公示、终定）',
        params: idParams,
        body: roundTransitionSchema,
      },
    },
    async (request) => transitionRound(db, actorOf(request), request.params.id, request.body, now()),
  );
  app.get(
    '/api/assessment/rounds/:id/publication-gaps',
    {
      config: { access: 'assessment.manage' },
      schema: { tags, summary: '公示前检查：未提交自评的单位、未评分的指标', params: idParams },
    },
    async (request) => getPublicationGaps(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/assessment/rounds/:id/units/:orgId/participation',
    {
      config: { access: 'assessment.manage' },
      schema: {
        tags,
        summary: '标记单位不参评（须写明理由）或恢复参评',
        params: z.object({ id: dbIdParam(), orgId: dbIdParam() }),
        body: unitParticipationSchema,
      },
    },
    async (request) =>
      setUnitParticipation(db, actorOf(request), request.params.id, request.params.orgId, request.body, now()),
  );
  app.get(
    '/api/assessment/rounds/:id/ranking',
    { config: { access: 'assessment.read' }, schema: { tags, summary: '考核排名与等次（公示后）', params: idParams } },
    async (request) => ranking(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/assessment/rounds/:id/ranking/export',
    { config: { access: 'assessment.read' }, schema: { tags, summary: '导出考核排名', params: idParams } },
    async (request, reply) => {
      const file = await exportRanking(db, actorOf(request), request.params.id);
      return sendXlsx(reply, file.filename, file.data);
    },
  );
  app.get(
    '/api/assessment/rounds/:id/export',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: '导出全部单位评分表和排名（一个工作簿；考核办看全部单位，参评单位看本单位，公示后含排名）',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await exportRoundWorkbook(db, actorOf(request), request.params.id);
      return sendXlsx(reply, file.filename, file.data);
    },
  );
  unitRoutes(app, deps);
  appealRoutes(app, deps);
}
