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

export type MetricSourceRef = {
  /** `ledger` type key, or the table source key. */
  ledger?: string;
  table?: string;
  /** Chinese name of the source. */
  name: string;
  /** The metric whose rows these are (the rate's part, or the metric itself). */
  metric: string;
  filters: { field: string; op: string; value?: unknown; values?: readonly unknown[] }[];
  window: 'period' | 'cumulative';
  count: number;
  href: string;
};

export type MetricOrg = { id: number; name: string; kind: string };

export type MetricValue = {
  key: string;
  name: string;
  value: number | null;
  unit: string;
  org: MetricOrg;
  period: string;
  note: string | null;
  sources: MetricSourceRef[];
};

export type MetricRowsPage = {
  key: string;
  source: string;
  name: string;
  org: MetricOrg;
  period: string;
  columns: { key: string; title: string }[];
  items: { id: number; orgId: number; orgName: string; date: string; values: Record<string, unknown> }[];
  total: number;
  page: number;
  pageSize: number;
  masked: boolean;
};
