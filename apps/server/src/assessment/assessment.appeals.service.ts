import type { AppealDecisionInput } from '@fazhi/core/assessment/api.schemas';
import { toRankingEntry } from '@fazhi/core/assessment/ranking';
import { can } from '@fazhi/core/platform/roles';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, notFound } from '../platform/kernel/errors.ts';
import { isAttachmentInScope, requireLinkableAttachments } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isStaff, loadRound, requireStaffOf, requireUnit } from './assessment.access.service.ts';
import {
  findAppealFile,
  findAppealRow,
  insertAppealRow,
  queryAppeals,
  recordAppealDecision,
  recordAppealEffect,
} from './assessment.appeals.repo.ts';
import { leavesOf } from './assessment.entries.service.ts';
import { notifyAppealDecided } from './assessment.notifications.service.ts';
import { latestResults, writeSnapshot } from './assessment.results.repo.ts';
import { findRoundUnit, lockRound, setResultSeq } from './assessment.rounds.repo.ts';
import { scoreUnits } from './assessment.scoring.service.ts';
import { applyEvents, coreRoundOf, entryOf } from './assessment.state.service.ts';
import { attachmentsById } from './assessment.units.repo.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Staff see every appeal of the round; a unit only its own. */
export async function listAppeals(db: Executor, actor: Actor, roundId: number) {
  const round = await loadRound(db, actor, roundId);
  const staff = isStaff(actor);
  const rows = await queryAppeals(db, round.id, staff ? { scope: actor.user } : { orgId: actor.user.orgId });
  const files = await attachmentsById(
    db,
    rows.flatMap((r) => [...r.evidence_ids, ...r.decision_evidence_ids]),
  );
  const fileOf = (id: number) => files[String(id)] ?? { id, filename: `附件${id}` };
  const pathOf = (unitType: string, id: string) => leavesOf(round, unitType).find((l) => l.id === id)?.path ?? id;
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      indicators: r.indicator_ids.map((id) => ({ id, path: pathOf(r.unit_type, id) })),
      reason: r.reason,
      evidenceIds: r.evidence_ids,
      evidence: r.evidence_ids.map(fileOf),
      filedAt: new Date(r.filed_at).toISOString(),
      outcome: r.outcome,
      decisionReason: r.decision_reason,
      decidedAt: iso(r.decided_at),
      decidedByName: r.decided_by_name,
      decisionFiles: r.decision_evidence_ids.map(fileOf),
      corrections: r.corrections,
      before: r.before,
      after: r.after,
    })),
    appealClosesAt: iso(round.appeal_closes_at),
  };
}

export async function fileAppeal(
  db: Db,
  actor: Actor,
  roundId: number,
  orgId: number,
  input: { indicatorIds: string[]; reason: string; evidenceIds: number[] },
  now: Date,
) {
  const round = await loadRound(db, actor, roundId);
  const unit = await requireUnit(db, actor, round, orgId, 'own');
  const leaves = leavesOf(round, unit.unit_type);
  const indicatorIds = [...new Set(input.indicatorIds)];
  const unknown = indicatorIds.filter((id) => !leaves.some((l) => l.id === id));
  if (unknown.length > 0) {
    throw badRequest(`有异议的指标“${unknown.join('”“')}”不在本单位的考核模板中`);
  }
  // 佐证材料 must be the unit's own uploads: another unit's file answers like a missing one.
  for (const id of new Set(input.evidenceIds)) {
    if (!(await isAttachmentInScope(db, actor.user, id))) throw notFound('未找到该佐证材料，或不在您的数据范围内');
  }
  return db.transaction(async (tx) => {
    await lockRound(tx, roundId);
    await requireLinkableAttachments(tx, actor, input.evidenceIds);
    const core = await coreRoundOf(tx, round);
    const id = await insertAppealRow(tx, {
      roundId,
      orgId,
      indicatorIds,
      reason: input.reason,
      evidenceIds: input.evidenceIds,
      filedBy: actor.user.id,
      filedAt: now,
    });
    // The core decides whether the window is open; a refusal rolls the insert back.
    applyEvents(core, [
      { type: 'file_appeal', appealId: String(id), unitId: String(orgId), reason: input.reason, at: now },
    ]);
    await writeAudit(tx, actor, {
      action: 'assessment.appeal_file',
      entity: 'assessment_appeal',
      entityId: id,
      orgId,
      after: { ...input, indicatorIds },
    });
    return { id };
  });
}

