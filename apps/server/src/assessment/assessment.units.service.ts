import type { FactKind } from '@fazhi/core/assessment/api.schemas';
import type { ExplainedScore } from '@fazhi/core/assessment/assessment.responses';
import { RULE_KIND_LABELS } from '@fazhi/core/assessment/scheme-constants';
import type { UnitScore } from '@fazhi/core/assessment/score-unit';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { Actor } from '../platform/context.ts';
import { conflict } from '../platform/errors.ts';
import { isPublished, isStaff, loadRound, type RoundRow, requireUnit, type UnitRow } from './assessment.access.service.ts';
import { leavesOf } from './assessment.entries.service.ts';
import type { SourceRef } from './assessment.inputs.service.ts';
import { scoreUnits } from './assessment.scoring.service.ts';
import { intArray } from './assessment.repo.ts';
import { latestResults } from './assessment.state.service.ts';

type Attachment = { id: number; filename: string };

async function attachmentsById(db: Executor, ids: readonly number[]): Promise<Record<string, Attachment>> {
  if (ids.length === 0) return {};
  const rows = await queryRows<Attachment>(
    db,
    sql`select id, filename from attachments where id = any(${intArray([...new Set(ids)])})`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.id), r]));
}

/** The leaves of a unit with its self-assessment, the assessors' scores (staff only) and the facts entered. */
export async function unitSheet(db: Executor, actor: Actor, roundId: number, orgId: number) {
  const round = await loadRound(db, actor, roundId);
  const unit = await requireUnit(db, actor, round, orgId, 'drafts');
  const staff = isStaff(actor);
  const [selfRows, reviewRows, facts] = await Promise.all([
    queryRows<{
      indicator_id: string;
      value: number | null;
      passed: boolean | null;
      note: string;
      evidence_ids: number[];
    }>(
      db,
      sql`select indicator_id, value, passed, note, evidence_ids from assessment_self_entries
          where round_id = ${roundId} and org_id = ${orgId}`,
    ),
    staff || isPublished(round.status)
      ? queryRows<{
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
        )
      : Promise.resolve([]),
    queryRows<{
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
    ),
  ]);
  const attachments = await attachmentsById(db, [
    ...selfRows.flatMap((r) => r.evidence_ids),
    ...facts.flatMap((f) => f.evidence_ids),
  ]);
  const selfBy = new Map(selfRows.map((r) => [r.indicator_id, r]));
  const leaves = leavesOf(round, unit.unit_type).map((leaf) => {
    const self = selfBy.get(leaf.id);
    const rule = leaf.rule!;
    return {
      id: leaf.id,
      name: leaf.name,
      path: leaf.path,
      points: leaf.maxCents / 100,
      ruleKind: rule.kind,
      ruleLabel: RULE_KIND_LABELS[rule.kind],
      rule,
      self: self
        ? {
            value: self.value,
            passed: self.passed,
            note: self.note,
            evidence: self.evidence_ids.map((id) => attachments[String(id)] ?? { id, filename: `附件${id}` }),
          }
        : null,
      reviews: reviewRows
        .filter((r) => r.indicator_id === leaf.id)
        .map((r) => ({
          assessorId: r.assessor_id,
          assessorName: r.assessor_name,
          value: r.value,
          passed: r.passed,
          note: r.note,
          isMine: r.assessor_id === actor.user.id,
        })),
    };
  });
  return {
    round: { id: round.id, name: round.name, year: round.year, status: round.status },
    unit: {
      orgId: unit.org_id,
      orgName: unit.org_name,
      unitType: unit.unit_type,
      submittedAt: unit.submitted_at ? new Date(unit.submitted_at).toISOString() : null,
    },
    leaves,
    facts: facts.map((f) => ({
      id: f.id,
      sourceId: f.kind === 'metric' ? f.key : `fact-${f.id}`,
      kind: f.kind,
      key: f.key,
      level: f.level,
      title: f.title,
      value: f.value,
      count: f.count,
      indicatorId: f.indicator_id,
      evidence: f.evidence_ids.map((id) => attachments[String(id)] ?? { id, filename: `附件${id}` }),
      isMine: f.created_by === actor.user.id,
    })),
  };
}

