import {
  type DeadlineOverride,
  defaultDeadlineRules,
  overrideProblem,
  reportDeadlines,
} from '@fazhi/core/reports/deadlines';
import { type ReportType, reportTypeLabels, reportTypes } from '@fazhi/core/reports/outlines';
import type { ReportDeadlineOverrideInput } from '@fazhi/core/reports/report.schemas';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import {
  type DeadlineSettingRow,
  deleteDeadlineSetting,
  findDeadlineSetting,
  queryScopeRoot,
  querySettings,
  upsertDeadlineSetting,
} from './reports.repo.ts';

/** Picks, for a unit and report type, the setting of its nearest ancestor (or itself); null means the defaults. */
export type DeadlineResolver = (orgPath: string, type: ReportType) => DeadlineOverride | null;

export async function loadDeadlineResolver(db: Executor, year: number): Promise<DeadlineResolver> {
  const settings = await querySettings(db, year);
  return (orgPath, type) => {
    let best: DeadlineSettingRow | null = null;
    for (const s of settings) {
      if (s.type !== type || !orgPath.startsWith(s.path)) continue;
      if (!best || s.path.length > best.path.length) best = s;
    }
    return best ? { type, submitBy: best.submit_by, publishBy: best.publish_by } : null;
  };
}

/** The org that roots the actor's data scope: the office sets deadlines for its whole subtree. */
async function scopeRoot(db: Executor, actor: Actor): Promise<{ id: number; path: string; name: string }> {
  const row = await queryScopeRoot(db, actor.user);
  if (!row) throw notFound('未找到您所在的单位');
  return row;
}

/** Per report type: the defaults, the dates in force for the office's subtree and whether the office set them. */
export async function listDeadlineSettings(db: Executor, actor: Actor, year: number) {
  const [root, resolve] = await Promise.all([scopeRoot(db, actor), loadDeadlineResolver(db, year)]);
  const own = new Set(
    (await querySettings(db, year)).filter((s) => s.org_id === root.id).map((s) => s.type as ReportType),
  );
  return {
    year,
    orgName: root.name,
    items: reportTypes.map((type) => {
      const defaults = reportDeadlines(type, year);
      const effective = reportDeadlines(type, year, resolve(root.path, type));
      return {
        type,
        typeLabel: reportTypeLabels[type],
        note: defaultDeadlineRules[type].note,
        isPublished: defaultDeadlineRules[type].isPublished,
        defaults: { submitBy: defaults.submitBy, publishBy: defaults.publishBy },
        ...effective,
        isOwnSetting: own.has(type),
      };
    }),
  };
}

/** Sets the office's dates for a year and type (upsert), audited; bad dates are refused with the reason. */
export async function setDeadlineOverride(db: Db, actor: Actor, input: ReportDeadlineOverrideInput, now: Date) {
  const problem = overrideProblem(input.year, input);
  if (problem) throw badRequest(`${reportTypeLabels[input.type]}：${problem}`);
  return db.transaction(async (tx) => {
    const root = await scopeRoot(tx, actor);
    const before = await findDeadlineSetting(tx, root.id, input.year, input.type);
    const values = {
      orgId: root.id,
      year: input.year,
      type: input.type,
      submitBy: input.submitBy,
      publishBy: input.publishBy,
      updatedBy: actor.user.id,
      updatedAt: now,
    };
    await upsertDeadlineSetting(tx, values);
    await writeAudit(tx, actor, {
      action: 'report.deadlines.set',
      entity: 'report_deadline_settings',
      entityId: `${input.year}:${input.type}`,
      orgId: root.id,
      before: before ? { submitBy: before.submitBy, publishBy: before.publishBy } : null,
      after: { submitBy: input.submitBy, publishBy: input.publishBy },
    });
    return reportDeadlines(input.type, input.year, input);
  });
}

/** Back to the defaults for a year and type, audited. */
export async function resetDeadlineOverride(db: Db, actor: Actor, year: number, type: ReportType) {
  return db.transaction(async (tx) => {
    const root = await scopeRoot(tx, actor);
    const removed = await deleteDeadlineSetting(tx, root.id, year, type);
    if (removed.length > 0) {
      await writeAudit(tx, actor, {
        action: 'report.deadlines.reset',
        entity: 'report_deadline_settings',
        entityId: `${year}:${type}`,
        orgId: root.id,
        before: { submitBy: removed[0]!.submitBy, publishBy: removed[0]!.publishBy },
        after: null,
      });
    }
    return reportDeadlines(type, year);
  });
}
