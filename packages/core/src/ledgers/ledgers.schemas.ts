import { dateSchema, dbId, dbIdParam } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { enumOptionSchema, fieldSchema, ledgerCategories, ledgerKeySchema } from './definition.ts';

/** Body of a row create/update: the unit the fact belongs to, and the values (checked against the type's schema). */
export const rowWriteSchema = z.object({
  orgId: dbId('请选择填报单位'),
  data: z.record(z.string(), z.unknown()),
});
export const rowUpdateSchema = rowWriteSchema.extend({
  version: dbId('缺少版本号，请刷新后重试'),
});
export type RowWrite = z.infer<typeof rowWriteSchema>;
export type RowUpdate = z.infer<typeof rowUpdateSchema>;

export const pageSizes = [10, 20, 50, 100] as const;

/** List query: paging, a whitelisted sort, the unit subtree, a date range, keyword, and `f.<field>` filters. */
export const rowListQuerySchema = z.looseObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  orgId: dbIdParam().optional(),
  from: dateSchema('开始日期').optional(),
  to: dateSchema('结束日期').optional(),
  q: z.string().trim().max(100).optional(),
});
export type RowListQuery = z.infer<typeof rowListQuerySchema>;

/** A custom type as the designer sends it; the server fills in keys it leaves out and checks the whole definition. */
export const customTypeInputSchema = z.object({
  key: ledgerKeySchema.optional(),
  name: z.string().trim().min(1, { message: '台账名称不能为空' }).max(40, { message: '台账名称最多 40 个字' }),
  category: z.enum(ledgerCategories).default('自定义台账'),
  description: z.string().max(500).default(''),
  dateField: z.string().min(1, { message: '请指定业务发生日期字段' }),
  fields: z
    .array(
      fieldSchema
        .extend({
          key: ledgerKeySchema.optional(),
          options: z
            .array(enumOptionSchema.extend({ key: z.union([ledgerKeySchema, z.literal('')]).optional() }))
            .optional(),
        })
        .omit({ compute: true }),
    )
    .min(1, { message: '至少需要一个字段' }),
  listColumns: z.array(z.string()).default([]),
  filters: z.array(z.string()).default([]),
  sortable: z.array(z.string()).default([]),
  version: dbId().optional(),
});
export type CustomTypeInput = z.input<typeof customTypeInputSchema>;

export const ledgerTypeSummarySchema = z.object({
  key: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  builtin: z.boolean(),
  rowCount: z.number().int(),
});
export type LedgerTypeSummary = z.output<typeof ledgerTypeSummarySchema>;

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const jobStatusLabels: Record<JobStatus, string> = {
  queued: '排队中',
  running: '进行中',
  succeeded: '已完成',
  failed: '失败',
};
export const importJobSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  /** 0–100 */
  percent: z.number(),
  phase: z.string(),
  processed: z.number(),
  total: z.number(),
  message: z.string().nullable(),
  imported: z.number(),
  errorCount: z.number(),
  hasErrorReport: z.boolean(),
  typeKey: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.output<typeof importJobSchema>;
