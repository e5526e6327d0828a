import { describe, expect, it } from 'vitest';
import { buildDemoScheme } from './demo-scheme.ts';
import { compileScheme, scoreUnit } from './score-unit.ts';
import { compareSelfAndReview } from './self-review-diff.ts';
import { perfectInputs } from './test-factories.ts';

const compiled = compileScheme(buildDemoScheme());

describe('compareSelfAndReview', () => {
  it('lists the leaves the assessors scored differently, with their reasons', () => {
    const claimed = perfectInputs(compiled, '乡镇街道');
    const self = scoreUnit(compiled, '乡镇街道', claimed);
    const review = scoreUnit(compiled, '乡镇街道', {
      ...claimed,
      checks: { ...claimed.checks, 'xz-1-2': { passed: false, note: '仅研究1次', evidenceIds: ['e7'] } },
      manual: { ...claimed.manual, 'xz-3-3-2': { value: 85 } },
    });
    const diff = compareSelfAndReview(self, review);
    expect(diff.map((d) => [d.indicatorId, d.selfScore, d.reviewScore, d.difference])).toEqual([
      ['xz-1-2', 3, 0, -3],
      ['xz-3-3-2', 4, 3.4, -0.6],
    ]);
    expect(diff[0]?.reviewReasons[0]).toContain('仅研究1次');
  });

  it('no difference, empty list', () => {
    const s = scoreUnit(compiled, '执法部门', perfectInputs(compiled, '执法部门'));
    expect(compareSelfAndReview(s, s)).toEqual([]);
  });
});
