import { defineContracts, fileBody, itemsOf, pageOf } from '../shared/contract.ts';
import { dbIdParam, idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { definitionObject } from './definition.ts';
import {
  customTypeInputSchema,
  importJobSchema,
  ledgerTypeSummarySchema,
  rowListQuerySchema,
  rowUpdateSchema,
  rowWriteSchema,
} from './ledgers.schemas.ts';

export const typeParams = z.object({ type: z.string().min(1).max(60) });
export const rowParams = typeParams.extend({ id: dbIdParam() });

/** One stored or computed value (`LedgerValue`): text, number, yes/no, the keys of a multi-select, or empty. */
const ledgerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** A row as the API answers it: personal values masked unless the viewer may read them, computed values for today. */
export const ledgerRowSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  /** YYYY-MM-DD */
  rowDate: z.string(),
  data: z.record(z.string(), ledgerValueSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LedgerRow = z.output<typeof ledgerRowSchema>;

/** In lists: `duplicate` — another row in the viewer's scope holds one of its unique keys. */
export const ledgerListRowSchema = ledgerRowSchema.extend({ duplicate: z.boolean() });
/** A saved row, with the warnings a valid row may still carry (the row is saved; the person is told). */
export const savedLedgerRowSchema = ledgerRowSchema.extend({ warnings: z.array(z.string()) });

const savedTypeSchema = z.object({ key: z.string(), definition: definitionObject, version: z.number().int() });

export const ledgersContracts = defineContracts('ledgers', {
  types: {
    method: 'GET',
    path: '/api/ledgers/types',
    access: 'ledger.read',
    summary: '台账类型列表（内置和自定义）',
    response: itemsOf(ledgerTypeSummarySchema),
  },
  createType: {
    method: 'POST',
    path: '/api/ledgers/types',
    access: 'ledger.manage',
    summary: '新建自定义台账类型',
    body: customTypeInputSchema,
    response: savedTypeSchema,
  },
  type: {
    method: 'GET',
    path: '/api/ledgers/types/:type',
    access: 'ledger.read',
    summary: '台账类型定义',
    params: typeParams,
    response: z.object({
      definition: definitionObject,
      builtin: z.boolean(),
      version: z.number().int(),
      canSeePersonal: z.boolean(),
    }),
  },
  updateType: {
    method: 'PUT',
    path: '/api/ledgers/types/:type',
    access: 'ledger.manage',
    summary: '修改自定义台账类型',
    params: typeParams,
    body: customTypeInputSchema,
    response: savedTypeSchema,
  },
  rows: {
    method: 'GET',
    path: '/api/ledgers/types/:type/rows',
    access: 'ledger.read',
    summary: '台账记录（分页、筛选、排序）',
    params: typeParams,
    query: rowListQuerySchema,
    response: pageOf(ledgerListRowSchema),
  },
  createRow: {
    method: 'POST',
    path: '/api/ledgers/types/:type/rows',
    access: 'ledger.write',
    summary: '新增台账记录',
    params: typeParams,
    body: rowWriteSchema,
    response: savedLedgerRowSchema,
  },
  row: {
    method: 'GET',
    path: '/api/ledgers/types/:type/rows/:id',
    access: 'ledger.read',
    summary: '台账记录详情',
    params: rowParams,
    response: ledgerRowSchema,
  },
  updateRow: {
    method: 'PUT',
    path: '/api/ledgers/types/:type/rows/:id',
    access: 'ledger.write',
    summary: '修改台账记录（带版本号，防止覆盖他人修改）',
    params: rowParams,
    body: rowUpdateSchema,
    response: savedLedgerRowSchema,
  },
  deleteRow: {
    method: 'DELETE',
    path: '/api/ledgers/types/:type/rows/:id',
    access: 'ledger.write',
    summary: '删除台账记录',
    params: rowParams,
    query: z.object({ version: dbIdParam().optional() }),
    response: z.object({ id: z.number().int() }),
  },
  template: {
    method: 'GET',
    path: '/api/ledgers/types/:type/template',
    access: 'ledger.read',
    summary: '下载导入模板',
    params: typeParams,
    response: fileBody,
  },
  export: {
    method: 'GET',
    path: '/api/ledgers/types/:type/export',
    access: 'ledger.read',
    summary: '导出台账（个人信息按权限脱敏）',
    params: typeParams,
    query: rowListQuerySchema,
    response: fileBody,
  },
  import: {
    method: 'POST',
    path: '/api/ledgers/types/:type/import',
    access: 'ledger.write',
    summary: '导入台账（后台任务，返回任务号）',
    params: typeParams,
    upload: true,
    status: 202,
    response: z.object({ jobId: z.number().int() }),
  },
  job: {
    method: 'GET',
    path: '/api/ledgers/jobs/:id',
    access: 'ledger.write',
    summary: '导入任务进度',
    params: idParams,
    response: importJobSchema,
  },
  jobErrors: {
    method: 'GET',
    path: '/api/ledgers/jobs/:id/errors',
    access: 'ledger.write',
    summary: '下载导入错误报告',
    params: idParams,
    response: fileBody,
  },
});
