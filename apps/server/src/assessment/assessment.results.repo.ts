import type { GradedUnit } from '@fazhi/core/assessment/ranking';
import type { UnitScore } from '@fazhi/core/assessment/score-unit';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { intArray } from './assessment.repo.ts';

/**
 * Write one snapshot of the whole ranking (append-only). `scores` holds the full score of every unit whose figures
 * were computed now; the others carry their previous snapshot's score forward.
 */
export async function writeSnapshot(
  tx: Executor,
  roundId: number,
  seq: number,
  results: readonly GradedUnit[],
  scores: ReadonlyMap<number, UnitScore>,
) {
  const rows = results.map((g) => {
    const orgId = Number(g.unitId);
    const score = scores.get(orgId);
    return sql`(${roundId}::int, ${seq}::int, ${orgId}::int, ${g.total}::float8, ${g.baseScore}::float8, ${g.bonus}::float8,
      ${g.deductions}::float8, ${g.gradeCap}::text, ${g.group}::text, ${g.rank}::int, ${g.bandGrade}::text, ${g.grade}::text,
      ${JSON.stringify(g.gradeNotes)}::jsonb,
      ${score ? JSON.stringify(score) : null}::jsonb)`;
  });
  for (let i = 0; i < rows.length; i += 200) {
    await tx.execute(
      sql`insert into assessment_results (round_id, seq, org_id, total, base_score, bonus, deductions, grade_cap, group_name,
            rank, band_grade, grade, grade_notes, score)
          select v.round_id, v.seq, v.org_id, v.total, v.base_score, v.bonus, v.deductions, v.grade_cap, v.group_name, v.rank,
                 v.band_grade, v.grade, v.grade_notes,
                 coalesce(v.score, (select p.score from assessment_results p
                                    where p.round_id = v.round_id and p.seq = v.seq - 1 and p.org_id = v.org_id))
          from (values ${sql.join(rows.slice(i, i + 200), sql`, `)})
            as v(round_id, seq, org_id, total, base_score, bonus, deductions, grade_cap, group_name, rank, band_grade, grade, grade_notes, score)`,
    );
  }
}

export type ResultRow = {
  org_id: number;
  org_name: string;
  unit_type: string;
  total: number;
  base_score: number;
  bonus: number;
  deductions: number;
  grade_cap: string | null;
  group_name: string;
  rank: number;
  band_grade: string;
  grade: string;
  grade_notes: string[];
};

export async function latestResults(db: Executor, roundId: number, seq: number): Promise<ResultRow[]> {
  if (seq === 0) return [];
  return queryRows<ResultRow>(
    db,
    sql`select r.org_id, o.name as org_name, u.unit_type, r.total, r.base_score, r.bonus, r.deductions, r.grade_cap,
               r.group_name, r.rank, r.band_grade, r.grade, r.grade_notes
        from assessment_results r join orgs o on o.id = r.org_id
        join assessment_units u on u.round_id = r.round_id and u.org_id = r.org_id
        where r.round_id = ${roundId} and r.seq = ${seq} order by r.rank, o.name`,
  );
}

/** The given units' results in one snapshot. */
export function querySnapshotScores(db: Executor, roundId: number, seq: number, orgIds: readonly number[]) {
  return queryRows<{ org_id: number; score: UnitScore; rank: number; group_name: string; grade: string }>(
    db,
    sql`select org_id, score, rank, group_name, grade from assessment_results
        where round_id = ${roundId} and seq = ${seq} and org_id = any(${intArray(orgIds)})`,
  );
}
