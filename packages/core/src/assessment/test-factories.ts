import type { CompiledScheme } from './compile-scheme.ts';
import type { RankingEntry } from './ranking.ts';
import type { Grading, Indicator, Rule, Scheme } from './scheme.schemas.ts';
import type { UnitInputs } from './unit-inputs.schemas.ts';

/** Small builders for tests; each returns a fresh object. */

export const leafOf = (id: string, points: number, rule: Rule, name = `指标${id}`): Indicator => ({
  id,
  name,
  points,
  rule,
});

export const manualRule = (scaleMax?: number): Rule => ({ kind: 'manual', ...(scaleMax ? { scaleMax } : {}) });

export const metricRule = (
  overrides: Partial<Extract<Rule, { kind: 'metric' }>> = {},
): Extract<Rule, { kind: 'metric' }> => ({
  kind: 'metric',
  metricKey: 'plan.closure_rate',
  metricName: '销号率',
  unit: '%',
  target: 95,
  direction: 'higher_is_better',
  step: 1,
  pointsPerStep: 1,
  ...overrides,
});

export const grading = (overrides: Partial<Grading> = {}): Grading => ({
  bands: [
    { grade: '优秀', minScore: 90 },
    { grade: '良好', minScore: 80 },
    { grade: '一般', minScore: 60 },
    { grade: '较差', minScore: 0 },
  ],
  quotas: [{ grade: '优秀', maxShare: 0.3 }],
  tieBreak: [],
  ...overrides,
});

/** A one-template scheme with the given top-level indicators (points mode, total = their sum). */
export function schemeWith(indicators: Indicator[], overrides: Partial<Scheme> = {}): Scheme {
  const total = indicators.reduce((acc, i) => acc + (i.points ?? 0), 0);
  return {
    id: 's1',
    year: 2024,
    version: 1,
    name: '2024年度法治建设考核方案',
    templates: [{ id: 't1', unitType: '乡镇街道', mode: 'points', totalPoints: total, indicators }],
    bonus: {
      table: { 通报表扬: { 中央: 3, 省: 2, 市: 1, 区: 0.5 }, 示范建设: { 省: 3, 市: 2 } },
      cap: 5,
      sameMatterHighestOnly: true,
    },
    deductions: {
      items: [
        { kind: '督查发现问题', level: '省', points: 2 },
        { kind: '督查发现问题', level: '市', points: 1, cap: 2 },
        { kind: '党员干部违纪违法', points: 2 },
      ],
      cap: 5,
    },
    grading: grading(),
    aggregation: { method: 'trimmed_mean', trimMinCount: 5 },
    ...overrides,
  };
}

export const entry = (unitId: string, total: number, extra: Partial<RankingEntry> = {}): RankingEntry => ({
  unitId,
  total,
  baseScore: total,
  bonus: 0,
  deductions: 0,
  gradeCap: null,
  ...extra,
});

/** Inputs that earn every point of a compiled template: manual at scale max, metrics on target, checks passed. */
export function perfectInputs(compiled: CompiledScheme, unitType: string): UnitInputs {
  const template = compiled.templates.get(unitType)!;
  const inputs: Required<Pick<UnitInputs, 'metrics' | 'manual' | 'checks'>> = { metrics: {}, manual: {}, checks: {} };
  for (const index of template.leafIndices) {
    const node = template.nodes[index]!;
    const rule = node.rule!;
    if (rule.kind === 'manual') inputs.manual[node.id] = { value: rule.scaleMax ?? node.maxCents / 100 };
    if (rule.kind === 'metric' || rule.kind === 'metric_ratio') inputs.metrics[rule.metricKey] = rule.target;
    if (rule.kind === 'requirement') inputs.checks[node.id] = { passed: true };
  }
  return inputs;
}
