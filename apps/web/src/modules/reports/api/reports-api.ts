import type { ComplianceItem } from '@fazhi/core/reports/compliance';
import type { ReportDeadlineStatus } from '@fazhi/core/reports/deadlines';
import type { FigureMismatch, LedgerValue, LiveFigure } from '@fazhi/core/reports/figure-check';
import type { ReportType } from '@fazhi/core/reports/outlines';
import type { ReportAction, ReportStatus } from '@fazhi/core/reports/report-lifecycle';
import type { ReportPart } from '@fazhi/core/reports/structure';
import { useQuery } from '@tanstack/react-query';
import { api, uploadFile } from '../../../components/api-client.ts';

export type ReportListItem = {
  key: string;
  orgId: number;
  orgName: string;
  orgKind: string;
  parentName: string | null;
  year: number;
  type: ReportType;
  typeLabel: string;
  report: { id: number; title: string; status: ReportStatus; statusLabel: string; updatedAt: string } | null;
  deadlines: ReportDeadlineStatus;
};
export type ReportList = {
  year: number;
  items: ReportListItem[];
  summary: { units: number; composed: number; final: number; submitted: number; published: number; overdue: number };
};

export type ReportSectionView = {
  key: string;
  heading: string;
  body: string;
  isOptional: boolean;
  liveFigures: (LiveFigure & { orgId: number; period: string; unit: string; name: string })[];
  mismatches: FigureMismatch[];
};
export type FigureRow = {
  metric: string;
  orgId: number;
  period: string;
  name: string;
  unit: string;
  section: string;
  composed: number;
  previous: number | null;
  ledger: number | null;
  isLive: boolean;
};
export type ReportView = {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  type: ReportType;
  typeLabel: string;
  status: ReportStatus;
  statusLabel: string;
  version: number;
  title: string;
  preamble: string;
  signedBy: string;
  signedDate: string;
  sections: ReportSectionView[];
  isEditable: boolean;
  addableSections: { key: string; heading: string }[];
  isFrozen: boolean;
  frozenAt: string | null;
  actions: ReportAction[];
  deadlines: ReportDeadlineStatus;
  compliance: { items: ComplianceItem[]; passed: number; total: number };
  figureTable: FigureRow[];
  ledger: LedgerValue[];
  events: {
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    reason: string;
    at: string;
    actor: string | null;
  }[];
};

export type CheckResult = {
  items: ComplianceItem[];
  passed: number;
  total: number;
  title: string | null;
  signedBy: string | null;
  signedDate: string | null;
  sections: { level: number; marker: string; title: string; part: ReportPart | null }[];
};

export type ImportListItem = {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  title: string;
  filename: string | null;
  status: string;
  isDemo: boolean;
  figureCount: number;
  accepted: number;
  createdAt: string;
};
export type ImportFigure = {
  index: number;
  text: string;
  value: number;
  unit: string;
  approx: string | null;
  metric: string | null;
  metricName: string | null;
  confidence: number;
  start: number;
  end: number;
  comparison?: boolean;
  partOf?: number;
  decision: 'pending' | 'accepted' | 'discarded';
  /** The words that gave the key, or why there is none. */
  keyWords?: string;
  noKeyReason?: string;
  /** The key is one a reviewer in this county chose before for the same words. */
  learned?: boolean;
  phrase?: string | null;
};
export type ImportDetail = {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  title: string;
  status: string;
  isDemo: boolean;
  text: string;
  structure: {
    title: string | null;
    parts: { part: ReportPart; label: string; present: boolean; isRequired: boolean; heading: string | null }[];
    basis: string[];
    signedBy: string | null;
    signedDate: string | null;
    sections: { level: number; marker: string; title: string; start: number; end: number; part: ReportPart | null }[];
  };
  figures: ImportFigure[];
  history: { metric: string; value: number; source: string }[];
};

export type Comparison = {
  year: number;
  metrics: { key: string; name: string; unit: string }[];
  counties: {
    orgId: number;
    orgName: string;
    report: {
      kind: 'report' | 'import';
      id: number;
      title: string;
      status: string;
      isDemo: boolean;
      hasBasis: boolean;
      signedBy: string | null;
      signedDate: string | null;
    } | null;
    parts: { part: ReportPart; label: string; present: boolean; isRequired: boolean }[];
    figures: Record<string, { value: number; unit: string; text: string } | undefined>;
  }[];
};

