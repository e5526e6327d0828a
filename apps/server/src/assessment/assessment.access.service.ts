import type { AssessmentStatus } from '@fazhi/core/assessment/assessment-lifecycle';
import { can } from '@fazhi/core/platform/roles';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { Actor } from '../platform/context.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { orgScopeSql } from '../platform/scope.ts';

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
  scheme_updated_at: Date | string;
  definition: unknown;
};

/** Office staff and assessors work on every unit of a round in their scope; everyone else only on their own unit. */
export const isStaff = (actor: Actor) =>
  can(actor.user.role, 'assessment.manage') || can(actor.user.role, 'assessment.score');

export const isPublished = (status: AssessmentStatus) =>
  status === 'publicity' || status === 'appeal' || status === 'final';

/** A round is visible to whoever has its county in scope, and to the units taking part in it. */
export function roundVisibleSql(actor: Actor, alias = 'r') {
  const r = sql.raw(alias);
  return sql`(${orgScopeSql(actor.user, sql`${r}.org_id`)} or exists (
    select 1 from assessment_units vu where vu.round_id = ${r}.id and ${orgScopeSql(actor.user, sql`vu.org_id`)}))`;
}

export async function loadRound(db: Executor, actor: Actor, id: number): Promise<RoundRow> {
  const [row] = await queryRows<RoundRow>(
    db,
    sql`select r.id, r.org_id, o.name as org_name, r.scheme_id, r.year, r.name, r.status, r.published_at,
               r.appeal_closes_at, r.finalized_at, r.result_seq, s.updated_at as scheme_updated_at, s.definition
        from assessment_rounds r join assessment_schemes s on s.id = r.scheme_id join orgs o on o.id = r.org_id
        where r.id = ${id} and ${roundVisibleSql(actor)}`,
  );
  if (!row) throw notFound('未找到该考核，或不在您的数据范围内');
  return row;
}

/** Staff need the round's county in scope to act on it, not only a participating unit. */
export async function requireStaffOf(db: Executor, actor: Actor, round: RoundRow) {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${orgScopeSql(actor.user, sql`${round.org_id}::int`)} as ok`,
  );
  if (!isStaff(actor) || !row?.ok) throw notFound('未找到该考核，或不在您的数据范围内');
}

export type UnitRow = { org_id: number; org_name: string; unit_type: string; submitted_at: Date | string | null };

/**
 * A unit of the round the actor may look at. `drafts`: self-assessments and review scores before 公示 — staff and the
 * unit itself only; anyone else (another unit, a leader) is refused, whatever the UI shows.
 */
export async function requireUnit(
  db: Executor,
  actor: Actor,
  round: RoundRow,
  orgId: number,
  purpose: 'drafts' | 'results' | 'own',
): Promise<UnitRow> {
  const [unit] = await queryRows<UnitRow & { in_scope: boolean; county_in_scope: boolean }>(
    db,
    sql`select u.org_id, o.name as org_name, u.unit_type, u.submitted_at,
               ${orgScopeSql(actor.user, sql`u.org_id`)} as in_scope,
               ${orgScopeSql(actor.user, sql`${round.org_id}::int`)} as county_in_scope
        from assessment_units u join orgs o on o.id = u.org_id
        where u.round_id = ${round.id} and u.org_id = ${orgId}`,
  );
  const missing = () => notFound('未找到该单位的考核信息，或不在您的数据范围内');
  if (!unit?.in_scope) throw missing();
  const isOwn = actor.user.orgId === orgId;
  if (purpose === 'own' && !isOwn) throw missing();
  if (purpose === 'drafts' && !isOwn && !(isStaff(actor) && unit.county_in_scope)) {
    throw notFound('考核结果公示前，只有本单位和考核组可以查看该单位的自评和评分');
  }
  if (purpose === 'results' && !isPublished(round.status) && !(isStaff(actor) && unit.county_in_scope)) {
    throw conflict('考核结果尚未公示，暂不能查看成绩');
  }
  return { org_id: unit.org_id, org_name: unit.org_name, unit_type: unit.unit_type, submitted_at: unit.submitted_at };
}
