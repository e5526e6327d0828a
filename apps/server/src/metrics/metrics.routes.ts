import { registryMetrics } from '@fazhi/core/metrics/definitions';
import { metricQuerySchema, metricRowsQuerySchema } from '@fazhi/core/metrics/metric-api';
import { can } from '@fazhi/core/platform/roles';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { getMetric, getMetricRows } from './metrics.service.ts';
import { startMetricRollup } from './rollup.ts';

const tags = ['metrics'];
const keyParams = z.object({ key: z.string().min(1).max(80) });

export function metricsRoutes(app: ZApp, deps: AppDeps) {
  const { db } = deps;
  // The roll-up's triggers follow the definitions in code: (re)installed and rebuilt at start when they changed,
  // in the background; figures come straight from the rows until it is ready.
  app.addHook('onReady', async () => {
    void startMetricRollup(db, (err) => app.log.error({ err }, '指标汇总表重建失败，指标将直接从台账计算'));
  });

  app.get(
    '/api/metrics',
    { config: { access: 'metrics.read' }, schema: { tags, summary: '指标目录（名称、单位、计算方式）' } },
    async () => ({
      items: registryMetrics.map((m) => ({
        key: m.key,
        name: m.name,
        unit: m.unit,
        kind: m.kind,
        computation: m.computation,
      })),
    }),
  );
  app.get(
    '/api/metrics/:key',
    {
      config: { access: 'metrics.read' },
      schema: {
        tags,
        summary: '某单位（含下级）某期间的指标值及来源',
        params: keyParams,
        querystring: metricQuerySchema,
      },
    },
    async (request) =>
      getMetric(db, actorOf(request).user, request.params.key, request.query.org, request.query.period),
  );
  app.get(
    '/api/metrics/:key/rows',
    {
      config: { access: 'metrics.read' },
      schema: { tags, summary: '指标的来源明细（分页）', params: keyParams, querystring: metricRowsQuerySchema },
    },
    async (request) => {
      const { user } = actorOf(request);
      return getMetricRows(db, user, request.params.key, request.query, can(user.role, 'personal.read'));
    },
  );
}
