import { defineContracts } from '../shared/contract.ts';
import { z } from '../shared/zod.ts';
import { metricQuerySchema, metricRowsQuerySchema, metricScopeSchema } from './metric-api.ts';

const keyParams = z.object({ key: z.string().min(1).max(80) });

const metricOrg = z.object({ id: z.number(), name: z.string(), kind: z.string() });

export const metricSourceRefSchema = z.object({
  /** `ledger` type key, or the table source key. */
  ledger: z.string().optional(),
  table: z.string().optional(),
  /** Chinese name of the source. */
  name: z.string(),
  /** The metric whose rows these are (the rate's part, or the metric itself). */
  metric: z.string(),
  filters: z.array(
    z.object({
      field: z.string(),
      op: z.string(),
      value: z.unknown().optional(),
      values: z.array(z.unknown()).readonly().optional(),
    }),
  ),
  window: z.enum(['period', 'cumulative']),
  count: z.number(),
  href: z.string(),
});

export const metricValueSchema = z.object({
  key: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  org: metricOrg,
  period: z.string(),
  /** `own`: 本级 — the org's own rows, not those of the units below it. */
  scope: metricScopeSchema,
  note: z.string().nullable(),
  sources: z.array(metricSourceRefSchema),
});

export const metricRowsPageSchema = z.object({
  key: z.string(),
  source: z.string(),
  name: z.string(),
  org: metricOrg,
  period: z.string(),
  scope: metricScopeSchema,
  columns: z.array(z.object({ key: z.string(), title: z.string() })),
  items: z.array(
    z.object({
      id: z.number(),
      orgId: z.number(),
      orgName: z.string(),
      date: z.string(),
      values: z.record(z.string(), z.unknown()),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  masked: z.boolean(),
});

export type MetricSourceRef = z.output<typeof metricSourceRefSchema>;
export type MetricValue = z.output<typeof metricValueSchema>;
export type MetricRowsPage = z.output<typeof metricRowsPageSchema>;

export const metricsContracts = defineContracts('metrics', {
  catalogue: {
    method: 'GET',
    path: '/api/metrics',
    access: 'metrics.read',
    summary: '指标目录（名称、单位、计算方式、升降方向）',
    response: z.object({
      items: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          unit: z.string(),
          kind: z.string(),
          /** Which way a change is good: higher / lower is better, or neutral (a plain volume). */
          polarity: z.enum(['higher', 'lower', 'neutral']),
          /** How the figure is computed (source, filters, window); null while a metric has no computation yet. */
          computation: z.record(z.string(), z.unknown()).nullable(),
        }),
      ),
    }),
  },
  value: {
    method: 'GET',
    path: '/api/metrics/:key',
    access: 'metrics.read',
    summary: '某单位（含下级）某期间的指标值及来源',
    params: keyParams,
    query: metricQuerySchema,
    response: metricValueSchema,
  },
  rows: {
    method: 'GET',
    path: '/api/metrics/:key/rows',
    access: 'metrics.read',
    summary: '指标的来源明细（分页）',
    params: keyParams,
    query: metricRowsQuerySchema,
    response: metricRowsPageSchema,
  },
});
