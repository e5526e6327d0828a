import { dbIdParam } from '../shared/fields.ts';
import { periodSchema } from '../shared/period.ts';
import { z } from '../shared/zod.ts';
import { registryKeys } from './definitions.ts';

export const registryKeySchema = z.enum(registryKeys as [string, ...string[]], {
  message: '指标不存在，请检查指标键名',
});

export const metricQuerySchema = z.object({
  org: dbIdParam('请指定单位（org）'),
  period: periodSchema,
});

export const metricRowsQuerySchema = metricQuerySchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
