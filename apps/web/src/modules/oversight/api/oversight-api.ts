import type { InspectionStatus } from '@fazhi/core/oversight/inspection';
import { oversightContracts } from '@fazhi/core/oversight/oversight.contract';
import type { ProblemListQuery } from '@fazhi/core/oversight/oversight.schemas';
import type { CallInput, ResponseOf } from '@fazhi/core/shared/contract';
import { call } from '../../../components/api-client.ts';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const routes = oversightContracts.routes;
type Body<K extends keyof typeof routes> = CallInput<(typeof routes)[K]>['body'];

export type InspectionItem = ResponseOf<typeof routes.inspections>['items'][number];
export type ProblemItem = ResponseOf<typeof routes.problems>['items'][number];
export type ProblemDetail = ResponseOf<typeof routes.problem>;
export type BulletinItem = ResponseOf<typeof routes.bulletins>['items'][number];
export type Unit = ProblemItem['units'][number];
export type ActionBody = Body<'act'>;

const items = <T>(r: { items: T[] }) => r.items;
const byId = (id: number) => ({ params: { id } });

export const useOversightStats = (year: number) => useContractQuery(routes.stats, { query: { year } });
export const useInspections = (year: number) =>
  useContractQuery(routes.inspections, { query: { year } }, { select: items });
export const useInspection = (id: number) =>
  useContractQuery(routes.inspection, byId(id), { enabled: Number.isFinite(id) });
export const useProblems = (query: ProblemListQuery) =>
  useContractQuery(routes.problems, { query }, { keepPrevious: true });
export const useProblem = (id: number) => useContractQuery(routes.problem, byId(id), { enabled: Number.isFinite(id) });
export const useOwnerOptions = (id: number, enabled: boolean) =>
  useContractQuery(routes.ownerOptions, byId(id), { enabled, select: items });
export const useBulletins = (year: number) =>
  useContractQuery(routes.bulletins, { query: { year } }, { select: items });
export const useDocNumbers = (year: number, enabled = true) =>
  useContractQuery(routes.docNumbers, { query: { year } }, { enabled });
export const useDeductions = (year: number) =>
  useContractQuery(routes.deductions, { query: { year } }, { select: items });

/** 通报 entries proposed from the year's problems, read once when the form opens. */
export const fetchBulletinSuggestions = (year: number) =>
  call(routes.suggestions, { query: { year } }).then((r) => r.items);

/** Every oversight write refreshes the oversight answers and the notifications it may have raised. */
const invalidate = ['/api/oversight', '/api/notifications', 'notifications'];

export const useCreateInspection = () =>
  useContractMutation(routes.createInspection, { toInput: (body: Body<'createInspection'>) => ({ body }), invalidate });
export const useSetInspectionStatus = (id: number) =>
  useContractMutation(routes.setInspectionStatus, {
    toInput: (status: InspectionStatus) => ({ ...byId(id), body: { status } }),
    invalidate,
  });
export const useCreateProblem = () =>
  useContractMutation(routes.createProblem, { toInput: (body: Body<'createProblem'>) => ({ body }), invalidate });
export const useProblemAction = () =>
  useContractMutation(routes.act, {
    toInput: ({ id, body }: { id: number; body: ActionBody }) => ({ ...byId(id), body }),
    invalidate,
  });
export const useRecurProblem = () =>
  useContractMutation(routes.recur, {
    toInput: ({ id, ...body }: Body<'recur'> & { id: number }) => ({ ...byId(id), body }),
    invalidate,
  });
export const useCreateBulletin = () =>
  useContractMutation(routes.createBulletin, { toInput: (body: Body<'createBulletin'>) => ({ body }), invalidate });
export const useWithdrawBulletin = () =>
  useContractMutation(routes.withdrawBulletin, {
    toInput: ({ id, reason }: { id: number; reason: string }) => ({ ...byId(id), body: { reason } }),
    invalidate,
  });
export const useSetDocNumberCode = () =>
  useContractMutation(routes.setDocNumberCode, {
    toInput: (body: Body<'setDocNumberCode'>) => ({ body }),
    invalidate,
  });
