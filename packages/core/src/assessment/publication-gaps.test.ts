import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describePublicationGaps,
  type GapUnit,
  hasPublicationGaps,
  manualLeaves,
  publicationGaps,
} from './publication-gaps.ts';
import type { Template } from './scheme.schemas.ts';
import { leafOf, manualRule, metricRule } from './test-factories.ts';

const township: Template = {
  id: 't1',
  unitType: '乡镇街道',
  mode: 'points',
  totalPoints: 30,
  indicators: [
    {
      id: 'a',
      name: '组织领导',
      points: 20,
      children: [leafOf('a1', 10, manualRule(), '述法报告'), leafOf('a2', 10, metricRule(), '销号率')],
    },
    leafOf('b', 5, { kind: 'requirement', requirement: '会前学法' }, '会前学法'),
    leafOf('c', 5, manualRule(10), '普法宣传'),
  ],
};
const department: Template = {
  id: 't2',
  unitType: '执法部门',
  mode: 'points',
  totalPoints: 10,
  indicators: [leafOf('d', 10, manualRule(), '执法案卷评查')],
};
const scheme = { templates: [township, department] };
const unit = (id: string, unitType: string, submitted: boolean, excluded = false): GapUnit => ({
  unitId: id,
  unitName: `单位${id}`,
  unitType,
  submitted,
  ...(excluded ? { excluded } : {}),
});

describe('manualLeaves', () => {
  it('lists only hand-scored leaves, in tree order, skipping branches, metrics and requirements', () => {
    expect(manualLeaves(township.indicators)).toEqual([
      { id: 'a1', name: '述法报告' },
      { id: 'c', name: '普法宣传' },
    ]);
  });
});

describe('publicationGaps', () => {
  it('is empty when every unit submitted and every manual leaf has a score', () => {
    const gaps = publicationGaps(
      scheme,
      [unit('1', '乡镇街道', true), unit('2', '执法部门', true)],
      new Set(['1:a1', '1:c', '2:d']),
    );
    expect(gaps).toEqual({ unsubmitted: [], unscored: [] });
    expect(hasPublicationGaps(gaps)).toBe(false);
    expect(describePublicationGaps(gaps)).toBe('');
  });

  it('names unsubmitted units and the leaves of each unit’s own template that lack a score', () => {
    const gaps = publicationGaps(
      scheme,
      [unit('1', '乡镇街道', false), unit('2', '执法部门', true)],
      new Set(['1:a1', '2:c']),
    );
    expect(gaps).toEqual({
      unsubmitted: [{ unitId: '1', unitName: '单位1' }],
      unscored: [
        { unitId: '1', unitName: '单位1', indicatorId: 'c', indicatorName: '普法宣传' },
        { unitId: '2', unitName: '单位2', indicatorId: 'd', indicatorName: '执法案卷评查' },
      ],
    });
    expect(hasPublicationGaps(gaps)).toBe(true);
  });

  it('leaves out a unit marked 不参评, whatever its state', () => {
    const gaps = publicationGaps(
      scheme,
      [unit('1', '乡镇街道', false, true), unit('2', '执法部门', true)],
      new Set(['2:d']),
    );
    expect(gaps).toEqual({ unsubmitted: [], unscored: [] });
  });

  it('a score for another unit or an unknown leaf fills nothing', () => {
    const gaps = publicationGaps(scheme, [unit('2', '执法部门', true)], new Set(['1:d', '2:a1']));
    expect(gaps.unscored.map((g) => g.indicatorId)).toEqual(['d']);
  });
});

describe('describePublicationGaps', () => {
  it('names the first three of each and counts all of them', () => {
    const units = ['1', '2', '3', '4'].map((id) => unit(id, '执法部门', id === '4'));
    const gaps = publicationGaps(scheme, units, new Set(['1:d', '2:d', '3:d']));
    expect(describePublicationGaps(gaps)).toBe(
      '尚不能公示：3个单位未提交自评（单位1、单位2、单位3），1项指标未评分（单位4：执法案卷评查）；如某单位确不参加本次考核，请先标记为不参评并写明理由',
    );
    const more = publicationGaps(scheme, [...units, unit('5', '执法部门', false)], new Set());
    expect(describePublicationGaps(more, 2)).toBe(
      '尚不能公示：4个单位未提交自评（单位1、单位2等），5项指标未评分（单位1：执法案卷评查、单位2：执法案卷评查等）；如某单位确不参加本次考核，请先标记为不参评并写明理由',
    );
  });
});

describe('publicationGaps properties', () => {
  const arbUnits = fc.uniqueArray(
    fc.record({
      unitId: fc.integer({ min: 1, max: 40 }).map(String),
      unitType: fc.constantFrom('乡镇街道', '执法部门', '其他'),
      submitted: fc.boolean(),
      excluded: fc.boolean(),
    }),
    { selector: (u) => u.unitId, maxLength: 12 },
  );
  const allKeys = (units: { unitId: string }[]) =>
    units.flatMap((u) => ['a1', 'c', 'd'].map((l) => `${u.unitId}:${l}`));

  it('a gap exists exactly for participating units not submitted and manual leaves without a score', () => {
    fc.assert(
      fc.property(arbUnits, fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }), (raw, mask) => {
        const units = raw.map((u) => ({ ...u, unitName: `单位${u.unitId}` }));
        const keys = allKeys(units);
        const scored = new Set(keys.filter((_, i) => mask[i % mask.length]));
        const gaps = publicationGaps(scheme, units, scored);
        const participating = units.filter((u) => !u.excluded);
        expect(gaps.unsubmitted.map((u) => u.unitId)).toEqual(
          participating.filter((u) => !u.submitted).map((u) => u.unitId),
        );
        for (const g of gaps.unscored) {
          expect(scored.has(`${g.unitId}:${g.indicatorId}`)).toBe(false);
          expect(participating.some((u) => u.unitId === g.unitId)).toBe(true);
        }
        const expected = participating.reduce(
          (n, u) =>
            n +
            manualLeaves(scheme.templates.find((t) => t.unitType === u.unitType)?.indicators ?? []).filter(
              (l) => !scored.has(`${u.unitId}:${l.id}`),
            ).length,
          0,
        );
        expect(gaps.unscored.length).toBe(expected);
        // Scoring everything and submitting everyone clears every gap.
        const done = publicationGaps(
          scheme,
          units.map((u) => ({ ...u, submitted: true })),
          new Set(keys),
        );
        expect(hasPublicationGaps(done)).toBe(false);
      }),
    );
  });
});
