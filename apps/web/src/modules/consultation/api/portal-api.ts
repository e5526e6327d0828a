import { portalContracts } from '@fazhi/core/consultation/consultation.portal.contract';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

/** The public portal (no login), called only through its contracts. */
export const portalRoutes = portalContracts.routes;
type Routes = typeof portalRoutes;

export type PortalConsultation = ResponseOf<Routes['list']>['items'][number];
export type PortalDetail = ResponseOf<Routes['detail']>;
export type PortalFeedback = ResponseOf<Routes['feedback']>['items'][number];
export type Receipt = ResponseOf<Routes['receipt']>;
export type SubmitResult = ResponseOf<Routes['submit']>;

/** The portal's 基层立法联系点 and its county (the header and the link to the county's published annual reports). */
export const usePortalPoint = () => useContractQuery(portalRoutes.point, {});
export const usePortalList = () => useContractQuery(portalRoutes.list, {});
export const usePortalDetail = (id: number) => useContractQuery(portalRoutes.detail, { params: { id } });
export const usePortalFeedback = (id: number, enabled = true) =>
  useContractQuery(portalRoutes.feedback, { params: { id } }, { enabled });
export const useReceipt = (code: string) =>
  useContractQuery(portalRoutes.receipt, { params: { code } }, { enabled: code !== '' });

/** What a citizen fills in; the server checks it with the core's portal schema (portal-input.ts). */
export type OpinionInput = { articleKey: string | null; name: string; phone: string; content: string };

/** Sends an opinion; the consultation's counts and feedback are read again afterwards. */
export const useSubmitOpinion = (id: number) =>
  useContractMutation(portalRoutes.submit, {
    toInput: (body: OpinionInput) => ({ params: { id }, body }),
    invalidate: ['/api/portal'],
  });
