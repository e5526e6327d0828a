import type { RoundAction } from '@fazhi/core/assessment/api.schemas';
import { ASSESSMENT_STATUS_LABELS } from '@fazhi/core/assessment/assessment-lifecycle';
import {
  describePublicationGaps,
  hasPublicationGaps,
  type PublicationGaps,
  publicationGaps,
} from '@fazhi/core/assessment/publication-gaps';
import { toRankingEntry } from '@fazhi/core/assessment/ranking';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { can } from '@fazhi/core/platform/roles';
import type { Db, Executor } from '../db/client.ts';
import { listDimensions, listOrgs } from '../org/org.service.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isPublished, isStaff, loadRound, type RoundRow, requireStaffOf } from './assessment.access.service.ts';
import { notifyResultsPublished } from './assessment.notifications.service.ts';
import { roundGroups } from './assessment.ranking-groups.service.ts';
import { writeSnapshot } from './assessment.results.repo.ts';
import {
  excludeUnit,
  findExclusion,
  includeUnit,
  insertRoundWithUnits,
  lockRound,
  markRoundFinalized,
  markRoundPublished,
  orgsUnderCountyInScope,
  queryGapInputs,
  queryRounds,
  queryRoundUnits,
  queryScoredUnits,
  setRoundStatus,
} from './assessment.rounds.repo.ts';
import { getScheme } from './assessment.schemes.service.ts';
import { scoreUnits } from './assessment.scoring.service.ts';
import { applyEvents, coreRoundOf } from './assessment.state.service.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function listRounds(db: Executor, actor: Actor, year?: number) {
  const rows = await queryRounds(db, actor.user, year);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    schemeId: r.scheme_id,
    year: r.year,
    name: r.name,
    status: r.status,
    statusLabel: ASSESSMENT_STATUS_LABELS[r.status],
    publishedAt: iso(r.published_at),
    appealClosesAt: iso(r.appeal_closes_at),
    finalizedAt: iso(r.finalized_at),
    unitCount: r.unit_count,
    submittedCount: r.submitted_count,
    /** The actor's own unit takes part: it may self-assess and appeal. */
    isParticipant: r.own_unit,
  }));
}

export async function getRound(db: Executor, actor: Actor, id: number) {
  const round = await loadRound(db, actor, id);
  const [summary] = (await listRounds(db, actor)).filter((r) => r.id === id);
  const staff = isStaff(actor);
  const units = await queryRoundUnits(db, actor.user, id);
  const scheme = round.definition as Scheme;
  return {
    ...summary!,
    scheme: {
      id: round.scheme_id,
      name: scheme.name,
      version: scheme.version,
      grading: scheme.grading,
      unitTypes: scheme.templates.map((t) => t.unitType),
    },
    rankingGroups: { groups: roundGroups(round), isDefault: round.ranking_groups === null },
    units: units.map((u) => ({
      orgId: u.org_id,
      orgName: u.org_name,
      unitType: u.unit_type,
      submittedAt: iso(u.submitted_at),
      /** 不参评 and why; null while the unit takes part. */
      excludedReason: u.excluded_reason,
      // Review progress is staff business until 公示.
      scoredLeaves: staff || isPublished(round.status) ? u.scored : null,
    })),
  };
}

/**
 * Default participants: the county's townships and member departments (read through the org module, as the office
 * sees them), typed by the scheme's templates; a department in the 执法协调小组 is an enforcement department.
 */
async function defaultUnits(db: Executor, actor: Actor, countyId: number, scheme: Scheme) {
  const types = scheme.templates.map((t) => t.unitType);
  const [{ items: orgs }, { items: dimensions }] = await Promise.all([listOrgs(db, actor), listDimensions(db, actor)]);
  const enforcement = new Set(dimensions.filter((d) => d.name === '执法协调小组').map((d) => d.id));
  const pick = (wanted: string) => (types.includes(wanted) ? wanted : types[0]!);
  return orgs
    .filter((o) => o.parentId === countyId && (o.kind === 'township' || o.kind === 'department'))
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .map((o) => ({
      orgId: o.id,
      unitType: pick(
        o.kind === 'township' ? '乡镇街道' : o.dimensionIds.some((d) => enforcement.has(d)) ? '执法部门' : '非执法部门',
      ),
    }));
}

