import { dbIdParam } from '../shared/fields.ts';
import { periodSchema } from '../shared/period.ts';
import { z } from '../shared/zod.ts';
import { registryKeys } from './definitions.ts';

export const registryKeySchema = z.enum(registryKeys as [string, ...string[]], {
  message: '指标不存在，请检查指标键名',
});

/** `subtree`: the org and every unit below it (the default); `own`: 本级, the rows the org entered itself. */
export const metricScopeSchema = z.enum(['subtree', 'own'], { message: '范围（scope）应为 subtree 或 own' });
export type MetricScope = z.output<typeof metricScopeSchema>;

export const metricQuerySchema = z.object({
  org: dbIdParam('请指定单位（org）'),
  period: periodSchema,
  scope: metricScopeSchema.default('subtree'),
});

export const metricRowsQuerySchema = metricQuerySchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
