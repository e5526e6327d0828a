import { assessmentAppealContracts } from '@fazhi/core/assessment/assessment.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { sendStoredFile } from '../platform/kernel/http.ts';
import { decideAppeal, fileAppeal, listAppeals, readAppealFile } from './assessment.appeals.service.ts';

export function appealRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  implementAll(app, assessmentAppealContracts, {
    listAppeals: (request) => listAppeals(db, actorOf(request), request.params.id),
    fileAppeal: (request) =>
      fileAppeal(db, actorOf(request), request.params.id, request.params.orgId, request.body, now()),
    decideAppeal: (request) => decideAppeal(db, actorOf(request), request.params.id, request.body, now()),
    appealFile: async (request, reply) => {
      const file = await readAppealFile(db, actorOf(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, file);
    },
  });
}
