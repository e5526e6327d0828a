import { platformContracts } from '@fazhi/core/platform/platform.contract';
import type { Permission } from '@fazhi/core/platform/roles';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { useQuery } from '@tanstack/react-query';
import { ApiError, call, setCsrfToken } from './api-client.ts';

/** The signed-in user with the CSRF token, as login and GET /api/auth/me answer it. */
export type Me = ResponseOf<typeof platformContracts.routes.me>;

export const meQueryKey = ['auth', 'me'] as const;

let sessionEndReason: string | null = null;

/** Why the last session ended (timed out, disabled…), shown once on the login page. */
export function setSessionEndReason(reason: string | null) {
  sessionEndReason = reason;
}

export function getSessionEndReason(): string | null {
  return sessionEndReason;
}

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(platformContracts.routes.me);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user (null when nobody is signed in); every page reads permissions from here. */
export function useSession() {
  const query = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
  const me = query.data ?? null;
  const can = (permission: Permission) => me?.permissions.includes(permission) ?? false;
  return { me, can, isLoading: query.isLoading, error: query.error };
}
