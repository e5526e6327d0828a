import type { z } from '../shared/zod.ts';
import { formatPoints } from './format.ts';
import { toCents } from './rounding.ts';
import type { Indicator, Rule, Scheme, Template } from './scheme.schemas.ts';
import { LEVEL_LABELS } from './scheme-constants.ts';

type Path = (string | number)[];
type Report = (message: string, path: Path) => void;

/** Cross-field checks of a scheme; each message names the indicator, template or table cell concerned. */
export function checkSchemeConsistency(scheme: Scheme, ctx: z.RefinementCtx): void {
  const report: Report = (message, path) => ctx.addIssue({ code: 'custom', message, path });
  const grades = scheme.grading.bands.map((b) => b.grade);
  checkTemplates(scheme, grades, report);
  checkBonus(scheme, report);
  checkDeductions(scheme, report);
  checkGrading(scheme, report);
  if (scheme.aggregation.method === 'trimmed_mean' && scheme.aggregation.trimMinCount < 3) {
    report('去掉最高分和最低分时，考核人员不得少于3名', ['aggregation', 'trimMinCount']);
  }
}

function checkTemplates(scheme: Scheme, grades: string[], report: Report): void {
  const unitTypes = new Set<string>();
  const ids = new Set<string>();
  scheme.templates.forEach((template, t) => {
    const base: Path = ['templates', t];
    if (unitTypes.has(template.unitType)) report(`单位类型“${template.unitType}”的考核模板重复`, [...base, 'unitType']);
    unitTypes.add(template.unitType);
    if (!(template.totalPoints > 0)) report(`模板“${template.unitType}”的总分必须大于0`, [...base, 'totalPoints']);
    const ctx = { template, grades, ids, report };
    template.indicators.forEach((node, i) => {
      checkNode(node, [...base, 'indicators', i], ctx);
    });
    // Points mode: the top level adds up to the total; weights mode: it weighs 100% of the total.
    checkChildrenSum(
      template.indicators,
      template.mode === 'points' ? template.totalPoints : 100,
      `模板“${template.unitType}”的一级指标`,
      '总分',
      template.mode,
      [...base, 'indicators'],
      report,
    );
  });
}

type NodeContext = { template: Template; grades: string[]; ids: Set<string>; report: Report };

function checkNode(node: Indicator, path: Path, ctx: NodeContext): void {
  const { report } = ctx;
  const label = `指标“${node.name}”`;
  if (ctx.ids.has(node.id)) report(`${label}的编号“${node.id}”重复`, [...path, 'id']);
  ctx.ids.add(node.id);
  const isVetoLeaf = node.rule?.kind === 'veto';
  if (ctx.template.mode === 'points') {
    if (node.points === undefined) report(`${label}未设置分值`, [...path, 'points']);
    else if (isVetoLeaf ? node.points < 0 : !(node.points > 0)) {
      report(`${label}的分值必须${isVetoLeaf ? '不小于' : '大于'}0`, [...path, 'points']);
    }
  } else if (node.weight === undefined) report(`${label}未设置权重`, [...path, 'weight']);
  else if (node.weight > 100 || (isVetoLeaf ? node.weight < 0 : !(node.weight > 0))) {
    report(`${label}的权重必须${isVetoLeaf ? '在0到100之间' : '大于0且不超过100'}`, [...path, 'weight']);
  }
  const children = node.children ?? [];
  if (children.length === 0 && !node.rule) report(`${label}既无下级指标也无评分规则`, path);
  if (children.length > 0 && node.rule) report(`${label}已有下级指标，不应再设置评分规则`, [...path, 'rule']);
  if (node.rule) checkRule(node.rule, node, [...path, 'rule'], ctx);
  if (children.length === 0) return;
  children.forEach((child, i) => {
    checkNode(child, [...path, 'children', i], ctx);
  });
  if (ctx.template.mode === 'points' && node.points !== undefined) {
    checkChildrenSum(
      children,
      node.points,
      `${label}的下级指标`,
      '该指标分值',
      'points',
      [...path, 'children'],
      report,
    );
  }
  if (ctx.template.mode === 'weights') {
    checkChildrenSum(children, 100, `${label}的下级指标`, '', 'weights', [...path, 'children'], report);
  }
}

function checkChildrenSum(
  children: Indicator[],
  expected: number,
  subject: string,
  expectedLabel: string,
  mode: Template['mode'],
  path: Path,
  report: Report,
): void {
  const field = mode === 'points' ? 'points' : 'weight';
  if (children.some((c) => c[field] === undefined)) return;
  // Sum the exact values, then compare to the cent: three weights of 100/3 make 100%.
  const sum = toCents(children.reduce((acc, c) => acc + (c[field] ?? 0), 0));
  if (sum === toCents(expected)) return;
  if (mode === 'points') {
    report(`${subject}分值合计${formatPoints(sum / 100)}分，与${expectedLabel}${formatPoints(expected)}分不一致`, path);
  } else {
    report(`${subject}权重合计${formatPoints(sum / 100)}%，应为100%`, path);
  }
}

