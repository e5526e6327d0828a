import { orgContracts } from '@fazhi/core/org/org.contract';
import type { orgCreateSchema } from '@fazhi/core/org/org.schemas';
import type { CallInput, ResponseOf, RouteContract } from '@fazhi/core/shared/contract';
import type { z } from '@fazhi/core/shared/zod';
import { useContractMutation } from '../../../components/contract-query.ts';

export const orgRoutes = orgContracts.routes;

export type OrgCreateInput = z.input<typeof orgCreateSchema>;
export type OrgImportResult = ResponseOf<typeof orgRoutes.import>;

/** After any org write, the tree, every unit picker and the dimension lists refetch. */
export const orgInvalidate = ['/api/orgs', '/api/dimensions'];

export function useOrgMutation<C extends RouteContract, V = CallInput<C>>(
  contract: C,
  toInput?: (variables: V) => CallInput<C>,
) {
  return useContractMutation<C, V>(contract, { toInput, invalidate: orgInvalidate });
}
