import type { AppealDecisionInput, FactCreate, LeafEntry, RoundAction } from '@fazhi/core/assessment/api.schemas';
import type { AssessmentStatus } from '@fazhi/core/assessment/assessment-lifecycle';
import type { Grading, Rule, Scheme } from '@fazhi/core/assessment/scheme.schemas';
import type { UnitScore } from '@fazhi/core/assessment/score-unit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';

export type RoundSummary = {
  id: number;
  orgName: string;
  year: number;
  name: string;
  status: AssessmentStatus;
  statusLabel: string;
  publishedAt: string | null;
  appealClosesAt: string | null;
  finalizedAt: string | null;
  unitCount: number;
  submittedCount: number;
  isParticipant: boolean;
};
export type RoundUnit = {
  orgId: number;
  orgName: string;
  unitType: string;
  submittedAt: string | null;
  /** 不参评 and the office's reason; null while the unit takes part. */
  excludedReason: string | null;
  scoredLeaves: number | null;
};
export type PublicationGaps = {
  unsubmitted: { unitId: string; unitName: string }[];
  unscored: { unitId: string; unitName: string; indicatorId: string; indicatorName: string }[];
  message: string;
};
export type RoundDetail = RoundSummary & {
  scheme: { id: number; name: string; version: number; grading: Grading };
  units: RoundUnit[];
};
export type Evidence = { id: number; filename: string };
export type SheetLeaf = {
  id: string;
  name: string;
  path: string;
  points: number;
  ruleKind: Rule['kind'];
  ruleLabel: string;
  rule: Rule;
  self: { value: number | null; passed: boolean | null; note: string; evidence: Evidence[] } | null;
  reviews: {
    assessorId: number;
    assessorName: string;
    value: number | null;
    passed: boolean | null;
    note: string;
    isMine: boolean;
  }[];
};
export type Fact = {
  id: number;
  sourceId: string;
  kind: FactCreate['kind'];
  key: string;
  level: string | null;
  title: string;
  value: number | null;
  count: number | null;
  evidence: Evidence[];
  isMine: boolean;
};
export type UnitSheet = {
  round: { id: number; name: string; year: number; status: AssessmentStatus };
  unit: { orgId: number; orgName: string; unitType: string; submittedAt: string | null };
  leaves: SheetLeaf[];
  facts: Fact[];
};
export type SourceRef = { id: string; origin: string; title: string; evidenceIds: number[] };
export type ExplainedScore = {
  stage: 'self' | 'review' | 'published';
  seq: number | null;
  score: UnitScore;
  rank: number | null;
  grade: string | null;
  gradeNotes: string[];
  refs: Record<string, SourceRef>;
  attachments: Record<string, Evidence>;
};
export type RankingItem = {
  orgId: number;
  orgName: string;
  unitType: string;
  total: number;
  baseScore: number;
  bonus: number;
  deductions: number;
  rank: number;
  bandGrade: string;
  grade: string;
  gradeNotes: string[];
};
export type AppealItem = {
  id: number;
  orgId: number;
  orgName: string;
  reason: string;
  filedAt: string;
  outcome: 'upheld' | 'rejected' | null;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  before: { total: number; rank: number; grade: string } | null;
  after: { total: number; rank: number; grade: string } | null;
};
export type SchemeSummary = {
  id: number;
  year: number;
  version: number;
  name: string;
  copiedFromId: number | null;
  updatedAt: string;
  roundId: number | null;
  roundStatus: AssessmentStatus | null;
  isEditable: boolean;
  templates: { id: string; unitType: string; totalPoints: number }[];
};

const base = (roundId: number) => `/api/assessment/rounds/${roundId}`;
const unitBase = (roundId: number, orgId: number) => `${base(roundId)}/units/${orgId}`;

export const assessmentKeys = {
  all: ['assessment'] as const,
  rounds: ['assessment', 'rounds'] as const,
  round: (id: number) => ['assessment', 'round', id] as const,
  sheet: (id: number, orgId: number) => ['assessment', 'sheet', id, orgId] as const,
  score: (id: number, orgId: number, stage: string) => ['assessment', 'score', id, orgId, stage] as const,
  ranking: (id: number) => ['assessment', 'ranking', id] as const,
  appeals: (id: number) => ['assessment', 'appeals', id] as const,
  schemes: ['assessment', 'schemes'] as const,
  scheme: (id: number) => ['assessment', 'scheme', id] as const,
};