function checkRule(rule: Rule, node: Indicator, path: Path, ctx: NodeContext): void {
  const { report } = ctx;
  const label = `指标“${node.name}”`;
  const positive = (value: number | undefined, field: string, what: string) => {
    if (value !== undefined && !(value > 0)) report(`${label}的${what}必须大于0`, [...path, field]);
  };
  switch (rule.kind) {
    case 'manual':
      positive(rule.scaleMax, 'scaleMax', '评分满分');
      return;
    case 'metric':
      positive(rule.step, 'step', '计分步长');
      positive(rule.pointsPerStep, 'pointsPerStep', '每步扣分');
      if (rule.unit === '%' && (rule.target < 0 || rule.target > 100)) {
        report(`${label}的目标值应在0到100%之间`, [...path, 'target']);
      }
      return;
    case 'metric_ratio':
      positive(rule.target, 'target', '目标值');
      return;
    case 'per_occurrence':
      positive(rule.pointsEach, 'pointsEach', '每次扣分');
      positive(rule.cap, 'cap', '扣分上限');
      return;
    case 'requirement':
      return;
    case 'veto':
      if (!ctx.grades.includes(rule.capGrade)) {
        report(`${label}的一票否决等次“${rule.capGrade}”不在等次设置中`, [...path, 'capGrade']);
      }
      return;
  }
}

function checkBonus(scheme: Scheme, report: Report): void {
  const { bonus } = scheme;
  if (!(bonus.cap > 0)) report('加分上限必须大于0', ['bonus', 'cap']);
  for (const [category, byLevel] of Object.entries(bonus.table)) {
    for (const [level, points] of Object.entries(byLevel ?? {})) {
      if (points !== undefined && !(points > 0)) {
        const levelLabel = LEVEL_LABELS[level as keyof typeof LEVEL_LABELS];
        report(`加分标准“${category}·${levelLabel}”的分值必须大于0`, ['bonus', 'table', category, level]);
      }
    }
  }
  for (const [category, cap] of Object.entries(bonus.categoryCaps ?? {})) {
    if (cap !== undefined && !(cap > 0))
      report(`加分类别“${category}”的上限必须大于0`, ['bonus', 'categoryCaps', category]);
  }
}

function checkDeductions(scheme: Scheme, report: Report): void {
  const seen = new Set<string>();
  scheme.deductions.items.forEach((item, i) => {
    const label = item.level ? `${item.kind}（${LEVEL_LABELS[item.level]}）` : item.kind;
    const key = `${item.kind}\u0000${item.level ?? ''}`;
    if (seen.has(key)) report(`减分项目“${label}”重复`, ['deductions', 'items', i]);
    seen.add(key);
    if (!(item.points > 0)) report(`减分项目“${label}”的分值必须大于0`, ['deductions', 'items', i, 'points']);
    if (item.cap !== undefined && !(item.cap > 0)) {
      report(`减分项目“${label}”的扣分上限必须大于0`, ['deductions', 'items', i, 'cap']);
    }
  });
  const { cap } = scheme.deductions;
  if (cap !== undefined && !(cap > 0)) report('减分总上限必须大于0', ['deductions', 'cap']);
}

function checkGrading(scheme: Scheme, report: Report): void {
  const { bands, quotas, tieBreak } = scheme.grading;
  const grades = bands.map((b) => b.grade);
  bands.forEach((band, i) => {
    if (grades.indexOf(band.grade) !== i) report(`等次“${band.grade}”重复`, ['grading', 'bands', i, 'grade']);
    const better = bands[i - 1];
    if (better && !(band.minScore < better.minScore)) {
      report(`等次“${band.grade}”的最低分应低于“${better.grade}”的最低分`, ['grading', 'bands', i, 'minScore']);
    }
  });
  const lowest = grades[grades.length - 1];
  quotas.forEach((quota, i) => {
    const path = ['grading', 'quotas', i];
    if (!grades.includes(quota.grade)) report(`比例限制的等次“${quota.grade}”不在等次设置中`, [...path, 'grade']);
    else if (quota.grade === lowest) report(`最低等次“${quota.grade}”不能设置比例上限`, [...path, 'grade']);
    if (!(quota.maxShare > 0 && quota.maxShare <= 1)) {
      report(`等次“${quota.grade}”的比例上限应大于0且不超过100%`, [...path, 'maxShare']);
    }
    if (quotas.findIndex((q) => q.grade === quota.grade) !== i) report(`等次“${quota.grade}”的比例限制重复`, path);
  });
  if (new Set(tieBreak).size !== tieBreak.length) report('同分排序规则不能重复', ['grading', 'tieBreak']);
}
