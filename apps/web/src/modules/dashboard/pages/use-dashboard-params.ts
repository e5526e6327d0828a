import { useSearchParams } from 'react-router';
import { currentYear } from '../../../components/format.ts';
import { useDefaultDashboardOrg } from '../api/dashboard-api.ts';

/** Org and year live in the URL (`?org=4&year=2026`) so a view can be shared and the big screen opens the same. */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const fallbackOrg = useDefaultDashboardOrg();
  const org = params.get('org') ? Number(params.get('org')) : fallbackOrg;
  const year = params.get('year') ? Number(params.get('year')) : currentYear();
  const set = (next: { org?: number; year?: number }) => {
    const merged = { org: next.org ?? org, year: next.year ?? year };
    setParams({ ...(merged.org ? { org: String(merged.org) } : {}), year: String(merged.year) }, { replace: true });
  };
  return { org, year, set };
}
