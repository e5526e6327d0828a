import type { AssessmentStatus } from '@fazhi/core/assessment/assessment-lifecycle';
import type { RankingGroup } from '@fazhi/core/assessment/ranking-groups';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { intArray } from './assessment.repo.ts';
import { assessmentRounds, assessmentUnits } from './assessment.schema.ts';

export type RoundRow = {
  id: number;
  org_id: number;
  org_name: string;
  scheme_id: number;
  year: number;
  name: string;
  status: AssessmentStatus;
  published_at: Date | string | null;
  appeal_closes_at: Date | string | null;
  finalized_at: Date | string | null;
  result_seq: number;
  /** The office's ranking groups; null: the scheme's default (one group per template). */
  ranking_groups: RankingGroup[] | null;
  scheme_updated_at: Date | string;
  definition: unknown;
};

export type UnitRow = { org_id: number; org_name: string; unit_type: string; submitted_at: Date | string | null };

/** A round is visible to whoever has its county in scope, and to the units taking part in it. */
function roundVisibleSql(user: AuthUser, alias = 'r') {
  const r = sql.raw(alias);
  return sql`(${orgScopeSql(user, sql`${r}.org_id`)} or exists (
    select 1 from assessment_units vu where vu.round_id = ${r}.id and ${orgScopeSql(user, sql`vu.org_id`)}))`;
}

export async function findVisibleRound(db: Executor, user: AuthUser, id: number): Promise<RoundRow | undefined> {
  const [row] = await queryRows<RoundRow>(
    db,
    sql`select r.id, r.org_id, o.name as org_name, r.scheme_id, r.year, r.name, r.status, r.published_at,
               r.appeal_closes_at, r.finalized_at, r.result_seq, r.ranking_groups, s.updated_at as scheme_updated_at, s.definition
        from assessment_rounds r join assessment_schemes s on s.id = r.scheme_id join orgs o on o.id = r.org_id
        where r.id = ${id} and ${roundVisibleSql(user)}`,
  );
  return row;
}

/** Whether the org (a round's county) is within the user's data scope. */
export async function isOrgInScope(db: Executor, user: AuthUser, orgId: number) {
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select ${orgScopeSql(user, sql`${orgId}::int`)} as ok`);
  return row?.ok ?? false;
}

/** A unit of a round, with whether the unit and the round's county are in the user's scope. */
export async function findUnitAccess(db: Executor, user: AuthUser, round: RoundRow, orgId: number) {
  const [row] = await queryRows<UnitRow & { in_scope: boolean; county_in_scope: boolean }>(
    db,
    sql`select u.org_id, o.name as org_name, u.unit_type, u.submitted_at,
               ${orgScopeSql(user, sql`u.org_id`)} as in_scope,
               ${orgScopeSql(user, sql`${round.org_id}::int`)} as county_in_scope
        from assessment_units u join orgs o on o.id = u.org_id
        where u.round_id = ${round.id} and u.org_id = ${orgId}`,
  );
  return row;
}

export type RoundListRow = RoundRow & { unit_count: number; submitted_count: number; own_unit: boolean };

/** The rounds the user sees, newest first, with unit counts and whether the user's own unit takes part. */
export function queryRounds(db: Executor, user: AuthUser, year?: number) {
  return queryRows<RoundListRow>(
    db,
    sql`select r.id, r.org_id, o.name as org_name, r.scheme_id, r.year, r.name, r.status, r.published_at,
               r.appeal_closes_at, r.finalized_at, r.result_seq,
               (select count(*)::int from assessment_units u where u.round_id = r.id) as unit_count,
               (select count(*)::int from assessment_units u where u.round_id = r.id and u.submitted_at is not null) as submitted_count,
               exists (select 1 from assessment_units u where u.round_id = r.id and u.org_id = ${user.orgId}) as own_unit
        from assessment_rounds r join orgs o on o.id = r.org_id
        where ${roundVisibleSql(user)} and (${year ?? null}::int is null or r.year = ${year ?? null}::int)
        order by r.year desc, r.id desc`,
  );
}

/**
 * The scoring queue's inputs: rounds in 审核评分 whose county is in the user's scope, their participating units, and
 * every (unit, indicator) with a score — whether the user gave one.
 */
export async function queryScoringQueue(db: Executor, user: AuthUser) {
  const rounds = await queryRows<RoundRow>(
    db,
    sql`select r.id, r.org_id, o.name as org_name, r.scheme_id, r.year, r.name, r.status, r.published_at,
               r.appeal_closes_at, r.finalized_at, r.result_seq, r.ranking_groups, s.updated_at as scheme_updated_at,
               s.definition
        from assessment_rounds r join assessment_schemes s on s.id = r.scheme_id join orgs o on o.id = r.org_id
        where r.status = 'review' and ${orgScopeSql(user, sql`r.org_id`)}
        order by r.year desc, r.id desc`,
  );
  const ids = intArray(rounds.map((r) => r.id));
  const [units, scored] = await Promise.all([
    queryRows<{ round_id: number; org_id: number; org_name: string; unit_type: string }>(
      db,
      sql`select u.round_id, u.org_id, o.name as org_name, u.unit_type
          from assessment_units u join orgs o on o.id = u.org_id
          where u.round_id = any(${ids}) and u.excluded_reason is null
          order by u.round_id, u.unit_type, o.sort, o.name`,
    ),
    queryRows<{ round_id: number; org_id: number; indicator_id: string; mine: boolean }>(
      db,
      sql`select round_id, org_id, indicator_id, bool_or(assessor_id = ${user.id}) as mine
          from assessment_review_scores where round_id = any(${ids}) and value is not null
          group by round_id, org_id, indicator_id`,
    ),
  ]);
  return { rounds, units, scored };
}

/** The round's units in the user's scope with how many leaves assessors have scored. */
export function queryRoundUnits(db: Executor, user: AuthUser, roundId: number) {
  return queryRows<{
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
        where u.round_id = ${roundId} and ${orgScopeSql(user, sql`u.org_id`)}
        order by u.unit_type, o.sort, o.name`,
  );
}

