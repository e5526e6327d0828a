import { describe, expect, it } from 'vitest';
import { assignGrades, gradeByBands, rankAndGrade, rankUnits, toRankingEntry } from './ranking.ts';
import { entry, grading } from './test-factories.ts';

const ranks = (list: { unitId: string; rank: number }[]) => list.map((u) => `${u.unitId}:${u.rank}`);

describe('rankUnits', () => {
  it('uses standard competition ranking: 1, 2, 2, 4', () => {
    const r = rankUnits([entry('d', 80), entry('b', 90), entry('a', 95), entry('c', 90)], []);
    expect(ranks(r)).toEqual(['a:1', 'b:2', 'c:2', 'd:4']);
  });

  it('compares totals to the cent, not by float', () => {
    const r = rankUnits([entry('a', 0.1 + 0.2), entry('b', 0.3)], []);
    expect(ranks(r)).toEqual(['a:1', 'b:1']);
  });

  it('breaks ties by the configured rules in order', () => {
    const units = [
      entry('a', 90, { baseScore: 88, bonus: 2 }),
      entry('b', 90, { baseScore: 90, deductions: 0 }),
      entry('c', 90, { baseScore: 91, deductions: 1 }),
    ];
    expect(ranks(rankUnits(units, ['base_score_desc']))).toEqual(['c:1', 'b:2', 'a:3']);
    expect(ranks(rankUnits(units, ['deductions_asc']))).toEqual(['a:1', 'b:1', 'c:3']);
    expect(ranks(rankUnits(units, ['deductions_asc', 'bonus_desc']))).toEqual(['a:1', 'b:2', 'c:3']);
    expect(ranks(rankUnits(units, ['bonus_desc']))).toEqual(['a:1', 'b:2', 'c:2']);
  });

  it('does not depend on input order', () => {
    const units = [entry('a', 90), entry('b', 80), entry('c', 90), entry('d', 70)];
    expect(rankUnits(units, [])).toEqual(rankUnits([...units].reverse(), []));
  });
});

describe('grades', () => {
  it('assigns by bands, below all bands gets the last grade', () => {
    const bands = grading().bands;
    expect(gradeByBands(90, bands)).toBe('优秀');
    expect(gradeByBands(89.99, bands)).toBe('良好');
    expect(gradeByBands(60, bands)).toBe('一般');
    expect(gradeByBands(-3, bands)).toBe('较差');
    expect(
      gradeByBands(50, [
        { grade: '好', minScore: 80 },
        { grade: '差', minScore: 60 },
      ]),
    ).toBe('差');
  });

  it('enforces 优秀 ≤ 30%: units beyond the quota drop to 良好, lowest first', () => {
    const units = Array.from({ length: 10 }, (_, i) => entry(`u${i}`, 99 - i));
    const g = rankAndGrade(units, grading());
    expect(g.filter((u) => u.grade === '优秀').map((u) => u.unitId)).toEqual(['u0', 'u1', 'u2']);
    const dropped = g.find((u) => u.unitId === 'u3')!;
    expect(dropped).toMatchObject({ bandGrade: '优秀', grade: '良好' });
    expect(dropped.gradeNotes).toEqual(['“优秀”等次不超过30%（10个单位限3个），排名第4，调整为“良好”']);
  });

  it('units tied across the quota boundary all drop together, so the quota is never exceeded', () => {
    const units = [entry('a', 99), entry('b', 98), entry('c', 97), entry('d', 97), entry('e', 96)];
    for (let i = 0; i < 5; i++) units.push(entry(`z${i}`, 50));
    const g = rankAndGrade(units, grading());
    expect(g.filter((u) => u.grade === '优秀').map((u) => u.unitId)).toEqual(['a', 'b']);
    const c = g.find((u) => u.unitId === 'c')!;
    expect(c.grade).toBe('良好');
    expect(c.gradeNotes[0]).toContain('同分单位一并调整');
  });

  it('a tie-break can settle the boundary', () => {
    const units = [
      entry('a', 99),
      entry('b', 98),
      entry('c', 97, { baseScore: 97 }),
      entry('d', 97, { baseScore: 95, bonus: 2 }),
    ];
    for (let i = 0; i < 6; i++) units.push(entry(`z${i}`, 50));
    const g = rankAndGrade(units, grading({ tieBreak: ['base_score_desc'] }));
    expect(g.filter((u) => u.grade === '优秀').map((u) => u.unitId)).toEqual(['a', 'b', 'c']);
  });

  it('a whole tied group above the quota leaves the grade empty', () => {
    const g = rankAndGrade([entry('a', 95), entry('b', 95), entry('c', 95), entry('d', 50)], grading());
    expect(g.filter((u) => u.grade === '优秀')).toEqual([]);
  });

  it('demotions cascade into the next grade’s quota', () => {
    const units = Array.from({ length: 10 }, (_, i) => entry(`u${i}`, 95 - i * 0.5));
    const g = rankAndGrade(
      units,
      grading({
        quotas: [
          { grade: '优秀', maxShare: 0.2 },
          { grade: '良好', maxShare: 0.3 },
        ],
      }),
    );
    expect(g.map((u) => u.grade)).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '良好',
      '一般',
      '一般',
      '一般',
      '一般',
      '一般',
    ]);
  });

  it('a veto caps the grade before quotas and does not take a quota place', () => {
    const units = [entry('a', 99, { gradeCap: '一般' }), entry('b', 98), entry('c', 97), entry('d', 96)];
    for (let i = 0; i < 6; i++) units.push(entry(`z${i}`, 50));
    const g = rankAndGrade(units, grading());
    const a = g.find((u) => u.unitId === 'a')!;
    expect(a).toMatchObject({ rank: 1, bandGrade: '优秀', grade: '一般' });
    expect(a.gradeNotes).toEqual(['因一票否决，等次由“优秀”调整为“一般”']);
    expect(g.filter((u) => u.grade === '优秀').map((u) => u.unitId)).toEqual(['b', 'c', 'd']);
  });

  it('a veto never raises a grade', () => {
    const [u] = assignGrades(rankUnits([entry('a', 40, { gradeCap: '一般' })], []), grading());
    expect(u?.grade).toBe('较差');
  });

  it('builds a ranking entry from a unit score', () => {
    const e = toRankingEntry('u1', {
      total: 91,
      baseScore: 90,
      bonus: { awarded: 3 },
      deductions: { applied: 2 },
      gradeCap: null,
    });
    expect(e).toEqual({ unitId: 'u1', total: 91, baseScore: 90, bonus: 3, deductions: 2, gradeCap: null });
  });
});
