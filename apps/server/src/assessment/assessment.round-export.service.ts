import { placingText } from '@fazhi/core/assessment/ranking';
import { RULE_KIND_LABELS } from '@fazhi/core/assessment/scheme-constants';
import type { UnitScore } from '@fazhi/core/assessment/score-unit';
import type ExcelJS from 'exceljs';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { notFound } from '../platform/kernel/errors.ts';
import { addSheet, newWorkbook } from '../platform/kernel/excel.ts';
import { isPublished, isStaff, loadRound, type RoundRow } from './assessment.access.service.ts';
import type { SourceRef } from './assessment.inputs.service.ts';
import { querySnapshotScores } from './assessment.results.repo.ts';
import { queryUnitsWithScope } from './assessment.rounds.repo.ts';
import { scoreUnits } from './assessment.scoring.service.ts';
import { addRankingSheet, explanationKinds } from './assessment.sheet.service.ts';
import { attachmentsById } from './assessment.units.repo.ts';
import { ranking } from './assessment.units.service.ts';

type VisibleUnit = { org_id: number; org_name: string; unit_type: string };
type UnitSheet = VisibleUnit & {
  score: UnitScore;
  refs: Map<string, SourceRef>;
  rank?: number;
  group?: string;
  grade?: string;
};

/**
 * Which units' sheets the actor may export, and from which stage. Office staff and assessors of the round's county:
 * every unit (the live review score before 公示). Anyone else: after 公示 the units in their data scope (a unit: its
 * own), before 公示 only their own unit's self-assessment.
 */
async function visibleUnits(db: Executor, actor: Actor, round: RoundRow) {
  const rows = await queryUnitsWithScope(db, actor.user, round);
  const isRoundStaff = isStaff(actor) && rows.some((r) => r.county_in_scope);
  const published = isPublished(round.status);
  const units = rows
    .filter((r) => (isRoundStaff ? true : published ? r.in_scope : r.in_scope && r.org_id === actor.user.orgId))
    .map(({ org_id, org_name, unit_type }) => ({ org_id, org_name, unit_type }));
  const isEarly = round.status === 'scheme' || round.status === 'self_assessment';
  const stage: 'self' | 'review' | 'published' = published ? 'published' : isRoundStaff && !isEarly ? 'review' : 'self';
  return { units, stage, isRoundStaff };
}

async function unitSheets(db: Executor, round: RoundRow, units: VisibleUnit[], stage: 'self' | 'review' | 'published') {
  // Sources (titles, evidence) come from a live scoring; after 公示 the figures come from the frozen snapshot.
  const live = await scoreUnits(db, round, units, stage === 'self' ? 'self' : 'review');
  const liveBy = new Map(live.map((s) => [s.orgId, s]));
  const frozen = new Map<number, { score: UnitScore; rank: number; group_name: string; grade: string }>();
  if (stage === 'published') {
    const rows = await querySnapshotScores(
      db,
      round.id,
      round.result_seq,
      units.map((u) => u.org_id),
    );
    for (const r of rows) frozen.set(r.org_id, r);
  }
  return units.map((u): UnitSheet => {
    const s = liveBy.get(u.org_id)!;
    const f = frozen.get(u.org_id);
    return {
      ...u,
      refs: s.refs,
      ...(f ? { score: f.score, rank: f.rank, group: f.group_name, grade: f.grade } : { score: s.score }),
    };
  });
}

const cents = (n: number) => Math.round(n * 100);

