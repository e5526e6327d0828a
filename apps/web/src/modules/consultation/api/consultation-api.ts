import { consultationContracts } from '@fazhi/core/consultation/consultation.contract';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { useContractQuery } from '../../../components/contract-query.ts';

/** The office side of 立法联系点, called only through its contracts (packages/core/src/consultation). */
export const consultationRoutes = consultationContracts.routes;
type Routes = typeof consultationRoutes;

export type Point = ResponseOf<Routes['points']>['items'][number];
export type Article = ResponseOf<Routes['draft']>['version']['articles'][number];
export type DraftPreview = ResponseOf<Routes['parseDraft']> & { filename?: string };
export type DraftSummary = ResponseOf<Routes['drafts']>['items'][number];
export type DraftDiff = ResponseOf<Routes['diffDraft']>;
export type ArticleChange = DraftDiff['changes'][number];
export type ConsultationRow = ResponseOf<Routes['consultations']>['items'][number];
export type ConsultationDetail = ResponseOf<Routes['consultation']>;
export type Opinion = ResponseOf<Routes['opinions']>['items'][number];

export const usePoints = () => useContractQuery(consultationRoutes.points, {});
export const useDrafts = () => useContractQuery(consultationRoutes.drafts, {});
export const useConsultations = () => useContractQuery(consultationRoutes.consultations, {});
export const useConsultation = (id: number) => useContractQuery(consultationRoutes.consultation, { params: { id } });
export const useOpinions = (id: number) => useContractQuery(consultationRoutes.opinions, { params: { id } });
export const useStats = () => useContractQuery(consultationRoutes.stats, {});
/** One version of a draft (the latest when `version` is left out). */
export const useDraft = (id: number | null, version?: number) =>
  useContractQuery(
    consultationRoutes.draft,
    { params: { id: id ?? 0 }, query: version === undefined ? {} : { version } },
    { enabled: id !== null && id > 0 },
  );
export const useDraftDiff = (id: number | null, compare: [number, number] | null) =>
  useContractQuery(
    consultationRoutes.diffDraft,
    { params: { id: id ?? 0 }, query: { from: compare?.[0] ?? 0, to: compare?.[1] ?? 0 } },
    { enabled: id !== null && compare !== null && compare[0] !== compare[1] },
  );
