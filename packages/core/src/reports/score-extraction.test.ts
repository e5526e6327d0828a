import { describe, expect, it } from 'vitest';
import { scoreExtraction } from './score-extraction.ts';

describe('scoreExtraction', () => {
  const expected = [
    { start: 0, end: 5, value: 3, unit: '件', metric: 'reconsideration.accepted' as const },
    { start: 6, end: 10, value: 2, unit: '件', metric: 'reconsideration.concluded' as const },
  ];

  it('counts matches by span, value and unit', () => {
    const score = scoreExtraction(expected, [
      { start: 0, end: 5, quantityStart: 3, quantityEnd: 5, value: 3, unit: '件', metric: 'reconsideration.accepted' },
      { start: 6, end: 10, value: 2, unit: '人', metric: null },
      { start: 20, end: 22, value: 7, unit: '件' },
    ]);
    expect(score).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1, metricAccuracy: 1 });
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / 2);
    expect(score.missed).toEqual([expected[1]]);
  });

  it('matches each label once', () => {
    const twice = { start: 0, end: 5, value: 3, unit: '件' };
    const score = scoreExtraction([expected[0]!], [twice, twice]);
    expect(score).toMatchObject({ truePositives: 1, falsePositives: 1 });
  });

  it('scores empty sets as perfect', () => {
    expect(scoreExtraction([], [])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('tracks metric accuracy among matches', () => {
    const score = scoreExtraction(expected, [
      { start: 0, end: 5, value: 3, unit: '件', metric: null },
      { start: 6, end: 10, value: 2, unit: '件', metric: 'reconsideration.concluded' },
    ]);
    expect(score.metricAccuracy).toBe(0.5);
    expect(score.recall).toBe(1);
  });
});
