import { formatDifference, formatPoints, formatStep, formatValue, quote } from './format.ts';
import { ceilTolerant, floorTolerant, fromCents, toCents } from './rounding.ts';
import type {
  ManualRule,
  MetricRatioRule,
  MetricRule,
  PerOccurrenceRule,
  RequirementRule,
  VetoRule,
} from './scheme.schemas.ts';
import type { LostPoints, RuleResult, ScoreSource, VetoHit } from './score-types.ts';
import type { ManualInput, RequirementCheck, UnitRecord } from './unit-inputs.schemas.ts';

/*
 * One function per rule kind, each computing the points a leaf loses in integer hundredths (see rounding.ts).
 * Explanation text is written only when the caller passes an `Explain` to collect it: bulk scoring passes null and
 * computes points alone; a unit viewing its score gets the same function with an `Explain`, so the lines it reads
 * always add up to exactly the points that were scored (max − score = Σ lost.points, to the cent).
 * Each leaf score is rounded half up to 2 decimals and never leaves [0, max].
 */

/** Collects a rule's explanation; null when only points are wanted (bulk scoring). */
export type Explain = { lost: LostPoints[]; vetoes: VetoHit[]; warning?: string } | null;

const pts = (cents: number) => `${formatPoints(fromCents(cents))}分`;

/** The whole leaf is lost, with its line (callers in bulk mode return maxCents without building any text). */
function loseAll(maxCents: number, ex: NonNullable<Explain>, reason: string, source: ScoreSource): number {
  if (maxCents > 0) ex.lost.push({ points: fromCents(maxCents), reason, source });
  return maxCents;
}

const manualSource = (input: ManualInput | undefined): ScoreSource => ({
  kind: 'manual',
  ...(input?.evidenceIds?.length ? { evidenceIds: input.evidenceIds } : {}),
});

function noMetric(rule: MetricRule | MetricRatioRule, maxCents: number, ex: NonNullable<Explain>): number {
  return loseAll(maxCents, ex, `未取得${quote(rule.metricName)}数据，本项不得分`, {
    kind: 'metric',
    id: rule.metricKey,
  });
}

/** Manual score on a scale (0..scaleMax, default 0..max), converted to points pro rata. */
export function manualLost(rule: ManualRule, maxCents: number, input: ManualInput | undefined, ex: Explain): number {
  const max = fromCents(maxCents);
  if (!input) return ex ? loseAll(maxCents, ex, '考核组未评分，本项不得分', manualSource(input)) : maxCents;
  const scaleMax = rule.scaleMax ?? max;
  const value = Math.min(scaleMax, Math.max(0, input.value));
  const scoreCents = scaleMax > 0 ? Math.min(maxCents, toCents((max * value) / scaleMax)) : 0;
  const lostCents = maxCents - scoreCents;
  if (!ex) return Math.max(0, lostCents);
  if (value !== input.value) {
    ex.warning = `评分${formatPoints(input.value)}超出0至${formatPoints(scaleMax)}分范围，已按${formatPoints(value)}分计`;
  }
  if (lostCents <= 0) return 0;
  const rated =
    scaleMax === max
      ? `考核组评分${formatPoints(value)}分（满分${pts(maxCents)}）`
      : `考核组按${formatPoints(scaleMax)}分制评${formatPoints(value)}分，折合${pts(scoreCents)}`;
  const note = input.note ? `，${input.note}` : '';
  const basis = input.basis ? `（${input.basis}）` : '';
  ex.lost.push({
    points: fromCents(lostCents),
    reason: `${rated}${basis}${note}，扣${pts(lostCents)}`,
    source: manualSource(input),
  });
  return lostCents;
}

/** "低于目标每一个百分点扣1分，扣完为止": deduct per step of shortfall against a target. */
export function metricLost(rule: MetricRule, maxCents: number, value: number | undefined, ex: Explain): number {
  if (value === undefined || !Number.isFinite(value)) return ex ? noMetric(rule, maxCents, ex) : maxCents;
  const isHigherBetter = rule.direction === 'higher_is_better';
  const shortfall = isHigherBetter ? rule.target - value : value - rule.target;
  const rawSteps = shortfall / rule.step;
  const partial = rule.partialStep ?? 'ignore';
  const steps =
    partial === 'ignore' ? floorTolerant(rawSteps) : partial === 'count_as_full' ? ceilTolerant(rawSteps) : rawSteps;
  if (!(steps > 0)) return 0;
  const wantCents = toCents(steps * rule.pointsPerStep);
  const lostCents = Math.min(maxCents, wantCents);
  if (ex) {
    const reason =
      `${rule.metricName}为${formatValue(value, rule.unit)}，${isHigherBetter ? '低于' : '高于'}目标` +
      `${formatValue(rule.target, rule.unit)}共${formatDifference(Math.abs(shortfall), rule.unit)}，` +
      `${formatStep(rule.step, rule.unit)}扣${formatPoints(rule.pointsPerStep)}分，` +
      `扣${pts(lostCents)}${wantCents > maxCents ? '（扣完为止）' : ''}`;
    ex.lost.push({ points: fromCents(lostCents), reason, source: { kind: 'metric', id: rule.metricKey } });
  }
  return lostCents;
}

