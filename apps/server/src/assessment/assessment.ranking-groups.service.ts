import {
  checkRankingGroups,
  defaultRankingGroups,
  groupOfUnitType,
  type RankingGroup,
} from '@fazhi/core/assessment/ranking-groups';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { can } from '@fazhi/core/platform/roles';
import type { Db } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { loadRound, type RoundRow, requireStaffOf } from './assessment.access.service.ts';
import { lockRound, updateRankingGroups } from './assessment.rounds.repo.ts';

const unitTypesOf = (round: Pick<RoundRow, 'definition'>) =>
  (round.definition as Scheme).templates.map((t) => t.unitType);

/** The round's ranking groups: the office's, or by default one per scheme template (unit type). */
export function roundGroups(round: Pick<RoundRow, 'definition' | 'ranking_groups'>): RankingGroup[] {
  return round.ranking_groups ?? defaultRankingGroups(unitTypesOf(round));
}

/** Each unit's group and the groups' order, as the core lifecycle ranks them. */
export function lifecycleGroups(
  round: Pick<RoundRow, 'definition' | 'ranking_groups'>,
  units: readonly { org_id: number; unit_type: string }[],
) {
  const groups = roundGroups(round);
  const byType = groupOfUnitType(groups);
  return {
    of: Object.fromEntries(units.map((u) => [String(u.org_id), byType.get(u.unit_type) ?? u.unit_type])),
    order: groups.map((g) => g.name),
  };
}

/**
 * The office sets how units are grouped for ranking and grade quotas (null: back to one group per template), before
 * 公示 only; checked against the scheme's unit types, audited.
 */
export async function setRankingGroups(db: Db, actor: Actor, id: number, input: { groups: RankingGroup[] | null }) {
  const round = await loadRound(db, actor, id);
  await requireStaffOf(db, actor, round);
  if (!can(actor.user.role, 'assessment.manage')) throw notFound('未找到该考核，或不在您的数据范围内');
  const groups = input.groups?.map((g) => ({ name: g.name.trim(), unitTypes: [...new Set(g.unitTypes)] })) ?? null;
  if (groups) {
    const problem = checkRankingGroups(groups, unitTypesOf(round));
    if (problem) throw badRequest(`排名组别：${problem}`);
  }
  return db.transaction(async (tx) => {
    await lockRound(tx, id);
    if (!(await updateRankingGroups(tx, id, groups))) {
      throw conflict('考核结果已公示，排名组别不能再调整');
    }
    const after = groups ?? defaultRankingGroups(unitTypesOf(round));
    await writeAudit(tx, actor, {
      action: 'assessment_round.ranking_groups',
      entity: 'assessment_round',
      entityId: id,
      orgId: round.org_id,
      before: { groups: roundGroups(round), isDefault: round.ranking_groups === null },
      after: { groups: after, isDefault: groups === null },
    });
    return { groups: after, isDefault: groups === null };
  });
}
