import type { FactKind } from '@fazhi/core/assessment/api.schemas';
import type { UnitScore } from '@fazhi/core/assessment/score-unit';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { intArray } from './assessment.repo.ts';

export type Attachment = { id: number; filename: string };

/** File names of evidence attachments, by id as a string key. */
export async function attachmentsById(db: Executor, ids: readonly number[]): Promise<Record<string, Attachment>> {
  if (ids.length === 0) return {};
  const rows = await queryRows<Attachment>(
    db,
    sql`select id, filename from attachments where id = any(${intArray([...new Set(ids)])})`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.id), r]));
}

export function queryUnitSelfEntries(db: Executor, roundId: number, orgId: number) {
  return queryRows<{
    indicator_id: string;
    value: number | null;
    passed: boolean | null;
    note: string;
    evidence_ids: number[];
  }>(
    db,
    sql`select indicator_id, value, passed, note, evidence_ids from assessment_self_entries
        where round_id = ${roundId} and org_id = ${orgId}`,
  );
}

/** The assessors' scores of a unit, with each assessor's name. */
export function queryUnitReviewScores(db: Executor, roundId: number, orgId: number) {
  return queryRows<{
    indicator_id: string;
    assessor_id: number;
    assessor_name: string;
    value: number | null;
    passed: boolean | null;
    note: string;
  }>(
    db,
    sql`select s.indicator_id, s.assessor_id, u.display_name as assessor_name, s.value, s.passed, s.note
        from assessment_review_scores s join users u on u.id = s.assessor_id
        where s.round_id = ${roundId} and s.org_id = ${orgId} order by s.assessor_id`,
  );
}

export function queryUnitFacts(db: Executor, roundId: number, orgId: number) {
  return queryRows<{
    id: number;
    kind: FactKind;
    key: string;
    level: string | null;
    title: string;
    value: number | null;
    count: number | null;
    indicator_id: string | null;
    evidence_ids: number[];
    created_by: number | null;
  }>(
    db,
    sql`select id, kind, key, level, title, value, count, indicator_id, evidence_ids, created_by from assessment_facts
        where round_id = ${roundId} and org_id = ${orgId} order by id`,
  );
}

/** The unit's latest published result (the newest snapshot holding it). */
export async function findLatestUnitResult(db: Executor, roundId: number, orgId: number) {
  const [row] = await queryRows<{
    seq: number;
    score: UnitScore;
    rank: number;
    group_name: string;
    grade: string;
    grade_notes: string[];
  }>(
    db,
    sql`select seq, score, rank, group_name, grade, grade_notes from assessment_results
        where round_id = ${roundId} and org_id = ${orgId} order by seq desc limit 1`,
  );
  return row;
}
