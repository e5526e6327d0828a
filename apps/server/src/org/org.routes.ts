import { orgContracts } from '@fazhi/core/org/org.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readUpload, sendXlsx } from '../platform/kernel/http.ts';
import { exportOrgs, importOrgs, orgTemplate } from './org.import.service.ts';
import {
  createDimension,
  createOrg,
  deleteDimension,
  deleteOrg,
  getOrg,
  listDimensions,
  listOrgs,
  moveOrg,
  updateOrg,
} from './org.service.ts';

export function orgRoutes(app: ZApp, deps: AppDeps) {
  const { db } = deps;
  implementAll(app, orgContracts, {
    list: (request) => listOrgs(db, actorOf(request)),
    get: (request) => getOrg(db, actorOf(request), request.params.id),
    create: (request) => createOrg(db, actorOf(request), request.body),
    update: (request) => updateOrg(db, actorOf(request), request.params.id, request.body),
    move: (request) => moveOrg(db, actorOf(request), request.params.id, request.body.parentId),
    remove: (request) => deleteOrg(db, actorOf(request), request.params.id),
    importTemplate: async (request, reply) =>
      sendXlsx(reply, '单位导入模板.xlsx', await orgTemplate(db, actorOf(request))),
    export: async (request, reply) => sendXlsx(reply, '单位.xlsx', await exportOrgs(db, actorOf(request))),
    import: async (request) => {
      const file = await readUpload(request, 'Excel 文件');
      return importOrgs(db, actorOf(request), file.data);
    },
    dimensions: (request) => listDimensions(db, actorOf(request)),
    createDimension: (request) => createDimension(db, actorOf(request), request.body),
    removeDimension: (request) => deleteDimension(db, actorOf(request), request.params.id),
  });
}
