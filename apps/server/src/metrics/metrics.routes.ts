import { registryMetrics } from '@fazhi/core/metrics/definitions';
import { metricsContracts } from '@fazhi/core/metrics/metrics.contract';
import { can } from '@fazhi/core/platform/roles';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { startMetricRollup } from './metrics.rollup.service.ts';
import { getMetric, getMetricRows } from './metrics.service.ts';

export function metricsRoutes(app: ZApp, deps: AppDeps) {
  const { db } = deps;
  // The roll-up's triggers follow the definitions in code: (re)installed and rebuilt at start when they changed,
  // in the background; figures come straight from the rows until it is ready.
  app.addHook('onReady', async () => {
    void startMetricRollup(db, (err) => app.log.error({ err }, '指标汇总表重建失败，指标将直接从台账计算'));
  });

  implementAll(app, metricsContracts, {
    catalogue: () => ({
      items: registryMetrics.map((m) => ({
        key: m.key,
        name: m.name,
        unit: m.unit,
        kind: m.kind,
        polarity: m.polarity,
        computation: m.computation,
      })),
    }),
    value: (request) =>
      getMetric(
        db,
        actorOf(request).user,
        request.params.key,
        request.query.org,
        request.query.period,
        request.query.scope,
      ),
    rows: (request) => {
      const { user } = actorOf(request);
      return getMetricRows(db, user, request.params.key, request.query, can(user.role, 'personal.read'));
    },
  });
}
