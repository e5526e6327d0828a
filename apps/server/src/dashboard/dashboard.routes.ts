import { dashboardQuerySchema } from '@fazhi/core/dashboard/dashboard';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { getDashboard, getRollup } from './dashboard.service.ts';

const tags = ['dashboard'];

export function dashboardRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  app.get(
    '/api/dashboard',
    {
      config: { access: 'dashboard.read' },
      schema: { tags, summary: '领导驾驶舱：指标、同比、任务销号、趋势、下级对比', querystring: dashboardQuerySchema },
    },
    async (request) => getDashboard(db, actorOf(request).user, request.query.org, request.query.year, { now: now() }),
  );
  app.get(
    '/api/dashboard/rollup',
    {
      config: { access: 'dashboard.read' },
      schema: { tags, summary: '区域汇总（逐级下钻）', querystring: dashboardQuerySchema },
    },
    async (request) => getRollup(db, actorOf(request).user, request.query.org, request.query.year),
  );
}
