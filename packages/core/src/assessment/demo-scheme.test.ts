import { describe, expect, it } from 'vitest';
import { buildDemoScheme } from './demo-scheme.ts';
import type { Indicator } from './scheme.schemas.ts';
import { validateScheme } from './scheme.schemas.ts';
import { RULE_KINDS } from './scheme-constants.ts';

const scheme = buildDemoScheme();
const leaves = (nodes: Indicator[]): Indicator[] =>
  nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));
const find = (nodes: Indicator[], name: string): Indicator | undefined =>
  nodes.map((n) => (n.name === name ? n : find(n.children ?? [], name))).find(Boolean);

describe('demo scheme', () => {
  it('is valid and covers the three unit types', () => {
    expect(validateScheme(scheme).ok).toBe(true);
    expect(scheme.templates.map((t) => t.unitType)).toEqual(['乡镇街道', '执法部门', '非执法部门']);
  });

  it.each(scheme.templates.map((t) => [t.unitType, t] as const))(
    '%s: the six pillars, every rule kind',
    (_, template) => {
      expect(template.indicators.map((i) => i.name).sort()).toEqual(
        ['立法', '执法', '司法', '守法普法', '组织领导', '群众满意度'].sort(),
      );
      const kinds = new Set(leaves(template.indicators).map((l) => l.rule?.kind));
      for (const kind of RULE_KINDS) expect(kinds.has(kind), kind).toBe(true);
    },
  );

  it.each(scheme.templates.map((t) => [t.unitType, t] as const))(
    '%s: 依法行政 and 政务公开 each weigh more than 10%%',
    (_, template) => {
      for (const name of ['依法行政', '政务公开']) {
        expect((find(template.indicators, name)?.points ?? 0) / template.totalPoints).toBeGreaterThan(0.1);
      }
    },
  );

  it('reads the catalogue metrics named in the design', () => {
    const keys = new Set(
      scheme.templates.flatMap((t) =>
        leaves(t.indicators).flatMap((l) => (l.rule && 'metricKey' in l.rule ? [l.rule.metricKey] : [])),
      ),
    );
    for (const key of [
      'plan.closure_rate',
      'oversight.rectification_rate',
      'mediation.success_rate',
      'legal_aid.cases',
    ]) {
      expect(keys.has(key), key).toBe(true);
    }
  });

  it('has the 4 × 4 bonus table, the deduction kinds of seed 000 and a 30% 优秀 quota', () => {
    for (const byLevel of Object.values(scheme.bonus.table))
      expect(Object.keys(byLevel ?? {})).toEqual(['中央', '省', '市', '区']);
    expect(Object.keys(scheme.bonus.table)).toEqual(['通报表扬', '经验交流', '批示肯定', '示范建设']);
    const kinds = new Set(scheme.deductions.items.map((i) => i.kind));
    for (const kind of ['督查发现问题', '党员干部违纪违法', '交办任务落实不力']) expect(kinds.has(kind)).toBe(true);
    expect(scheme.grading.quotas).toEqual([{ grade: '优秀', maxShare: 0.3 }]);
  });

  it('builds independent copies per call and per year', () => {
    const a = buildDemoScheme(2025);
    expect(a.name).toBe('2025年度法治建设考核方案');
    a.templates[0]!.indicators[0]!.name = '改';
    expect(buildDemoScheme(2025).templates[0]!.indicators[0]!.name).toBe('组织领导');
  });
});
