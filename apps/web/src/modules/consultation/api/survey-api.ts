import { surveyContracts, surveyPortalContracts } from '@fazhi/core/consultation/consultation.survey.contract';
import type { SurveyInput } from '@fazhi/core/consultation/survey';
import { orgContracts } from '@fazhi/core/org/org.contract';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

/** 群众满意度测评: the office's routes and the public answer page's, only through their contracts. */
export const surveyRoutes = surveyContracts.routes;
export const surveyPortalRoutes = surveyPortalContracts.routes;

export type SurveyRow = ResponseOf<typeof surveyRoutes.detail>;
export type SurveyResults = ResponseOf<typeof surveyRoutes.results>;
export type PublicSurvey = ResponseOf<typeof surveyPortalRoutes.survey>;

export const useSurveys = () => useContractQuery(surveyRoutes.list, {});
export const useSurvey = (id: number) => useContractQuery(surveyRoutes.detail, { params: { id } });
export const useSurveyResults = (id: number) => useContractQuery(surveyRoutes.results, { params: { id } });
/** The org tree, for choosing the county and the units and townships to rate. */
export const useOrgTree = () => useContractQuery(orgContracts.routes.list, {});

export const useCreateSurvey = () =>
  useContractMutation(surveyRoutes.create, { toInput: (body: SurveyInput) => ({ body }) });
export const useSurveyStatus = () =>
  useContractMutation(surveyRoutes.setStatus, {
    toInput: (v: { id: number; status: 'open' | 'closed'; version: number }) => ({
      params: { id: v.id },
      body: { status: v.status, version: v.version },
    }),
  });

export const usePublicSurvey = (id: number) => useContractQuery(surveyPortalRoutes.survey, { params: { id } });

export type SurveyAnswerInput = {
  phone: string;
  targetOrgId: number;
  scores: Record<string, number>;
  comment: string;
  deviceId: string;
};
export const useAnswerSurvey = (id: number) =>
  useContractMutation(surveyPortalRoutes.answer, {
    toInput: (body: SurveyAnswerInput) => ({ params: { id }, body }),
    invalidate: [],
  });

/** The public address of a survey's answer page (what the QR code holds). */
export const publicSurveyUrl = (id: number) => `${window.location.origin}/portal/survey/${id}`;
