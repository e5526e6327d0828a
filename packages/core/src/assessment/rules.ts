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
 * One function per rule kind. `max` is the leaf's full score (already rounded to 2 decimals).
 * Each leaf score is rounded half up to 2 decimals (see rounding.ts) and never leaves [0, max];
 * the lost lines add up to max − score exactly, so a unit can check every point.
 */

function result(maxCents: number, lost: LostPoints[], extra?: Partial<RuleResult>): RuleResult {
  const lostCents = lost.reduce((acc, l) => acc + toCents(l.points), 0);
  return { score: fromCents(maxCents - lostCents), max: fromCents(maxCents), lost, ...extra };
}

function loseAll(maxCents: number, reason: string, source: ScoreSource): RuleResult {
  return result(maxCents, maxCents > 0 ? [{ points: fromCents(maxCents), reason, source }] : []);
}

const pts = (cents: number) => `${formatPoints(fromCents(cents))}分`;

/** Manual score on a scale (0..scaleMax, default 0..max), converted to points pro rata. */
export function scoreManual(rule: ManualRule, max: number, input: ManualInput | undefined): RuleResult {
  const maxCents = toCents(max);
  const source: ScoreSource = {
    kind: 'manual',
    ...(input?.evidenceIds?.length ? { evidenceIds: input.evidenceIds } : {}),
  };
  if (!input) return loseAll(maxCents, '考核组未评分，本项不得分', source);
  const scaleMax = rule.scaleMax ?? max;
  const value = Math.min(scaleMax, Math.max(0, input.value));
  const warning =
    value === input.value
      ? undefined
      : `评分${formatPoints(input.value)}超出0至${formatPoints(scaleMax)}分范围，已按${formatPoints(value)}分计`;
  const scoreCents = scaleMax > 0 ? Math.min(maxCents, toCents((max * value) / scaleMax)) : 0;
  const lostCents = maxCents - scoreCents;
  if (lostCents <= 0) return result(maxCents, [], warning ? { warning } : {});
  const rated =
    scaleMax === max
      ? `考核组评分${formatPoints(value)}分（满分${pts(maxCents)}）`
      : `考核组按${formatPoints(scaleMax)}分制评${formatPoints(value)}分，折合${pts(scoreCents)}`;
  const note = input.note ? `，${input.note}` : '';
  const basis = input.basis ? `（${input.basis}）` : '';
  const reason = `${rated}${basis}${note}，扣${pts(lostCents)}`;
  return result(maxCents, [{ points: fromCents(lostCents), reason, source }], warning ? { warning } : {});
}

/** "低于目标每一个百分点扣1分，扣完为止": deduct per step of shortfall against a target. */
export function scoreMetric(rule: MetricRule, max: number, value: number | undefined): RuleResult {
  const maxCents = toCents(max);
  const source: ScoreSource = { kind: 'metric', id: rule.metricKey };
  if (value === undefined || !Number.isFinite(value)) {
    return loseAll(maxCents, `未取得${quote(rule.metricName)}数据，本项不得分`, source);
  }
  const isHigherBetter = rule.direction === 'higher_is_better';
  const shortfall = isHigherBetter ? rule.target - value : value - rule.target;
  const rawSteps = shortfall / rule.step;
  const partial = rule.partialStep ?? 'ignore';
  const steps =
    partial === 'ignore' ? floorTolerant(rawSteps) : partial === 'count_as_full' ? ceilTolerant(rawSteps) : rawSteps;
  if (!(steps > 0)) return result(maxCents, []);
  const wantCents = toCents(steps * rule.pointsPerStep);
  const lostCents = Math.min(maxCents, wantCents);
  const isCapped = wantCents > maxCents;
  const reason =
    `${rule.metricName}为${formatValue(value, rule.unit)}，${isHigherBetter ? '低于' : '高于'}目标` +
    `${formatValue(rule.target, rule.unit)}共${formatDifference(Math.abs(shortfall), rule.unit)}，` +
    `${formatStep(rule.step, rule.unit)}扣${formatPoints(rule.pointsPerStep)}分，` +
    `扣${pts(lostCents)}${isCapped ? '（扣完为止）' : ''}`;
  return result(maxCents, [{ points: fromCents(lostCents), reason, source }]);
}

