import { dashboardContracts } from '@fazhi/core/dashboard/dashboard.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { getDashboard, getRollup } from './dashboard.service.ts';

export function dashboardRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  implementAll(app, dashboardContracts, {
    dashboard: (request) =>
      getDashboard(db, actorOf(request).user, request.query.org, request.query.year, { now: now() }),
    rollup: (request) => getRollup(db, actorOf(request).user, request.query.org, request.query.year),
  });
}
