import { grassrootsDashboardMetrics } from '@fazhi/core/grassroots/metrics';
import { registryByKey } from '@fazhi/core/metrics/definitions';
import type { Executor } from '../db/client.ts';
import { computeFigures } from '../metrics/metrics.figures.service.ts';
import { requireScopedOrg } from '../metrics/metrics.service.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { scopeRootOrgId } from '../platform/platform.scope.service.ts';

/**
 * The grass-roots page's headline figures (liaison visits done vs due, village coverage, 法考, facilities …) for
 * the top unit of the user's scope and a year: registry figures, so each leads to its rows.
 */
export async function grassrootsFigures(db: Executor, actor: Actor, year: number) {
  const root = scopeRootOrgId(actor.user);
  const org = await requireScopedOrg(db, actor.user, Number.isFinite(root) ? root : actor.user.orgId);
  const period = String(year);
  const table = await computeFigures(db, {
    user: actor.user,
    keys: grassrootsDashboardMetrics,
    orgIds: [org.id],
    rootPath: org.path,
    periods: [period],
  });
  return {
    org: { id: org.id, name: org.name },
    period,
    items: grassrootsDashboardMetrics.map((key) => {
      const m = registryByKey.get(key)!;
      return { key, name: m.name, unit: m.unit, ...table.get(key, org.id, period) };
    }),
  };
}
