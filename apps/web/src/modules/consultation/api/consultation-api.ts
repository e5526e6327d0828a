import type { OpinionActionInput } from '@fazhi/core/consultation/consultation.schemas';
import type { DraftIssue } from '@fazhi/core/consultation/draft-types';
import type { TenStepChecklist } from '@fazhi/core/consultation/ten-steps';
import type { DiffSegment } from '@fazhi/core/consultation/text-diff';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../../components/api-client.ts';

export type Point = { id: number; orgId: number; orgName: string; parentId: number | null; kind: string; name: string };
export type Article = { key: string; label: string; heading: string; text: string; path: string[] };
export type DraftPreview = {
  title: string;
  text: string;
  issues: DraftIssue[];
  isPublishable: boolean;
  articles: Article[];
  filename?: string;
};
export type DraftSummary = {
  id: number;
  pointId: number;
  pointName: string;
  title: string;
  createdAt: string;
  latestVersion: number;
  consultationCount: number;
  versions: { id: number; version: number; note: string; articleCount: number; createdAt: string }[];
};
export type DraftVersion = {
  draft: DraftSummary;
  version: { id: number; version: number; note: string; text: string; title: string; articles: Article[] };
};
export type ArticleChange = {
  type: 'unchanged' | 'renumbered' | 'modified' | 'added' | 'removed';
  from?: { key: string; label: string };
  to?: { key: string; label: string };
  segments?: DiffSegment[];
  /** The article's text, for an added or removed article. */
  text?: string;
};
export type DraftDiff = { from: number; to: number; changes: ArticleChange[]; summary: Record<string, number> };
export type ConsultationRow = {
  id: number;
  pointId: number;
  pointName: string;
  draftId: number;
  version: number;
  title: string;
  legislature: string;
  legislatureLevel: 'national' | 'provincial' | 'municipal';
  opensOn: string;
  closesOn: string;
  status: 'draft' | 'published';
  checklist: TenStepChecklist;
  progress: { completed: number; total: number; nextStep: string | null };
  finalAdoptedOn: string | null;
  finalSummary: string | null;
  opinions: number;
  pendingReview: number;
  answered: number;
  adopted: number;
  pushedPointIds: number[];
  warnings?: string[];
};
export type Opinion = {
  id: number;
  pointName: string;
  channel: 'portal' | 'offline';
  articleKey: string | null;
  articleLabel: string;
  name: string;
  phone: string | null;
  content: string;
  receiptCode: string;
  status: string;
  moderation: string;
  matchedWords: string[];
  category: string | null;
  mergedIntoId: number | null;
  decision: string | null;
  decisionReason: string | null;
  reply: string | null;
  submittedAt: string;
  actions: string[];
};
export type StatsRow = {
  point_id: number;
  point_name: string;
  year: number;
  drafts: number;
  opinions: number;
  adopted: number;
  partly_adopted: number;
  rejected: number;
  answered: number;
};

const base = '/api/consultation';

export const consultationKeys = {
  all: ['consultation'] as const,
  consultation: (id: number) => ['consultation', 'one', id] as const,
  opinions: (id: number) => ['consultation', 'opinions', id] as const,
  draft: (id: number, version?: number) => ['consultation', 'draft', id, version ?? 0] as const,
};

export const consultationApi = {
  points: () => api.get<{ items: Point[] }>(`${base}/points`).then((r) => r.items),
  drafts: () => api.get<{ items: DraftSummary[] }>(`${base}/drafts`).then((r) => r.items),
  draft: (id: number, version?: number) => api.get<DraftVersion>(`${base}/drafts/${id}`, { version }),
  diff: (id: number, from: number, to: number) => api.get<DraftDiff>(`${base}/drafts/${id}/diff`, { from, to }),
  parse: (text: string) => api.post<DraftPreview>(`${base}/drafts/parse`, { text }),
  parseFile: (file: File) => uploadFile<DraftPreview>(`${base}/drafts/parse-file`, file),
  createDraft: (body: { pointId: number; text: string; title?: string }) =>
    api.post<{ id: number }>(`${base}/drafts`, body),
  addVersion: (id: number, body: { text: string; note?: string }) =>
    api.post<{ version: number }>(`${base}/drafts/${id}/versions`, body),
  consultations: () => api.get<{ items: ConsultationRow[] }>(`${base}/consultations`).then((r) => r.items),
  consultation: (id: number) => api.get<ConsultationRow>(`${base}/consultations/${id}`),
  createConsultation: (body: Record<string, unknown>) => api.post<{ id: number }>(`${base}/consultations`, body),
  publish: (id: number) => api.post(`${base}/consultations/${id}/publish`),
  adoptLatest: (id: number) =>
    api.post<{ version: number; moved: number }>(`${base}/consultations/${id}/adopt-latest-version`),
  completeStep: (id: number, step: string, completedOn: string) =>
    api.post(`${base}/consultations/${id}/steps/${step}/complete`, { completedOn }),
  reopenStep: (id: number, step: string) => api.post(`${base}/consultations/${id}/steps/${step}/reopen`),
  push: (id: number, pointIds: number[]) => api.post(`${base}/consultations/${id}/push`, { pointIds }),
  finalResult: (id: number, body: { adoptedOn: string; summary: string }) =>
    api.put(`${base}/consultations/${id}/final-result`, body),
  opinions: (id: number) =>
    api.get<{ items: Opinion[]; duplicateGroups: number[][] }>(`${base}/consultations/${id}/opinions`),
  addOffline: (id: number, body: Record<string, unknown>) => api.post(`${base}/consultations/${id}/opinions`, body),
  act: (opinionId: number, action: OpinionActionInput) => api.post(`${base}/opinions/${opinionId}/actions`, action),
  bulk: (ids: number[], action: OpinionActionInput) => api.post(`${base}/opinions/bulk`, { ids, action }),
  stats: (year?: number) => api.get<{ items: StatsRow[] }>(`${base}/stats`, { year }).then((r) => r.items),
};

export const usePoints = () => useQuery({ queryKey: ['consultation', 'points'], queryFn: consultationApi.points });
export const useDrafts = () => useQuery({ queryKey: ['consultation', 'drafts'], queryFn: consultationApi.drafts });
export const useConsultations = () =>
  useQuery({ queryKey: ['consultation', 'list'], queryFn: consultationApi.consultations });
export const useConsultation = (id: number) =>
  useQuery({ queryKey: consultationKeys.consultation(id), queryFn: () => consultationApi.consultation(id) });
export const useOpinions = (id: number) =>
  useQuery({ queryKey: consultationKeys.opinions(id), queryFn: () => consultationApi.opinions(id) });

/** A write that refreshes everything of the module afterwards. */
export function useConsultationMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: consultationKeys.all }),
  });
}
