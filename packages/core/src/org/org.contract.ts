import { defineContracts, fileBody, itemsOf, okResponse } from '../shared/contract.ts';
import { idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import {
  dimensionCreateSchema,
  dimensionSchema,
  orgCreateSchema,
  orgMoveSchema,
  orgSchema,
  orgUpdateSchema,
} from './org.schemas.ts';

const created = z.object({ id: z.number().int() });

export const orgContracts = defineContracts('org', {
  list: {
    method: 'GET',
    path: '/api/orgs',
    access: 'org.read',
    summary: '单位树（数据范围内）',
    response: itemsOf(orgSchema),
  },
  get: {
    method: 'GET',
    path: '/api/orgs/:id',
    access: 'org.read',
    summary: '单位详情',
    params: idParams,
    response: orgSchema,
  },
  create: {
    method: 'POST',
    path: '/api/orgs',
    access: 'org.manage',
    summary: '新增单位',
    body: orgCreateSchema,
    response: z.object({ id: z.number().int(), path: z.string() }),
  },
  update: {
    method: 'PATCH',
    path: '/api/orgs/:id',
    access: 'org.manage',
    summary: '编辑单位',
    params: idParams,
    body: orgUpdateSchema,
    response: okResponse,
  },
  move: {
    method: 'POST',
    path: '/api/orgs/:id/move',
    access: 'org.manage',
    summary: '移动单位',
    params: idParams,
    body: orgMoveSchema,
    response: z.object({ ok: z.literal(true), path: z.string() }),
  },
  remove: {
    method: 'DELETE',
    path: '/api/orgs/:id',
    access: 'org.manage',
    summary: '删除单位',
    params: idParams,
    response: okResponse,
  },
  importTemplate: {
    method: 'GET',
    path: '/api/orgs/import-template',
    access: 'org.manage',
    summary: '单位导入模板',
    response: fileBody,
  },
  export: {
    method: 'GET',
    path: '/api/orgs/export',
    access: 'org.read',
    summary: '导出单位',
    response: fileBody,
  },
  import: {
    method: 'POST',
    path: '/api/orgs/import',
    access: 'org.manage',
    summary: '从 Excel 导入单位',
    upload: true,
    response: z.object({ created: z.number().int() }),
  },
  dimensions: {
    method: 'GET',
    path: '/api/dimensions',
    access: 'org.read',
    summary: '维度（协调小组、层级、行业、中心所片区）',
    response: itemsOf(dimensionSchema),
  },
  createDimension: {
    method: 'POST',
    path: '/api/dimensions',
    access: 'org.manage',
    summary: '新增维度',
    body: dimensionCreateSchema,
    response: created,
  },
  removeDimension: {
    method: 'DELETE',
    path: '/api/dimensions/:id',
    access: 'org.manage',
    summary: '删除维度',
    params: idParams,
    response: okResponse,
  },
});
