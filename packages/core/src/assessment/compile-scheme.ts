import { toCents } from './rounding.ts';
import type { Indicator, Rule, Scheme, Template } from './scheme.schemas.ts';
import { schemeSchema } from './scheme.schemas.ts';

export type CompiledNode = {
  id: string;
  name: string;
  /** Names from the top-level indicator down, e.g. "执法 / 依法行政 / 合法性审查". */
  path: string;
  depth: number;
  parentIndex: number;
  maxCents: number;
  rule: Rule | undefined;
};

export type CompiledTemplate = {
  templateId: string;
  unitType: string;
  totalCents: number;
  /** Pre-order; a parent always comes before its children. */
  nodes: CompiledNode[];
  leafIndices: number[];
};

export type CompiledScheme = {
  scheme: Scheme;
  templates: ReadonlyMap<string, CompiledTemplate>;
  /** Grades best first. */
  gradeOrder: readonly string[];
};

/**
 * Validate once and flatten every template into arrays, so scoring a unit is a loop over leaves
 * with no tree walking and no shared mutable state. Weighted templates get their leaf points here,
 * split by largest remainder so that children always add up to their parent to the cent.
 */
export function compileScheme(input: Scheme): CompiledScheme {
  const parsed = schemeSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`考核方案校验未通过：${first?.message ?? '格式错误'}`);
  }
  const scheme = parsed.data;
  const templates = new Map<string, CompiledTemplate>();
  for (const template of scheme.templates) templates.set(template.unitType, compileTemplate(template));
  return { scheme, templates, gradeOrder: scheme.grading.bands.map((b) => b.grade) };
}

function compileTemplate(template: Template): CompiledTemplate {
  const nodes: CompiledNode[] = [];
  const leafIndices: number[] = [];
  const totalCents = toCents(template.totalPoints);
  const visit = (
    siblings: Indicator[],
    parentCents: number,
    parentIndex: number,
    parentPath: string,
    depth: number,
  ) => {
    const shares =
      template.mode === 'points' ? siblings.map((s) => toCents(s.points ?? 0)) : splitByWeight(parentCents, siblings);
    siblings.forEach((node, i) => {
      const path = parentPath ? `${parentPath} / ${node.name}` : node.name;
      const index = nodes.length;
      const children = node.children ?? [];
      const maxCents = shares[i] ?? 0;
      nodes.push({
        id: node.id,
        name: node.name,
        path,
        depth,
        parentIndex,
        maxCents,
        rule: children.length ? undefined : node.rule,
      });
      if (children.length === 0) leafIndices.push(index);
      else visit(children, maxCents, index, path, depth + 1);
    });
  };
  visit(template.indicators, totalCents, -1, '', 0);
  return { templateId: template.id, unitType: template.unitType, totalCents, nodes, leafIndices };
}

/** Largest-remainder split of parentCents by sibling weights; ties go to the earlier sibling. */
export function splitByWeight(parentCents: number, siblings: readonly Pick<Indicator, 'weight'>[]): number[] {
  const weights = siblings.map((s) => Math.max(0, s.weight ?? 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (parentCents * w) / sum);
  const shares = exact.map((e) => Math.floor(e + 1e-9));
  let remainder = parentCents - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, frac: e - Math.floor(e + 1e-9) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remainder <= 0) break;
    if (weights[i] === 0) continue;
    shares[i] = (shares[i] ?? 0) + 1;
    remainder -= 1;
  }
  return shares;
}
