import type { LeafEntry } from '@fazhi/core/assessment/api.schemas';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { intArray } from './assessment.repo.ts';
import { assessmentFacts } from './assessment.schema.ts';

type Unit = { roundId: number; orgId: number };

export async function upsertSelfEntry(
  tx: Executor,
  at: Unit & { indicatorId: string; userId: number },
  entry: LeafEntry,
) {
  await tx.execute(sql`
    insert into assessment_self_entries (round_id, org_id, indicator_id, value, passed, note, evidence_ids, updated_by)
    values (${at.roundId}, ${at.orgId}, ${at.indicatorId}, ${entry.value ?? null}::float8, ${entry.passed ?? null}::boolean,
            ${entry.note}, ${`{${entry.evidenceIds.join(',')}}`}::int[], ${at.userId})
    on conflict (round_id, org_id, indicator_id) do update set value = excluded.value, passed = excluded.passed,
      note = excluded.note, evidence_ids = excluded.evidence_ids, updated_by = excluded.updated_by, updated_at = now()`);
}

export async function upsertReviewScore(
  tx: Executor,
  at: Unit & { indicatorId: string; assessorId: number },
  entry: Omit<LeafEntry, 'evidenceIds'>,
) {
  await tx.execute(sql`
    insert into assessment_review_scores (round_id, org_id, indicator_id, assessor_id, value, passed, note)
    values (${at.roundId}, ${at.orgId}, ${at.indicatorId}, ${at.assessorId}, ${entry.value ?? null}::float8,
            ${entry.passed ?? null}::boolean, ${entry.note})
    on conflict (round_id, org_id, indicator_id, assessor_id) do update set value = excluded.value,
      passed = excluded.passed, note = excluded.note, updated_at = now()`);
}

export async function markSubmitted(tx: Executor, at: Unit, now: Date) {
  await tx.execute(sql`update assessment_units set submitted_at = ${now.toISOString()}::timestamptz
                       where round_id = ${at.roundId} and org_id = ${at.orgId}`);
}

export async function insertFactRow(tx: Executor, values: typeof assessmentFacts.$inferInsert) {
  const [row] = await tx.insert(assessmentFacts).values(values).returning({ id: assessmentFacts.id });
  return row!.id;
}

export async function findFactRow(tx: Executor, at: Unit, factId: number) {
  const [row] = await queryRows<{ id: number; created_by: number | null }>(
    tx,
    sql`select id, created_by from assessment_facts where id = ${factId} and round_id = ${at.roundId} and org_id = ${at.orgId}`,
  );
  return row;
}

export async function deleteFactRow(tx: Executor, factId: number) {
  await tx.execute(sql`delete from assessment_facts where id = ${factId}`);
}

export type FactRow = {
  id: number;
  org_id: number;
  kind: string;
  key: string;
  level: string | null;
  title: string;
  value: number | null;
  count: number | null;
  indicator_id: string | null;
  matter_id: string | null;
  evidence_ids: number[];
};

export type EntryRow = {
  org_id: number;
  indicator_id: string;
  value: number | null;
  passed: boolean | null;
  note: string;
  evidence_ids: number[];
};
export type ReviewRow = Omit<EntryRow, 'evidence_ids'> & { assessor_id: number };

/** The hand-entered facts of the given units of a round, in entry order. */
export function queryRoundFacts(db: Executor, roundId: number, orgIds: readonly number[]) {
  return queryRows<FactRow>(
    db,
    sql`select id, org_id, kind, key, level, title, value, count, indicator_id, matter_id, evidence_ids
        from assessment_facts where round_id = ${roundId} and org_id = any(${intArray(orgIds)})
        order by id`,
  );
}

export function querySelfEntries(db: Executor, roundId: number, orgIds: readonly number[]) {
  return queryRows<EntryRow>(
    db,
    sql`select org_id, indicator_id, value, passed, note, evidence_ids from assessment_self_entries
        where round_id = ${roundId} and org_id = any(${intArray(orgIds)})`,
  );
}

export function queryReviewScores(db: Executor, roundId: number, orgIds: readonly number[]) {
  return queryRows<ReviewRow>(
    db,
    sql`select org_id, indicator_id, assessor_id, value, passed, note from assessment_review_scores
        where round_id = ${roundId} and org_id = any(${intArray(orgIds)})`,
  );
}
