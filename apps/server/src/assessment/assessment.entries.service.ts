import type { FactCreate, LeafEntry } from '@fazhi/core/assessment/api.schemas';
import type { CompiledNode } from '@fazhi/core/assessment/compile-scheme';
import { formatPoints } from '@fazhi/core/assessment/format';
import { RULE_KIND_LABELS } from '@fazhi/core/assessment/scheme-constants';
import type { Db } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { requireLinkableAttachments } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import {
  isPublished,
  isStaff,
  loadRound,
  type RoundRow,
  requireUnit,
  type UnitRow,
} from './assessment.access.service.ts';
import {
  deleteFactRow,
  findFactRow,
  insertFactRow,
  markSubmitted,
  upsertReviewScore,
  upsertSelfEntry,
} from './assessment.entries.repo.ts';
import { lockRound } from './assessment.rounds.repo.ts';
import { compiledOf } from './assessment.scoring.service.ts';
import { applyEvents, coreRoundOf } from './assessment.state.service.ts';

export function leavesOf(round: RoundRow, unitType: string): CompiledNode[] {
  const template = compiledOf(round.scheme_id, round.scheme_updated_at, round.definition).templates.get(unitType);
  if (!template) throw conflict(`考核方案中没有“${unitType}”类单位的考核模板`);
  return template.leafIndices.map((i) => template.nodes[i]!);
}

function requireLeaf(round: RoundRow, unit: UnitRow, indicatorId: string) {
  const leaf = leavesOf(round, unit.unit_type).find((n) => n.id === indicatorId);
  if (!leaf) throw notFound(`考核指标“${indicatorId}”不在该单位的考核模板中`);
  return leaf;
}

/** A value on the leaf's scale, a pass/fail only where the rule reads one; the message names the indicator. */
function checkEntry(
  leaf: CompiledNode,
  entry: { value?: number | null | undefined; passed?: boolean | null | undefined },
) {
  const kind = leaf.rule?.kind;
  if (entry.value !== null && entry.value !== undefined) {
    if (kind !== 'manual') throw badRequest(`指标“${leaf.path}”为${RULE_KIND_LABELS[kind!]}，不能直接评分`);
    const scaleMax = leaf.rule?.kind === 'manual' ? (leaf.rule.scaleMax ?? leaf.maxCents / 100) : 0;
    if (entry.value > scaleMax) {
      throw badRequest(`指标“${leaf.path}”的评分不能超过${formatPoints(scaleMax)}分`, { field: 'value' });
    }
  }
  if (entry.passed !== null && entry.passed !== undefined && kind !== 'requirement') {
    throw badRequest(`指标“${leaf.path}”不是达标要求类指标，不能填写是否达标`, { field: 'passed' });
  }
}

export async function saveSelfEntry(
  db: Db,
  actor: Actor,
  roundId: number,
  orgId: number,
  indicatorId: string,
  entry: LeafEntry,
) {
  const round = await loadRound(db, actor, roundId);
  const unit = await requireUnit(db, actor, round, orgId, 'own');
  const leaf = requireLeaf(round, unit, indicatorId);
  checkEntry(leaf, entry);
  return db.transaction(async (tx) => {
    if ((await lockRound(tx, roundId)) !== 'self_assessment') throw conflict('当前不在自评阶段，不能修改自评');
    if (unit.submitted_at) throw conflict('本单位已提交自评，不能再修改');
    await requireLinkableAttachments(tx, actor, entry.evidenceIds);
    await upsertSelfEntry(tx, { roundId, orgId, indicatorId, userId: actor.user.id }, entry);
    await writeAudit(tx, actor, {
      action: 'assessment.self_entry',
      entity: 'assessment_unit',
      entityId: `${roundId}:${orgId}`,
      orgId,
      after: { indicatorId, ...entry },
    });
    return { ok: true as const };
  });
}

