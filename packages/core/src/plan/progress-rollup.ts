/**
 * Progress roll-up rule (documented in README): a closed task counts 100%; a leaf's progress is the percent of its
 * latest ledger entry (0 without one); a parent's progress is the weighted mean of its children, weights normalised
 * to sum to 1. If every child weight is 0 the children count equally. Results keep one decimal.
 */
export type RollupNode = {
  id: number;
  parentId: number | null;
  weight: number;
  isClosed: boolean;
  ownPercent: number | null;
};

export function rollupProgress(nodes: readonly RollupNode[]): Map<number, number> {
  const children = new Map<number | null, RollupNode[]>();
  for (const n of nodes) {
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const result = new Map<number, number>();
  const visit = (node: RollupNode, depth: number): number => {
    if (depth > 64) throw new Error('task tree too deep or cyclic');
    const kids = children.get(node.id) ?? [];
    const kidValues = kids.map((k) => visit(k, depth + 1));
    let value: number;
    if (node.isClosed) value = 100;
    else if (kids.length === 0) value = clampPercent(node.ownPercent ?? 0);
    else {
      const totalWeight = kids.reduce((s, k) => s + Math.max(0, k.weight), 0);
      value = kids.reduce((sum, k, i) => {
        const share = totalWeight > 0 ? Math.max(0, k.weight) / totalWeight : 1 / kids.length;
        return sum + share * (kidValues[i] ?? 0);
      }, 0);
    }
    const rounded = Math.round(value * 10) / 10;
    result.set(node.id, rounded);
    return value;
  };
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) if (n.parentId === null || !ids.has(n.parentId)) visit(n, 0);
  return result;
}

function clampPercent(p: number): number {
  return Math.min(100, Math.max(0, p));
}
