import { assessmentAppealContracts } from '@fazhi/core/assessment/assessment.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { decideAppeal, fileAppeal, listAppeals } from './assessment.appeals.service.ts';

export function appealRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  implementAll(app, assessmentAppealContracts, {
    listAppeals: (request) => listAppeals(db, actorOf(request), request.params.id),
    fileAppeal: (request) =>
      fileAppeal(db, actorOf(request), request.params.id, request.params.orgId, request.body, now()),
    decideAppeal: (request) => decideAppeal(db, actorOf(request), request.params.id, request.body, now()),
  });
}
