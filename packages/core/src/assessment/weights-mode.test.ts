import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copySchemeToNextYear } from './copy-scheme.ts';
import { buildDemoScheme } from './demo-scheme.ts';
import { toCents } from './rounding.ts';
import { type Indicator, type Scheme, validateScheme } from './scheme.schemas.ts';
import { compileScheme, scoreUnit, scoreUnitTotals } from './score-unit.ts';
import { toPointsMode, toWeightsMode } from './template-mode.ts';
import { manualRule, metricRule, perfectInputs, schemeWith } from './test-factories.ts';
import type { UnitInputs } from './unit-inputs.schemas.ts';

const weightedScheme = (indicators: Indicator[], totalPoints = 100): Scheme => {
  const scheme = schemeWith([]);
  scheme.templates[0] = { id: 't1', unitType: '执法部门', mode: 'weights', totalPoints, indicators };
  return scheme;
};

const messages = (scheme: Scheme) => {
  const r = validateScheme(scheme);
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('weights-mode templates', () => {
  it('weigh the top level as 100% of any total, and name the indicator whose children do not add up', () => {
    const ok = weightedScheme(
      [
        { id: 'a', name: '依法决策', weight: 60, rule: manualRule(10) },
        { id: 'b', name: '严格执法', weight: 40, rule: metricRule() },
      ],
      50,
    );
    expect(messages(ok)).toEqual([]);
    const compiled = compileScheme(ok);
    expect(compiled.templates.get('执法部门')!.nodes.map((n) => n.maxCents)).toEqual([3000, 2000]);
    expect(scoreUnit(compiled, '执法部门', perfectInputs(compiled, '执法部门')).total).toBe(50);

    const bad = weightedScheme([
      {
        id: 'a',
        name: '依法决策',
        weight: 100,
        children: [
          { id: 'a1', name: '合法性审查', weight: 70, rule: manualRule() },
          { id: 'a2', name: '集体讨论', weight: 20, rule: manualRule() },
        ],
      },
    ]);
    expect(messages(bad)).toEqual(['指标“依法决策”的下级指标权重合计90%，应为100%']);
  });

  it('a weighted total stays within 0..100 whatever the weights and inputs, leaves adding up to every parent', () => {
    // Weights in hundredths of a percent that sum to exactly 100% at each level.
    const weightsArb = (n: number) =>
      fc
        .array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n })
        .map((raw) => {
          const sum = raw.reduce((a, b) => a + b, 0);
          const cents = raw.map((r) => Math.floor((r * 10_000) / sum));
          cents[0]! += 10_000 - cents.reduce((a, b) => a + b, 0);
          return cents.map((c) => c / 100);
        })
        .filter((w) => w.every((x) => x > 0));
    const treeArb = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .chain((childCounts) =>
        fc.tuple(
          weightsArb(childCounts.length),
          fc.tuple(...childCounts.map((n) => weightsArb(n))),
          fc.constant(childCounts),
        ),
      )
      .map(([top, nested, counts]) =>
        top.map(
          (weight, i): Indicator => ({
            id: `b${i}`,
            name: `一级指标${i}`,
            weight,
            children: Array.from({ length: counts[i]! }, (_, j) => ({
              id: `b${i}-${j}`,
              name: `指标${i}-${j}`,
              weight: nested[i]![j]!,
              rule: j % 2 === 0 ? manualRule(10) : metricRule({ metricKey: `m.k${i}_${j}` }),
            })),
          }),
        ),
      );
    fc.assert(
      fc.property(treeArb, fc.array(fc.double({ min: -20, max: 130, noNaN: true }), { maxLength: 40 }), (tree, xs) => {
        const scheme = weightedScheme(tree);
        expect(messages(scheme)).toEqual([]);
        const compiled = compileScheme(scheme);
        const template = compiled.templates.get('执法部门')!;
        const inputs: UnitInputs = { manual: {}, metrics: {} };
        template.leafIndices.forEach((index, k) => {
          const node = template.nodes[index]!;
          const x = xs[k % Math.max(1, xs.length)] ?? 50;
          if (node.rule!.kind === 'manual') inputs.manual![node.id] = { value: x / 10 };
          else if (node.rule!.kind === 'metric') inputs.metrics![node.rule!.metricKey] = x;
        });
        const score = scoreUnit(compiled, '执法部门', inputs);
        expect(score.baseMax).toBe(100);
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(100);
        // Every branch is its leaves' sum, to the cent; bulk scoring agrees.
        const bulk = scoreUnitTotals(compiled, '执法部门', inputs);
        template.nodes.forEach((node, i) => {
          if (node.parentIndex !== -1) return;
          const children = template.nodes.filter((c) => c.parentIndex === i);
          expect(children.reduce((a, c) => a + c.maxCents, 0)).toBe(node.maxCents);
          expect(bulk.nodeCents[i]).toBe(toCents(score.indicators[i]!.score));
        });
        expect(bulk.total).toBe(score.total);
      }),
      { numRuns: 200 },
    );
  });

  it('switching modes keeps every leaf’s points, and copying to next year keeps the weights', () => {
    const demo = buildDemoScheme();
    const points = demo.templates[0]!;
    const weighted = toWeightsMode(points);
    const scheme: Scheme = { ...demo, templates: [weighted, ...demo.templates.slice(1)] };
    expect(messages(scheme)).toEqual([]);
    const before = compileScheme(demo)
      .templates.get(points.unitType)!
      .nodes.map((n) => n.maxCents);
    const after = compileScheme(scheme)
      .templates.get(points.unitType)!
      .nodes.map((n) => n.maxCents);
    expect(after).toEqual(before);
    expect(toPointsMode(weighted).indicators).toEqual(points.indicators);

    let n = 0;
    const copied = copySchemeToNextYear(scheme, () => `x${++n}`).scheme;
    expect(copied.templates[0]!.mode).toBe('weights');
    const weightsOf = (list: Indicator[]): unknown[] =>
      list.map((i) => [i.weight, i.points, weightsOf(i.children ?? [])]);
    expect(weightsOf(copied.templates[0]!.indicators)).toEqual(weightsOf(weighted.indicators));
  });
});
