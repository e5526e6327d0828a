import type { CadreCreate, CadreUpdate } from '@fazhi/core/cadres/cadre.schemas';
import type { LawArchivePage } from '@fazhi/core/cadres/law-archive';
import type { ExamOutcome } from '@fazhi/core/cadres/law-exam';
import type { LawReportForm, LawReportLevel, LawReportSurvey } from '@fazhi/core/cadres/law-report';
import type { StudyMeetingKind } from '@fazhi/core/cadres/pre-meeting-study';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';

export type CadreItem = {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  position: string;
  isPrincipal: boolean;
  idNumber: string;
  phone: string;
  isMasked: boolean;
  version: number;
  hasLawReport: boolean;
  hasExam: boolean;
  isFiled: boolean;
};

export type StudyItem = {
  id: number;
  orgName: string;
  date: string;
  meetingKind: StudyMeetingKind;
  meetingKindLabel: string;
  meetingName: string;
  laws: string[];
  lecturer: string;
  expectedCount: number;
  attendeeCount: number;
  attendanceRate: number;
};

export type LawReportItem = {
  id: number;
  cadreId: number;
  cadreName: string;
  position: string;
  orgName: string;
  year: number;
  form: LawReportForm;
  formLabel: string;
  date: string;
  summary: string;
  reportAttachmentId: number | null;
  panelScores: number[];
  survey: LawReportSurvey | null;
  panelAverage: number | null;
  surveySatisfaction: number | null;
  score: number | null;
  level: LawReportLevel | null;
  levelLabel: string;
};

export type ExamItem = {
  id: number;
  cadreId: number;
  cadreName: string;
  position: string;
  orgName: string;
  examName: string;
  date: string;
  score: number | null;
  passMark: number;
  outcome: ExamOutcome;
  outcomeLabel: string;
};

export type ArchiveDetail = LawArchivePage & {
  isPrincipal: boolean;
  isMasked: boolean;
  rawDuties: { title: string; status: 'done' | 'in_progress' | 'not_started'; note: string }[];
};

export const cadresKeys = {
  all: ['cadres'] as const,
  list: (year: number) => ['cadres', 'list', year] as const,
  studies: (year: number) => ['cadres', 'studies', year] as const,
  reports: (year: number) => ['cadres', 'reports', year] as const,
  exams: (year: number) => ['cadres', 'exams', year] as const,
  archive: (id: number, year: number) => ['cadres', 'archive', id, year] as const,
};

export const cadresApi = {
  list: (year: number) => api.get<{ items: CadreItem[] }>('/api/cadres', { year }).then((r) => r.items),
  create: (body: CadreCreate) => api.post<{ id: number }>('/api/cadres', body),
  update: ({ id, ...body }: CadreUpdate & { id: number }) => api.patch<{ ok: true }>(`/api/cadres/${id}`, body),
  remove: (id: number) => api.delete<{ ok: true }>(`/api/cadres/${id}`),
  studies: (year: number) => api.get<{ items: StudyItem[] }>('/api/cadres/studies', { year }).then((r) => r.items),
  createStudy: (body: unknown) => api.post<{ id: number }>('/api/cadres/studies', body),
  deleteStudy: (id: number) => api.delete<{ ok: true }>(`/api/cadres/studies/${id}`),
  reports: (year: number) =>
    api.get<{ items: LawReportItem[] }>('/api/cadres/law-reports', { year }).then((r) => r.items),
  createReport: (body: unknown) => api.post<{ id: number }>('/api/cadres/law-reports', body),
  score: ({ id, body }: { id: number; body: { panelScores: number[]; survey: LawReportSurvey | null } }) =>
    api.put<LawReportItem>(`/api/cadres/law-reports/${id}/scores`, body),
  exams: (year: number) => api.get<{ items: ExamItem[] }>('/api/cadres/exams', { year }).then((r) => r.items),
  createExam: (body: unknown) => api.post<{ id: number }>('/api/cadres/exams', body),
  archive: (id: number, year: number) => api.get<ArchiveDetail>(`/api/cadres/${id}/archive`, { year }),
  updateArchive: ({
    id,
    body,
  }: {
    id: number;
    body: { year: number; duties: ArchiveDetail['rawDuties']; filedOn: string | null };
  }) => api.put<{ ok: true }>(`/api/cadres/${id}/archive`, body),
};

export const useCadres = (year: number) =>
  useQuery({ queryKey: cadresKeys.list(year), queryFn: () => cadresApi.list(year) });
export const useStudies = (year: number) =>
  useQuery({ queryKey: cadresKeys.studies(year), queryFn: () => cadresApi.studies(year) });
export const useLawReports = (year: number) =>
  useQuery({ queryKey: cadresKeys.reports(year), queryFn: () => cadresApi.reports(year) });
export const useExams = (year: number) =>
  useQuery({ queryKey: cadresKeys.exams(year), queryFn: () => cadresApi.exams(year) });
export const useArchive = (id: number, year: number) =>
  useQuery({
    queryKey: cadresKeys.archive(id, year),
    queryFn: () => cadresApi.archive(id, year),
    enabled: Number.isFinite(id),
  });

export function useCadresMutation<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: cadresKeys.all }) });
}
