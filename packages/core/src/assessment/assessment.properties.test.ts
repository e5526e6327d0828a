import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineAssessorScores } from './assessors.ts';
import { buildDemoScheme } from './demo-scheme.ts';
import { rankAndGrade, rankUnits, toRankingEntry } from './ranking.ts';
import { toCents } from './rounding.ts';
import { BONUS_CATEGORIES, LEVELS } from './scheme-constants.ts';
import { compileScheme, scoreUnit } from './score-unit.ts';
import { entry, grading } from './test-factories.ts';
import type { Honour, UnitInputs } from './unit-inputs.schemas.ts';

const compiled = compileScheme(buildDemoScheme());
const { scheme } = compiled;
const UNIT_TYPES = [...compiled.templates.keys()];
const allLeaves = [...compiled.templates.values()].flatMap((t) => t.leafIndices.map((i) => t.nodes[i]!));
const metricKeys = [...new Set(allLeaves.flatMap((n) => (n.rule && 'metricKey' in n.rule ? [n.rule.metricKey] : [])))];
const recordKinds = [
  ...new Set(allLeaves.flatMap((n) => (n.rule && 'recordKind' in n.rule ? [n.rule.recordKind] : []))),
];
const manualIds = allLeaves.filter((n) => n.rule?.kind === 'manual').map((n) => n.id);
const checkIds = allLeaves.filter((n) => n.rule?.kind === 'requirement').map((n) => n.id);
const penaltyKinds = [...new Set(scheme.deductions.items.map((i) => i.kind)), '未列明事项'];

const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const idFrom = (prefix: string) => fc.integer({ min: 0, max: 999 }).map((n) => `${prefix}${n}`);

const honourArb: fc.Arbitrary<Honour> = fc.record(
  {
    id: idFrom('h'),
    category: fc.constantFrom(...BONUS_CATEGORIES),
    level: fc.constantFrom(...LEVELS),
    title: fc.constant('荣誉'),
    matterId: fc.constantFrom('m1', 'm2', 'm3'),
  },
  { requiredKeys: ['id', 'category', 'level', 'title'] },
);

const inputsArb: fc.Arbitrary<UnitInputs> = fc.record({
  metrics: fc.dictionary(fc.constantFrom(...metricKeys), cents(120)),
  manual: fc.dictionary(
    fc.constantFrom(...manualIds),
    cents(100).map((value) => ({ value })),
  ),
  checks: fc.dictionary(
    fc.constantFrom(...checkIds),
    fc.boolean().map((passed) => ({ passed })),
  ),
  records: fc.uniqueArray(
    fc.record(
      {
        id: idFrom('r'),
        kind: fc.constantFrom(...recordKinds),
        title: fc.constant('记录'),
        count: fc.integer({ min: 1, max: 4 }),
      },
      { requiredKeys: ['id', 'kind', 'title'] },
    ),
    { selector: (r) => r.id, maxLength: 12 },
  ),
  honours: fc.uniqueArray(honourArb, { selector: (h) => h.id, maxLength: 8 }),
  penalties: fc.uniqueArray(
    fc.record(
      {
        id: idFrom('p'),
        kind: fc.constantFrom(...penaltyKinds),
        level: fc.constantFrom(...LEVELS),
        title: fc.constant('减分事项'),
        count: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: ['id', 'kind', 'title'] },
    ),
    { selector: (p) => p.id, maxLength: 8 },
  ),
});

const unitArb = fc.record({ unitType: fc.constantFrom(...UNIT_TYPES), inputs: inputsArb });

