import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import type { CustomTypeInput, ImportJob, LedgerTypeSummary } from '@fazhi/core/ledgers/ledgers.schemas';
import type { LedgerData } from '@fazhi/core/ledgers/row-schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';

export type LedgerRow = {
  id: number;
  orgId: number;
  orgName: string;
  rowDate: string;
  data: LedgerData;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** In lists: another row in the viewer's scope holds one of its unique keys (e.g. the same ID number elsewhere). */
  duplicate?: boolean;
};
export type TypeDetail = { definition: LedgerDefinition; builtin: boolean; version: number; canSeePersonal: boolean };
export type RowQuery = Record<string, string | number | undefined>;
export type RowPage = { items: LedgerRow[]; total: number; page: number; pageSize: number };

export const ledgerKeys = {
  all: ['ledgers'] as const,
  types: ['ledgers', 'types'] as const,
  type: (key: string) => ['ledgers', 'type', key] as const,
  rows: (key: string, query?: RowQuery) => ['ledgers', 'rows', key, query ?? {}] as const,
  job: (id: number) => ['ledgers', 'job', id] as const,
};

const typeUrl = (key: string) => `/api/ledgers/types/${encodeURIComponent(key)}`;

export const ledgersApi = {
  types: () => api.get<{ items: LedgerTypeSummary[] }>('/api/ledgers/types').then((r) => r.items),
  type: (key: string) => api.get<TypeDetail>(typeUrl(key)),
  rows: (key: string, query: RowQuery) => api.get<RowPage>(`${typeUrl(key)}/rows`, query),
  createRow: (key: string, body: { orgId: number; data: LedgerData }) =>
    api.post<LedgerRow & { warnings: string[] }>(`${typeUrl(key)}/rows`, body),
  updateRow: (key: string, id: number, body: { orgId: number; data: LedgerData; version: number }) =>
    api.put<LedgerRow & { warnings: string[] }>(`${typeUrl(key)}/rows/${id}`, body),
  deleteRow: (key: string, id: number, version: number) =>
    api.delete<{ id: number }>(`${typeUrl(key)}/rows/${id}?version=${version}`),
  job: (id: number) => api.get<ImportJob>(`/api/ledgers/jobs/${id}`),
  createType: (body: CustomTypeInput) => api.post<{ key: string }>('/api/ledgers/types', body),
  updateType: (key: string, body: CustomTypeInput) => api.put<{ key: string }>(typeUrl(key), body),
  importUrl: (key: string) => `${typeUrl(key)}/import`,
  templateUrl: (key: string) => `${typeUrl(key)}/template`,
  exportUrl: (key: string) => `${typeUrl(key)}/export`,
};

export const useLedgerTypes = () => useQuery({ queryKey: ledgerKeys.types, queryFn: ledgersApi.types });
export const useLedgerType = (key: string | undefined) =>
  useQuery({ queryKey: ledgerKeys.type(key ?? ''), queryFn: () => ledgersApi.type(key!), enabled: Boolean(key) });
export const useLedgerRows = (key: string, query: RowQuery) =>
  useQuery({
    queryKey: ledgerKeys.rows(key, query),
    queryFn: () => ledgersApi.rows(key, query),
    placeholderData: keepPreviousData,
  });
