import { grassrootsContracts } from '@fazhi/core/grassroots/grassroots.contract';
import type { CallInput, ResponseOf } from '@fazhi/core/shared/contract';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const routes = grassrootsContracts.routes;

export type Office = ResponseOf<typeof routes.offices>['items'][number];
export type OfficeDetail = ResponseOf<typeof routes.office>;
export type Liaison = ResponseOf<typeof routes.liaison>;
export type Assignment = Liaison['assignments'][number];
export type Visit = Liaison['visits'][number];

export const useFigures = (year: number) => useContractQuery(routes.figures, { query: { year } });
export const useOffices = (year: number) => useContractQuery(routes.offices, { query: { year } });
export const useOffice = (orgId: number | null, year: number) =>
  useContractQuery(routes.office, { params: { orgId: orgId ?? 0 }, query: { year } }, { enabled: orgId !== null });
export const useLiaison = (year: number) => useContractQuery(routes.liaison, { query: { year } });

export const useUpdateFunctions = (orgId: number) =>
  useContractMutation(routes.updateFunctions, {
    toInput: (body: CallInput<typeof routes.updateFunctions>['body']) => ({ params: { orgId }, body }),
  });
export const useCreateVisit = () =>
  useContractMutation(routes.createVisit, {
    toInput: (body: CallInput<typeof routes.createVisit>['body']) => ({ body }),
  });
export const useRaiseProblem = () =>
  useContractMutation(routes.raiseProblem, {
    toInput: ({ visitId, ...body }: CallInput<typeof routes.raiseProblem>['body'] & { visitId: number }) => ({
      params: { id: visitId },
      body,
    }),
  });
export const useSendProblem = () =>
  useContractMutation(routes.sendProblem, { toInput: (id: number) => ({ params: { id } }) });
