import { describe, expect, it } from 'vitest';
import { splitByWeight } from './compile-scheme.ts';
import { buildDemoScheme } from './demo-scheme.ts';
import type { Scheme } from './scheme.schemas.ts';
import { compileScheme, scoreUnit } from './score-unit.ts';
import { leafOf, manualRule, metricRule, perfectInputs, schemeWith } from './test-factories.ts';

const demo = compileScheme(buildDemoScheme());
const UNIT_TYPES = ['乡镇街道', '执法部门', '非执法部门'];

describe('scoreUnit on the demo scheme', () => {
  it.each(UNIT_TYPES)('a unit meeting every requirement scores 100 (%s)', (unitType) => {
    const r = scoreUnit(demo, unitType, perfectInputs(demo, unitType));
    expect(r).toMatchObject({ baseScore: 100, baseMax: 100, total: 100, gradeCap: null, vetoes: [] });
    expect(r.explanation).toEqual([]);
  });

  it.each(UNIT_TYPES)(
    'without inputs only "no problem recorded" leaves keep points; every lost point is explained (%s)',
    (unitType) => {
      const r = scoreUnit(demo, unitType, {});
      const kept = r.indicators.filter((i) => i.ruleKind === 'per_occurrence').reduce((a, i) => a + i.max, 0);
      expect(r.total).toBe(kept);
      const lost = r.explanation.filter((e) => e.kind === 'lost').reduce((a, e) => a + Math.round(e.points * 100), 0);
      expect(lost).toBe(Math.round((r.baseMax - r.baseScore) * 100));
    },
  );

  it('each branch is the sum of its children and the base is the sum of the top level', () => {
    const inputs = {
      ...perfectInputs(demo, '乡镇街道'),
      metrics: { ...perfectInputs(demo, '乡镇街道').metrics, 'plan.closure_rate': 93 },
    };
    const r = scoreUnit(demo, '乡镇街道', inputs);
    const byId = new Map(r.indicators.map((i) => [i.id, i]));
    expect(byId.get('xz-1-4')?.score).toBe(1.5);
    expect(byId.get('xz-1')?.score).toBe(11.5);
    expect(r.baseScore).toBe(96.5);
    const top = r.indicators.filter((i) => i.depth === 0).reduce((a, i) => a + Math.round(i.score * 100), 0);
    expect(top / 100).toBe(r.baseScore);
    expect(r.explanation[0]).toMatchObject({
      kind: 'lost',
      indicatorId: 'xz-1-4',
      indicatorPath: '组织领导 / 目标任务“1×3”销号管理',
      points: 3.5,
      source: { kind: 'metric', id: 'plan.closure_rate' },
    });
  });

  it('bonus and deductions are capped, explained and applied to the total', () => {
    const inputs = {
      ...perfectInputs(demo, '执法部门'),
      honours: [
        { id: 'h1', category: '通报表扬', level: '中央', title: '全国法治政府建设先进单位' },
        { id: 'h2', category: '示范建设', level: '省', title: '省级法治政府建设示范项目' },
      ] as const,
      penalties: [
        { id: 'p1', kind: '督查发现问题', level: '省', title: '省级法治督察发现执法不规范', count: 2 },
        { id: 'p2', kind: '党员干部违纪违法', title: '执法人员违纪被处分', count: 5 },
      ] as const,
    };
    const r = scoreUnit(demo, '执法部门', {
      ...inputs,
      honours: [...inputs.honours],
      penalties: [...inputs.penalties],
    });
    expect(r.bonus.awarded).toBe(5);
    expect(r.deductions.applied).toBe(10);
    expect(r.total).toBe(95);
    expect(r.explanation.filter((e) => e.kind === 'bonus').map((e) => e.source.id)).toEqual(['h1', 'h2']);
    expect(r.explanation.find((e) => e.source.id === 'p2')?.reason).toContain('已达');
  });

  it('a veto caps the grade at the worst configured grade and explains it', () => {
    const r = scoreUnit(demo, '乡镇街道', {
      ...perfectInputs(demo, '乡镇街道'),
      records: [
        { id: 'r1', kind: 'enforcement.serious_violation', title: '违法强制拆除被市政府通报' },
        { id: 'r2', kind: 'incident.major', title: '征地补偿引发群体性事件' },
      ],
    });
    expect(r.total).toBe(100);
    expect(r.gradeCap).toBe('较差');
    expect(r.vetoes.map((v) => [v.indicatorId, v.capGrade])).toEqual([
      ['xz-1-5', '较差'],
      ['xz-3-3-3', '一般'],
    ]);
    expect(r.explanation.filter((e) => e.kind === 'veto')).toHaveLength(2);
  });

  it('a record tied to one indicator is only seen by that indicator', () => {
    const scheme = schemeWith([
      leafOf('a', 5, {
        kind: 'per_occurrence',
        recordKind: 'disclosure.overdue',
        recordName: '逾期答复',
        pointsEach: 1,
      }),
      leafOf('b', 5, {
        kind: 'per_occurrence',
        recordKind: 'disclosure.overdue',
        recordName: '逾期答复',
        pointsEach: 1,
      }),
    ]);
    const r = scoreUnit(compileScheme(scheme), '乡镇街道', {
      records: [
        { id: 'x', kind: 'disclosure.overdue', title: '逾期答复1', indicatorId: 'b' },
        { id: 'y', kind: 'disclosure.overdue', title: '逾期答复2' },
      ],
    });
    expect(r.indicators.map((i) => i.score)).toEqual([4, 3]);
  });

  it('the total never goes below zero', () => {
    const scheme = schemeWith([leafOf('a', 2, manualRule())]);
    const r = scoreUnit(compileScheme(scheme), '乡镇街道', {
      manual: { a: { value: 1 } },
      penalties: [{ id: 'p', kind: '督查发现问题', level: '省', title: '问题', count: 3 }],
    });
    expect(r.deductions.applied).toBe(5);
    expect(r.total).toBe(0);
  });

  it('collects warnings with the indicator path', () => {
    const scheme = schemeWith([leafOf('a', 2, manualRule(), '案卷评查')]);
    const r = scoreUnit(compileScheme(scheme), '乡镇街道', {
      manual: { a: { value: 3 } },
      penalties: [{ id: 'p', kind: '未知事项', title: '某事' }],
    });
    expect(r.warnings).toEqual([
      '指标“案卷评查”：评分3超出0至2分范围，已按2分计',
      '减分记录“某事”未找到对应的减分标准（未知事项），未扣分',
    ]);
  });

  it('rejects an unknown unit type and an invalid scheme in Chinese', () => {
    expect(() => scoreUnit(demo, '村社区', {})).toThrow('考核方案中没有“村社区”类单位的考核模板');
    expect(() =>
      compileScheme(schemeWith([leafOf('a', 0, manualRule(), '依法行政'), leafOf('b', 5, manualRule())])),
    ).toThrow('考核方案校验未通过：指标“依法行政”的分值必须大于0');
  });

  it('is deterministic and does not mutate its inputs', () => {
    const inputs = {
      metrics: { 'plan.closure_rate': 80 },
      records: [{ id: 'b', kind: 'litigation.lost', title: '败诉' }],
    };
    const frozen = structuredClone(inputs);
    expect(scoreUnit(demo, '乡镇街道', inputs)).toEqual(scoreUnit(demo, '乡镇街道', inputs));
    expect(inputs).toEqual(frozen);
  });
});

