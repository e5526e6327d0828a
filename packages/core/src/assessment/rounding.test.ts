import { describe, expect, it } from 'vitest';
import { ceilTolerant, floorTolerant, roundScore, sumScores, toCents } from './rounding.ts';

describe('rounding', () => {
  it('rounds half up to 2 decimals, including values stored just below the half', () => {
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(2.675)).toBe(2.68);
    expect(roundScore(1.004)).toBe(1);
    expect(roundScore(0.125)).toBe(0.13);
    expect(roundScore(3.333333)).toBe(3.33);
    expect(roundScore(6.666666)).toBe(6.67);
  });

  it('rounds negatives away from zero and keeps zero positive', () => {
    expect(roundScore(-1.005)).toBe(-1.01);
    expect(Object.is(roundScore(-0.001), -0)).toBe(true);
    expect(toCents(-0.5)).toBe(-50);
  });

  it('sums in hundredths without float drift', () => {
    expect(sumScores([0.1, 0.2])).toBe(0.3);
    expect(sumScores([33.33, 33.33, 33.34])).toBe(100);
    expect(sumScores(Array.from({ length: 100 }, () => 0.01))).toBe(1);
  });

  it('floors and ceils forgiving float noise', () => {
    expect(floorTolerant((0.95 - 0.92) / 0.01)).toBe(3);
    expect(floorTolerant(2.9999999999)).toBe(3);
    expect(floorTolerant(2.5)).toBe(2);
    expect(ceilTolerant(3.0000000001)).toBe(3);
    expect(ceilTolerant(2.1)).toBe(3);
  });
});
