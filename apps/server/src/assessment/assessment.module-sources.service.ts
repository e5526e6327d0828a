import { type RegistryKey, registryByKey } from '@fazhi/core/metrics/definitions';
import type { Executor } from '../db/client.ts';
import { computeFigures } from '../metrics/metrics.figures.service.ts';
import { getOrg } from '../org/org.service.ts';
import { oversightDeductions } from '../oversight/oversight.bulletins.service.ts';
import { listTasks } from '../plan/plan.service.ts';
import { shanghaiDate, shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import type { InputSource, UnitContribution } from './assessment.inputs.service.ts';
import { tableExists } from './assessment.repo.ts';

/** A read-only system actor (not a login) that other modules' services apply their data scope to. */
function systemReader(scope: Pick<Actor['user'], 'dataScope' | 'orgId' | 'orgName' | 'scopePath'>): Actor {
  return {
    user: {
      id: 0,
      username: 'system:assessment',
      displayName: '考核取数',
      role: 'office',
      mustChangePassword: false,
      sessionId: '',
      csrfToken: '',
      ...scope,
    },
    ip: null,
  };
}

/**
 * A read-only actor scoped to the county running the round (looked up through the org module): other modules'
 * services apply their data scope to it, so the assessment reads exactly what the county office would see.
 */
async function countyReader(db: Executor, countyId: number): Promise<Actor | null> {
  const lookup = systemReader({ dataScope: 'all', orgId: countyId, orgName: '', scopePath: '/' });
  const org = await getOrg(db, lookup, countyId).catch(() => null);
  if (!org) return null;
  return systemReader({ dataScope: 'subtree', orgId: countyId, orgName: org.name, scopePath: org.path });
}

/** Metric-driven leaves read the metrics registry for the assessment year; a hand-entered figure still wins. */
export const metricsRegistrySource: InputSource = {
  name: '数据指标',
  gather: async ({ db, year, ownerOrgId, orgIds, metricKeys }) => {
    const keys = (metricKeys ?? []).filter((k) => registryByKey.has(k)) as RegistryKey[];
    if (keys.length === 0 || orgIds.length === 0) return [];
    const actor = await countyReader(db, ownerOrgId);
    if (!actor) return [];
    const period = String(year) as Parameters<typeof computeFigures>[1]['periods'][number];
    const table = await computeFigures(db, {
      user: actor.user,
      keys,
      orgIds: [...orgIds],
      rootPath: actor.user.scopePath,
      periods: [period],
    });
    return orgIds.map((orgId): UnitContribution => {
      const metrics: Record<string, number> = {};
      const refs = [];
      for (const key of keys) {
        const figure = table.get(key, orgId, period);
        if (figure.value === null) continue;
        metrics[key] = figure.value;
        const name = registryByKey.get(key)?.name ?? key;
        refs.push({ id: key, origin: '数据指标库', title: `${name}（${year}年）= ${figure.value}`, evidenceIds: [] });
      }
      return { orgId, metrics, refs };
    });
  },
};

/** `problem:13` / `bulletin:5` as a reader sees them: 问题（编号13）, 通报（编号5）. */
export function sourceLabel(sourceId: string): string {
  const [kind, id] = sourceId.split(':');
  return `${kind === 'bulletin' ? '通报' : '问题'}（编号${id}）`;
}

/** 督查发现问题 deductions from the year's 通报 (oversight): one penalty per unit and level, counted per problem. */
export const oversightSource: InputSource = {
  name: '督察通报',
  gather: async ({ db, year, ownerOrgId, orgIds }) => {
    if (orgIds.length === 0) return [];
    if (!(await tableExists(db, 'bulletins'))) return [];
    const actor = await countyReader(db, ownerOrgId);
    if (!actor) return [];
    const wanted = new Set(orgIds);
    const items = await oversightDeductions(db, actor, year);
    return items
      .filter((d) => wanted.has(d.orgId))
      .map((d) => {
        const id = `oversight-${d.orgId}-${d.level}`;
        const title = `${year}年督察通报批评（${d.count}个问题）`;
        return {
          orgId: d.orgId,
          penalties: [{ id, kind: d.kind, level: d.level, title, count: d.count }],
          refs: [
            { id, origin: '督察通报', title: `${title}：${d.sourceIds.map(sourceLabel).join('、')}`, evidenceIds: [] },
          ],
        };
      });
  },
};

/**
 * 交办任务落实不力 from `plan` (through its task list): target tasks of the assessment year that a unit leads and did not close by their
 * deadline (closed late, or past the deadline and still open today, Asia/Shanghai). Leaf tasks only — a parent's
 * progress is its children's. They were assigned by the county, so the deduction is at the 区 level.
 */
export const planSource: InputSource = {
  name: '目标任务',
  gather: async ({ db, year, ownerOrgId, orgIds }) => {
    if (orgIds.length === 0) return [];
    const county = await countyReader(db, ownerOrgId);
    if (!county) return [];
    // The units' own tasks wherever they are: the streaming scorer asks once for the rounds of many counties.
    const actor = { ...county, user: { ...county.user, dataScope: 'all' as const } };
    const now = new Date();
    const today = shanghaiToday(now);
    const { items } = await listTasks(db, actor, { year }, now);
    const parents = new Set(items.map((t) => t.parentId).filter((id) => id !== null));
    const wanted = new Set(orgIds);
    const late = items
      .filter(
        (t) =>
          t.status !== 'draft' &&
          wanted.has(t.leadOrgId) &&
          !parents.has(t.id) &&
          t.deadline < today &&
          (t.status !== 'closed' || (t.closedAt !== null && shanghaiDate(new Date(t.closedAt)) > t.deadline)),
      )
      .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id - b.id));
    const byOrg = new Map<number, typeof late>();
    for (const task of late) byOrg.set(task.leadOrgId, [...(byOrg.get(task.leadOrgId) ?? []), task]);
    return [...byOrg].map(([orgId, tasks]): UnitContribution => {
      const id = `plan-late-${orgId}`;
      const title = `${year}年目标任务未按期完成（${tasks.length}项）`;
      return {
        orgId,
        penalties: [{ id, kind: '交办任务落实不力', level: '区', title, count: tasks.length }],
        refs: [{ id, origin: '目标任务', title: `${title}：${tasks.map((t) => t.title).join('；')}`, evidenceIds: [] }],
      };
    });
  },
};
