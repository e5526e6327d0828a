import { aggregateParts, metricComputations, type RegistryKey } from './definitions.ts';
import { computeRate } from './rate.ts';

export type Figure = { value: number | null; note: string | null };

/** Figures of one org's whole subtree (`self`) and of each of its children's subtrees, for one metric. */
export type SubtreeFigures = (key: RegistryKey) => { self: Figure; children: Figure[] };

/** Whether a metric's figures add up across units (counts and sums; not distinct counts nor rates). */
export function isAdditive(key: RegistryKey): boolean {
  const c = metricComputations[key];
  if (!c) return false;
  if (c.kind === 'rate') return false;
  return aggregateParts(key).every((part) => metricComputations[part]?.kind !== 'distinct');
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The org's own figure (本级: rows entered by the org itself, not by units below it), from its subtree figure and
 * its children's: the subtree less the children for what adds up; a rate from its own numerator and denominator;
 * a distinct count has no own part that subtraction could give (null, with the reason).
 */
export function ownFigure(key: RegistryKey, figures: SubtreeFigures): Figure {
  const c = metricComputations[key];
  if (c?.kind === 'rate') {
    const numerator = ownFigure(c.numerator, figures);
    const denominator = ownFigure(c.denominator, figures);
    if (numerator.value === null && numerator.note) return numerator;
    if (denominator.value === null && denominator.note) return denominator;
    return computeRate(numerator.value, denominator.value);
  }
  if (!isAdditive(key)) return { value: null, note: '去重计数不能按本级拆分' };
  const { self, children } = figures(key);
  if (self.value === null) return self;
  let rest = self.value;
  for (const child of children) rest -= child.value ?? 0;
  return { value: round2(rest), note: null };
}
