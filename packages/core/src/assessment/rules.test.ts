import { describe, expect, it } from 'vitest';
import {
  scoreManual,
  scoreMetric,
  scoreMetricRatio,
  scorePerOccurrence,
  scoreRequirement,
  scoreVeto,
} from './rules.ts';
import type { RuleResult } from './score-types.ts';
import { metricRule } from './test-factories.ts';

const lostSum = (r: RuleResult) => Math.round(r.lost.reduce((a, l) => a + l.points * 100, 0)) / 100;
const expectBalanced = (r: RuleResult) => expect(Math.round((r.max - r.score) * 100) / 100).toBe(lostSum(r));

describe('scoreManual', () => {
  it('gives the assessor score directly when the scale is the leaf points', () => {
    const r = scoreManual({ kind: 'manual' }, 5, { value: 4.5, note: '台账不完整', evidenceIds: ['e1'] });
    expect(r).toMatchObject({ score: 4.5, max: 5 });
    expect(r.lost[0]).toMatchObject({ points: 0.5, source: { kind: 'manual', evidenceIds: ['e1'] } });
    expect(r.lost[0]?.reason).toBe('考核组评分4.5分（满分5分），台账不完整，扣0.5分');
  });

  it('converts a 10-point scale pro rata and rounds half up at the leaf', () => {
    const r = scoreManual({ kind: 'manual', scaleMax: 10 }, 5, { value: 8.05, basis: '3名考核人员评分' });
    expect(r.score).toBe(4.03);
    expect(r.lost[0]?.reason).toContain('按10分制评8.05分，折合4.03分（3名考核人员评分）');
    expectBalanced(r);
  });

  it('a 1/3 share of 4 points rounds to 1.33 and the lost line keeps the balance', () => {
    const r = scoreManual({ kind: 'manual', scaleMax: 3 }, 4, { value: 1 });
    expect(r.score).toBe(1.33);
    expect(r.lost[0]?.points).toBe(2.67);
  });

  it('full marks lose nothing', () => {
    expect(scoreManual({ kind: 'manual' }, 4, { value: 4 }).lost).toEqual([]);
  });

  it('without a score the leaf gets nothing, and says why', () => {
    const r = scoreManual({ kind: 'manual' }, 4, undefined);
    expect(r.score).toBe(0);
    expect(r.lost[0]?.reason).toBe('考核组未评分，本项不得分');
  });

  it('clamps out-of-range scores and warns', () => {
    const high = scoreManual({ kind: 'manual' }, 4, { value: 6 });
    expect(high.score).toBe(4);
    expect(high.warning).toContain('超出0至4分范围');
    expect(scoreManual({ kind: 'manual' }, 4, { value: -1 }).score).toBe(0);
  });
});

