import { orgContracts } from '@fazhi/core/org/org.contract';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { useQuery } from '@tanstack/react-query';
import { call } from './api-client.ts';
import { contractKey } from './contract-query.ts';

const { list, dimensions } = orgContracts.routes;

export type OrgRow = ResponseOf<typeof list>['items'][number];
export type OrgNode = OrgRow & { children: OrgNode[] };
export type Dimension = ResponseOf<typeof dimensions>['items'][number];

/**
 * Query keys of the unit and dimension lists: the contract's key (path first, so invalidating `/api/orgs` or
 * `/api/dimensions` refreshes them) plus `items`, since these hooks keep the list itself rather than the answer.
 */
export const orgsQueryKey = [...contractKey(list), 'items'] as const;
export const dimensionsQueryKey = [...contractKey(dimensions), 'items'] as const;

/** Every unit in the user's data scope, flat; shared by the org page and every unit picker. */
export function useOrgs(enabled = true) {
  return useQuery({
    queryKey: orgsQueryKey,
    queryFn: () => call(list).then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

export function useDimensions(enabled = true) {
  return useQuery({
    queryKey: dimensionsQueryKey,
    queryFn: () => call(dimensions).then((r) => r.items),
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
