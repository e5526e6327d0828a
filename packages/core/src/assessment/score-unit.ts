import type { AdjustmentLine, BonusResult } from './bonus.ts';
import { scoreBonus } from './bonus.ts';
import type { CompiledNode, CompiledScheme } from './compile-scheme.ts';
import type { DeductionResult } from './deductions.ts';
import { scoreDeductions } from './deductions.ts';
import { quote } from './format.ts';
import { fromCents, toCents } from './rounding.ts';
import {
  scoreManual,
  scoreMetric,
  scoreMetricRatio,
  scorePerOccurrence,
  scoreRequirement,
  scoreVeto,
} from './rules.ts';
import type { RuleKind } from './scheme-constants.ts';
import type { LostPoints, RuleResult, ScoreSource, VetoHit } from './score-types.ts';
import type { UnitInputs, UnitRecord } from './unit-inputs.schemas.ts';

export { compileScheme } from './compile-scheme.ts';

export type IndicatorScore = {
  id: string;
  name: string;
  path: string;
  depth: number;
  isLeaf: boolean;
  ruleKind: RuleKind | undefined;
  score: number;
  max: number;
  /** Leaves only: the lines that explain max − score. */
  lost: LostPoints[];
};

export type UnitVeto = VetoHit & { indicatorId: string; indicatorPath: string };

export type ExplanationLine = {
  kind: 'lost' | 'bonus' | 'deduction' | 'veto';
  indicatorId?: string;
  indicatorPath?: string;
  points: number;
  reason: string;
  source: ScoreSource;
};

export type UnitScore = {
  schemeId: string;
  templateId: string;
  unitType: string;
  /** Sum of the rounded leaf scores. */
  baseScore: number;
  baseMax: number;
  bonus: BonusResult;
  deductions: DeductionResult;
  /** baseScore + bonus.awarded − deductions.applied, never below 0. */
  total: number;
  vetoes: UnitVeto[];
  /** The best grade the unit may receive after vetoes; null when no veto applies. */
  gradeCap: string | null;
  /** Every node, pre-order, branches summed from their leaves. */
  indicators: IndicatorScore[];
  explanation: ExplanationLine[];
  warnings: string[];
};

/** Score one unit. Pure: the same compiled scheme and inputs always give the same result. */
export function scoreUnit(compiled: CompiledScheme, unitType: string, inputs: UnitInputs): UnitScore {
  const template = compiled.templates.get(unitType);
  if (!template) throw new Error(`考核方案中没有“${unitType}”类单位的考核模板`);
  const recordsByKind = groupByKind(inputs.records ?? []);
  const { nodes } = template;
  const scoreCents = new Array<number>(nodes.length).fill(0);
  const lostByNode = new Array<LostPoints[]>(nodes.length);
  const vetoes: UnitVeto[] = [];
  const warnings: string[] = [];
  const explanation: ExplanationLine[] = [];

  for (const index of template.leafIndices) {
    const node = nodes[index]!;
    const result = scoreLeaf(node, inputs, recordsByKind);
    const cents = toCents(result.score);
    lostByNode[index] = result.lost;
    for (let p = index; p !== -1; p = nodes[p]!.parentIndex) scoreCents[p] = (scoreCents[p] ?? 0) + cents;
    if (result.warning) warnings.push(`指标${quote(node.path)}：${result.warning}`);
    for (const line of result.lost) {
      explanation.push({ kind: 'lost', indicatorId: node.id, indicatorPath: node.path, ...line });
    }
    for (const hit of result.vetoes ?? []) {
      vetoes.push({ ...hit, indicatorId: node.id, indicatorPath: node.path });
      explanation.push({
        kind: 'veto',
        indicatorId: node.id,
        indicatorPath: node.path,
        points: 0,
        reason: hit.reason,
        source: hit.source,
      });
    }
  }

  const { scheme } = compiled;
  const bonus = scoreBonus(scheme.bonus, inputs.honours ?? []);
  const deductions = scoreDeductions(scheme.deductions, inputs.penalties ?? []);
  warnings.push(...deductions.warnings);
  for (const line of bonus.lines) explanation.push(adjustment('bonus', line));
  for (const line of deductions.lines) explanation.push(adjustment('deduction', line));

  let baseCents = 0;
  const indicators: IndicatorScore[] = nodes.map((node, i) => {
    if (node.parentIndex === -1) baseCents += scoreCents[i] ?? 0;
    return {
      id: node.id,
      name: node.name,
      path: node.path,
      depth: node.depth,
      isLeaf: node.rule !== undefined,
      ruleKind: node.rule?.kind,
      score: fromCents(scoreCents[i] ?? 0),
      max: fromCents(node.maxCents),
      lost: lostByNode[i] ?? [],
    };
  });
  const totalCents = Math.max(0, baseCents + toCents(bonus.awarded) - toCents(deductions.applied));
  return {
    schemeId: scheme.id,
    templateId: template.templateId,
    unitType,
    baseScore: fromCents(baseCents),
    baseMax: fromCents(template.totalCents),
    bonus,
    deductions,
    total: fromCents(totalCents),
    vetoes,
    gradeCap: worstGrade(compiled.gradeOrder, vetoes),
    indicators,
    explanation,
    warnings,
  };
}

function scoreLeaf(node: CompiledNode, inputs: UnitInputs, recordsByKind: Map<string, UnitRecord[]>): RuleResult {
  const max = fromCents(node.maxCents);
  const rule = node.rule!;
  switch (rule.kind) {
    case 'manual':
      return scoreManual(rule, max, inputs.manual?.[node.id]);
    case 'metric':
      return scoreMetric(rule, max, inputs.metrics?.[rule.metricKey]);
    case 'metric_ratio':
      return scoreMetricRatio(rule, max, inputs.metrics?.[rule.metricKey]);
    case 'per_occurrence':
      return scorePerOccurrence(rule, max, recordsFor(node, recordsByKind.get(rule.recordKind)));
    case 'requirement':
      return scoreRequirement(rule, max, inputs.checks?.[node.id]);
    case 'veto':
      return scoreVeto(rule, max, recordsFor(node, recordsByKind.get(rule.recordKind)));
  }
}

function recordsFor(node: CompiledNode, records: UnitRecord[] | undefined): UnitRecord[] {
  if (!records) return [];
  return records.filter((r) => r.indicatorId === undefined || r.indicatorId === node.id);
}

function groupByKind(records: readonly UnitRecord[]): Map<string, UnitRecord[]> {
  const map = new Map<string, UnitRecord[]>();
  for (const r of records) {
    const list = map.get(r.kind);
    if (list) list.push(r);
    else map.set(r.kind, [r]);
  }
  return map;
}

function adjustment(kind: 'bonus' | 'deduction', line: AdjustmentLine): ExplanationLine {
  return { kind, points: line.points, reason: line.reason, source: line.source };
}

function worstGrade(order: readonly string[], vetoes: readonly UnitVeto[]): string | null {
  let worst = -1;
  for (const v of vetoes) worst = Math.max(worst, order.indexOf(v.capGrade));
  return worst === -1 ? null : (order[worst] ?? null);
}
