import type { visitCreateSchema, visitProblemSchema } from '@fazhi/core/grassroots/api.schemas';
import type { z } from '@fazhi/core/shared/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';

export type Office = {
  orgId: number;
  name: string;
  township: string | null;
  center: string | null;
  functions: string[];
  functionsPerformed: number;
  functionsTotal: number;
  functionsMissing: string[];
  staff: number;
  qualified: number;
  qualifiedShare: number | null;
  examSat: number;
  examPassed: number;
  examPassRate: number | null;
  decisionMeetings: number;
  decisionAttended: number;
  rating: { label: string } | null;
};
export type OfficeDetail = Office & {
  note: string;
  checklist: { code: string; label: string; performed: boolean }[];
  figures: { key: string; name: string; unit: string; value: number | null; note: string | null }[];
  /** The township (or the office itself) the figures are counted for, and the period. */
  figuresOrgId: number;
  period: string;
};
export type Period = {
  period: string;
  label: string;
  required: number;
  done: number;
  status: string;
  statusLabel: string;
};
export type Assignment = {
  id: number;
  leaderId: number;
  leaderName: string;
  leaderTitle: string;
  orgId: number;
  orgName: string;
  obligation: string;
  periods: Period[];
  overdue: number;
  rate: { required: number; done: number; rate: number | null };
};
export type Visit = {
  id: number;
  leaderId: number;
  leaderName: string;
  orgId: number;
  orgName: string;
  visitedOn: string;
  peopleMet: string;
  problemsHeard: string;
  followUp: string;
  problems: { id: number; title: string; description: string; problemId: number | null }[];
};
export type Liaison = {
  year: number;
  assignments: Assignment[];
  visits: Visit[];
  totals: { required: number; done: number; rate: number | null; visits: number };
};

export type Figures = {
  org: { id: number; name: string };
  period: string;
  items: { key: string; name: string; unit: string; value: number | null; note: string | null }[];
};

export const grassrootsKeys = {
  all: ['grassroots'] as const,
  figures: (year: number) => ['grassroots', 'figures', year] as const,
  offices: (year: number) => ['grassroots', 'offices', year] as const,
  office: (orgId: number, year: number) => ['grassroots', 'office', orgId, year] as const,
  liaison: (year: number) => ['grassroots', 'liaison', year] as const,
};

export const useFigures = (year: number) =>
  useQuery({
    queryKey: grassrootsKeys.figures(year),
    queryFn: () => api.get<Figures>('/api/grassroots/figures', { year }),
  });
export const useOffices = (year: number) =>
  useQuery({
    queryKey: grassrootsKeys.offices(year),
    queryFn: () => api.get<{ items: Office[] }>('/api/grassroots/offices', { year }).then((r) => r.items),
  });
export const useOffice = (orgId: number | null, year: number) =>
  useQuery({
    queryKey: grassrootsKeys.office(orgId ?? 0, year),
    queryFn: () => api.get<OfficeDetail>(`/api/grassroots/offices/${orgId}`, { year }),
    enabled: orgId !== null,
  });
export const useLiaison = (year: number) =>
  useQuery({
    queryKey: grassrootsKeys.liaison(year),
    queryFn: () => api.get<Liaison>('/api/grassroots/liaison', { year }),
  });

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: grassrootsKeys.all });
}

export function useUpdateFunctions(orgId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { functions: string[]; note: string }) =>
      api.put(`/api/grassroots/offices/${orgId}/functions`, body),
    onSuccess: invalidate,
  });
}
export function useCreateVisit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof visitCreateSchema>) =>
      api.post<{ id: number }>('/api/grassroots/liaison/visits', body),
    onSuccess: invalidate,
  });
}
export function useRaiseProblem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ visitId, ...body }: z.input<typeof visitProblemSchema> & { visitId: number }) =>
      api.post<{ id: number; problemId: number | null }>(`/api/grassroots/liaison/visits/${visitId}/problems`, body),
    onSuccess: invalidate,
  });
}
export function useSendProblem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api.post<{ problemId: number }>(`/api/grassroots/liaison/problems/${id}/send`),
    onSuccess: invalidate,
  });
}