describe('scoring properties', () => {
  it('a total never exceeds its cap, and every part stays within its own', () => {
    fc.assert(
      fc.property(unitArb, ({ unitType, inputs }) => {
        const r = scoreUnit(compiled, unitType, inputs);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(toCents(r.total)).toBeLessThanOrEqual(toCents(r.baseMax) + toCents(scheme.bonus.cap));
        expect(r.bonus.awarded).toBeLessThanOrEqual(scheme.bonus.cap);
        expect(r.deductions.applied).toBeLessThanOrEqual(scheme.deductions.cap ?? Number.POSITIVE_INFINITY);
        for (const i of r.indicators) {
          expect(i.score).toBeGreaterThanOrEqual(0);
          expect(i.score).toBeLessThanOrEqual(i.max);
        }
      }),
    );
  });

  it('every lost point is explained, to the cent, and the total adds up from rounded parts', () => {
    fc.assert(
      fc.property(unitArb, ({ unitType, inputs }) => {
        const r = scoreUnit(compiled, unitType, inputs);
        const lost = r.explanation.filter((e) => e.kind === 'lost').reduce((a, e) => a + toCents(e.points), 0);
        expect(lost).toBe(toCents(r.baseMax) - toCents(r.baseScore));
        const leaves = r.indicators.filter((i) => i.isLeaf).reduce((a, i) => a + toCents(i.score), 0);
        expect(leaves).toBe(toCents(r.baseScore));
        const expected = Math.max(0, toCents(r.baseScore) + toCents(r.bonus.awarded) - toCents(r.deductions.applied));
        expect(toCents(r.total)).toBe(expected);
        for (const i of r.indicators) expect(toCents(i.score)).toBe(Math.round(i.score * 100));
      }),
    );
  });

  it('scores are deterministic and independent of the order of records, honours and penalties', () => {
    fc.assert(
      fc.property(unitArb, ({ unitType, inputs }) => {
        const once = scoreUnit(compiled, unitType, inputs);
        const reversed = {
          ...inputs,
          records: [...(inputs.records ?? [])].reverse(),
          honours: [...(inputs.honours ?? [])].reverse(),
          penalties: [...(inputs.penalties ?? [])].reverse(),
        };
        expect(scoreUnit(compiled, unitType, inputs)).toEqual(once);
        expect(scoreUnit(compiled, unitType, reversed)).toEqual(once);
      }),
    );
  });

  it('adding a bonus to a unit never lowers that unit’s rank', () => {
    fc.assert(
      fc.property(
        fc.array(inputsArb, { minLength: 2, maxLength: 8 }),
        fc.nat(),
        honourArb,
        (allInputs, pick, extra) => {
          const target = pick % allInputs.length;
          const entries = allInputs.map((inputs, i) =>
            toRankingEntry(`u${i}`, scoreUnit(compiled, '乡镇街道', inputs)),
          );
          const before = rankUnits(entries, scheme.grading.tieBreak).find((u) => u.unitId === `u${target}`)!.rank;
          const boosted = allInputs[target]!;
          const withHonour = { ...boosted, honours: [...(boosted.honours ?? []), { ...extra, id: 'h-extra' }] };
          entries[target] = toRankingEntry(`u${target}`, scoreUnit(compiled, '乡镇街道', withHonour));
          const after = rankUnits(entries, scheme.grading.tieBreak).find((u) => u.unitId === `u${target}`)!.rank;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });
});

const gradingArb = fc.record({
  excellent: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
  good: fc.option(
    fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
    { nil: undefined },
  ),
  tieBreak: fc.subarray(['base_score_desc', 'deductions_asc', 'bonus_desc'] as const),
});

const entriesArb = fc.uniqueArray(
  fc.record({
    unitId: idFrom('u'),
    total: fc.integer({ min: 50, max: 105 }).map((n) => n - (n % 2)),
    baseScore: fc.integer({ min: 50, max: 100 }),
    bonus: fc.integer({ min: 0, max: 5 }),
    deductions: fc.integer({ min: 0, max: 5 }),
    gradeCap: fc.constantFrom(null, null, null, '一般', '较差'),
  }),
  { selector: (e) => e.unitId, minLength: 1, maxLength: 40 },
);

describe('ranking properties', () => {
  it('no grade quota is ever exceeded, and vetoed units never rise above their cap', () => {
    fc.assert(
      fc.property(entriesArb, gradingArb, (entries, g) => {
        const quotas = [
          { grade: '优秀', maxShare: g.excellent },
          ...(g.good ? [{ grade: '良好', maxShare: g.good }] : []),
        ];
        const config = grading({ quotas, tieBreak: g.tieBreak });
        const graded = rankAndGrade(entries, config);
        const order = config.bands.map((b) => b.grade);
        for (const q of quotas) {
          const count = graded.filter((u) => u.grade === q.grade).length;
          expect(count).toBeLessThanOrEqual(Math.floor(entries.length * q.maxShare + 1e-9));
        }
        for (const u of graded) {
          if (u.gradeCap) expect(order.indexOf(u.grade)).toBeGreaterThanOrEqual(order.indexOf(u.gradeCap));
          expect(order.indexOf(u.grade)).toBeGreaterThanOrEqual(order.indexOf(u.bandGrade));
        }
      }),
    );
  });

  it('ranks are standard competition ranks: 1 + the number of units strictly ahead', () => {
    fc.assert(
      fc.property(entriesArb, gradingArb, (entries, g) => {
        const ranked = rankUnits(entries, g.tieBreak);
        expect(ranked).toHaveLength(entries.length);
        for (const u of ranked) {
          const ahead = ranked.filter((o) => o.rank < u.rank).length;
          expect(u.rank).toBe(ahead + 1);
        }
        for (let i = 1; i < ranked.length; i++)
          expect(toCents(ranked[i]!.total)).toBeLessThanOrEqual(toCents(ranked[i - 1]!.total));
      }),
    );
  });

  it('units with equal figures always get the same grade', () => {
    fc.assert(
      fc.property(entriesArb, gradingArb, (entries, g) => {
        const graded = rankAndGrade(entries, grading({ quotas: [{ grade: '优秀', maxShare: g.excellent }] }));
        for (const a of graded) {
          for (const b of graded) if (a.rank === b.rank && a.gradeCap === b.gradeCap) expect(a.grade).toBe(b.grade);
        }
      }),
    );
  });

  it('ranking and grading do not depend on input order', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        expect(rankAndGrade([...entries].reverse(), grading())).toEqual(rankAndGrade(entries, grading()));
      }),
    );
  });

  it('quota boundaries: exactly at the limit nobody drops', () => {
    const units = Array.from({ length: 10 }, (_, i) => entry(`u${i}`, i < 3 ? 95 - i : 70));
    expect(rankAndGrade(units, grading()).filter((u) => u.grade === '优秀')).toHaveLength(3);
  });
});

describe('assessor properties', () => {
  it('a combined score always lies between the lowest and highest score', () => {
    fc.assert(
      fc.property(
        fc.array(cents(10), { minLength: 1, maxLength: 9 }),
        fc.constantFrom('mean', 'trimmed_mean', 'median') as fc.Arbitrary<'mean' | 'trimmed_mean' | 'median'>,
        (values, method) => {
          const r = combineAssessorScores(
            values.map((value, i) => ({ assessorId: `a${i}`, value })),
            { method, trimMinCount: 3 },
          );
          expect(r.value).toBeGreaterThanOrEqual(Math.min(...values));
          expect(r.value).toBeLessThanOrEqual(Math.max(...values));
          expect(r.used.length + r.dropped.length).toBe(values.length);
        },
      ),
    );
  });
});