/** Sheet 评分明细: one row per indicator of every unit, then its bonus, deduction and veto lines, then its total. */
function addDetailSheet(wb: ExcelJS.Workbook, sheets: readonly UnitSheet[], attachments: Record<string, string>) {
  const ws = addSheet(wb, '评分明细', [
    { header: '单位', key: 'unit', width: 26 },
    { header: '单位类型', key: 'unitType', width: 12 },
    { header: '类别', key: 'kind', width: 10 },
    { header: '指标', key: 'path', width: 48 },
    { header: '计分方式', key: 'rule', width: 18 },
    { header: '分值', key: 'max', width: 8 },
    { header: '得分', key: 'score', width: 8 },
    { header: '失分', key: 'lost', width: 8 },
    { header: '说明', key: 'reason', width: 80 },
    { header: '来源与佐证', key: 'source', width: 40 },
  ]);
  const sourceOf = (s: UnitSheet, source: { id?: string; evidenceIds?: string[] }) => {
    const ref = source.id ? s.refs.get(source.id) : undefined;
    const files = (source.evidenceIds ?? ref?.evidenceIds.map(String) ?? [])
      .map((id) => attachments[id] ?? `附件${id}`)
      .join('、');
    return [ref ? `${ref.origin}：${ref.title}` : '', files ? `佐证：${files}` : ''].filter(Boolean).join('；');
  };
  for (const s of sheets) {
    const unit = { unit: s.org_name, unitType: s.unit_type };
    for (const i of s.score.indicators) {
      const lines = i.lost.filter((l) => l.points > 0);
      const row = ws.addRow({
        ...unit,
        kind: i.isLeaf ? '指标' : '指标小计',
        path: i.path,
        rule: i.ruleKind ? RULE_KIND_LABELS[i.ruleKind] : '',
        max: i.max,
        score: i.score,
        lost: (cents(i.max) - cents(i.score)) / 100,
        reason: lines.map((l) => l.reason).join('；'),
        source: [...new Set(lines.map((l) => sourceOf(s, l.source)).filter(Boolean))].join('；'),
      });
      if (!i.isLeaf) row.font = { bold: true };
    }
    for (const line of s.score.explanation) {
      if (line.kind === 'lost') continue;
      ws.addRow({
        ...unit,
        kind: explanationKinds[line.kind],
        path: line.indicatorPath ?? '',
        score: line.kind === 'bonus' ? line.points : line.kind === 'deduction' ? -line.points : null,
        reason: line.reason,
        source: sourceOf(s, line.source),
      });
    }
    const placing = s.grade ? placingText(s.group ?? '', s.rank!, s.grade) : '';
    const total = ws.addRow({
      ...unit,
      kind: '总分',
      path: `指标得分${s.score.baseScore}，加分${s.score.bonus.awarded}，减分${s.score.deductions.applied}`,
      max: s.score.baseMax,
      score: s.score.total,
      reason: [placing, s.score.gradeCap ? `一票否决，等次最高为“${s.score.gradeCap}”` : ''].filter(Boolean).join('；'),
    });
    total.font = { bold: true };
  }
}

/** Sheet 得分汇总（未公示）: the office's live figures before 公示, without ranks or grades. */
function addPreviewSheet(wb: ExcelJS.Workbook, sheets: readonly UnitSheet[]) {
  const ws = addSheet(wb, '得分汇总（未公示）', [
    { header: '单位', key: 'unit', width: 28 },
    { header: '单位类型', key: 'unitType', width: 14 },
    { header: '指标得分', key: 'baseScore', width: 12 },
    { header: '加分', key: 'bonus', width: 10 },
    { header: '减分', key: 'deductions', width: 10 },
    { header: '总分', key: 'total', width: 10 },
    { header: '一票否决', key: 'cap', width: 24 },
  ]);
  for (const s of [...sheets].sort((a, b) => b.score.total - a.score.total)) {
    ws.addRow({
      unit: s.org_name,
      unitType: s.unit_type,
      baseScore: s.score.baseScore,
      bonus: s.score.bonus.awarded,
      deductions: s.score.deductions.applied,
      total: s.score.total,
      cap: s.score.gradeCap ? `等次最高为“${s.score.gradeCap}”` : '',
    });
  }
}

/**
 * One workbook for a round: the ranking (after 公示; the office gets a figures preview before), and every visible
 * unit's score sheet with the reason for each lost point. Scope as in visibleUnits.
 */
export async function exportRoundWorkbook(db: Executor, actor: Actor, roundId: number) {
  const round = await loadRound(db, actor, roundId);
  const { units, stage, isRoundStaff } = await visibleUnits(db, actor, round);
  if (units.length === 0) throw notFound('没有您可以导出的单位评分表');
  const sheets = await unitSheets(db, round, units, stage);
  const evidenceIds = sheets.flatMap((s) => [
    ...s.score.explanation.flatMap((l) => l.source.evidenceIds ?? []),
    ...[...s.refs.values()].flatMap((r) => r.evidenceIds.map(String)),
  ]);
  const files = Object.values(await attachmentsById(db, evidenceIds.map(Number).filter(Number.isInteger)));
  const wb = await newWorkbook();
  wb.creator = 'Fazhi';
  if (stage === 'published') addRankingSheet(wb, (await ranking(db, actor, roundId)).items);
  else if (isRoundStaff) addPreviewSheet(wb, sheets);
  addDetailSheet(wb, sheets, Object.fromEntries(files.map((f) => [String(f.id), f.filename])));
  const what = stage === 'published' ? '排名和评分表' : stage === 'review' ? '评分表（未公示）' : '自评表';
  return { filename: `${round.name}${what}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
