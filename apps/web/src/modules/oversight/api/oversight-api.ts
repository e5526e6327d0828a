import type { BulletinLevel, BulletinStance, DeductionInput } from '@fazhi/core/oversight/bulletin';
import type {
  InspectionCreate,
  InspectionKeyNode,
  InspectionMode,
  InspectionStatus,
} from '@fazhi/core/oversight/inspection';
import type { BulletinCreate, ProblemListQuery } from '@fazhi/core/oversight/oversight.schemas';
import type { DeferralStatus, ProblemEventType, ProblemStatus } from '@fazhi/core/oversight/problem';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';

export type Unit = { id: number; name: string };
export type Owner = { id: number; name: string; position: string };

export type InspectionItem = {
  id: number;
  year: number;
  title: string;
  mode: InspectionMode;
  keyNode: InspectionKeyNode;
  startDate: string;
  endDate: string;
  status: InspectionStatus;
  checklist: { content: string; basis: string }[];
  team: { name: string; orgName: string; role: 'leader' | 'member' | 'liaison' }[];
  targets: Unit[];
  problemCount: number;
  closedCount: number;
};

export type ProblemItem = {
  id: number;
  year: number;
  title: string;
  status: ProblemStatus;
  inspectionId: number | null;
  inspectionTitle: string | null;
  units: Unit[];
  isJoint: boolean;
  signedCount: number;
  owner: Owner | null;
  deadline: string | null;
  effectiveDeadline: string | null;
  isOverdue: boolean;
  daysOverdue: number;
  hasPendingDeferral: boolean;
  recurrenceOf: number | null;
  createdAt: string;
};

export type ProblemAction =
  | 'set_four_ones'
  | 'claim'
  | 'sign_off'
  | 'apply'
  | 'verify_pass'
  | 'verify_fail'
  | 'request_deferral'
  | 'approve_deferral'
  | 'reject_deferral'
  | 'recur';

export type ProblemDetail = {
  id: number;
  year: number;
  title: string;
  description: string;
  status: ProblemStatus;
  inspectionId: number | null;
  inspectionTitle: string | null;
  units: Unit[];
  isJoint: boolean;
  owner: Owner | null;
  plan: string;
  measures: string[];
  deadline: string | null;
  isDeadlineFixed: boolean;
  effectiveDeadline: string | null;
  daysOverdue: number;
  isOverdue: boolean;
  rectificationSummary: string;
  closedAt: string | null;
  signOffs: { unitId: number; unitName: string; by: string; at: string; note: string }[];
  missingSignOffs: Unit[];
  deferrals: {
    reason: string;
    until: string;
    status: DeferralStatus;
    requestedAt: string;
    decidedAt: string | null;
    decisionNote: string;
  }[];
  recurrenceOf: { id: number; title: string; status: ProblemStatus } | null;
  recurrences: { id: number; title: string; status: ProblemStatus }[];
  history: {
    type: ProblemEventType;
    label: string;
    from: ProblemStatus | null;
    to: ProblemStatus;
    note: string;
    unitName: string;
    relatedProblemId: number | null;
    actor: string;
    at: string;
  }[];
  allowedActions: ProblemAction[];
};

export type BulletinItem = {
  id: number;
  orgName: string;
  year: number;
  title: string;
  docNo: string;
  level: BulletinLevel;
  issuedOn: string;
  entries: { orgId: number; orgName: string; stance: BulletinStance; reason: string; problemIds: number[] }[];
};

export type OversightStats = {
  inspections: number;
  problems: number;
  rectified: number;
  applied: number;
  overdue: number;
  rectificationRate: number | null;
};

export type FourOnesFields = { ownerIds?: number[]; plan?: string; measures?: string[]; deadline?: string | null };
export type ActionBody =
  | { type: 'set_four_ones'; fields: FourOnesFields }
  | { type: 'claim'; unitId: number; fields?: FourOnesFields }
  | { type: 'sign_off'; unitId: number; note?: string }
  | { type: 'apply'; summary: string }
  | { type: 'verify_pass'; note?: string }
  | { type: 'verify_fail'; reason: string }
  | { type: 'request_deferral'; reason: string; until: string }
  | { type: 'approve_deferral'; note?: string }
  | { type: 'reject_deferral'; reason: string };

