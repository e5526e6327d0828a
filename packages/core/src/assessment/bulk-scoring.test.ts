import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineAssessorScores, combineSortedValues } from './assessors.ts';
import { buildDemoScheme } from './demo-scheme.ts';
import { toCents } from './rounding.ts';
import { BONUS_CATEGORIES, LEVELS, RULE_KINDS } from './scheme-constants.ts';
import { compileScheme, scoreUnit, scoreUnitTotals } from './score-unit.ts';
import type { UnitInputs } from './unit-inputs.schemas.ts';

// Bulk scoring computes figures without explanation text; a unit that opens its score gets the explanation built
// on demand by the same rule functions. These properties hold the two together for every rule kind.

const compiled = compileScheme(buildDemoScheme());
const UNIT_TYPES = [...compiled.templates.keys()];
const leaves = [...compiled.templates.values()].flatMap((t) => t.leafIndices.map((i) => t.nodes[i]!));
const uniq = <T>(xs: T[]) => [...new Set(xs)];
const metricKeys = uniq(leaves.flatMap((n) => (n.rule && 'metricKey' in n.rule ? [n.rule.metricKey] : [])));
const recordKinds = uniq(leaves.flatMap((n) => (n.rule && 'recordKind' in n.rule ? [n.rule.recordKind] : [])));
const manualIds = leaves.filter((n) => n.rule?.kind === 'manual').map((n) => n.id);
const checkIds = leaves.filter((n) => n.rule?.kind === 'requirement').map((n) => n.id);
const penaltyKinds = uniq(compiled.scheme.deductions.items.map((i) => i.kind));

const points = (max: number) => fc.integer({ min: -100, max: max * 100 }).map((c) => c / 100);
const id = (prefix: string) => fc.integer({ min: 0, max: 99 }).map((n) => `${prefix}${n}`);

const inputsArb: fc.Arbitrary<UnitInputs> = fc.record({
  metrics: fc.dictionary(fc.constantFrom(...metricKeys), points(130)),
  manual: fc.dictionary(
    fc.constantFrom(...manualIds),
    points(12).map((value) => ({ value, note: '评查意见' })),
  ),
  checks: fc.dictionary(
    fc.constantFrom(...checkIds),
    fc.boolean().map((passed) => ({ passed })),
  ),
  records: fc.uniqueArray(
    fc.record(
      {
        id: id('r'),
        kind: fc.constantFrom(...recordKinds),
        title: fc.constant('督察发现问题'),
        indicatorId: fc.constantFrom(...leaves.map((n) => n.id)),
        count: fc.integer({ min: 1, max: 4 }),
      },
      { requiredKeys: ['id', 'kind', 'title'] },
    ),
    { selector: (r) => r.id, maxLength: 10 },
  ),
  honours: fc.uniqueArray(
    fc.record({
      id: id('h'),
      category: fc.constantFrom(...BONUS_CATEGORIES),
      level: fc.constantFrom(...LEVELS),
      title: fc.constant('荣誉'),
    }),
    { selector: (h) => h.id, maxLength: 6 },
  ),
  penalties: fc.uniqueArray(
    fc.record({ id: id('p'), kind: fc.constantFrom(...penaltyKinds), title: fc.constant('问题') }),
    { selector: (p) => p.id, maxLength: 6 },
  ),
});

describe('bulk scoring and the explanation built on demand', () => {
  it('the demo scheme exercises every rule kind', () => {
    expect(uniq(leaves.map((n) => n.rule!.kind)).sort()).toEqual([...RULE_KINDS].sort());
  });

  it('bulk figures equal the explained score, and every leaf explanation adds up to the bulk leaf score', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_TYPES), inputsArb, (unitType, inputs) => {
        const bulk = scoreUnitTotals(compiled, unitType, inputs);
        const explained = scoreUnit(compiled, unitType, inputs);
        expect(bulk).toMatchObject({
          total: explained.total,
          baseScore: explained.baseScore,
          baseMax: explained.baseMax,
          bonus: { awarded: explained.bonus.awarded },
          deductions: { applied: explained.deductions.applied },
          gradeCap: explained.gradeCap,
        });
        explained.indicators.forEach((indicator, i) => {
          expect(bulk.nodeCents[i]).toBe(toCents(indicator.score));
          if (!indicator.isLeaf) return;
          const lost = indicator.lost.reduce((acc, l) => acc + toCents(l.points), 0);
          expect(toCents(indicator.max) - lost).toBe(bulk.nodeCents[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('each rule kind, losing points, explains exactly the points bulk scoring took', () => {
    const inputs: UnitInputs = {
      // Far off target in the rule's bad direction.
      metrics: Object.fromEntries(
        leaves.flatMap((n) =>
          n.rule?.kind === 'metric' || n.rule?.kind === 'metric_ratio'
            ? [[n.rule.metricKey, n.rule.kind === 'metric' && n.rule.direction === 'lower_is_better' ? 1e4 : 0]]
            : [],
        ),
      ),
      manual: Object.fromEntries(manualIds.map((k) => [k, { value: 0.5 }])),
      checks: Object.fromEntries(checkIds.map((k) => [k, { passed: false }])),
      records: recordKinds.map((kind, i) => ({ id: `r${i}`, kind, title: '问题', count: 9 })),
    };
    for (const unitType of UNIT_TYPES) {
      const bulk = scoreUnitTotals(compiled, unitType, inputs);
      const explained = scoreUnit(compiled, unitType, inputs);
      const template = compiled.templates.get(unitType)!;
      for (const index of template.leafIndices) {
        const node = template.nodes[index]!;
        const lostLines = explained.indicators[index]!.lost;
        // A veto leaf usually carries no points: it explains itself as a veto line instead.
        if (node.maxCents > 0) expect(lostLines.length, `${node.path} 应有失分说明`).toBeGreaterThan(0);
        else expect(explained.vetoes.some((v) => v.indicatorId === node.id)).toBe(true);
        const lost = lostLines.reduce((acc, l) => acc + toCents(l.points), 0);
        expect(node.maxCents - lost, node.path).toBe(bulk.nodeCents[index]);
      }
      expect(bulk.gradeCap).toBe(explained.gradeCap);
    }
  });

  it('assessors combined in bulk give the value the explanation states', () => {
    const method = fc.constantFrom('mean', 'trimmed_mean', 'median') as fc.Arbitrary<
      'mean' | 'trimmed_mean' | 'median'
    >;
    fc.assert(
      fc.property(fc.array(points(10), { minLength: 1, maxLength: 7 }), method, (values, m) => {
        const aggregation = { method: m, trimMinCount: 5 };
        const scores = values.map((value, i) => ({ assessorId: `a${i}`, value }));
        const sorted = [...values].sort((a, b) => a - b);
        expect(combineSortedValues(sorted, aggregation)).toBe(combineAssessorScores(scores, aggregation).value);
      }),
    );
  });
});
