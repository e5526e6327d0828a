import { ledgersContracts } from '@fazhi/core/ledgers/ledgers.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readUpload, sendXlsx } from '../platform/kernel/http.ts';
import { drainImports, getImportJob, importErrors, startImport } from './ledgers.import.service.ts';
import { createRow, deleteRow, exportRows, getRow, listRows, typeDetail, updateRow } from './ledgers.service.ts';
import { errorReportWorkbook, exportWorkbook, templateWorkbook } from './ledgers.sheet.service.ts';
import { createCustomType, listTypes, resolveType, updateCustomType } from './ledgers.types.service.ts';

export function ledgerRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  // Jobs left by a stopped process are failed by platform/processes.ts, only once their owner stopped heartbeating.
  app.addHook('onClose', () => drainImports());

  implementAll(app, ledgersContracts, {
    types: async (request) => ({ items: await listTypes(db, actorOf(request).user) }),
    createType: (request) => createCustomType(db, actorOf(request), request.body),
    type: (request) => typeDetail(db, actorOf(request).user, request.params.type),
    updateType: (request) => updateCustomType(db, actorOf(request), request.params.type, request.body),
    rows: (request) => listRows(db, actorOf(request).user, request.params.type, request.query, now()),
    createRow: async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return createRow(db, actor, def, request.body, now());
    },
    row: async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return getRow(db, actor, def, request.params.id, now());
    },
    updateRow: async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return updateRow(db, actor, def, request.params.id, request.body, now());
    },
    deleteRow: async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return deleteRow(db, actor, def, request.params.id, request.query.version);
    },
    template: async (request, reply) => {
      const def = await resolveType(db, actorOf(request).user, request.params.type);
      return sendXlsx(reply, `${def.name}导入模板.xlsx`, await templateWorkbook(def));
    },
    export: async (request, reply) => {
      const { def, data, orgName } = await exportRows(
        db,
        actorOf(request).user,
        request.params.type,
        request.query,
        now(),
      );
      return sendXlsx(reply, `${def.name}.xlsx`, await exportWorkbook(def, data, orgName));
    },
    // The import pipeline (ledgers.import.service.ts) is unchanged: this handler only reads the upload and starts the job.
    import: async (request, reply) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      const file = await readUpload(request, 'Excel 文件');
      return reply.status(202).send(await startImport(db, app.processId, actor, def, file));
    },
    job: (request) => getImportJob(db, app.processId, actorOf(request), request.params.id),
    jobErrors: async (request, reply) => {
      const errors = await importErrors(db, actorOf(request), request.params.id);
      return sendXlsx(reply, '导入错误报告.xlsx', await errorReportWorkbook(errors));
    },
  });
}
