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
import { sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor } from '../platform/context.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { orgScopeSql } from '../platform/scope.ts';
import {
  isPublished,
  isStaff,
  loadRound,
  type RoundRow,
  requireStaffOf,
  roundVisibleSql,
} from './assessment.access.service.ts';
import { assessmentRounds, assessmentUnits } from './assessment.schema.ts';
import { getScheme } from './assessment.schemes.service.ts';
import { scoreUnits } from './assessment.scoring.service.ts';
import { writeSnapshot } from './assessment.results.repo.ts';
import { applyEvents, coreRoundOf } from './assessment.state.service.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function listRounds(db: Executor, actor: Actor, year?: number) {
  const rows = await queryRows<RoundRow & { unit_count: number; submitted_count: number; own_unit: boolean }>(
    db,
    sql`select r.id, r.org_id, o.name as org_name, r.scheme_id, r.year, r.name, r.status, r.published_at,
               r.appeal_closes_at, r.finalized_at, r.result_seq,
               (select count(*)::int from assessment_units u where u.round_id = r.id) as unit_count,
               (select count(*)::int from assessment_units u where u.round_id = r.id and u.submitted_at is not null) as submitted_count,
               exists (select 1 from assessment_units u where u.round_id = r.id and u.org_id = ${actor.user.orgId}) as own_unit
        from assessment_rounds r join orgs o on o.id = r.org_id
        where ${roundVisibleSql(actor)} and (${year ?? null}::int is null or r.year = ${year ?? null}::int)
        order by r.year desc, r.id desc`,
  );
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
  const units = await queryRows<{
    org_id: number;
    org_name: string;
    unit_type: string;
    submitted_at: string | null;
    excluded_reason: string | null;
    scored: number;
  }>(
    db,
    sql`select u.org_id, o.name as org_name, u.unit_type, u.submitted_at, u.excluded_reason,
               (select count(distinct s.indicator_id)::int from assessment_review_scores s
                where s.round_id = u.round_id and s.org_id = u.org_id) as scored
        from assessment_units u join orgs o on o.id = u.org_id
        where u.round_id = ${id} and ${orgScopeSql(actor.user, sql`u.org_id`)}
        order by u.unit_type, o.sort, o.name`,
  );
  const scheme = round.definition as Scheme;
  return {
    ...summary!,
    scheme: { id: round.scheme_id, name: scheme.name, version: scheme.version, grading: scheme.grading },
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

/** Default participants: the county's townships and member departments, typed by the scheme's templates. */
async function defaultUnits(db: Executor, countyId: number, scheme: Scheme) {
  const types = scheme.templates.map((t) => t.unitType);
  const rows = await queryRows<{ id: number; kind: string; enforcement: boolean }>(
    db,
    sql`select o.id, o.kind, exists (select 1 from org_dimensions od join dimensions d on d.id = od.dimension_id
                                     where od.org_id = o.id and d.name = '执法协调小组') as enforcement
        from orgs o where o.parent_id = ${countyId} and o.kind in ('township', 'department') order by o.sort, o.id`,
  );
  const pick = (wanted: string) => (types.includes(wanted) ? wanted : types[0]!);
  return rows.map((r) => ({
    orgId: r.id,
    unitType: pick(r.kind === 'township' ? '乡镇街道' : r.enforcement ? '执法部门' : '非执法部门'),
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
  const units = input.units ?? (await defaultUnits(db, scheme.orgId, definition));
  const types = new Set(definition.templates.map((t) => t.unitType));
  for (const u of units) {
    if (!types.has(u.unitType)) throw badRequest(`单位类型“${u.unitType}”在考核方案中没有对应的考核模板`);
  }
  const ids = units.map((u) => u.orgId);
  if (new Set(ids).size !== ids.length) throw badRequest('参加考核的单位有重复');
  const inScope = await queryRows<{ id: number }>(
    db,
    sql`select id from orgs where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})
        and path like (select path from orgs where id = ${scheme.orgId}) || '%' and ${orgScopeSql(actor.user, sql`id`)}`,
  );
  if (inScope.length !== ids.length) throw badRequest('参加考核的单位应为本地区的单位');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessmentRounds)
      .values({
        orgId: scheme.orgId,
        schemeId: scheme.id,
        year: scheme.year,
        name: scheme.name,
        createdBy: actor.user.id,
      })
      .returning({ id: assessmentRounds.id });
    await tx
      .insert(assessmentUnits)
      .values(units.map((u) => ({ roundId: row!.id, orgId: u.orgId, unitType: u.unitType })));
    await writeAudit(tx, actor, {
      action: 'assessment_round.create',
      entity: 'assessment_round',
      entityId: row!.id,
      orgId: scheme.orgId,
      after: { schemeId: scheme.id, units: units.length },
    });
    return { id: row!.id };
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
    await tx.execute(sql`select id from assessment_rounds where id = ${id} for update`);
    const core = await coreRoundOf(tx, round);
    const before = round.status;
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
        const units = await queryRows<{ org_id: number; unit_type: string }>(
          tx,
          sql`select org_id, unit_type from assessment_units
              where round_id = ${id} and excluded_reason is null order by org_id`,
        );
        const scored = await scoreUnits(tx, round, units, 'review');
        next = applyEvents(core, [
          ...scored.map((s) => ({ type: 'record_score' as const, entry: toRankingEntry(String(s.orgId), s.score) })),
          { type: 'publish', at: now, appealClosesAt },
        ]);
        await writeSnapshot(tx, id, 1, next.results, new Map(scored.map((s) => [s.orgId, s.score])));
        await tx.execute(
          sql`update assessment_rounds set published_at = ${now.toISOString()}::timestamptz,
              appeal_closes_at = ${appealClosesAt.toISOString()}::timestamptz, result_seq = 1 where id = ${id}`,
        );
        break;
      }
      case 'close_publicity':
        next = applyEvents(core, [{ type: 'close_publicity', at: now }]);
        break;
      case 'finalize':
        next = applyEvents(core, [{ type: 'finalize', at: now }]);
        await tx.execute(
          sql`update assessment_rounds set finalized_at = ${now.toISOString()}::timestamptz where id = ${id}`,
        );
        break;
    }
    await tx.execute(sql`update assessment_rounds set status = ${next.status} where id = ${id}`);
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
  const [units, scored] = await Promise.all([
    queryRows<{ org_id: number; org_name: string; unit_type: string; submitted: boolean; excluded: boolean }>(
      db,
      sql`select u.org_id, o.name as org_name, u.unit_type, u.submitted_at is not null as submitted,
                 u.excluded_reason is not null as excluded
          from assessment_units u join orgs o on o.id = u.org_id
          where u.round_id = ${round.id} order by u.unit_type, o.sort, o.name`,
    ),
    queryRows<{ org_id: number; indicator_id: string }>(
      db,
      sql`select distinct org_id, indicator_id from assessment_review_scores
          where round_id = ${round.id} and value is not null`,
    ),
  ]);
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
    const [locked] = await queryRows<{ status: string }>(
      tx,
      sql`select status from assessment_rounds where id = ${id} for update`,
    );
    if (locked!.status !== 'self_assessment' && locked!.status !== 'review') {
      throw conflict('只有在自评或审核评分阶段才能调整单位是否参评');
    }
    const [current] = await queryRows<{ excluded_reason: string | null }>(
      tx,
      sql`select excluded_reason from assessment_units where round_id = ${id} and org_id = ${orgId}`,
    );
    if (!current) throw notFound('该单位不在本次考核范围内');
    const changed = input.participating
      ? await queryRows<{ org_id: number }>(
          tx,
          sql`update assessment_units set excluded_reason = null, excluded_at = null, excluded_by = null
              where round_id = ${id} and org_id = ${orgId} and excluded_reason is not null returning org_id`,
        )
      : await queryRows<{ org_id: number }>(
          tx,
          sql`update assessment_units set excluded_reason = ${reason}, excluded_at = ${now.toISOString()}::timestamptz,
                excluded_by = ${actor.user.id}
              where round_id = ${id} and org_id = ${orgId} and excluded_reason is null returning org_id`,
        );
    if (changed.length === 0) {
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