/** Points in proportion to the share of a target reached (e.g. 法律援助案件 against a yearly target). */
export function scoreMetricRatio(rule: MetricRatioRule, max: number, value: number | undefined): RuleResult {
  const maxCents = toCents(max);
  const source: ScoreSource = { kind: 'metric', id: rule.metricKey };
  if (value === undefined || !Number.isFinite(value)) {
    return loseAll(maxCents, `未取得${quote(rule.metricName)}数据，本项不得分`, source);
  }
  const ratio = Math.min(1, Math.max(0, value) / rule.target);
  const scoreCents = Math.min(maxCents, toCents(max * ratio));
  const lostCents = maxCents - scoreCents;
  if (lostCents <= 0) return result(maxCents, []);
  const reason =
    `${rule.metricName}为${formatValue(value, rule.unit)}，目标${formatValue(rule.target, rule.unit)}，` +
    `完成${formatPoints(ratio * 100)}%，按比例得${pts(scoreCents)}，扣${pts(lostCents)}`;
  return result(maxCents, [{ points: fromCents(lostCents), reason, source }]);
}

/**
 * Each matching record deducts pointsEach × count until the cap (default: the leaf's points).
 * Records are taken in id order so the same facts always explain the same way; records past the cap
 * are still listed with 0 points, so a unit sees every record that was considered.
 */
export function scorePerOccurrence(rule: PerOccurrenceRule, max: number, records: readonly UnitRecord[]): RuleResult {
  const maxCents = toCents(max);
  const capCents = Math.min(maxCents, toCents(rule.cap ?? max));
  let remaining = capCents;
  const lost: LostPoints[] = [];
  for (const record of [...records].sort(byId)) {
    const count = record.count ?? 1;
    const wantCents = toCents(rule.pointsEach * count);
    const takeCents = Math.min(wantCents, remaining);
    remaining -= takeCents;
    const times = count > 1 ? `（${count}次）` : '';
    let reason = `${rule.recordName}：${record.title}${times}，每次扣${formatPoints(rule.pointsEach)}分`;
    if (takeCents === 0) reason += `，已达扣分上限${pts(capCents)}，不再扣分`;
    else if (takeCents < wantCents) reason += `，已达扣分上限${pts(capCents)}，实扣${pts(takeCents)}`;
    else reason += `，扣${pts(takeCents)}`;
    lost.push({ points: fromCents(takeCents), reason, source: { kind: 'record', id: record.id } });
  }
  return result(maxCents, lost);
}

/** Pass/fail requirement: all or nothing, judged from the submitted check and its evidence. */
export function scoreRequirement(rule: RequirementRule, max: number, check: RequirementCheck | undefined): RuleResult {
  const maxCents = toCents(max);
  if (!check) return loseAll(maxCents, `未提交${quote(rule.requirement)}的佐证材料，本项不得分`, { kind: 'check' });
  if (check.passed) return result(maxCents, []);
  const note = check.note ? `（${check.note}）` : '';
  const source: ScoreSource = {
    kind: 'check',
    ...(check.evidenceIds?.length ? { evidenceIds: check.evidenceIds } : {}),
  };
  return loseAll(maxCents, `未达到要求：${rule.requirement}${note}，扣${pts(maxCents)}`, source);
}

/** 一票否决: any matching record zeroes the leaf and caps the unit's grade. */
export function scoreVeto(rule: VetoRule, max: number, records: readonly UnitRecord[]): RuleResult {
  const maxCents = toCents(max);
  if (records.length === 0) return result(maxCents, []);
  const sorted = [...records].sort(byId);
  const vetoes: VetoHit[] = sorted.map((record) => ({
    capGrade: rule.capGrade,
    reason: `${rule.condition}：${record.title}，实行一票否决，等次最高为“${rule.capGrade}”`,
    source: { kind: 'record', id: record.id },
  }));
  const first = sorted[0]!;
  const lost: LostPoints[] =
    maxCents > 0
      ? [
          {
            points: fromCents(maxCents),
            reason: `${rule.condition}：${first.title}，本项不得分`,
            source: { kind: 'record', id: first.id },
          },
        ]
      : [];
  return result(maxCents, lost, { vetoes });
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