async function explain(db: Executor, score: UnitScore, refs: Map<string, SourceRef>) {
  const evidence = [
    ...score.explanation.flatMap((l) => (l.source.evidenceIds ?? []).map(Number)),
    ...[...refs.values()].flatMap((r) => r.evidenceIds),
  ].filter((n) => Number.isInteger(n));
  return { refs: Object.fromEntries(refs), attachments: await attachmentsById(db, evidence) };
}

/**
 * A unit's score with the line that explains every lost point. Stage self: the unit's own preview (unit and staff);
 * review: the live review score (staff, before 公示); published: the latest snapshot (after 公示).
 */
export async function unitScore(
  db: Executor,
  actor: Actor,
  roundId: number,
  orgId: number,
  stage: 'self' | 'review' | 'published',
): Promise<ExplainedScore> {
  const round = await loadRound(db, actor, roundId);
  if (stage === 'published' || (stage === 'review' && isPublished(round.status))) {
    await requireUnit(db, actor, round, orgId, 'results');
    return publishedScore(db, round, orgId);
  }
  const unit = await requireUnit(db, actor, round, orgId, 'drafts');
  if (stage === 'review' && !isStaff(actor)) throw conflict('考核结果尚未公示，暂不能查看成绩');
  return liveScore(db, round, unit, stage);
}

async function liveScore(
  db: Executor,
  round: RoundRow,
  unit: UnitRow,
  stage: 'self' | 'review',
): Promise<ExplainedScore> {
  const [scored] = await scoreUnits(db, round, [unit], stage);
  return {
    stage,
    seq: null,
    score: scored!.score,
    rank: null,
    grade: null,
    gradeNotes: [],
    ...(await explain(db, scored!.score, scored!.refs)),
  };
}

async function publishedScore(db: Executor, round: RoundRow, orgId: number): Promise<ExplainedScore> {
  if (!isPublished(round.status)) throw conflict('考核结果尚未公示，暂不能查看成绩');
  const [row] = await queryRows<{ seq: number; score: UnitScore; rank: number; grade: string; grade_notes: string[] }>(
    db,
    sql`select seq, score, rank, grade, grade_notes from assessment_results
        where round_id = ${round.id} and org_id = ${orgId} order by seq desc limit 1`,
  );
  if (!row) throw conflict('该单位没有公示成绩');
  // Refs are re-read for titles and evidence; the figures come from the frozen snapshot.
  const [live] = await scoreUnits(db, round, [{ org_id: orgId, unit_type: row.score.unitType }], 'review');
  return {
    stage: 'published',
    seq: row.seq,
    score: row.score,
    rank: row.rank,
    grade: row.grade,
    gradeNotes: row.grade_notes,
    ...(await explain(db, row.score, live!.refs)),
  };
}

/**
 * The published ranking with grades, for everyone who can see the round, after 公示 only (the office previews the
 * figures before 公示 in the round workbook, without ranks or grades).
 */
export async function ranking(db: Executor, actor: Actor, roundId: number) {
  const round = await loadRound(db, actor, roundId);
  if (!isPublished(round.status)) throw conflict('考核结果尚未公示，暂不能查看排名');
  const rows = await latestResults(db, roundId, round.result_seq);
  return {
    round: { id: round.id, name: round.name, year: round.year, status: round.status, seq: round.result_seq },
    items: rows.map((r) => ({
      orgId: r.org_id,
      orgName: r.org_name,
      unitType: r.unit_type,
      total: r.total,
      baseScore: r.base_score,
      bonus: r.bonus,
      deductions: r.deductions,
      rank: r.rank,
      bandGrade: r.band_grade,
      grade: r.grade,
      gradeNotes: r.grade_notes,
      gradeCap: r.grade_cap,
    })),
  };
}