export async function submitSelfAssessment(db: Db, actor: Actor, roundId: number, orgId: number, now: Date) {
  const round = await loadRound(db, actor, roundId);
  await requireUnit(db, actor, round, orgId, 'own');
  return db.transaction(async (tx) => {
    await lockRound(tx, roundId);
    applyEvents(await coreRoundOf(tx, round), [{ type: 'submit_self_assessment', unitId: String(orgId), at: now }]);
    await markSubmitted(tx, { roundId, orgId }, now);
    await writeAudit(tx, actor, {
      action: 'assessment.submit_self',
      entity: 'assessment_unit',
      entityId: `${roundId}:${orgId}`,
      orgId,
    });
    return { ok: true as const, submittedAt: now.toISOString() };
  });
}

export async function saveReviewScore(
  db: Db,
  actor: Actor,
  roundId: number,
  orgId: number,
  indicatorId: string,
  entry: Omit<LeafEntry, 'evidenceIds'>,
) {
  const round = await loadRound(db, actor, roundId);
  const unit = await requireUnit(db, actor, round, orgId, 'drafts');
  if (!isStaff(actor)) throw notFound('未找到该单位的考核信息，或不在您的数据范围内');
  const leaf = requireLeaf(round, unit, indicatorId);
  checkEntry(leaf, entry);
  return db.transaction(async (tx) => {
    const status = await lockRound(tx, roundId);
    if (isPublished(status as RoundRow['status'])) throw conflict('考核结果已公示，成绩已冻结，只能通过申诉处理调整');
    if (status !== 'review') throw conflict('当前不在审核评分阶段，不能录入评分');
    await upsertReviewScore(tx, { roundId, orgId, indicatorId, assessorId: actor.user.id }, entry);
    await writeAudit(tx, actor, {
      action: 'assessment.review_score',
      entity: 'assessment_unit',
      entityId: `${roundId}:${orgId}`,
      orgId,
      after: { indicatorId, ...entry },
    });
    return { ok: true as const };
  });
}

/**
 * Hand-entered facts. Staff enter any kind until 公示; a unit may claim its own metric figures and honours, with
 * evidence, during self-assessment.
 */
export async function addFact(db: Db, actor: Actor, roundId: number, orgId: number, fact: FactCreate) {
  const round = await loadRound(db, actor, roundId);
  const unit = await requireUnit(db, actor, round, orgId, 'drafts');
  const staff = isStaff(actor);
  if (fact.indicatorId) requireLeaf(round, unit, fact.indicatorId);
  return db.transaction(async (tx) => {
    const status = await lockRound(tx, roundId);
    if (staff) {
      if (status !== 'self_assessment' && status !== 'review') throw conflict('只有自评和审核评分阶段可以录入考核事项');
    } else {
      if (status !== 'self_assessment' || unit.submitted_at) throw conflict('自评已提交或不在自评阶段，不能再录入事项');
      if (fact.kind !== 'metric' && fact.kind !== 'honour')
        throw badRequest('单位自评只能填报数据指标和荣誉，扣分和减分事项由考核组录入');
    }
    await requireLinkableAttachments(tx, actor, fact.evidenceIds);
    const id = await insertFactRow(tx, {
      roundId,
      orgId,
      kind: fact.kind,
      key: fact.key,
      level: fact.level ?? null,
      title: fact.title,
      value: fact.value ?? null,
      count: fact.count ?? null,
      indicatorId: fact.indicatorId ?? null,
      matterId: fact.matterId ?? null,
      evidenceIds: fact.evidenceIds,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'assessment.fact_add',
      entity: 'assessment_fact',
      entityId: id,
      orgId,
      after: fact,
    });
    return { id };
  });
}

export async function deleteFact(db: Db, actor: Actor, roundId: number, orgId: number, factId: number) {
  const round = await loadRound(db, actor, roundId);
  await requireUnit(db, actor, round, orgId, 'drafts');
  return db.transaction(async (tx) => {
    const status = await lockRound(tx, roundId);
    const fact = await findFactRow(tx, { roundId, orgId }, factId);
    if (!fact) throw notFound('未找到该考核事项');
    if (status !== 'self_assessment' && status !== 'review') throw conflict('考核结果已公示，考核事项不能删除');
    if (!isStaff(actor) && fact.created_by !== actor.user.id) throw notFound('未找到该考核事项');
    await deleteFactRow(tx, factId);
    await writeAudit(tx, actor, {
      action: 'assessment.fact_delete',
      entity: 'assessment_fact',
      entityId: factId,
      orgId,
    });
    return { ok: true as const };
  });
}
