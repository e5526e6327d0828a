import { splitByWeight } from './compile-scheme.ts';
import type { Indicator, Template } from './scheme.schemas.ts';

/*
 * Switching a template between points and weights in the scheme editor. Both directions split by largest remainder
 * (compile-scheme.ts), so siblings always add up exactly: weights to 100% in hundredths of a percent, points to
 * their parent in hundredths of a point — the same points the scorer gives the leaves.
 */

/** Points → weights: each node weighs its share of its parent's points, siblings summing to exactly 100%. */
export function toWeightsMode(template: Template): Template {
  const convert = (siblings: Indicator[]): Indicator[] => {
    const shares = splitByWeight(
      10_000,
      siblings.map((s) => ({ weight: s.points ?? 0 })),
    );
    return siblings.map((node, i) => {
      const { points: _points, children, ...rest } = node;
      return {
        ...rest,
        weight: (shares[i] ?? 0) / 100,
        ...(children?.length ? { children: convert(children) } : {}),
      };
    });
  };
  return { ...template, mode: 'weights', indicators: convert(template.indicators) };
}

/** Weights → points: each node gets the points the scorer would give it. */
export function toPointsMode(template: Template): Template {
  const convert = (siblings: Indicator[], parentCents: number): Indicator[] => {
    const shares = splitByWeight(parentCents, siblings);
    return siblings.map((node, i) => {
      const { weight: _weight, children, ...rest } = node;
      const cents = shares[i] ?? 0;
      return {
        ...rest,
        points: cents / 100,
        ...(children?.length ? { children: convert(children, cents) } : {}),
      };
    });
  };
  return {
    ...template,
    mode: 'points',
    indicators: convert(template.indicators, Math.round(template.totalPoints * 100)),
  };
}
