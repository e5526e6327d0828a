import type { Task } from '../api/plan-api.ts';

export type TaskNode = Task & { children?: TaskNode[] };

/** parentId → children; a task whose parent is not in the list (filtered out, or outside scope) is a root. */
export function buildTaskTree(tasks: readonly Task[]): TaskNode[] {
  const nodes = new Map<number, TaskNode>(tasks.map((t) => [t.id, { ...t }]));
  const roots: TaskNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

export function collectIds(nodes: readonly TaskNode[]): number[] {
  return nodes.flatMap((n) => (n.children ? [n.id, ...collectIds(n.children)] : []));
}
