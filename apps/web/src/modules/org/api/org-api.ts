import type {
  DimensionKind,
  OrgCreate,
  OrgUpdate,
  orgCreateSchema,
  orgUpdateSchema,
} from '@fazhi/core/org/org.schemas';
import type { z } from '@fazhi/core/shared/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';
import { dimensionsQueryKey, orgsQueryKey } from '../../../components/org-data.ts';

export type OrgCreateInput = z.input<typeof orgCreateSchema>;
export type OrgUpdateInput = z.input<typeof orgUpdateSchema>;

export const orgApi = {
  create: (body: OrgCreateInput | OrgCreate) => api.post<{ id: number; path: string }>('/api/orgs', body),
  update: (id: number, body: OrgUpdateInput | OrgUpdate) => api.patch<{ ok: true }>(`/api/orgs/${id}`, body),
  move: (id: number, parentId: number) => api.post<{ ok: true }>(`/api/orgs/${id}/move`, { parentId }),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/orgs/${id}`),
  createDimension: (body: { ownerOrgId: number; kind: DimensionKind; name: string }) =>
    api.post<{ id: number }>('/api/dimensions', body),
  removeDimension: (id: number) => api.delete<{ ok: true }>(`/api/dimensions/${id}`),
};

/** After any org write, the tree, every unit picker and the dimension lists refetch. */
export function useOrgMutation<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: orgsQueryKey }),
        client.invalidateQueries({ queryKey: dimensionsQueryKey }),
      ]),
  });
}
