import { dashboardContracts } from '@fazhi/core/dashboard/dashboard.contract';
import { useContractQuery } from '../../../components/contract-query.ts';
import { buildOrgTree, useOrgs } from '../../../components/org-data.ts';
import { useSession } from '../../../components/session.ts';

const { dashboard, rollup } = dashboardContracts.routes;

export function useDashboard(org: number | null, year: number, refetchInterval?: number) {
  return useContractQuery(
    dashboard,
    { query: { org: org ?? 0, year } },
    { enabled: org !== null, refetchInterval, keepPrevious: true },
  );
}

export function useRollup(org: number | null, year: number) {
  return useContractQuery(rollup, { query: { org: org ?? 0, year } }, { enabled: org !== null, keepPrevious: true });
}

/** The org a dashboard opens on: the top of the user's visible org tree (the county for its office and leaders). */
export function useDefaultDashboardOrg(): number | null {
  const { me } = useSession();
  const { data: orgs } = useOrgs();
  if (!me || !orgs) return null;
  const [root] = buildOrgTree(orgs);
  return root?.id ?? me.orgId;
}
