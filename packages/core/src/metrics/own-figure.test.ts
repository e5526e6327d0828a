import { describe, expect, it } from 'vitest';
import type { RegistryKey } from './definitions.ts';
import { type Figure, isAdditive, ownFigure } from './own-figure.ts';

const f = (value: number | null): Figure => ({ value, note: null });

describe('own figure (本级)', () => {
  const table: Record<string, { self: Figure; children: Figure[] }> = {
    'mediation.cases': { self: f(160), children: [f(100), f(21)] },
    'mediation.resolved': { self: f(120), children: [f(80), f(15)] },
  };
  const figures = (key: RegistryKey) => table[key] ?? { self: f(0), children: [] };

  it('is the subtree less its children for what adds up', () => {
    expect(ownFigure('mediation.cases', figures)).toEqual({ value: 39, note: null });
  });

  it('computes a rate from its own numerator and denominator, not by subtraction', () => {
    // 本级: 25 of 39 resolved.
    expect(ownFigure('mediation.success_rate', figures)).toEqual({ value: 64.1, note: null });
  });

  it('adds up counts, sums and differences, not rates nor distinct counts', () => {
    expect(isAdditive('mediation.cases')).toBe(true);
    expect(isAdditive('mediation.amount')).toBe(true);
    expect(isAdditive('corrections.active')).toBe(true);
    expect(isAdditive('mediation.success_rate')).toBe(false);
    expect(isAdditive('cadres.law_reports')).toBe(false);
    expect(ownFigure('cadres.law_reports', figures)).toEqual({ value: null, note: '去重计数不能按本级拆分' });
  });

  it('passes on a figure the subtree does not have', () => {
    const none = () => ({ self: { value: null, note: '台账尚未建立，暂无数据' }, children: [] });
    expect(ownFigure('mediation.cases', none)).toEqual({ value: null, note: '台账尚未建立，暂无数据' });
  });
});
