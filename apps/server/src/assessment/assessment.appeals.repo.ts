import type { AppealCorrection } from '@fazhi/core/assessment/api.schemas';
import type { AppealResult } from '@fazhi/core/assessment/assessment.responses';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { intArray } from './assessment.repo.ts';
import { assessmentAppeals } from './assessment.schema.ts';

export type AppealRow = {
  id: number;
  org_id: number;
  org_name: string;
  unit_type: string;
  indicator_ids: string[];
  reason: string;
  evidence_ids: number[];
  filed_at: Date | string;
  outcome: 'upheld' | 'rejected' | null;
  decision_reason: string | null;
  decision_evidence_ids: number[];
  decided_at: string | null;
  decided_by_name: string | null;
  corrections: AppealCorrection | null;
  before: AppealResult | null;
  after: AppealResult | null;
};

/** The appeals of a round, in filing order: of every unit in the user's scope, or of one unit. */
export function queryAppeals(db: Executor, roundId: number, of: { scope: AuthUser } | { orgId: number }) {
  const orgFilter = 'scope' in of ? orgScopeSql(of.scope, sql`a.org_id`) : sql`a.org_id = ${of.orgId}`;
  return queryRows<AppealRow>(
    db,
    sql`select a.id, a.org_id, o.name as org_name, ru.unit_type, a.indicator_ids, a.reason, a.evidence_ids, a.filed_at, a.outcome, a.decision_reason,
               a.decision_evidence_ids, a.decided_at, u.display_name as decided_by_name, a.corrections, a.before, a.after
        from assessment_appeals a join orgs o on o.id = a.org_id left join users u on u.id = a.decided_by
        join assessment_units ru on ru.round_id = a.round_id and ru.org_id = a.org_id
        where a.round_id = ${roundId} and ${orgFilter}
        order by a.id`,
  );
}

export async function findAppealRow(db: Executor, id: number) {
  const [row] = await queryRows<{ id: number; round_id: number; org_id: number }>(
    db,
    sql`select id, round_id, org_id from assessment_appeals where id = ${id}`,
  );
  return row;
}

/** A file of the appeal (the unit's 佐证材料 or the office's decision file), or null. */
export async function findAppealFile(db: Executor, appealId: number, fileId: number) {
  const [row] = await queryRows<{ filename: string; mime: string; sha256: string; data: Buffer }>(
    db,
    sql`select f.filename, f.mime, f.sha256, f.data
        from attachments f join assessment_appeals a on a.id = ${appealId}
        where f.id = ${fileId} and (f.id = any(a.evidence_ids) or f.id = any(a.decision_evidence_ids))`,
  );
  return row ?? null;
}

export async function insertAppealRow(tx: Executor, values: typeof assessmentAppeals.$inferInsert) {
  const [row] = await tx.insert(assessmentAppeals).values(values).returning({ id: assessmentAppeals.id });
  return row!.id;
}

export async function recordAppealDecision(
  tx: Executor,
  id: number,
  decision: {
    outcome: 'upheld' | 'rejected';
    reason: string;
    corrections?: AppealCorrection | undefined;
    attachmentIds: readonly number[];
    decidedBy: number;
    at: Date;
  },
) {
  await tx.execute(sql`update assessment_appeals set outcome = ${decision.outcome}, decision_reason = ${decision.reason},
                       corrections = ${decision.corrections ? JSON.stringify(decision.corrections) : null}::jsonb,
                       decision_evidence_ids = ${intArray([...new Set(decision.attachmentIds)])},
                       decided_by = ${decision.decidedBy}, decided_at = ${decision.at.toISOString()}::timestamptz
                       where id = ${id}`);
}

/** The unit's result before and after an upheld appeal re-ranked the round. */
export async function recordAppealEffect(tx: Executor, id: number, before: unknown, after: unknown) {
  await tx.execute(sql`update assessment_appeals set before = ${JSON.stringify(before ?? null)}::jsonb,
                       after = ${JSON.stringify(after ?? null)}::jsonb where id = ${id}`);
}

/** Every appeal of a round as the lifecycle sees it, in filing order. */
export function queryRoundAppeals(db: Executor, roundId: number) {
  return queryRows<{
    id: number;
    org_id: number;
    reason: string;
    filed_at: string;
    outcome: string | null;
    decision_reason: string | null;
    decided_at: string | null;
  }>(
    db,
    sql`select id, org_id, reason, filed_at, outcome, decision_reason, decided_at from assessment_appeals
        where round_id = ${roundId} order by id`,
  );
}

/** The corrections of the upheld appeals of the given units, in decision order. */
export function queryUpheldCorrections(db: Executor, roundId: number, orgIds: readonly number[]) {
  return queryRows<{ org_id: number; corrections: AppealCorrection }>(
    db,
    sql`select org_id, corrections from assessment_appeals
        where round_id = ${roundId} and outcome = 'upheld' and org_id = any(${intArray(orgIds)}) order by decided_at, id`,
  );
}