describe('weights mode', () => {
  const weighted = (): Scheme => {
    const scheme = schemeWith([]);
    scheme.templates[0] = {
      id: 't1',
      unitType: '乡镇街道',
      mode: 'weights',
      totalPoints: 100,
      indicators: [
        { id: 'a', name: '立法', weight: 100 / 3, rule: manualRule(10) },
        { id: 'b', name: '执法', weight: 100 / 3, rule: metricRule() },
        {
          id: 'c',
          name: '司法',
          weight: 100 / 3,
          children: [
            { id: 'c1', name: '调解', weight: 50, rule: manualRule(10) },
            { id: 'c2', name: '援助', weight: 50, rule: manualRule(10) },
          ],
        },
      ],
    };
    return scheme;
  };

  it('splits points by largest remainder so leaves add up to the total exactly', () => {
    const compiled = compileScheme(weighted());
    const nodes = compiled.templates.get('乡镇街道')!.nodes;
    expect(nodes.map((n) => n.maxCents)).toEqual([3334, 3333, 3333, 1667, 1666]);
    const r = scoreUnit(compiled, '乡镇街道', perfectInputs(compiled, '乡镇街道'));
    expect(r.total).toBe(100);
  });

  it('splitByWeight gives 0 to a zero weight and keeps the parent sum', () => {
    expect(splitByWeight(1000, [{ weight: 0 }, { weight: 70 }, { weight: 30 }])).toEqual([0, 700, 300]);
    expect(splitByWeight(100, [{ weight: 1 }, { weight: 1 }, { weight: 1 }])).toEqual([34, 33, 33]);
  });
});

describe('performance', () => {
  it('scores 1000 units of 100 leaves each to the same total (speed is measured in npm run bench)', () => {
    const leaves = Array.from({ length: 100 }, (_, i) =>
      leafOf(
        `l${i}`,
        1,
        i % 4 === 0
          ? manualRule(10)
          : i % 4 === 1
            ? metricRule({ metricKey: `m.k${i}` })
            : i % 4 === 2
              ? { kind: 'per_occurrence', recordKind: 'p', recordName: '问题', pointsEach: 0.5 }
              : { kind: 'requirement', requirement: '达标' },
      ),
    );
    const compiled = compileScheme(schemeWith(leaves));
    const inputs = perfectInputs(compiled, '乡镇街道');
    inputs.records = [{ id: 'r', kind: 'p', title: '问题' }];
    let sum = 0;
    for (let u = 0; u < 1000; u++) sum += scoreUnit(compiled, '乡镇街道', inputs).total;
    expect(sum).toBe(1000 * 87.5);
  });
});
