import type { ExplainedScore } from '@fazhi/core/assessment/assessment.responses';
import { groupLabel } from '@fazhi/core/assessment/ranking';
import { RULE_KIND_LABELS } from '@fazhi/core/assessment/scheme-constants';
import type { UnitScore } from '@fazhi/core/assessment/score-unit';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { conflict } from '../platform/kernel/errors.ts';
import {
  isPublished,
  isStaff,
  loadRound,
  type RoundRow,
  requireUnit,
  type UnitRow,
} from './assessment.access.service.ts';
import { leavesOf } from './assessment.entries.service.ts';
import type { SourceRef } from './assessment.inputs.service.ts';
import { roundGroups } from './assessment.ranking-groups.service.ts';
import { latestResults } from './assessment.results.repo.ts';
import { listRounds } from './assessment.rounds.service.ts';
import { scoreUnits } from './assessment.scoring.service.ts';
import {
  attachmentsById,
  findLatestUnitResult,
  queryUnitFacts,
  queryUnitReviewScores,
  queryUnitSelfEntries,
} from './assessment.units.repo.ts';

/** The leaves of a unit with its self-assessment, the assessors' scores (staff only) and the facts entered. */
export async function unitSheet(db: Executor, actor: Actor, roundId: number, orgId: number) {
  const round = await loadRound(db, actor, roundId);
  const unit = await requireUnit(db, actor, round, orgId, 'drafts');
  const staff = isStaff(actor);
  const [selfRows, reviewRows, facts] = await Promise.all([
    queryUnitSelfEntries(db, roundId, orgId),
    staff || isPublished(round.status) ? queryUnitReviewScores(db, roundId, orgId) : Promise.resolve([]),
    queryUnitFacts(db, roundId, orgId),
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
    group: null,
    grade: null,
    gradeNotes: [],
    ...(await explain(db, scored!.score, scored!.refs)),
  };
}

async function publishedScore(db: Executor, round: RoundRow, orgId: number): Promise<ExplainedScore> {
  if (!isPublished(round.status)) throw conflict('考核结果尚未公示，暂不能查看成绩');
  const row = await findLatestUnitResult(db, round.id, orgId);
  if (!row) throw conflict('该单位没有公示成绩');
  // Refs are re-read for titles and evidence; the figures come from the frozen snapshot.
  const [live] = await scoreUnits(db, round, [{ org_id: orgId, unit_type: row.score.unitType }], 'review');
  return {
    stage: 'published',
    seq: row.seq,
    score: row.score,
    rank: row.rank,
    group: row.group_name,
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
  // Groups in the round's order; a snapshot taken before groups existed ('') or under a since-renamed group keeps its own.
  const configured = roundGroups(round);
  const names = [...new Set([...configured.map((g) => g.name), ...rows.map((r) => r.group_name)])];
  const groups = names
    .map((name) => {
      const members = rows.filter((r) => r.group_name === name);
      const unitTypes = configured.find((g) => g.name === name)?.unitTypes ?? [
        ...new Set(members.map((r) => r.unit_type)),
      ];
      return { name, unitTypes, unitCount: members.length };
    })
    .filter((g) => g.unitCount > 0);
  const order = new Map(groups.map((g, i) => [g.name, i]));
  const sorted = [...rows].sort((a, b) => order.get(a.group_name)! - order.get(b.group_name)! || a.rank - b.rank);
  return {
    round: { id: round.id, name: round.name, year: round.year, status: round.status, seq: round.result_seq },
    groups,
    items: sorted.map((r) => ({
      orgId: r.org_id,
      orgName: r.org_name,
      unitType: r.unit_type,
      group: r.group_name,
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

/**
 * Each unit's published result in the year's rounds the actor can see (公示 or later), by org id — for the use of
 * results (the cadres module's 干部考察 export, wired in app.ts). Of two published rounds taking the same unit, the
 * later one counts.
 */
export async function publishedUnitResultsOfYear(db: Executor, actor: Actor, year: number) {
  const rounds = (await listRounds(db, actor, year)).filter((r) => isPublished(r.status)).sort((a, b) => a.id - b.id);
  const results = new Map<number, { roundName: string; total: number; placing: string; grade: string }>();
  for (const round of rounds) {
    const { items } = await ranking(db, actor, round.id);
    for (const r of items)
      results.set(r.orgId, {
        roundName: round.name,
        total: r.total,
        placing: `${r.group ? groupLabel(r.group) : ''}第${r.rank}名`,
        grade: r.grade,
      });
  }
  return results;
}
