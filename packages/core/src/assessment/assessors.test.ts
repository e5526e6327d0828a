import { describe, expect, it } from 'vitest';
import { combineAssessorScores, combineAssessorSheets } from './assessors.ts';

const scores = (...values: number[]) => values.map((value, i) => ({ assessorId: `a${i + 1}`, value }));

describe('combineAssessorScores', () => {
  it('averages and rounds half up', () => {
    const r = combineAssessorScores(scores(8, 9, 9), { method: 'mean', trimMinCount: 5 });
    expect(r.value).toBe(8.67);
    expect(r.explanation).toBe('3名考核人员评分8、9、9，取平均分8.67分');
  });

  it('drops one highest and one lowest with enough assessors', () => {
    const r = combineAssessorScores(scores(10, 6, 8, 9, 7), { method: 'trimmed_mean', trimMinCount: 5 });
    expect(r.value).toBe(8);
    expect(r.dropped.map((s) => s.value)).toEqual([6, 10]);
    expect(r.explanation).toBe('5名考核人员评分6、7、8、9、10，去掉一个最高分10、一个最低分6后取平均分8分');
  });

  it('falls back to the mean below the threshold and says so', () => {
    const r = combineAssessorScores(scores(10, 6, 8), { method: 'trimmed_mean', trimMinCount: 5 });
    expect(r).toMatchObject({ value: 8, method: 'mean', dropped: [] });
    expect(r.explanation).toContain('不足5人，不去极值，取平均分8分');
  });

  it('drops only one of equal extremes, chosen by assessor id', () => {
    const r = combineAssessorScores(
      [
        { assessorId: 'z', value: 10 },
        { assessorId: 'b', value: 10 },
        { assessorId: 'c', value: 5 },
      ],
      { method: 'trimmed_mean', trimMinCount: 3 },
    );
    expect(r.value).toBe(10);
    expect(r.dropped.map((s) => s.assessorId)).toEqual(['c', 'z']);
  });

  it('takes the median, averaging the middle pair for an even count', () => {
    expect(combineAssessorScores(scores(9, 1, 7), { method: 'median', trimMinCount: 5 }).value).toBe(7);
    const even = combineAssessorScores(scores(9, 1, 7, 8), { method: 'median', trimMinCount: 5 });
    expect(even.value).toBe(7.5);
    expect(even.explanation).toBe('4名考核人员评分1、7、8、9，取中位数7.5分');
  });

  it('nobody scored: no value', () => {
    expect(combineAssessorScores([], { method: 'mean', trimMinCount: 5 })).toMatchObject({
      value: null,
      explanation: '尚无考核人员评分',
    });
  });

  it('is independent of the order of assessors', () => {
    const a = combineAssessorScores(scores(3, 9, 4, 8, 5), { method: 'trimmed_mean', trimMinCount: 5 });
    const b = combineAssessorScores(scores(3, 9, 4, 8, 5).reverse(), { method: 'trimmed_mean', trimMinCount: 5 });
    expect(a).toEqual(b);
  });
});

describe('combineAssessorSheets', () => {
  it('turns sheets into manual inputs that carry their basis, notes and evidence', () => {
    const manual = combineAssessorSheets(
      [
        { assessorId: 'a1', scores: { x: { value: 4, note: '台账缺3月', evidenceIds: ['e2'] }, y: { value: 2 } } },
        { assessorId: 'a2', scores: { x: { value: 3, evidenceIds: ['e1', 'e2'] } } },
      ],
      { method: 'mean', trimMinCount: 5 },
    );
    expect(manual.x).toEqual({
      value: 3.5,
      basis: '2名考核人员评分3、4，取平均分3.5分',
      note: '台账缺3月',
      evidenceIds: ['e1', 'e2'],
    });
    expect(manual.y).toEqual({ value: 2, basis: '1名考核人员评分2，取平均分2分' });
  });
});
