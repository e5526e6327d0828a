import type { MetricRowsPage, MetricValue } from '@fazhi/core/metrics/metric-api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';

export type MetricRef = { key: string; org: number; period: string };

export const metricsKeys = {
  value: (ref: MetricRef) => ['metrics', 'value', ref] as const,
  rows: (ref: MetricRef, page: number) => ['metrics', 'rows', ref, page] as const,
};

export const metricsApi = {
  value: (ref: MetricRef) => api.get<MetricValue>(`/api/metrics/${ref.key}`, { org: ref.org, period: ref.period }),
  rows: (ref: MetricRef, page: number, pageSize = 10) =>
    api.get<MetricRowsPage>(`/api/metrics/${ref.key}/rows`, { org: ref.org, period: ref.period, page, pageSize }),
};

export function useMetricValue(ref: MetricRef | null) {
  return useQuery({
    queryKey: ref ? metricsKeys.value(ref) : ['metrics', 'none'],
    queryFn: () => metricsApi.value(ref!),
    enabled: ref !== null,
  });
}

export function useMetricRows(ref: MetricRef | null, page: number) {
  return useQuery({
    queryKey: ref ? metricsKeys.rows(ref, page) : ['metrics', 'none'],
    queryFn: () => metricsApi.rows(ref!, page),
    enabled: ref !== null,
    placeholderData: (previous) => previous,
  });
}
