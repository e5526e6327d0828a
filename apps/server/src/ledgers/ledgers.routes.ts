import {
  customTypeInputSchema,
  rowListQuerySchema,
  rowUpdateSchema,
  rowWriteSchema,
} from '@fazhi/core/ledgers/ledgers.schemas';
import { maskRowData } from '@fazhi/core/ledgers/mask';
import { readComputed } from '@fazhi/core/ledgers/row-schema';
import { dbIdParam, idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { shanghaiToday } from '../platform/clock.ts';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { readUpload, sendXlsx } from '../platform/http.ts';
import { drainImports, getImportJob, importErrors, startImport } from './ledgers.import.ts';
import { duplicateFlagSql, listConditions, orderBy, orgNames, queryAllRows, queryRowPage } from './ledgers.repo.ts';
import { canSeePersonal, createRow, deleteRow, getRow, presentRow, updateRow } from './ledgers.service.ts';
import { errorReportWorkbook, exportWorkbook, templateWorkbook } from './ledgers.sheet.ts';
import { createCustomType, customTypeVersion, listTypes, resolveType, updateCustomType } from './ledgers.types.ts';

const tags = ['ledgers'];
const typeParams = z.object({ type: z.string().min(1).max(60) });
const rowParams = typeParams.extend({ id: dbIdParam() });
const exportLimit = 100_000;

export function ledgerRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  // Jobs left by a stopped process are failed by platform/processes.ts, only once their owner stopped heartbeating.
  app.addHook('onClose', () => drainImports());

  app.get(
    '/api/ledgers/types',
    { config: { access: 'ledger.read' }, schema: { tags, summary: '台账类型列表（内置和自定义）' } },
    async (request) => ({ items: await listTypes(db, actorOf(request).user) }),
  );
  app.post(
    '/api/ledgers/types',
    {
      config: { access: 'ledger.manage' },
      schema: { tags, summary: '新建自定义台账类型', body: customTypeInputSchema },
    },
    async (request) => createCustomType(db, actorOf(request), request.body),
  );
  app.get(
    '/api/ledgers/types/:type',
    { config: { access: 'ledger.read' }, schema: { tags, summary: '台账类型定义', params: typeParams } },
    async (request) => {
      const user = actorOf(request).user;
      const definition = await resolveType(db, user, request.params.type);
      const version = await customTypeVersion(db, user, request.params.type);
      return { definition, builtin: version === null, version: version ?? 1, canSeePersonal: canSeePersonal(user) };
    },
  );
  app.put(
    '/api/ledgers/types/:type',
    {
      config: { access: 'ledger.manage' },
      schema: { tags, summary: '修改自定义台账类型', params: typeParams, body: customTypeInputSchema },
    },
    async (request) => updateCustomType(db, actorOf(request), request.params.type, request.body),
  );

  app.get(
    '/api/ledgers/types/:type/rows',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '台账记录（分页、筛选、排序）', params: typeParams, querystring: rowListQuerySchema },
    },
    async (request) => {
      const user = actorOf(request).user;
      const def = await resolveType(db, user, request.params.type);
      const q = request.query;
      const where = listConditions(def, user, q, canSeePersonal(user));
      const page = await queryRowPage(
        db,
        where,
        orderBy(def, q.sort, q.order),
        q.page,
        q.pageSize,
        duplicateFlagSql(def, user),
      );
      return {
        // `duplicate`: another row in the viewer's scope holds one of its unique keys (another unit's, for the office).
        items: page.items.map((r) => ({ ...presentRow(def, r, user, now()), duplicate: r.duplicate })),
        total: page.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
  app.post(
    '/api/ledgers/types/:type/rows',
    {
      config: { access: 'ledger.write' },
      schema: { tags, summary: '新增台账记录', params: typeParams, body: rowWriteSchema },
    },
    async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return createRow(db, actor, def, request.body, now());
    },
  );
  app.get(
    '/api/ledgers/types/:type/rows/:id',
    { config: { access: 'ledger.read' }, schema: { tags, summary: '台账记录详情', params: rowParams } },
    async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return getRow(db, actor, def, request.params.id, now());
    },
  );
  app.put(
    '/api/ledgers/types/:type/rows/:id',
    {
      config: { access: 'ledger.write' },
      schema: { tags, summary: '修改台账记录（带版本号，防止覆盖他人修改）', params: rowParams, body: rowUpdateSchema },
    },
    async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return updateRow(db, actor, def, request.params.id, request.body, now());
    },
  );
  app.delete(
    '/api/ledgers/types/:type/rows/:id',
    {
      config: { access: 'ledger.write' },
      schema: {
        tags,
        summary: '删除台账记录',
        params: rowParams,
        querystring: z.object({ version: dbIdParam().optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      return deleteRow(db, actor, def, request.params.id, request.query.version);
    },
  );

  app.get(
    '/api/ledgers/types/:type/template',
    { config: { access: 'ledger.read' }, schema: { tags, summary: '下载导入模板', params: typeParams } },
    async (request, reply) => {
      const def = await resolveType(db, actorOf(request).user, request.params.type);
      return sendXlsx(reply, `${def.name}导入模板.xlsx`, await templateWorkbook(def));
    },
  );
  app.get(
    '/api/ledgers/types/:type/export',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '导出台账（个人信息按权限脱敏）', params: typeParams, querystring: rowListQuerySchema },
    },
    async (request, reply) => {
      const user = actorOf(request).user;
      const def = await resolveType(db, user, request.params.type);
      const q = request.query;
      const personal = canSeePersonal(user);
      const rows = await queryAllRows(
        db,
        listConditions(def, user, q, personal),
        orderBy(def, q.sort, q.order),
        exportLimit,
      );
      const today = shanghaiToday(now());
      const orgIds = def.fields.some((f) => f.kind === 'org')
        ? [
            ...new Set(
              rows.flatMap((r) => def.fields.filter((f) => f.kind === 'org').map((f) => Number(r.data[f.key]))),
            ),
          ]
        : [];
      const names = await orgNames(db, orgIds.filter(Number.isFinite));
      const data = rows.map((r) => {
        const values = readComputed(def, r.data, today);
        return { orgName: r.org_name, data: personal ? values : maskRowData(def, values) };
      });
      const buffer = await exportWorkbook(def, data, (id) => names.get(id) ?? String(id));
      return sendXlsx(reply, `${def.name}.xlsx`, buffer);
    },
  );
  app.post(
    '/api/ledgers/types/:type/import',
    {
      config: { access: 'ledger.write' },
      schema: { tags, summary: '导入台账（后台任务，返回任务号）', params: typeParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const def = await resolveType(db, actor.user, request.params.type);
      const file = await readUpload(request, 'Excel 文件');
      return reply.status(202).send(await startImport(db, app.processId, actor, def, file));
    },
  );

  app.get(
    '/api/ledgers/jobs/:id',
    { config: { access: 'ledger.write' }, schema: { tags, summary: '导入任务进度', params: idParams } },
    async (request) => getImportJob(db, app.processId, actorOf(request), request.params.id),
  );
  app.get(
    '/api/ledgers/jobs/:id/errors',
    { config: { access: 'ledger.write' }, schema: { tags, summary: '下载导入错误报告', params: idParams } },
    async (request, reply) => {
      const errors = await importErrors(db, actorOf(request), request.params.id);
      return sendXlsx(reply, '导入错误报告.xlsx', await errorReportWorkbook(errors));
    },
  );
}
