import { planWorkpointsImportContracts } from '@fazhi/core/plan/plan.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readUpload } from '../platform/kernel/http.ts';
import { previewWorkpointsImport, publishWorkpointsImport } from './plan.workpoints-import.service.ts';

/** Importing a 工作要点 document: preview (nothing stored), then publish the corrected tree. */
export function workpointsImportRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  implementAll(app, planWorkpointsImportContracts, {
    importWorkPointsPreview: async (request) => {
      const file = await readUpload(request, '工作要点文档');
      return previewWorkpointsImport(db, actorOf(request), file.filename, file.data, now());
    },
    importWorkPointsPublish: (request) => publishWorkpointsImport(db, actorOf(request), request.body, now()),
  });
}
