import { placingText } from '@fazhi/core/assessment/ranking';
import { RULE_KIND_LABELS } from '@fazhi/core/assessment/scheme-constants';
import type ExcelJS from 'exceljs';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { addSheet, newWorkbook } from '../platform/kernel/excel.ts';
import { ranking, unitScore } from './assessment.units.service.ts';

export const explanationKinds = { lost: '失分', bonus: '加分', deduction: '减分', veto: '一票否决' } as const;

type RankingRow = Awaited<ReturnType<typeof ranking>>['items'][number];

/**
 * Sheet 考核排名: group by group (a rank is within its group, quotas counted per group), rank, unit, figures, grade
 * and the reasons a grade was adjusted.
 */
export function addRankingSheet(wb: ExcelJS.Workbook, items: readonly RankingRow[]) {
  const ws = addSheet(wb, '考核排名', [
    { header: '排名组别', key: 'group', width: 14 },
    { header: '组内名次', key: 'rank', width: 10 },
    { header: '单位', key: 'orgName', width: 28 },
    { header: '单位类型', key: 'unitType', width: 14 },
    { header: '指标得分', key: 'baseScore', width: 12 },
    { header: '加分', key: 'bonus', width: 10 },
    { header: '减分', key: 'deductions', width: 10 },
    { header: '总分', key: 'total', width: 10 },
    { header: '等次', key: 'grade', width: 10 },
    { header: '等次说明', key: 'notes', width: 60 },
  ]);
  for (const r of items) ws.addRow({ ...r, group: r.group || '全部单位', notes: r.gradeNotes.join('；') });
}

/** The published ranking with grades and the reasons a grade was adjusted. */
export async function exportRanking(db: Executor, actor: Actor, roundId: number) {
  const data = await ranking(db, actor, roundId);
  const wb = await newWorkbook();
  wb.creator = 'Fazhi';
  addRankingSheet(wb, data.items);
  return { filename: `${data.round.name}排名.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** One unit's score sheet: every indicator with its points and score, then every line that explains a point. */
export async function exportScoreSheet(
  db: Executor,
  actor: Actor,
  roundId: number,
  orgId: number,
  stage: 'self' | 'review' | 'published',
) {
  const s = await unitScore(db, actor, roundId, orgId, stage);
  const wb = await newWorkbook();
  wb.creator = 'Fazhi';
  const ws = addSheet(wb, '评分表', [
    { header: '指标', key: 'path', width: 50 },
    { header: '计分方式', key: 'rule', width: 18 },
    { header: '分值', key: 'max', width: 8 },
    { header: '得分', key: 'score', width: 8 },
    { header: '失分说明', key: 'lost', width: 80 },
  ]);
  for (const i of s.score.indicators) {
    const row = ws.addRow({
      path: `${'　'.repeat(i.depth)}${i.name}`,
      rule: i.ruleKind ? RULE_KIND_LABELS[i.ruleKind] : '',
      max: i.max,
      score: i.score,
      lost: i.lost
        .filter((l) => l.points > 0)
        .map((l) => l.reason)
        .join('；'),
    });
    if (!i.isLeaf) row.font = { bold: true };
  }
  ws.addRow({});
  ws.addRow({ path: '指标得分', score: s.score.baseScore, max: s.score.baseMax });
  ws.addRow({ path: '加分', score: s.score.bonus.awarded });
  ws.addRow({ path: '减分', score: -s.score.deductions.applied });
  ws.addRow({
    path: '总分',
    score: s.score.total,
    lost: s.grade ? placingText(s.group ?? '', s.rank!, s.grade) : '',
  }).font = {
    bold: true,
  };
  const ex = addSheet(wb, '得失分依据', [
    { header: '类别', key: 'kind', width: 10 },
    { header: '指标', key: 'path', width: 40 },
    { header: '分值', key: 'points', width: 8 },
    { header: '依据', key: 'reason', width: 80 },
    { header: '来源', key: 'source', width: 40 },
  ]);
  for (const line of s.score.explanation) {
    const ref = line.source.id ? s.refs[line.source.id] : undefined;
    const files = (line.source.evidenceIds ?? ref?.evidenceIds.map(String) ?? [])
      .map((id) => s.attachments[String(id)]?.filename ?? `附件${id}`)
      .join('、');
    ex.addRow({
      kind: explanationKinds[line.kind],
      path: line.indicatorPath ?? '',
      points: line.points,
      reason: line.reason,
      source: [ref ? `${ref.origin}：${ref.title}` : '', files ? `佐证：${files}` : ''].filter(Boolean).join('；'),
    });
  }
  return { data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