export async function insertRoundWithUnits(
  tx: Executor,
  values: typeof assessmentRounds.$inferInsert,
  units: readonly { orgId: number; unitType: string }[],
) {
  const [row] = await tx.insert(assessmentRounds).values(values).returning({ id: assessmentRounds.id });
  await tx
    .insert(assessmentUnits)
    .values(units.map((u) => ({ roundId: row!.id, orgId: u.orgId, unitType: u.unitType })));
  return row!.id;
}

/** Locks the round row for the rest of the transaction and returns its stage. */
export async function lockRound(tx: Executor, id: number): Promise<string> {
  const [row] = await queryRows<{ status: string }>(
    tx,
    sql`select status from assessment_rounds where id = ${id} for update`,
  );
  return row!.status;
}

export async function setRoundStatus(tx: Executor, id: number, status: AssessmentStatus) {
  await tx.execute(sql`update assessment_rounds set status = ${status} where id = ${id}`);
}

export async function markRoundPublished(tx: Executor, id: number, at: Date, appealClosesAt: Date) {
  await tx.execute(
    sql`update assessment_rounds set published_at = ${at.toISOString()}::timestamptz,
        appeal_closes_at = ${appealClosesAt.toISOString()}::timestamptz, result_seq = 1 where id = ${id}`,
  );
}

export async function markRoundFinalized(tx: Executor, id: number, at: Date) {
  await tx.execute(sql`update assessment_rounds set finalized_at = ${at.toISOString()}::timestamptz where id = ${id}`);
}

/**
 * Store the round's ranking groups (null: back to the default), only while results are not yet published — the
 * UPDATE itself checks the stage, so a 公示 racing the change wins cleanly. False when the round had moved on.
 */
export async function updateRankingGroups(tx: Executor, id: number, groups: RankingGroup[] | null) {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`update assessment_rounds set ranking_groups = ${groups === null ? null : JSON.stringify(groups)}::jsonb
        where id = ${id} and status in ('scheme', 'self_assessment', 'review') returning id`,
  );
  return rows.length > 0;
}

/** The issuing office of a round's documents: the org of the user who started it (the 依法治区办), if known. */
export async function findRoundIssuer(db: Executor, roundId: number) {
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`select o.name from assessment_rounds r join users u on u.id = r.created_by join orgs o on o.id = u.org_id
        where r.id = ${roundId}`,
  );
  return row?.name;
}

export async function setResultSeq(tx: Executor, roundId: number, seq: number) {
  await tx.execute(sql`update assessment_rounds set result_seq = ${seq} where id = ${roundId}`);
}