export async function createRound(
  db: Db,
  actor: Actor,
  input: { schemeId: number; units?: { orgId: number; unitType: string }[] | undefined },
) {
  const scheme = await getScheme(db, actor, input.schemeId);
  if (scheme.roundId) throw conflict('该方案已用于一次考核；如需再次考核，请复制方案');
  const definition = scheme.definition;
  const units = input.units ?? (await defaultUnits(db, actor, scheme.orgId, definition));
  const types = new Set(definition.templates.map((t) => t.unitType));
  for (const u of units) {
    if (!types.has(u.unitType)) throw badRequest(`单位类型“${u.unitType}”在考核方案中没有对应的考核模板`);
  }
  const ids = units.map((u) => u.orgId);
  if (new Set(ids).size !== ids.length) throw badRequest('参加考核的单位有重复');
  const inScope = await orgsUnderCountyInScope(db, actor.user, scheme.orgId, ids);
  if (inScope.length !== ids.length) throw badRequest('参加考核的单位应为本地区的单位');
  return db.transaction(async (tx) => {
    const roundId = await insertRoundWithUnits(
      tx,
      { orgId: scheme.orgId, schemeId: scheme.id, year: scheme.year, name: scheme.name, createdBy: actor.user.id },
      units,
    );
    await writeAudit(tx, actor, {
      action: 'assessment_round.create',
      entity: 'assessment_round',
      entityId: roundId,
      orgId: scheme.orgId,
      after: { schemeId: scheme.id, units: units.length },
    });
    return { id: roundId };
  });
}

const dayMs = 86400000;

export async function transitionRound(
  db: Db,
  actor: Actor,
  id: number,
  input: { action: RoundAction; appealDays?: number | undefined; allowMissing?: boolean | undefined },
  now: Date,
) {
  const round = await loadRound(db, actor, id);
  await requireStaffOf(db, actor, round);
  if (!can(actor.user.role, 'assessment.manage')) throw notFound('未找到该考核，或不在您的数据范围内');
  return db.transaction(async (tx) => {
    await lockRound(tx, id);
    // Re-read under the lock: the ranking groups (or anything else) may have changed since the first read.
    const current = await loadRound(tx, actor, id);
    const core = await coreRoundOf(tx, current);
    const before = current.status;
    let next = core;
    switch (input.action) {
      case 'open_self_assessment':
        next = applyEvents(core, [{ type: 'open_self_assessment', at: now }]);
        break;
      case 'start_review':
        next = applyEvents(core, [{ type: 'start_review', at: now, allowMissing: input.allowMissing ?? false }]);
        break;
      case 'publish': {
        const appealClosesAt = new Date(now.getTime() + (input.appealDays ?? 7) * dayMs);
        if (round.status !== 'review') applyEvents(core, [{ type: 'publish', at: now, appealClosesAt }]);
        const gaps = await gapsOf(tx, round);
        if (hasPublicationGaps(gaps)) throw conflict(describePublicationGaps(gaps), gaps);
        // 不参评 units are left out of scoring, ranking and grade quotas.
        const units = await queryScoredUnits(tx, id);
        const scored = await scoreUnits(tx, round, units, 'review');
        next = applyEvents(core, [
          ...scored.map((s) => ({ type: 'record_score' as const, entry: toRankingEntry(String(s.orgId), s.score) })),
          { type: 'publish', at: now, appealClosesAt },
        ]);
        await writeSnapshot(tx, id, 1, next.results, new Map(scored.map((s) => [s.orgId, s.score])));
        await markRoundPublished(tx, id, now, appealClosesAt);
        await notifyResultsPublished(
          tx,
          round,
          units.map((u) => u.org_id),
          appealClosesAt,
          actor.user.id,
        );
        break;
      }
      case 'close_publicity':
        next = applyEvents(core, [{ type: 'close_publicity', at: now }]);
        break;
      case 'finalize':
        next = applyEvents(core, [{ type: 'finalize', at: now }]);
        await markRoundFinalized(tx, id, now);
        break;
    }
    await setRoundStatus(tx, id, next.status);
    await writeAudit(tx, actor, {
      action: `assessment_round.${input.action}`,
      entity: 'assessment_round',
      entityId: id,
      orgId: round.org_id,
      before: { status: before },
      after: { status: next.status },
    });
    return { id, status: next.status, statusLabel: ASSESSMENT_STATUS_LABELS[next.status] };
  });
}