/** Points in proportion to the share of a target reached (e.g. 法律援助案件 against a yearly target). */
export function metricRatioLost(
  rule: MetricRatioRule,
  maxCents: number,
  value: number | undefined,
  ex: Explain,
): number {
  if (value === undefined || !Number.isFinite(value)) return ex ? noMetric(rule, maxCents, ex) : maxCents;
  const ratio = Math.min(1, Math.max(0, value) / rule.target);
  const scoreCents = Math.min(maxCents, toCents(fromCents(maxCents) * ratio));
  const lostCents = maxCents - scoreCents;
  if (lostCents <= 0) return 0;
  if (ex) {
    const reason =
      `${rule.metricName}为${formatValue(value, rule.unit)}，目标${formatValue(rule.target, rule.unit)}，` +
      `完成${formatPoints(ratio * 100)}%，按比例得${pts(scoreCents)}，扣${pts(lostCents)}`;
    ex.lost.push({ points: fromCents(lostCents), reason, source: { kind: 'metric', id: rule.metricKey } });
  }
  return lostCents;
}

/**
 * Each matching record deducts pointsEach × count until the cap (default: the leaf's points).
 * When explaining, records are taken in id order so the same facts always explain the same way, and records past
 * the cap are still listed with 0 points, so a unit sees every record that was considered. The total taken,
 * min(Σ wanted, cap), does not depend on the order, so bulk scoring skips the sort.
 */
export function perOccurrenceLost(
  rule: PerOccurrenceRule,
  maxCents: number,
  records: readonly UnitRecord[],
  ex: Explain,
): number {
  if (records.length === 0) return 0;
  const capCents = Math.min(maxCents, toCents(rule.cap ?? fromCents(maxCents)));
  let remaining = capCents;
  for (const record of ex ? [...records].sort(byId) : records) {
    const count = record.count ?? 1;
    const wantCents = toCents(rule.pointsEach * count);
    const takeCents = Math.min(wantCents, remaining);
    remaining -= takeCents;
    if (!ex) continue;
    const times = count > 1 ? `（${count}次）` : '';
    let reason = `${rule.recordName}：${record.title}${times}，每次扣${formatPoints(rule.pointsEach)}分`;
    if (takeCents === 0) reason += `，已达扣分上限${pts(capCents)}，不再扣分`;
    else if (takeCents < wantCents) reason += `，已达扣分上限${pts(capCents)}，实扣${pts(takeCents)}`;
    else reason += `，扣${pts(takeCents)}`;
    ex.lost.push({ points: fromCents(takeCents), reason, source: { kind: 'record', id: record.id } });
  }
  return capCents - remaining;
}

/** Pass/fail requirement: all or nothing, judged from the submitted check and its evidence. */
export function requirementLost(
  rule: RequirementRule,
  maxCents: number,
  check: RequirementCheck | undefined,
  ex: Explain,
): number {
  if (!check) {
    if (!ex) return maxCents;
    return loseAll(maxCents, ex, `未提交${quote(rule.requirement)}的佐证材料，本项不得分`, { kind: 'check' });
  }
  if (check.passed) return 0;
  if (!ex) return maxCents;
  const note = check.note ? `（${check.note}）` : '';
  const source: ScoreSource = {
    kind: 'check',
    ...(check.evidenceIds?.length ? { evidenceIds: check.evidenceIds } : {}),
  };
  return loseAll(maxCents, ex, `未达到要求：${rule.requirement}${note}，扣${pts(maxCents)}`, source);
}

/** Whether a veto rule strikes: any matching record. Bulk scoring caps the grade on exactly this test. */
export function isVetoed(records: readonly UnitRecord[]): boolean {
  return records.length > 0;
}

/** 一票否决: any matching record zeroes the leaf and caps the unit's grade. */
export function vetoLost(rule: VetoRule, maxCents: number, records: readonly UnitRecord[], ex: Explain): number {
  if (!isVetoed(records)) return 0;
  if (!ex) return maxCents;
  const sorted = [...records].sort(byId);
  for (const record of sorted) {
    ex.vetoes.push({
      capGrade: rule.capGrade,
      reason: `${rule.condition}：${record.title}，实行一票否决，等次最高为“${rule.capGrade}”`,
      source: { kind: 'record', id: record.id },
    });
  }
  const first = sorted[0]!;
  return loseAll(maxCents, ex, `${rule.condition}：${first.title}，本项不得分`, {
    kind: 'record',
    id: first.id,
  });
}

/** One rule scored with its explanation, as a unit reads it. */
function explained(max: number, lostOf: (maxCents: number, ex: NonNullable<Explain>) => number): RuleResult {
  const maxCents = toCents(max);
  const ex: NonNullable<Explain> = { lost: [], vetoes: [] };
  const lostCents = lostOf(maxCents, ex);
  return {
    score: fromCents(maxCents - lostCents),
    max: fromCents(maxCents),
    lost: ex.lost,
    ...(ex.vetoes.length ? { vetoes: ex.vetoes } : {}),
    ...(ex.warning ? { warning: ex.warning } : {}),
  };
}

export const scoreManual = (rule: ManualRule, max: number, input: ManualInput | undefined) =>
  explained(max, (m, ex) => manualLost(rule, m, input, ex));
export const scoreMetric = (rule: MetricRule, max: number, value: number | undefined) =>
  explained(max, (m, ex) => metricLost(rule, m, value, ex));
export const scoreMetricRatio = (rule: MetricRatioRule, max: number, value: number | undefined) =>
  explained(max, (m, ex) => metricRatioLost(rule, m, value, ex));
export const scorePerOccurrence = (rule: PerOccurrenceRule, max: number, records: readonly UnitRecord[]) =>
  explained(max, (m, ex) => perOccurrenceLost(rule, m, records, ex));
export const scoreRequirement = (rule: RequirementRule, max: number, check: RequirementCheck | undefined) =>
  explained(max, (m, ex) => requirementLost(rule, m, check, ex));
export const scoreVeto = (rule: VetoRule, max: number, records: readonly UnitRecord[]) =>
  explained(max, (m, ex) => vetoLost(rule, m, records, ex));

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
