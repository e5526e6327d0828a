import type { Dashboard, DashboardRollup } from '@fazhi/core/dashboard/dashboard';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';
import { buildOrgTree, useOrgs } from '../../../components/org-data.ts';
import { useSession } from '../../../components/session.ts';

export const dashboardKeys = {
  dashboard: (org: number, year: number) => ['dashboard', org, year] as const,
  rollup: (org: number, year: number) => ['dashboard', 'rollup', org, year] as const,
};

export function useDashboard(org: number | null, year: number, refetchInterval?: number) {
  return useQuery({
    queryKey: dashboardKeys.dashboard(org ?? 0, year),
    queryFn: () => api.get<Dashboard>('/api/dashboard', { org, year }),
    enabled: org !== null,
    refetchInterval,
    placeholderData: (previous) => previous,
  });
}

export function useRollup(org: number | null, year: number) {
  return useQuery({
    queryKey: dashboardKeys.rollup(org ?? 0, year),
    queryFn: () => api.get<DashboardRollup>('/api/dashboard/rollup', { org, year }),
    enabled: org !== null,
    placeholderData: (previous) => previous,
  });
}

/** The org a dashboard opens on: the top of the user's visible org tree (the county for its office and leaders). */
export function useDefaultDashboardOrg(): number | null {
  const { me } = useSession();
  const { data: orgs } = useOrgs();
  if (!me || !orgs) return null;
  const [root] = buildOrgTree(orgs);
  return root?.id ?? me.orgId;
}