export const oversightKeys = {
  all: ['oversight'] as const,
  stats: (year: number) => ['oversight', 'stats', year] as const,
  inspections: (year: number) => ['oversight', 'inspections', year] as const,
  inspection: (id: number) => ['oversight', 'inspection', id] as const,
  problems: (query: ProblemListQuery) => ['oversight', 'problems', query] as const,
  problem: (id: number) => ['oversight', 'problem', id] as const,
  owners: (id: number) => ['oversight', 'owners', id] as const,
  bulletins: (year: number) => ['oversight', 'bulletins', year] as const,
  deductions: (year: number) => ['oversight', 'deductions', year] as const,
};

export const oversightApi = {
  stats: (year: number) => api.get<OversightStats>('/api/oversight/stats', { year }),
  inspections: (year: number) =>
    api.get<{ items: InspectionItem[] }>('/api/oversight/inspections', { year }).then((r) => r.items),
  inspection: (id: number) =>
    api.get<{ inspection: InspectionItem; problems: ProblemItem[] }>(`/api/oversight/inspections/${id}`),
  createInspection: (body: InspectionCreate) => api.post<{ id: number }>('/api/oversight/inspections', body),
  setInspectionStatus: (id: number, status: InspectionStatus) =>
    api.post<{ id: number }>(`/api/oversight/inspections/${id}/status`, { status }),
  problems: (query: ProblemListQuery) =>
    api.get<{ items: ProblemItem[]; total: number }>('/api/oversight/problems', query as Record<string, unknown>),
  problem: (id: number) => api.get<ProblemDetail>(`/api/oversight/problems/${id}`),
  createProblem: (body: {
    inspectionId: number | null;
    title: string;
    description: string;
    unitIds: number[];
    deadline: string | null;
  }) => api.post<{ id: number }>('/api/oversight/problems', body),
  owners: (id: number) =>
    api
      .get<{ items: (Owner & { orgId: number; orgName: string })[] }>(`/api/oversight/problems/${id}/owner-options`)
      .then((r) => r.items),
  act: ({ id, body }: { id: number; body: ActionBody }) =>
    api.post<{ id: number; status: ProblemStatus }>(`/api/oversight/problems/${id}/actions`, body),
  recur: ({ id, reason, deadline }: { id: number; reason: string; deadline: string | null }) =>
    api.post<{ id: number }>(`/api/oversight/problems/${id}/recurrence`, { reason, deadline }),
  bulletins: (year: number) =>
    api.get<{ items: BulletinItem[] }>('/api/oversight/bulletins', { year }).then((r) => r.items),
  suggestions: (year: number) =>
    api
      .get<{ items: BulletinCreate['entries'] & { orgName: string }[] }>('/api/oversight/bulletins/suggestions', {
        year,
      })
      .then((r) => r.items),
  createBulletin: (body: BulletinCreate) => api.post<{ id: number }>('/api/oversight/bulletins', body),
  deductions: (year: number) =>
    api.get<{ items: DeductionInput[] }>('/api/oversight/deductions', { year }).then((r) => r.items),
};

export const useOversightStats = (year: number) =>
  useQuery({ queryKey: oversightKeys.stats(year), queryFn: () => oversightApi.stats(year) });
export const useInspections = (year: number) =>
  useQuery({ queryKey: oversightKeys.inspections(year), queryFn: () => oversightApi.inspections(year) });
export const useInspection = (id: number) =>
  useQuery({
    queryKey: oversightKeys.inspection(id),
    queryFn: () => oversightApi.inspection(id),
    enabled: Number.isFinite(id),
  });
export const useProblems = (query: ProblemListQuery) =>
  useQuery({
    queryKey: oversightKeys.problems(query),
    queryFn: () => oversightApi.problems(query),
    placeholderData: (p) => p,
  });
export const useProblem = (id: number) =>
  useQuery({
    queryKey: oversightKeys.problem(id),
    queryFn: () => oversightApi.problem(id),
    enabled: Number.isFinite(id),
  });
export const useOwnerOptions = (id: number, enabled: boolean) =>
  useQuery({ queryKey: oversightKeys.owners(id), queryFn: () => oversightApi.owners(id), enabled });
export const useBulletins = (year: number) =>
  useQuery({ queryKey: oversightKeys.bulletins(year), queryFn: () => oversightApi.bulletins(year) });
export const useDeductions = (year: number) =>
  useQuery({ queryKey: oversightKeys.deductions(year), queryFn: () => oversightApi.deductions(year) });

/** Any oversight write refreshes every oversight query and the notifications. */
export function useOversightMutation<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: oversightKeys.all }),
        client.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
}
