import type { AdjustmentLine, BonusResult } from './bonus.ts';
import { scoreBonus } from './bonus.ts';
import type { CompiledNode, CompiledScheme, CompiledTemplate } from './compile-scheme.ts';
import type { DeductionResult } from './deductions.ts';
import { scoreDeductions } from './deductions.ts';
import { quote } from './format.ts';
import { fromCents, toCents } from './rounding.ts';
import {
  type Explain,
  isVetoed,
  manualLost,
  metricLost,
  metricRatioLost,
  perOccurrenceLost,
  requirementLost,
  vetoLost,
} from './rules.ts';
import type { RuleKind } from './scheme-constants.ts';
import type { LostPoints, ScoreSource, VetoHit } from './score-types.ts';
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

/** Score one unit with every explanation line. Pure: the same compiled scheme and inputs always give the same result. */
export function scoreUnit(compiled: CompiledScheme, unitType: string, inputs: UnitInputs): UnitScore {
  const template = templateOf(compiled, unitType);
  const recordsByKind = groupByKind(inputs.records ?? []);
  const { nodes } = template;
  const scoreCents = new Array<number>(nodes.length).fill(0);
  const lostByNode = new Array<LostPoints[]>(nodes.length);
  const vetoes: UnitVeto[] = [];
  const warnings: string[] = [];
  const explanation: ExplanationLine[] = [];

  for (const index of template.leafIndices) {
    const node = nodes[index]!;
    const ex: NonNullable<Explain> = { lost: [], vetoes: [] };
    const cents = node.maxCents - leafLostCents(node, inputs, recordsByKind, ex);
    lostByNode[index] = ex.lost;
    for (let p = index; p !== -1; p = nodes[p]!.parentIndex) scoreCents[p] = (scoreCents[p] ?? 0) + cents;
    if (ex.warning) warnings.push(`指标${quote(node.path)}：${ex.warning}`);
    for (const line of ex.lost) {
      explanation.push({ kind: 'lost', indicatorId: node.id, indicatorPath: node.path, ...line });
    }
    for (const hit of ex.vetoes) {
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

/** A unit's figures without explanation text: what ranking and bulk scoring need. */
export type UnitTotals = {
  templateId: string;
  unitType: string;
  baseScore: number;
  baseMax: number;
  bonus: { awarded: number };
  deductions: { applied: number };
  total: number;
  gradeCap: string | null;
  /** Score of every node in hundredths, in the template's pre-order (`CompiledTemplate.nodes`). */
  nodeCents: Int32Array;
};

/**
 * Bulk scoring: the same rule functions as scoreUnit, called without an explanation to fill, so no text is built
 * and no line objects are made. Every figure equals scoreUnit's for the same inputs; a unit that views its score
 * gets scoreUnit's lines, which add up to exactly these figures.
 */
export function scoreUnitTotals(compiled: CompiledScheme, unitType: string, inputs: UnitInputs): UnitTotals {
  const template = templateOf(compiled, unitType);
  const recordsByKind = inputs.records?.length ? groupByKind(inputs.records) : NO_RECORDS;
  const { nodes, leafIndices } = template;
  const nodeCents = new Int32Array(nodes.length);
  let capIndex = -1;
  for (let k = 0; k < leafIndices.length; k++) {
    const index = leafIndices[k]!;
    const node = nodes[index]!;
    const cents = node.maxCents - leafLostCents(node, inputs, recordsByKind, null);
    for (let p = index; p !== -1; p = nodes[p]!.parentIndex) nodeCents[p]! += cents;
    const rule = node.rule!;
    if (rule.kind === 'veto' && isVetoed(recordsFor(node, recordsByKind.get(rule.recordKind)))) {
      capIndex = Math.max(capIndex, compiled.gradeOrder.indexOf(rule.capGrade));
    }
  }
  let baseCents = 0;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.parentIndex === -1) baseCents += nodeCents[i]!;
  const { scheme } = compiled;
  const bonus = inputs.honours?.length ? scoreBonus(scheme.bonus, inputs.honours).awarded : 0;
  const deductions = inputs.penalties?.length ? scoreDeductions(scheme.deductions, inputs.penalties).applied : 0;
  return {
    templateId: template.templateId,
    unitType,
    baseScore: fromCents(baseCents),
    baseMax: fromCents(template.totalCents),
    bonus: { awarded: bonus },
    deductions: { applied: deductions },
    total: fromCents(Math.max(0, baseCents + toCents(bonus) - toCents(deductions))),
    gradeCap: capIndex === -1 ? null : (compiled.gradeOrder[capIndex] ?? null),
    nodeCents,
  };
}

const NO_RECORDS: ReadonlyMap<string, UnitRecord[]> = new Map();

function templateOf(compiled: CompiledScheme, unitType: string): CompiledTemplate {
  const template = compiled.templates.get(unitType);
  if (!template) throw new Error(`考核方案中没有“${unitType}”类单位的考核模板`);
  return template;
}

/** The points a leaf loses, in hundredths; explanation lines go to `ex` when it is given. */
function leafLostCents(
  node: CompiledNode,
  inputs: UnitInputs,
  recordsByKind: ReadonlyMap<string, UnitRecord[]>,
  ex: Explain,
): number {
  const rule = node.rule!;
  const max = node.maxCents;
  switch (rule.kind) {
    case 'manual':
      return manualLost(rule, max, inputs.manual?.[node.id], ex);
    case 'metric':
      return metricLost(rule, max, inputs.metrics?.[rule.metricKey], ex);
    case 'metric_ratio':
      return metricRatioLost(rule, max, inputs.metrics?.[rule.metricKey], ex);
    case 'per_occurrence':
      return perOccurrenceLost(rule, max, recordsFor(node, recordsByKind.get(rule.recordKind)), ex);
    case 'requirement':
      return requirementLost(rule, max, inputs.checks?.[node.id], ex);
    case 'veto':
      return vetoLost(rule, max, recordsFor(node, recordsByKind.get(rule.recordKind)), ex);
  }
}

const NONE: readonly UnitRecord[] = [];

function recordsFor(node: CompiledNode, records: readonly UnitRecord[] | undefined): readonly UnitRecord[] {
  if (!records) return NONE;
  if (records.every((r) => r.indicatorId === undefined)) return records;
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