/** What still stands in the way of 公示 (DESIGN.md §6): unsubmitted participating units, manual leaves unscored. */
async function gapsOf(db: Executor, round: RoundRow): Promise<PublicationGaps> {
  const [units, scored] = await queryGapInputs(db, round.id);
  return publicationGaps(
    round.definition as Scheme,
    units.map((u) => ({
      unitId: String(u.org_id),
      unitName: u.org_name,
      unitType: u.unit_type,
      submitted: u.submitted,
      excluded: u.excluded,
    })),
    new Set(scored.map((s) => `${s.org_id}:${s.indicator_id}`)),
  );
}

/** The office's view of what 公示 still waits for; empty lists once it may publish. */
export async function getPublicationGaps(db: Executor, actor: Actor, id: number) {
  const round = await loadRound(db, actor, id);
  await requireStaffOf(db, actor, round);
  if (!can(actor.user.role, 'assessment.manage')) throw notFound('未找到该考核，或不在您的数据范围内');
  const gaps = await gapsOf(db, round);
  return { ...gaps, message: describePublicationGaps(gaps) };
}

/**
 * Mark a unit 不参评 with a reason, or take it back. Only before 公示; the UPDATE itself checks the unit is still in
 * the state the office saw, so two offices cannot both mark or both undo.
 */
export async function setUnitParticipation(
  db: Db,
  actor: Actor,
  id: number,
  orgId: number,
  input: { participating: boolean; reason?: string | undefined },
  now: Date,
) {
  const round = await loadRound(db, actor, id);
  await requireStaffOf(db, actor, round);
  if (!can(actor.user.role, 'assessment.manage')) throw notFound('未找到该考核，或不在您的数据范围内');
  const reason = input.reason?.trim() ?? '';
  if (!input.participating && !reason) throw badRequest('标记不参评须写明理由');
  return db.transaction(async (tx) => {
    const locked = { status: await lockRound(tx, id) };
    if (locked.status !== 'self_assessment' && locked.status !== 'review') {
      throw conflict('只有在自评或审核评分阶段才能调整单位是否参评');
    }
    const current = await findExclusion(tx, id, orgId);
    if (!current) throw notFound('该单位不在本次考核范围内');
    const changed = input.participating
      ? await includeUnit(tx, id, orgId)
      : await excludeUnit(tx, id, orgId, { reason, at: now, by: actor.user.id });
    if (!changed) {
      throw conflict(input.participating ? '该单位本已参评，无需恢复' : '该单位已标记为不参评');
    }
    await writeAudit(tx, actor, {
      action: input.participating ? 'assessment_unit.include' : 'assessment_unit.exclude',
      entity: 'assessment_round',
      entityId: id,
      orgId: round.org_id,
      before: { orgId, excludedReason: current.excluded_reason },
      after: { orgId, excludedReason: input.participating ? null : reason },
    });
    return { orgId, participating: input.participating, excludedReason: input.participating ? null : reason };
  });
}
