import type { CallInput, ResponseOf, RouteContract } from '@fazhi/core/shared/contract';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './api-client.ts';

/**
 * The query key of a contract call: its path pattern first, so invalidating a module (`/api/grassroots`) or one
 * route refreshes exactly what depends on it.
 */
export const contractKey = <C extends RouteContract>(contract: C, input?: CallInput<C>) =>
  [contract.path, input ?? {}] as const;

/** Marks every cached answer of the routes under `prefix` (e.g. `/api/grassroots`) as stale. */
export function invalidatePrefix(qc: QueryClient, prefix: string) {
  return qc.invalidateQueries({
    predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith(prefix),
  });
}

type QueryOptions<C extends RouteContract, T> = {
  enabled?: boolean;
  keepPrevious?: boolean;
  refetchInterval?: number | false;
  /** Derives what the component reads from the answer (e.g. `(r) => r.items`). */
  select?: (data: ResponseOf<C>) => T;
};

/** Reads a route through its contract with React Query. */
export function useContractQuery<C extends RouteContract, T = ResponseOf<C>>(
  contract: C,
  input: CallInput<C>,
  options: QueryOptions<C, T> = {},
) {
  return useQuery<ResponseOf<C>, Error, T, readonly unknown[]>({
    queryKey: contractKey(contract, input),
    queryFn: () => (call as (c: C, i: CallInput<C>) => Promise<ResponseOf<C>>)(contract, input),
    enabled: options.enabled,
    refetchInterval: options.refetchInterval,
    select: options.select,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * The one mutation pattern: a write through its contract, then the listed path prefixes are refreshed
 * (by default the module's own, taken from the contract's path: `/api/<module>`).
 */
export function useContractMutation<C extends RouteContract, V = CallInput<C>>(
  contract: C,
  options: {
    toInput?: (variables: V) => CallInput<C>;
    invalidate?: string[];
    /** Sends the request itself instead of `call` (a multipart upload: `(v) => upload(contract, v.file, …)`). */
    send?: (variables: V) => Promise<ResponseOf<C>>;
  } = {},
) {
  const qc = useQueryClient();
  const modulePrefix = contract.path.split('/').slice(0, 3).join('/');
  return useMutation({
    mutationFn: (variables: V) =>
      options.send
        ? options.send(variables)
        : (call as (c: C, i: CallInput<C>) => Promise<ResponseOf<C>>)(
            contract,
            options.toInput ? options.toInput(variables) : (variables as unknown as CallInput<C>),
          ),
    onSuccess: async () => {
      await Promise.all((options.invalidate ?? [modulePrefix]).map((prefix) => invalidatePrefix(qc, prefix)));
    },
  });
}
