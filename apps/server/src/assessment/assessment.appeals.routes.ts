import { appealCreateSchema, appealDecisionSchema } from '@fazhi/core/assessment/api.schemas';
import { dbIdParam, idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { decideAppeal, fileAppeal, listAppeals } from './assessment.appeals.ts';

const tags = ['assessment'];
const unitParams = idParams.extend({ orgId: dbIdParam() });

export function appealRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  app.get(
    '/api/assessment/rounds/:id/appeals',
    {
      config: { access: 'assessment.read' },
      schema: { tags, summary: '申诉列表（单位只看本单位）', params: idParams },
    },
    async (request) => listAppeals(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/assessment/rounds/:id/units/:orgId/appeals',
    {
      config: { access: 'assessment.self' },
      schema: { tags, summary: '提出申诉（公示期内）', params: unitParams, body: appealCreateSchema },
    },
    async (request) => fileAppeal(db, actorOf(request), request.params.id, request.params.orgId, request.body, now()),
  );
  app.post(
    '/api/assessment/appeals/:id/decide',
    {
      config: { access: 'assessment.manage' },
      schema: { tags, summary: '处理申诉（支持则重新评分并重新排名）', params: idParams, body: appealDecisionSchema },
    },
    async (request) => decideAppeal(db, actorOf(request), request.params.id, request.body, now()),
  );
}
