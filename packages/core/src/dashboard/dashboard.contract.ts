import { defineContracts, timestamp } from '../shared/contract.ts';
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

/** Which way a change is good (the registry's polarity): colours and words of a change follow it. */
const polaritySchema = z.enum(['higher', 'lower', 'neutral']);

const columnSchema = z.object({ key: z.string(), name: z.string(), unit: z.string(), polarity: polaritySchema });

export const dashboardTileSchema = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  polarity: polaritySchema,
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** 上年 (a finished year) or 上年同期 (the running year, against 1 January up to the same day last year). */
  previousLabel: z.string(),
  /**
   * Where last year's figure comes from: the ledgers, or the figures imported from an earlier report (used when
   * the ledgers hold nothing for that year); null without a figure.
   */
  previousSource: z.enum(['ledgers', 'imported']).nullable(),
  /** Change against the same period last year: percent for counts, percentage points for rates. */
  change: z.number().nullable(),
  changeUnit: z.enum(['%', '个百分点']),
  /** How the change reads by the metric's polarity: good / bad, neutral for a plain volume, flat for none. */
  tone: z.enum(['good', 'bad', 'neutral', 'flat']),
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
  /** The org's whole subtree: equals 本级 (`own`) plus the units listed, column by column. */
  total: z.record(z.string(), dashboardFigureSchema),
  /** 本级: the org's own rows, not those of the units below it. */
  own: z.record(z.string(), dashboardFigureSchema),
  units: z.array(dashboardUnitSchema),
});

/** 数据截至: the moment the figures are complete to (a standby's replication tick, or the answer's own time). */
const dataAsOf = timestamp();

export const dashboardSchema = z.object({
  org: dashboardOrgSchema,
  year: z.number(),
  /** The running year: the day its figures reach (截至11月23日); null for a finished year. */
  asOf: z.string().nullable(),
  dataAsOf,
  tiles: z.array(dashboardTileSchema),
  plan: z.object({
    tasks: z.number().nullable(),
    closed: z.number().nullable(),
    closureRate: z.number().nullable(),
    note: z.string().nullable(),
  }),
  trend: z.object({
    months: z.array(z.string()),
    /** The running month, cut at today: labelled 截至N日, compared with the same days of that month last year. */
    running: z.object({ month: z.string(), label: z.string() }).nullable(),
    series: z.array(
      columnSchema.extend({
        values: z.array(z.number().nullable()),
        /** The same months last year (the running month: its same days); a gap where the ledgers have no figure. */
        previous: z.array(z.number().nullable()),
      }),
    ),
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
    response: dashboardRollupSchema.extend({ dataAsOf }),
  },
});
