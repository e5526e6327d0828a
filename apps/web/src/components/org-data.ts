import type { Dimension, Org } from '@fazhi/core/org/org.schemas';
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';

export type OrgRow = Org;
export type OrgNode = OrgRow & { children: OrgNode[] };

export const orgsQueryKey = ['orgs'] as const;
export const dimensionsQueryKey = ['dimensions'] as const;

/** Every unit in the user's data scope, flat; shared by the org page and every unit picker. */
export function useOrgs(enabled = true) {
  return useQuery({
    queryKey: orgsQueryKey,
    queryFn: () => api.get<{ items: OrgRow[] }>('/api/orgs').then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useDimensions(enabled = true) {
  return useQuery({
    queryKey: dimensionsQueryKey,
    queryFn: () => api.get<{ items: Dimension[] }>('/api/dimensions').then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

/** Builds the tree; a unit whose parent is outside the user's scope becomes a root. */
export function buildOrgTree(orgs: readonly OrgRow[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(orgs.map((o) => [o.id, { ...o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.id - b.id);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function orgNameMap(orgs: readonly OrgRow[] | undefined): Map<number, string> {
  return new Map((orgs ?? []).map((o) => [o.id, o.name]));
}