export const assessmentApi = {
  rounds: () => api.get<{ items: RoundSummary[] }>('/api/assessment/rounds').then((r) => r.items),
  round: (id: number) => api.get<RoundDetail>(base(id)),
  transition: (id: number, body: { action: RoundAction; appealDays?: number; allowMissing?: boolean }) =>
    api.post<{ status: AssessmentStatus }>(`${base(id)}/transition`, body),
  sheet: (id: number, orgId: number) => api.get<UnitSheet>(unitBase(id, orgId)),
  saveSelf: (id: number, orgId: number, leafId: string, body: Partial<LeafEntry>) =>
    api.put<{ ok: true }>(`${unitBase(id, orgId)}/self/${encodeURIComponent(leafId)}`, body),
  submit: (id: number, orgId: number) => api.post<{ ok: true }>(`${unitBase(id, orgId)}/submit`),
  saveReview: (
    id: number,
    orgId: number,
    leafId: string,
    body: { value?: number | null; passed?: boolean | null; note: string },
  ) => api.put<{ ok: true }>(`${unitBase(id, orgId)}/review/${encodeURIComponent(leafId)}`, body),
  addFact: (id: number, orgId: number, body: Partial<FactCreate>) =>
    api.post<{ id: number }>(`${unitBase(id, orgId)}/facts`, body),
  deleteFact: (id: number, orgId: number, factId: number) =>
    api.delete<{ ok: true }>(`${unitBase(id, orgId)}/facts/${factId}`),
  score: (id: number, orgId: number, stage: 'self' | 'review' | 'published') =>
    api.get<ExplainedScore>(`${unitBase(id, orgId)}/score`, { stage }),
  ranking: (id: number) => api.get<{ items: RankingItem[] }>(`${base(id)}/ranking`).then((r) => r.items),
  appeals: (id: number) => api.get<{ items: AppealItem[]; appealClosesAt: string | null }>(`${base(id)}/appeals`),
  fileAppeal: (id: number, orgId: number, body: { reason: string; evidenceIds: number[] }) =>
    api.post<{ id: number }>(`${unitBase(id, orgId)}/appeals`, body),
  decideAppeal: (appealId: number, body: AppealDecisionInput) =>
    api.post<{ id: number }>(`/api/assessment/appeals/${appealId}/decide`, body),
  schemes: () => api.get<{ items: SchemeSummary[] }>('/api/assessment/schemes').then((r) => r.items),
  scheme: (id: number) => api.get<SchemeSummary & { definition: Scheme }>(`/api/assessment/schemes/${id}`),
  createScheme: (year: number) => api.post<{ id: number }>('/api/assessment/schemes', { year }),
  updateScheme: (id: number, definition: Scheme) =>
    api.put<{ id: number }>(`/api/assessment/schemes/${id}`, { definition }),
  copyScheme: (id: number, mode: 'next_year' | 'revise') =>
    api.post<{ id: number }>(`/api/assessment/schemes/${id}/copy`, { mode }),
  publicationGaps: (id: number) => api.get<PublicationGaps>(`${base(id)}/publication-gaps`),
  setParticipation: (id: number, orgId: number, body: { participating: boolean; reason?: string }) =>
    api.put<{ orgId: number }>(`${unitBase(id, orgId)}/participation`, body),
  createRound: (schemeId: number) => api.post<{ id: number }>('/api/assessment/rounds', { schemeId }),
};

export function useRounds() {
  return useQuery({ queryKey: assessmentKeys.rounds, queryFn: assessmentApi.rounds });
}
export function useRound(id: number | undefined) {
  return useQuery({ queryKey: assessmentKeys.round(id ?? 0), queryFn: () => assessmentApi.round(id!), enabled: !!id });
}
export function useSheet(id: number, orgId: number | undefined) {
  return useQuery({
    queryKey: assessmentKeys.sheet(id, orgId ?? 0),
    queryFn: () => assessmentApi.sheet(id, orgId!),
    enabled: !!orgId,
  });
}
export function useScore(
  id: number,
  orgId: number | undefined,
  stage: 'self' | 'review' | 'published',
  enabled = true,
) {
  return useQuery({
    queryKey: assessmentKeys.score(id, orgId ?? 0, stage),
    queryFn: () => assessmentApi.score(id, orgId!, stage),
    enabled: enabled && !!orgId,
    retry: false,
  });
}
export function useRanking(id: number, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.ranking(id),
    queryFn: () => assessmentApi.ranking(id),
    enabled,
    retry: false,
  });
}
/** What 公示 still waits for (office only). */
export function usePublicationGaps(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...assessmentKeys.round(id), 'publication-gaps'],
    queryFn: () => assessmentApi.publicationGaps(id),
    enabled,
    retry: false,
  });
}
export function useAppeals(id: number) {
  return useQuery({ queryKey: assessmentKeys.appeals(id), queryFn: () => assessmentApi.appeals(id) });
}

/** A write that refreshes every assessment query afterwards. */
export function useAssessmentMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: assessmentKeys.all }) });
}
