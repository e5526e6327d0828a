import { metricsContracts } from '@fazhi/core/metrics/metrics.contract';
import { useContractQuery } from '../../../components/contract-query.ts';

export type MetricRef = { key: string; org: number; period: string };

const { value, rows } = metricsContracts.routes;
const none = { params: { key: '-' }, query: { org: 1, period: '-' } };

export function useMetricValue(ref: MetricRef | null) {
  return useContractQuery(
    value,
    ref ? { params: { key: ref.key }, query: { org: ref.org, period: ref.period } } : none,
    { enabled: ref !== null },
  );
}

export function useMetricRows(ref: MetricRef | null, page: number) {
  return useContractQuery(
    rows,
    ref ? { params: { key: ref.key }, query: { org: ref.org, period: ref.period, page, pageSize: 10 } } : none,
    { enabled: ref !== null, keepPrevious: true },
  );
}