describe('scoreMetric', () => {
  it('"低于目标每一个百分点扣1分": only full points count by default', () => {
    const r = scoreMetric(metricRule(), 5, 92.3);
    expect(r.score).toBe(3);
    expect(r.lost[0]).toMatchObject({ points: 2, source: { kind: 'metric', id: 'plan.closure_rate' } });
    expect(r.lost[0]?.reason).toBe('销号率为92.3%，低于目标95%共2.7个百分点，每1个百分点扣1分，扣2分');
  });

  it('"扣完为止": the deduction stops at the leaf points', () => {
    const r = scoreMetric(metricRule(), 5, 60);
    expect(r.score).toBe(0);
    expect(r.lost[0]?.points).toBe(5);
    expect(r.lost[0]?.reason).toContain('（扣完为止）');
  });

  it('meeting or beating the target keeps full points', () => {
    expect(scoreMetric(metricRule(), 5, 95).score).toBe(5);
    expect(scoreMetric(metricRule(), 5, 99).lost).toEqual([]);
  });

  it('a partial step counts as a full one when configured', () => {
    expect(scoreMetric(metricRule({ partialStep: 'count_as_full' }), 5, 94.9).score).toBe(4);
    expect(scoreMetric(metricRule({ partialStep: 'count_as_full' }), 5, 92.3).score).toBe(2);
  });

  it('a partial step counts pro rata when configured', () => {
    expect(scoreMetric(metricRule({ partialStep: 'proportional' }), 5, 92.3).score).toBe(2.3);
    // 0.01 point short × 0.5 = 0.005 deducted, rounded half up to 0.01.
    expect(scoreMetric(metricRule({ partialStep: 'proportional', pointsPerStep: 0.5 }), 5, 94.99).score).toBe(4.99);
  });

  it('float noise never costs a step: 0.95 − 0.92 is three steps of 0.01', () => {
    const rule = metricRule({ target: 0.95, step: 0.01, unit: undefined });
    expect(scoreMetric(rule, 5, 0.92).score).toBe(2);
  });

  it('lower-is-better metrics deduct above the target', () => {
    const rule = metricRule({
      metricKey: 'reconsideration.correction_rate',
      metricName: '复议纠错率',
      target: 5,
      direction: 'lower_is_better',
    });
    const r = scoreMetric(rule, 4, 7.5);
    expect(r.score).toBe(2);
    expect(r.lost[0]?.reason).toContain('高于目标5%共2.5个百分点');
    expect(scoreMetric(rule, 4, 3).score).toBe(4);
  });

  it('steps larger than one unit, and non-percent units', () => {
    const rule = metricRule({
      metricKey: 'publicity.activities',
      metricName: '普法活动',
      unit: '场次',
      target: 12,
      step: 2,
      pointsPerStep: 0.5,
    });
    const r = scoreMetric(rule, 3, 7);
    expect(r.score).toBe(2);
    expect(r.lost[0]?.reason).toBe('普法活动为7场次，低于目标12场次共5场次，每2场次扣0.5分，扣1分');
  });

  it('a missing metric value loses the whole leaf and names the metric', () => {
    const r = scoreMetric(metricRule(), 5, undefined);
    expect(r.score).toBe(0);
    expect(r.lost[0]?.reason).toBe('未取得“销号率”数据，本项不得分');
    expect(scoreMetric(metricRule(), 5, Number.NaN).score).toBe(0);
  });
});

describe('scoreMetricRatio', () => {
  const rule = {
    kind: 'metric_ratio',
    metricKey: 'legal_aid.cases',
    metricName: '法律援助案件',
    unit: '件',
    target: 20,
  } as const;

  it('scores in proportion to the target reached', () => {
    const r = scoreMetricRatio(rule, 4, 15);
    expect(r.score).toBe(3);
    expect(r.lost[0]?.reason).toBe('法律援助案件为15件，目标20件，完成75%，按比例得3分，扣1分');
  });

  it('never exceeds the leaf and never goes below zero', () => {
    expect(scoreMetricRatio(rule, 4, 40).score).toBe(4);
    expect(scoreMetricRatio(rule, 4, -5).score).toBe(0);
  });

  it('rounds the proportional score half up', () => {
    const r = scoreMetricRatio({ ...rule, target: 3 }, 5, 1);
    expect(r.score).toBe(1.67);
    expectBalanced(r);
  });

  it('a missing value loses the leaf', () => {
    expect(scoreMetricRatio(rule, 4, undefined).lost[0]?.points).toBe(4);
  });
});

