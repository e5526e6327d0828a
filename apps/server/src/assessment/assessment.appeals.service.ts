import type { AppealCorrection, AppealDecisionInput } from '@fazhi/core/assessment/api.schemas';
import type { AppealResult } from '@fazhi/core/assessment/assessment.responses';
import { toRankingEntry } from '@fazhi/core/assessment/ranking';
import { can } from '@fazhi/core/platform/roles';
import { sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { requireLinkableAttachments } from '../platform/attachment.service.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { orgScopeSql } from '../platform/scope.ts';
import { isStaff, loadRound, requireStaffOf, requireUnit } from './assessment.access.service.ts';
import { assessmentAppeals } from './assessment.schema.ts';
import { scoreUnits } from './assessment.scoring.service.ts';
import { writeSnapshot } from './assessment.results.repo.ts';
import { applyEvents, coreRoundOf, entryOf, latestResults } from './assessment.state.service.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Staff see every appeal of the round; a unit only its own. */
export async function listAppeals(db: Executor, actor: Actor, roundId: number) {
  const round = await loadRound(db, actor, roundId);
  const staff = isStaff(actor);
  const rows = await queryRows<{
    id: number;
    org_id: number;
    org_name: string;
    reason: string;
    evidence_ids: number[];
    filed_at: Date | string;
    outcome: 'upheld' | 'rejected' | null;
    decision_reason: string | null;
    decided_at: string | null;
    decided_by_name: string | null;
    corrections: AppealCorrection | null;
    before: AppealResult | null;
    after: AppealResult | null;
  }>(
    db,
    sql`select a.id, a.org_id, o.name as org_name, a.reason, a.evidence_ids, a.filed_at, a.outcome, a.decision_reason,
               a.decided_at, u.display_name as decided_by_name, a.corrections, a.before, a.after
        from assessment_appeals a join orgs o on o.id = a.org_id left join users u on u.id = a.decided_by
        where a.round_id = ${round.id}
          and ${staff ? orgScopeSql(actor.user, sql`a.org_id`) : sql`a.org_id = ${actor.user.orgId}`}
        order by a.id`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      reason: r.reason,
      evidenceIds: r.evidence_ids,
      filedAt: new Date(r.filed_at).toISOString(),
      outcome: r.outcome,
      decisionReason: r.decision_reason,
      decidedAt: iso(r.decided_at),
      decidedByName: r.decided_by_name,
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
  input: { reason: string; evidenceIds: number[] },
  now: Date,
) {
  const round = await loadRound(db, actor, roundId);
  await requireUnit(db, actor, round, orgId, 'own');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from assessment_rounds where id = ${roundId} for update`);
    await requireLinkableAttachments(tx, actor, input.evidenceIds);
    const core = await coreRoundOf(tx, round);
    const [row] = await tx
      .insert(assessmentAppeals)
      .values({
        roundId,
        orgId,
        reason: input.reason,
        evidenceIds: input.evidenceIds,
        filedBy: actor.user.id,
        filedAt: now,
      })
      .returning({ id: assessmentAppeals.id });
    // The core decides whether the window is open; a refusal rolls the insert back.
    applyEvents(core, [
      { type: 'file_appeal', appealId: String(row!.id), unitId: String(orgId), reason: input.reason, at: now },
    ]);
    await writeAudit(tx, actor, {
      action: 'assessment.appeal_file',
      entity: 'assessment_appeal',
      entityId: row!.id,
      orgId,
      after: input,
    });
    return { id: row!.id };
  });
}

/** Decide an appeal with a reason; upheld re-scores the unit with the corrections and re-ranks everyone. */
export async function decideAppeal(db: Db, actor: Actor, appealId: number, input: AppealDecisionInput, now: Date) {
  const [appeal] = await queryRows<{ id: number; round_id: number; org_id: number }>(
    db,
    sql`select id, round_id, org_id from assessment_appeals where id = ${appealId}`,
  );
  if (!appeal || !can(actor.user.role, 'assessment.manage')) throw notFound('未找到该申诉');
  const round = await loadRound(db, actor, appeal.round_id).catch(() => {
    throw notFound('未找到该申诉');
  });
  await requireStaffOf(db, actor, round);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from assessment_rounds where id = ${round.id} for update`);
    const fresh = await loadRound(tx, actor, round.id);
    const core = await coreRoundOf(tx, fresh);
    const base = { appealId: String(appealId), reason: input.reason, at: now };
    if (input.outcome === 'rejected') {
      applyEvents(core, [{ type: 'decide_appeal', outcome: 'rejected', ...base }]);
      await tx.execute(sql`update assessment_appeals set outcome = 'rejected', decision_reason = ${input.reason},
                           decided_by = ${actor.user.id}, decided_at = ${now.toISOString()}::timestamptz where id = ${appealId}`);
    } else {
      // Record the corrections first so the re-score reads them with every earlier upheld appeal of the unit.
      await tx.execute(sql`update assessment_appeals set outcome = 'upheld', decision_reason = ${input.reason},
                           corrections = ${JSON.stringify(input.corrections)}::jsonb, decided_by = ${actor.user.id},
                           decided_at = ${now.toISOString()}::timestamptz where id = ${appealId}`);
      const [unit] = await queryRows<{ org_id: number; unit_type: string }>(
        tx,
        sql`select org_id, unit_type from assessment_units where round_id = ${round.id} and org_id = ${appeal.org_id}`,
      );
      const [scored] = await scoreUnits(tx, round, [unit!], 'review');
      const revised = toRankingEntry(String(appeal.org_id), scored!.score);
      const next = applyEvents(core, [{ type: 'decide_appeal', outcome: 'upheld', ...base, revised }]);
      const previous = (await latestResults(tx, round.id, fresh.result_seq)).find((r) => r.org_id === appeal.org_id);
      const seq = fresh.result_seq + 1;
      await writeSnapshot(tx, round.id, seq, next.results, new Map([[appeal.org_id, scored!.score]]));
      const after = next.results.find((r) => r.unitId === String(appeal.org_id));
      await tx.execute(sql`update assessment_rounds set result_seq = ${seq} where id = ${round.id}`);
      await tx.execute(sql`update assessment_appeals set before = ${JSON.stringify(previous ? { ...entryOf(previous), rank: previous.rank, grade: previous.grade } : null)}::jsonb,
                           after = ${JSON.stringify(after ?? null)}::jsonb where id = ${appealId}`);
    }
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