export type DeadlineSetting = {
  type: ReportType;
  typeLabel: string;
  note: string;
  isPublished: boolean;
  defaults: { submitBy: string; publishBy: string | null };
  submitTo: string;
  submitBy: string;
  publishBy: string | null;
  isOverridden: boolean;
  isOwnSetting: boolean;
};
export type DeadlineSettings = { year: number; orgName: string; items: DeadlineSetting[] };

export const reportKeys = {
  all: ['reports'] as const,
  list: (year: number) => ['reports', 'list', year] as const,
  report: (id: number) => ['reports', 'report', id] as const,
  imports: () => ['reports', 'imports'] as const,
  import: (id: number) => ['reports', 'import', id] as const,
  compare: (year: number) => ['reports', 'compare', year] as const,
  deadlines: (year: number) => ['reports', 'deadlines', year] as const,
};

export type ReportSave = {
  version: number;
  title: string;
  preamble: string;
  sections: { key: string; heading: string; body: string }[];
  signedBy: string;
  signedDate: string;
};

export const reportsApi = {
  list: (year: number) => api.get<ReportList>('/api/reports', { year }),
  compose: (body: { orgId: number; year: number; type?: ReportType }) => api.post<{ id: number }>('/api/reports', body),
  get: (id: number) => api.get<ReportView>(`/api/reports/${id}`),
  save: (id: number, body: ReportSave) => api.put<{ id: number; version: number }>(`/api/reports/${id}`, body),
  addSection: (id: number, key: string) => api.post<{ version: number }>(`/api/reports/${id}/sections`, { key }),
  removeSection: (id: number, key: string) => api.delete<{ version: number }>(`/api/reports/${id}/sections/${key}`),
  refresh: (id: number) => api.post<{ changed: number }>(`/api/reports/${id}/refresh`),
  act: (id: number, action: ReportAction, reason?: string) =>
    api.post<{ status: ReportStatus }>(`/api/reports/${id}/actions`, { action, reason }),
  checkText: (text: string) => api.post<CheckResult>('/api/reports/check', { text }),
  checkFile: (file: File) => uploadFile<CheckResult>('/api/reports/check/upload', file),
  imports: () => api.get<{ items: ImportListItem[] }>('/api/reports/imports').then((r) => r.items),
  importText: (body: { orgId: number; year: number; text: string; title?: string }) =>
    api.post<{ id: number }>('/api/reports/imports', body),
  importFile: (orgId: number, year: number, file: File) =>
    uploadFile<{ id: number }>(`/api/reports/imports/upload?orgId=${orgId}&year=${year}`, file),
  importDetail: (id: number) => api.get<ImportDetail>(`/api/reports/imports/${id}`),
  review: (id: number, decisions: { index: number; decision: 'accept' | 'discard'; metric?: string | null }[]) =>
    api.post<{ accepted: number; status: string }>(`/api/reports/imports/${id}/review`, { decisions }),
  compare: (year: number) => api.get<Comparison>('/api/reports/compare', { year }),
  deadlines: (year: number) => api.get<DeadlineSettings>('/api/reports/deadlines', { year }),
  setDeadlines: (body: { year: number; type: ReportType; submitBy: string; publishBy: string | null }) =>
    api.put('/api/reports/deadlines', body),
  resetDeadlines: (year: number, type: ReportType) => api.delete(`/api/reports/deadlines/${year}/${type}`),
};

export const useReportList = (year: number) =>
  useQuery({ queryKey: reportKeys.list(year), queryFn: () => reportsApi.list(year) });
export const useReport = (id: number) =>
  useQuery({ queryKey: reportKeys.report(id), queryFn: () => reportsApi.get(id) });
export const useImports = () => useQuery({ queryKey: reportKeys.imports(), queryFn: reportsApi.imports });
export const useImportDetail = (id: number) =>
  useQuery({ queryKey: reportKeys.import(id), queryFn: () => reportsApi.importDetail(id) });
export const useDeadlineSettings = (year: number) =>
  useQuery({ queryKey: reportKeys.deadlines(year), queryFn: () => reportsApi.deadlines(year) });
export const useComparison = (year: number) =>
  useQuery({ queryKey: reportKeys.compare(year), queryFn: () => reportsApi.compare(year) });