describe('scorePerOccurrence', () => {
  const rule = {
    kind: 'per_occurrence',
    recordKind: 'litigation.lost',
    recordName: '行政诉讼败诉案件',
    pointsEach: 1.5,
    cap: 4,
  } as const;
  const rec = (id: string, count?: number) => ({
    id,
    kind: 'litigation.lost',
    title: `案件${id}`,
    ...(count ? { count } : {}),
  });

  it('deducts per record and names each record', () => {
    const r = scorePerOccurrence(rule, 5, [rec('b'), rec('a')]);
    expect(r.score).toBe(2);
    expect(r.lost.map((l) => l.source.id)).toEqual(['a', 'b']);
    expect(r.lost[0]?.reason).toBe('行政诉讼败诉案件：案件a，每次扣1.5分，扣1.5分');
  });

  it('stops at the cap, says which record met it and lists later records with 0 points', () => {
    const r = scorePerOccurrence(rule, 5, [rec('a'), rec('b'), rec('c'), rec('d')]);
    expect(r.score).toBe(1);
    expect(r.lost.map((l) => l.points)).toEqual([1.5, 1.5, 1, 0]);
    expect(r.lost[2]?.reason).toContain('已达扣分上限4分，实扣1分');
    expect(r.lost[3]?.reason).toContain('已达扣分上限4分，不再扣分');
    expectBalanced(r);
  });

  it('the cap defaults to, and never exceeds, the leaf points', () => {
    const noCap = { ...rule, cap: undefined };
    expect(scorePerOccurrence(noCap, 3, [rec('a', 5)]).score).toBe(0);
    expect(scorePerOccurrence({ ...rule, cap: 10 }, 3, [rec('a', 5)]).score).toBe(0);
  });

  it('counts a record with count n as n occurrences', () => {
    const r = scorePerOccurrence({ ...rule, cap: 10 }, 10, [rec('a', 3)]);
    expect(r.score).toBe(5.5);
    expect(r.lost[0]?.reason).toContain('（3次）');
  });

  it('no records, no loss; the result is independent of record order', () => {
    expect(scorePerOccurrence(rule, 5, []).score).toBe(5);
    const one = scorePerOccurrence(rule, 5, [rec('c'), rec('a'), rec('b')]);
    const two = scorePerOccurrence(rule, 5, [rec('b'), rec('c'), rec('a')]);
    expect(one).toEqual(two);
  });
});

describe('scoreRequirement', () => {
  const rule = { kind: 'requirement', requirement: '年内专题研究法治建设工作不少于2次' } as const;

  it('passes with full points', () => {
    expect(scoreRequirement(rule, 3, { passed: true, evidenceIds: ['e1'] })).toEqual({ score: 3, max: 3, lost: [] });
  });

  it('fails with nothing, citing the requirement, the note and the evidence', () => {
    const r = scoreRequirement(rule, 3, { passed: false, note: '仅研究1次', evidenceIds: ['e9'] });
    expect(r.score).toBe(0);
    expect(r.lost[0]).toEqual({
      points: 3,
      reason: '未达到要求：年内专题研究法治建设工作不少于2次（仅研究1次），扣3分',
      source: { kind: 'check', evidenceIds: ['e9'] },
    });
  });

  it('no submission counts as not met', () => {
    expect(scoreRequirement(rule, 3, undefined).lost[0]?.reason).toBe(
      '未提交“年内专题研究法治建设工作不少于2次”的佐证材料，本项不得分',
    );
  });
});

describe('scoreVeto', () => {
  const rule = {
    kind: 'veto',
    recordKind: 'incident.major',
    condition: '发生重大涉法群体性事件',
    capGrade: '较差',
  } as const;
  const rec = (id: string) => ({ id, kind: 'incident.major', title: `事件${id}` });

  it('without a record nothing happens', () => {
    expect(scoreVeto(rule, 0, [])).toEqual({ score: 0, max: 0, lost: [] });
    expect(scoreVeto(rule, 2, []).score).toBe(2);
  });

  it('a record caps the grade, once per record, with the record as source', () => {
    const r = scoreVeto(rule, 0, [rec('b'), rec('a')]);
    expect(r.vetoes).toHaveLength(2);
    expect(r.vetoes?.[0]).toEqual({
      capGrade: '较差',
      reason: '发生重大涉法群体性事件：事件a，实行一票否决，等次最高为“较差”',
      source: { kind: 'record', id: 'a' },
    });
    expect(r.lost).toEqual([]);
  });

  it('a veto leaf with points loses them all', () => {
    const r = scoreVeto(rule, 2, [rec('a')]);
    expect(r.score).toBe(0);
    expect(r.lost[0]?.points).toBe(2);
  });
});