/** A participating unit of a round with its template type. */
export async function findRoundUnit(db: Executor, roundId: number, orgId: number) {
  const [row] = await queryRows<{ org_id: number; unit_type: string }>(
    db,
    sql`select org_id, unit_type from assessment_units where round_id = ${roundId} and org_id = ${orgId}`,
  );
  return row;
}

/** The units that take part (not 不参评), by org id: what is scored, ranked and counted for quotas. */
export function queryScoredUnits(tx: Executor, roundId: number) {
  return queryRows<{ org_id: number; unit_type: string }>(
    tx,
    sql`select org_id, unit_type from assessment_units
        where round_id = ${roundId} and excluded_reason is null order by org_id`,
  );
}

/** What 公示 waits for: each unit's submission and exclusion, and the leaves an assessor has scored. */
export function queryGapInputs(db: Executor, roundId: number) {
  return Promise.all([
    queryRows<{ org_id: number; org_name: string; unit_type: string; submitted: boolean; excluded: boolean }>(
      db,
      sql`select u.org_id, o.name as org_name, u.unit_type, u.submitted_at is not null as submitted,
                 u.excluded_reason is not null as excluded
          from assessment_units u join orgs o on o.id = u.org_id
          where u.round_id = ${roundId} order by u.unit_type, o.sort, o.name`,
    ),
    queryRows<{ org_id: number; indicator_id: string }>(
      db,
      sql`select distinct org_id, indicator_id from assessment_review_scores
          where round_id = ${roundId} and value is not null`,
    ),
  ]);
}

export async function findExclusion(tx: Executor, roundId: number, orgId: number) {
  const [row] = await queryRows<{ excluded_reason: string | null }>(
    tx,
    sql`select excluded_reason from assessment_units where round_id = ${roundId} and org_id = ${orgId}`,
  );
  return row;
}

/** Takes a unit back into the round; false when it was not excluded (someone else did it first). */
export async function includeUnit(tx: Executor, roundId: number, orgId: number) {
  const rows = await queryRows<{ org_id: number }>(
    tx,
    sql`update assessment_units set excluded_reason = null, excluded_at = null, excluded_by = null
        where round_id = ${roundId} and org_id = ${orgId} and excluded_reason is not null returning org_id`,
  );
  return rows.length > 0;
}

/** Marks a unit 不参评; false when it already was. */
export async function excludeUnit(
  tx: Executor,
  roundId: number,
  orgId: number,
  exclusion: { reason: string; at: Date; by: number },
) {
  const rows = await queryRows<{ org_id: number }>(
    tx,
    sql`update assessment_units set excluded_reason = ${exclusion.reason}, excluded_at = ${exclusion.at.toISOString()}::timestamptz,
          excluded_by = ${exclusion.by}
        where round_id = ${roundId} and org_id = ${orgId} and excluded_reason is null returning org_id`,
  );
  return rows.length > 0;
}

/** Which of the ids are orgs under the county (by path) and in the user's scope. */
export async function orgsUnderCountyInScope(db: Executor, user: AuthUser, countyId: number, ids: readonly number[]) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from orgs where id = any(${intArray(ids)})
        and path like (select path from orgs where id = ${countyId}) || '%' and ${orgScopeSql(user, sql`id`)}`,
  );
  return rows.map((r) => r.id);
}

/** The participating units (不参评 left out) with their submission time, by org id. */
export function queryLifecycleUnits(db: Executor, roundId: number) {
  return queryRows<{ org_id: number; unit_type: string; submitted_at: Date | string | null }>(
    db,
    sql`select org_id, unit_type, submitted_at from assessment_units where round_id = ${roundId} and excluded_reason is null
        order by org_id`,
  );
}

/** Every unit of a round, by name, with whether it and the round's county are in the user's scope. */
export function queryUnitsWithScope(db: Executor, user: AuthUser, round: RoundRow) {
  return queryRows<{
    org_id: number;
    org_name: string;
    unit_type: string;
    in_scope: boolean;
    county_in_scope: boolean;
  }>(
    db,
    sql`select u.org_id, o.name as org_name, u.unit_type,
               ${orgScopeSql(user, sql`u.org_id`)} as in_scope,
               ${orgScopeSql(user, sql`${round.org_id}::int`)} as county_in_scope
        from assessment_units u join orgs o on o.id = u.org_id
        where u.round_id = ${round.id} order by o.name, u.org_id`,
  );
}