/** Decide an appeal with a reason; upheld re-scores the unit with the corrections and re-ranks everyone. */
export async function decideAppeal(db: Db, actor: Actor, appealId: number, input: AppealDecisionInput, now: Date) {
  const appeal = await findAppealRow(db, appealId);
  if (!appeal || !can(actor.user.role, 'assessment.manage')) throw notFound('未找到该申诉');
  const round = await loadRound(db, actor, appeal.round_id).catch(() => {
    throw notFound('未找到该申诉');
  });
  await requireStaffOf(db, actor, round);
  // The office's files must be uploaded within its scope: another unit's file answers like a missing one.
  for (const id of new Set(input.attachmentIds)) {
    if (!(await isAttachmentInScope(db, actor.user, id))) throw notFound('附件不存在或不在您的数据范围内');
  }
  return db.transaction(async (tx) => {
    await lockRound(tx, round.id);
    const fresh = await loadRound(tx, actor, round.id);
    const core = await coreRoundOf(tx, fresh);
    const base = { appealId: String(appealId), reason: input.reason, at: now };
    if (input.outcome === 'rejected') {
      applyEvents(core, [{ type: 'decide_appeal', outcome: 'rejected', ...base }]);
      await recordAppealDecision(tx, appealId, {
        outcome: 'rejected',
        reason: input.reason,
        attachmentIds: input.attachmentIds,
        decidedBy: actor.user.id,
        at: now,
      });
    } else {
      // Record the corrections first so the re-score reads them with every earlier upheld appeal of the unit.
      await recordAppealDecision(tx, appealId, {
        outcome: 'upheld',
        reason: input.reason,
        corrections: input.corrections,
        attachmentIds: input.attachmentIds,
        decidedBy: actor.user.id,
        at: now,
      });
      const unit = await findRoundUnit(tx, round.id, appeal.org_id);
      const [scored] = await scoreUnits(tx, round, [unit!], 'review');
      const revised = toRankingEntry(String(appeal.org_id), scored!.score);
      const next = applyEvents(core, [{ type: 'decide_appeal', outcome: 'upheld', ...base, revised }]);
      const previous = (await latestResults(tx, round.id, fresh.result_seq)).find((r) => r.org_id === appeal.org_id);
      const seq = fresh.result_seq + 1;
      await writeSnapshot(tx, round.id, seq, next.results, new Map([[appeal.org_id, scored!.score]]));
      const after = next.results.find((r) => r.unitId === String(appeal.org_id));
      await setResultSeq(tx, round.id, seq);
      const before = previous
        ? { ...entryOf(previous), group: previous.group_name, rank: previous.rank, grade: previous.grade }
        : null;
      await recordAppealEffect(tx, appealId, before, after);
    }
    await notifyAppealDecided(tx, round, appeal.org_id, input.outcome, input.reason, actor.user.id);
    await writeAudit(tx, actor, {
      action: `assessment.appeal_${input.outcome}`,
      entity: 'assessment_appeal',
      entityId: appealId,
      orgId: appeal.org_id,
      after: input,
    });
    return { id: appealId, outcome: input.outcome };
  });
}

/** A file of an appeal, for whoever sees the appeal: the unit that filed it, and the office above it. */
export async function readAppealFile(db: Executor, actor: Actor, appealId: number, fileId: number) {
  const appeal = await findAppealRow(db, appealId);
  if (!appeal) throw notFound('未找到该申诉');
  const round = await loadRound(db, actor, appeal.round_id).catch(() => {
    throw notFound('未找到该申诉');
  });
  const visible = await queryAppeals(
    db,
    round.id,
    isStaff(actor) ? { scope: actor.user } : { orgId: actor.user.orgId },
  );
  if (!visible.some((a) => a.id === appealId)) throw notFound('未找到该申诉');
  const file = await findAppealFile(db, appealId, fileId);
  if (!file) throw notFound('未找到该附件，或您无权查看');
  return file;
}
