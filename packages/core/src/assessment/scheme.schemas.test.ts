import { describe, expect, it } from 'vitest';
import { buildDemoScheme } from './demo-scheme.ts';
import type { Indicator, Scheme } from './scheme.schemas.ts';
import { validateScheme } from './scheme.schemas.ts';
import { leafOf, manualRule, schemeWith } from './test-factories.ts';

const messages = (input: unknown) => {
  const r = validateScheme(input);
  return r.ok ? [] : r.issues.map((i) => i.message);
};

const branch = (id: string, name: string, points: number, children: Indicator[]): Indicator => ({
  id,
  name,
  points,
  children,
});

describe('scheme validation', () => {
  it('accepts the demo scheme', () => {
    expect(messages(buildDemoScheme())).toEqual([]);
  });

  it('names the indicator whose points are not positive', () => {
    const scheme = schemeWith([leafOf('a', 0, manualRule(), '依法行政')]);
    expect(messages(scheme)).toContain('指标“依法行政”的分值必须大于0');
  });

  it('reports the path of the offending field so a form can highlight it', () => {
    const r = validateScheme(
      schemeWith([branch('b', '执法', 10, [leafOf('a', -1, manualRule(), '依法行政'), leafOf('c', 11, manualRule())])]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.message === '指标“依法行政”的分值必须大于0');
    expect(issue?.path).toEqual(['templates', 0, 'indicators', 0, 'children', 0, 'points']);
  });

  it('says when children do not add up to their parent', () => {
    const scheme = schemeWith([branch('b', '执法', 30, [leafOf('a', 20, manualRule()), leafOf('c', 8, manualRule())])]);
    expect(messages(scheme)).toContain('指标“执法”的下级指标分值合计28分，与该指标分值30分不一致');
  });

  it('says when top-level indicators do not add up to the template total', () => {
    const scheme = schemeWith([leafOf('a', 20, manualRule())]);
    scheme.templates[0]!.totalPoints = 100;
    expect(messages(scheme)).toContain('模板“乡镇街道”的一级指标分值合计20分，与总分100分不一致');
  });

  it('compares sums to the cent (0.1 + 0.2 = 0.3)', () => {
    expect(
      messages(
        schemeWith([branch('b', '执法', 0.3, [leafOf('a', 0.1, manualRule()), leafOf('c', 0.2, manualRule())])]),
      ),
    ).toEqual([]);
  });

  it('in weights mode children must weigh 100% and each weight must be in (0, 100]', () => {
    const scheme = schemeWith([]);
    scheme.templates[0] = {
      id: 't1',
      unitType: '乡镇街道',
      mode: 'weights',
      totalPoints: 100,
      indicators: [
        { id: 'a', name: '立法', weight: 40, rule: manualRule() },
        { id: 'b', name: '执法', weight: 50, children: [{ id: 'c', name: '依法行政', weight: 0, rule: manualRule() }] },
      ],
    };
    const found = messages(scheme);
    expect(found).toContain('模板“乡镇街道”的一级指标权重合计90%，应为100%');
    expect(found).toContain('指标“依法行政”的权重必须大于0且不超过100');
    expect(found).toContain('指标“执法”的下级指标权重合计0%，应为100%');
  });

  it('requires a leaf to have a rule and a branch not to', () => {
    const scheme = schemeWith([
      { id: 'a', name: '组织领导', points: 5 },
      { id: 'b', name: '执法', points: 5, rule: manualRule(), children: [leafOf('c', 5, manualRule())] },
    ]);
    const found = messages(scheme);
    expect(found).toContain('指标“组织领导”既无下级指标也无评分规则');
    expect(found).toContain('指标“执法”已有下级指标，不应再设置评分规则');
  });

  it('requires points in points mode and unique indicator ids', () => {
    const scheme = schemeWith([{ id: 'a', name: '立法', rule: manualRule() }, leafOf('a', 5, manualRule(), '司法')]);
    const found = messages(scheme);
    expect(found).toContain('指标“立法”未设置分值');
    expect(found).toContain('指标“司法”的编号“a”重复');
  });

  it('checks rule parameters with the indicator named', () => {
    const scheme = schemeWith([
      leafOf(
        'a',
        5,
        {
          kind: 'metric',
          metricKey: 'plan.closure_rate',
          metricName: '销号率',
          target: 95,
          direction: 'higher_is_better',
          step: 0,
          pointsPerStep: -1,
        },
        '销号',
      ),
      leafOf(
        'b',
        5,
        { kind: 'metric_ratio', metricKey: 'legal_aid.cases', metricName: '法律援助', target: 0 },
        '法律援助',
      ),
      leafOf('c', 5, { kind: 'per_occurrence', recordKind: 'x', recordName: '败诉', pointsEach: 0, cap: -2 }, '败诉'),
      leafOf('d', 0, { kind: 'veto', recordKind: 'y', condition: '重大事件', capGrade: '不合格' }, '否决'),
      leafOf('e', 5, { kind: 'manual', scaleMax: 0 }, '人工'),
    ]);
    const found = messages(scheme);
    expect(found).toEqual(
      expect.arrayContaining([
        '指标“销号”的计分步长必须大于0',
        '指标“销号”的每步扣分必须大于0',
        '指标“法律援助”的目标值必须大于0',
        '指标“败诉”的每次扣分必须大于0',
        '指标“败诉”的扣分上限必须大于0',
        '指标“否决”的一票否决等次“不合格”不在等次设置中',
        '指标“人工”的评分满分必须大于0',
      ]),
    );
  });

  it('a veto leaf may carry 0 points but not negative ones', () => {
    const veto = { kind: 'veto', recordKind: 'y', condition: '重大事件', capGrade: '较差' } as const;
    expect(messages(schemeWith([leafOf('a', 5, manualRule()), leafOf('v', 0, veto, '否决')]))).toEqual([]);
    expect(messages(schemeWith([leafOf('a', 5, manualRule()), leafOf('v', -1, veto, '否决')]))).toContain(
      '指标“否决”的分值必须不小于0',
    );
  });

  it('rejects a malformed metric key in Chinese', () => {
    const scheme = schemeWith([
      leafOf('a', 5, { kind: 'metric_ratio', metricKey: 'Closure Rate', metricName: '销号率', target: 1 }),
    ]);
    expect(messages(scheme)).toContain('数据指标键应形如 plan.closure_rate');
  });

  it('checks the bonus table, deduction items and caps', () => {
    const scheme: Scheme = schemeWith([leafOf('a', 5, manualRule())]);
    scheme.bonus = {
      table: { 通报表扬: { 省: 0 } },
      cap: 0,
      categoryCaps: { 示范建设: -1 },
      sameMatterHighestOnly: false,
    };
    scheme.deductions = {
      items: [
        { kind: '督查发现问题', level: '省', points: 0 },
        { kind: '督查发现问题', level: '省', points: 1, cap: 0 },
      ],
      cap: -1,
    };
    expect(messages(scheme)).toEqual(
      expect.arrayContaining([
        '加分上限必须大于0',
        '加分标准“通报表扬·省级”的分值必须大于0',
        '加分类别“示范建设”的上限必须大于0',
        '减分项目“督查发现问题（省级）”的分值必须大于0',
        '减分项目“督查发现问题（省级）”重复',
        '减分项目“督查发现问题（省级）”的扣分上限必须大于0',
        '减分总上限必须大于0',
      ]),
    );
  });

  it('rejects an unknown bonus category or level in Chinese', () => {
    const scheme = schemeWith([leafOf('a', 5, manualRule())]) as unknown as { bonus: { table: unknown } };
    scheme.bonus.table = { 荣誉称号: { 省: 1 } };
    expect(messages(scheme).join()).toContain('加分类别应为通报表扬、经验交流、批示肯定或示范建设');
    scheme.bonus.table = { 通报表扬: { 乡: 1 } };
    expect(messages(scheme).join()).toContain('级别应为中央、省、市或区');
  });

  it('checks grade bands, quotas, tie-breaks and aggregation', () => {
    const scheme = schemeWith([leafOf('a', 5, manualRule())]);
    scheme.grading = {
      bands: [
        { grade: '优秀', minScore: 90 },
        { grade: '良好', minScore: 95 },
        { grade: '良好', minScore: 60 },
      ],
      quotas: [
        { grade: '优秀', maxShare: 1.5 },
        { grade: '良好', maxShare: 0.5 },
        { grade: '称职', maxShare: 0.5 },
      ],
      tieBreak: ['bonus_desc', 'bonus_desc'],
    };
    scheme.aggregation = { method: 'trimmed_mean', trimMinCount: 2 };
    expect(messages(scheme)).toEqual(
      expect.arrayContaining([
        '等次“良好”的最低分应低于“优秀”的最低分',
        '等次“良好”重复',
        '等次“优秀”的比例上限应大于0且不超过100%',
        '最低等次“良好”不能设置比例上限',
        '比例限制的等次“称职”不在等次设置中',
        '同分排序规则不能重复',
        '去掉最高分和最低分时，考核人员不得少于3名',
      ]),
    );
  });

  it('rejects duplicate unit types and a non-positive total', () => {
    const scheme = schemeWith([leafOf('a', 5, manualRule())]);
    scheme.templates.push({
      ...scheme.templates[0]!,
      id: 't2',
      totalPoints: 0,
      indicators: [leafOf('z', 0.5, manualRule())],
    });
    const found = messages(scheme);
    expect(found).toContain('单位类型“乡镇街道”的考核模板重复');
    expect(found).toContain('模板“乡镇街道”的总分必须大于0');
  });

  it('gives Chinese messages for basic shape errors', () => {
    const found = messages({ ...schemeWith([leafOf('a', 5, manualRule())]), year: 24, name: ' ', templates: [] });
    expect(found).toEqual(
      expect.arrayContaining(['考核年度应为四位年份', '方案名称不能为空', '考核方案至少应有一个考核模板']),
    );
  });
});
