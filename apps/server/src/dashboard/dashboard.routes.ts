import { dashboardContracts } from '@fazhi/core/dashboard/dashboard.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readSource } from '../platform/platform.read-source.service.ts';
import { getDashboard, getRollup } from './dashboard.service.ts';

/**
 * The dashboard, the 大屏 (which polls the same route) and the 区域汇总 read only: they may be answered by a standby
 * (platform.read-source.service.ts) and say up to when their data is complete (`dataAsOf`, shown as 数据截至).
 */
export function dashboardRoutes(app: ZApp, deps: AppDeps) {
  const { now } = deps;
  implementAll(app, dashboardContracts, {
    dashboard: async (request) => {
      const source = await readSource(deps);
      const answer = await getDashboard(source.db, actorOf(request).user, request.query.org, request.query.year, {
        now: now(),
      });
      return { ...answer, dataAsOf: source.dataAsOf };
    },
    rollup: async (request) => {
      const source = await readSource(deps);
      const answer = await getRollup(source.db, actorOf(request).user, request.query.org, request.query.year);
      return { ...answer, dataAsOf: source.dataAsOf };
    },
  });
}
