import {
  assessmentAppealContracts,
  assessmentContracts,
  assessmentUnitContracts,
} from '@fazhi/core/assessment/assessment.contract';
import type { CallInput, ResponseOf } from '@fazhi/core/shared/contract';
import { download } from '../../../components/api-client.ts';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

/** The assessment API, called only through its contracts (packages/core/src/assessment/assessment.contract.ts). */
const rounds = assessmentContracts.routes;
const units = assessmentUnitContracts.routes;
const appeals = assessmentAppealContracts.routes;

export type SchemeSummary = ResponseOf<typeof rounds.listSchemes>['items'][number];
export type SchemeDetail = ResponseOf<typeof rounds.getScheme>;
export type RoundSummary = ResponseOf<typeof rounds.listRounds>['items'][number];
export type RoundDetail = ResponseOf<typeof rounds.getRound>;
export type RoundUnit = RoundDetail['units'][number];
export type PublicationGaps = ResponseOf<typeof rounds.publicationGaps>;
export type RankingItem = ResponseOf<typeof rounds.ranking>['items'][number];
export type RankingGroup = RoundDetail['rankingGroups']['groups'][number];
export type UnitSheet = ResponseOf<typeof units.sheet>;
export type SheetLeaf = UnitSheet['leaves'][number];
export type Fact = UnitSheet['facts'][number];
export type Evidence = Fact['evidence'][number];
export type ExplainedScore = ResponseOf<typeof units.score>;
export type AppealItem = ResponseOf<typeof appeals.listAppeals>['items'][number];
export type FactInput = CallInput<typeof units.addFact>['body'];
export type LeafEntryInput = CallInput<typeof units.saveSelf>['body'];
export type ReviewEntryInput = CallInput<typeof units.saveReview>['body'];
export type AppealDecision = CallInput<typeof appeals.decideAppeal>['body'];
export type ScoreStage = 'self' | 'review' | 'published';

// ---- reads ----

export const useSchemes = () => useContractQuery(rounds.listSchemes, {});
export const useScheme = (id: number) => useContractQuery(rounds.getScheme, { params: { id } });
/** The assessor's queue: rounds in 审核评分 with each unit's indicators to score. */
export const useScoringQueue = () => useContractQuery(rounds.scoringQueue, {});
export const useRounds = () => useContractQuery(rounds.listRounds, {});
export const useRound = (id: number | undefined) =>
  useContractQuery(rounds.getRound, { params: { id: id ?? 0 } }, { enabled: !!id });
export const useSheet = (id: number, orgId: number | undefined) =>
  useContractQuery(units.sheet, { params: { id, orgId: orgId ?? 0 } }, { enabled: !!orgId });
export const useScore = (id: number, orgId: number | undefined, stage: ScoreStage, enabled = true) =>
  useContractQuery(
    units.score,
    { params: { id, orgId: orgId ?? 0 }, query: { stage } },
    { enabled: enabled && !!orgId },
  );
export const useRanking = (id: number, enabled: boolean) =>
  useContractQuery(rounds.ranking, { params: { id } }, { enabled });
/** What 公示 still waits for (office only). */
export const usePublicationGaps = (id: number, enabled: boolean) =>
  useContractQuery(rounds.publicationGaps, { params: { id } }, { enabled });
export const useAppeals = (id: number) => useContractQuery(appeals.listAppeals, { params: { id } });

// ---- downloads ----

export const downloadRanking = (id: number) => download(rounds.exportRanking, { params: { id } });
export const downloadRankingDocx = (id: number) => download(rounds.exportRankingDocx, { params: { id } });
export const downloadRoundWorkbook = (id: number) => download(rounds.exportRound, { params: { id } });

// ---- writes (each refreshes every /api/assessment answer) ----

export const useCreateScheme = () =>
  useContractMutation(rounds.createScheme, { toInput: (year: number) => ({ body: { year } }) });
export const useUpdateScheme = (id: number) =>
  useContractMutation(rounds.updateScheme, {
    toInput: (definition: Record<string, unknown>) => ({ params: { id }, body: { definition } }),
  });
export const useCopyScheme = () =>
  useContractMutation(rounds.copyScheme, {
    toInput: ({ id, mode }: { id: number; mode: 'next_year' | 'revise' }) => ({ params: { id }, body: { mode } }),
  });
export const useCreateRound = () =>
  useContractMutation(rounds.createRound, { toInput: (schemeId: number) => ({ body: { schemeId } }) });
export const useTransition = (id: number) =>
  useContractMutation(rounds.transitionRound, {
    toInput: (body: CallInput<typeof rounds.transitionRound>['body']) => ({ params: { id }, body }),
  });
export const useSetRankingGroups = (id: number) =>
  useContractMutation(rounds.setRankingGroups, {
    toInput: (groups: RankingGroup[] | null) => ({ params: { id }, body: { groups } }),
  });
export const useSetParticipation = (id: number) =>
  useContractMutation(rounds.setParticipation, {
    toInput: ({ orgId, ...body }: { orgId: number; participating: boolean; reason?: string }) => ({
      params: { id, orgId },
      body,
    }),
  });
export const useSaveSelf = (id: number, orgId: number) =>
  useContractMutation(units.saveSelf, {
    toInput: ({ indicatorId, body }: { indicatorId: string; body: LeafEntryInput }) => ({
      params: { id, orgId, indicatorId },
      body,
    }),
  });
export const useSaveReview = (id: number, orgId: number) =>
  useContractMutation(units.saveReview, {
    toInput: ({ indicatorId, body }: { indicatorId: string; body: ReviewEntryInput }) => ({
      params: { id, orgId, indicatorId },
      body,
    }),
  });
export const useSubmitSelf = (id: number, orgId: number) =>
  useContractMutation(units.submit, { toInput: (_: undefined) => ({ params: { id, orgId } }) });
export const useAddFact = (id: number, orgId: number) =>
  useContractMutation(units.addFact, { toInput: (body: FactInput) => ({ params: { id, orgId }, body }) });
export const useDeleteFact = (id: number, orgId: number) =>
  useContractMutation(units.deleteFact, { toInput: (factId: number) => ({ params: { id, orgId, factId } }) });
export type AppealInput = CallInput<typeof appeals.fileAppeal>['body'];
export const useFileAppeal = (id: number, orgId: number) =>
  useContractMutation(appeals.fileAppeal, {
    toInput: (body: AppealInput) => ({ params: { id, orgId }, body }),
  });
export const useDecideAppeal = (appealId: number) =>
  useContractMutation(appeals.decideAppeal, {
    toInput: (body: AppealDecision) => ({ params: { id: appealId }, body }),
  });
