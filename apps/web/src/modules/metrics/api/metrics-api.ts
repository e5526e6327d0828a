import { metricsContracts } from '@fazhi/core/metrics/metrics.contract';
import { useContractQuery } from '../../../components/contract-query.ts';

/** A registry figure: `scope: 'own'` for 本级 (the org's own rows, not its units'). */
export type MetricRef = { key: string; org: number; period: string; scope?: 'subtree' | 'own' };

const { value, rows } = metricsContracts.routes;
const none = { params: { key: '-' }, query: { org: 1, period: '-' } };

export function useMetricValue(ref: MetricRef | null) {
  return useContractQuery(
    value,
    ref
      ? { params: { key: ref.key }, query: { org: ref.org, period: ref.period, scope: ref.scope ?? 'subtree' } }
      : none,
    { enabled: ref !== null },
  );
}

export function useMetricRows(ref: MetricRef | null, page: number) {
  return useContractQuery(
    rows,
    ref
      ? {
          params: { key: ref.key },
          query: { org: ref.org, period: ref.period, scope: ref.scope ?? 'subtree', page, pageSize: 10 },
        }
      : none,
    { enabled: ref !== null, keepPrevious: true },
  );
}
