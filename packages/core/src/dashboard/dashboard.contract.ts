import { defineContracts } from '../shared/contract.ts';
import { z } from '../shared/zod.ts';
import { dashboardQuerySchema } from './dashboard.ts';

/** One figure of the registry: the value, or null with the reason in `note`. */
export const dashboardFigureSchema = z.object({ value: z.number().nullable(), note: z.string().nullable() });

const dashboardOrgSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  parentId: z.number().nullable(),
});

const columnSchema = z.object({ key: z.string(), name: z.string(), unit: z.string() });

export const dashboardTileSchema = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** 上年 (a finished year) or 上年同期 (the current year, against the same months last year). */
  previousLabel: z.string(),
  /** Change against the same period last year: percent for counts, percentage points for rates. */
  change: z.number().nullable(),
  changeUnit: z.enum(['%', '个百分点']),
  note: z.string().nullable(),
});

export const dashboardUnitSchema = z.object({
  org: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  hasChildren: z.boolean(),
  values: z.record(z.string(), dashboardFigureSchema),
});

export const dashboardRollupSchema = z.object({
  org: dashboardOrgSchema,
  year: z.number(),
  columns: z.array(columnSchema),
  total: z.record(z.string(), dashboardFigureSchema),
  units: z.array(dashboardUnitSchema),
});

export const dashboardSchema = z.object({
  org: dashboardOrgSchema,
  year: z.number(),
  tiles: z.array(dashboardTileSchema),
  plan: z.object({
    tasks: z.number().nullable(),
    closed: z.number().nullable(),
    closureRate: z.number().nullable(),
    note: z.string().nullable(),
  }),
  trend: z.object({
    months: z.array(z.string()),
    series: z.array(columnSchema.extend({ values: z.array(z.number().nullable()) })),
  }),
  rollup: dashboardRollupSchema,
});

export type DashboardFigure = z.output<typeof dashboardFigureSchema>;
export type DashboardTile = z.output<typeof dashboardTileSchema>;
export type DashboardUnit = z.output<typeof dashboardUnitSchema>;
export type DashboardRollup = z.output<typeof dashboardRollupSchema>;
export type Dashboard = z.output<typeof dashboardSchema>;

export const dashboardContracts = defineContracts('dashboard', {
  dashboard: {
    method: 'GET',
    path: '/api/dashboard',
    access: 'dashboard.read',
    summary: '领导驾驶舱：指标、同比、任务销号、趋势、下级对比',
    query: dashboardQuerySchema,
    response: dashboardSchema,
  },
  rollup: {
    method: 'GET',
    path: '/api/dashboard/rollup',
    access: 'dashboard.read',
    summary: '区域汇总（逐级下钻）',
    query: dashboardQuerySchema,
    response: dashboardRollupSchema,
  },
});
