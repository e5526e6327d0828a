import { dimensionKinds, orgCreateSchema, orgMoveSchema, orgUpdateSchema } from '@fazhi/core/org/org.schemas';
import { dbId, idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { readUpload, sendXlsx } from '../platform/http.ts';
import { requireFound } from '../platform/scope.ts';
import { exportOrgs, importOrgs, orgTemplate } from './org.import.ts';
import { findOrg, listOrgsInScope } from './org.repo.ts';
import { dimensions } from './org.schema.ts';
import { createDimension, createOrg, deleteDimension, deleteOrg, moveOrg, updateOrg } from './org.service.ts';

const tags = ['org'];

export function orgRoutes(app: ZApp, deps: AppDeps) {
  app.get(
    '/api/orgs',
    { config: { access: 'org.read' }, schema: { tags, summary: '单位树（数据范围内）' } },
    async (request) => {
      return { items: await listOrgsInScope(deps.db, actorOf(request).user) };
    },
  );

  app.get(
    '/api/orgs/:id',
    { config: { access: 'org.read' }, schema: { tags, summary: '单位详情', params: idParams } },
    async (request) => {
      const org = requireFound(
        await findOrg(deps.db, actorOf(request).user, request.params.id),
        '未找到该单位，或该单位不在您的数据范围内',
      );
      return org;
    },
  );

  app.post(
    '/api/orgs',
    { config: { access: 'org.manage' }, schema: { tags, summary: '新增单位', body: orgCreateSchema } },
    async (request) => createOrg(deps.db, actorOf(request), request.body),
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: '编辑单位', params: idParams, body: orgUpdateSchema },
    },
    async (request) => updateOrg(deps.db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/orgs/:id/move',
    { config: { access: 'org.manage' }, schema: { tags, summary: '移动单位', params: idParams, body: orgMoveSchema } },
    async (request) => moveOrg(deps.db, actorOf(request), request.params.id, request.body.parentId),
  );

  app.delete(
    '/api/orgs/:id',
    { config: { access: 'org.manage' }, schema: { tags, summary: '删除单位', params: idParams } },
    async (request) => deleteOrg(deps.db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/orgs/import-template',
    { config: { access: 'org.manage' }, schema: { tags, summary: '单位导入模板' } },
    async (request, reply) => sendXlsx(reply, '单位导入模板.xlsx', await orgTemplate(deps.db, actorOf(request))),
  );

  app.get(
    '/api/orgs/export',
    { config: { access: 'org.read' }, schema: { tags, summary: '导出单位' } },
    async (request, reply) => sendXlsx(reply, '单位.xlsx', await exportOrgs(deps.db, actorOf(request))),
  );

  app.post(
    '/api/orgs/import',
    { config: { access: 'org.manage' }, schema: { tags, summary: '从 Excel 导入单位' } },
    async (request) => {
      const file = await readUpload(request, 'Excel 文件');
      return importOrgs(deps.db, actorOf(request), file.data);
    },
  );

  app.get(
    '/api/dimensions',
    { config: { access: 'org.read' }, schema: { tags, summary: '维度（协调小组、层级、行业、中心所片区）' } },
    async (request) => {
      const user = actorOf(request).user;
      const rows = await queryRows<{ id: number; kind: string; name: string; owner_org_id: number; sort: number }>(
        deps.db,
        sql`
      select d.id, d.kind, d.name, d.owner_org_id, d.sort from ${dimensions} d join orgs o on o.id = d.owner_org_id
      where ${user.dataScope} in ('all', 'none') or ${user.scopePath} like o.path || '%' or o.path like ${`${user.scopePath}%`}
      order by d.kind, d.sort, d.id`,
      );
      return { items: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, ownerOrgId: r.owner_org_id })) };
    },
  );

  app.post(
    '/api/dimensions',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '新增维度',
        body: z.object({
          ownerOrgId: dbId(),
          kind: z.enum(dimensionKinds, { error: '请选择维度类型' }),
          name: z.string().trim().min(1, '名称不能为空').max(50, '名称不能超过50个字'),
        }),
      },
    },
    async (request) => createDimension(deps.db, actorOf(request), request.body),
  );

  app.delete(
    '/api/dimensions/:id',
    { config: { access: 'org.manage' }, schema: { tags, summary: '删除维度', params: idParams } },
    async (request) => deleteDimension(deps.db, actorOf(request), request.params.id),
  );
}
