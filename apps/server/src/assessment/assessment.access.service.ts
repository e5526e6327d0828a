import type { AssessmentStatus } from '@fazhi/core/assessment/assessment-lifecycle';
import { can } from '@fazhi/core/platform/roles';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { conflict, notFound } from '../platform/kernel/errors.ts';
import {
  findUnitAccess,
  findVisibleRound,
  isOrgInScope,
  type RoundRow,
  type UnitRow,
} from './assessment.rounds.repo.ts';

export type { RoundRow, UnitRow };

/** Office staff and assessors work on every unit of a round in their scope; everyone else only on their own unit. */
export const isStaff = (actor: Actor) =>
  can(actor.user.role, 'assessment.manage') || can(actor.user.role, 'assessment.score');

export const isPublished = (status: AssessmentStatus) =>
  status === 'publicity' || status === 'appeal' || status === 'final';

export async function loadRound(db: Executor, actor: Actor, id: number): Promise<RoundRow> {
  const row = await findVisibleRound(db, actor.user, id);
  if (!row) throw notFound('未找到该考核，或不在您的数据范围内');
  return row;
}

/** Staff need the round's county in scope to act on it, not only a participating unit. */
export async function requireStaffOf(db: Executor, actor: Actor, round: RoundRow) {
  const ok = await isOrgInScope(db, actor.user, round.org_id);
  if (!isStaff(actor) || !ok) throw notFound('未找到该考核，或不在您的数据范围内');
}

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
  const unit = await findUnitAccess(db, actor.user, round, orgId);
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
