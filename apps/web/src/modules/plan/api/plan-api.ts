import { planContracts } from '@fazhi/core/plan/plan.contract';
import type { CallInput, ResponseOf, RouteContract } from '@fazhi/core/shared/contract';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const routes = planContracts.routes;
export const planRoutes = routes;

export type WorkPoint = ResponseOf<typeof routes.workPoints>['items'][number];
export type Task = ResponseOf<typeof routes.tasks>['items'][number];
export type TaskDetail = ResponseOf<typeof routes.task>;
export type TaskEntry = TaskDetail['entries'][number];
export type TaskEvent = TaskDetail['events'][number];
export type TaskQuery = NonNullable<CallInput<typeof routes.tasks>['query']>;
export type TaskImportResult = ResponseOf<typeof routes.importTasks>;

export function useWorkPoints(year: number) {
  return useContractQuery(routes.workPoints, { query: { year } });
}

export function useTasks(query: TaskQuery, enabled = true) {
  return useContractQuery(routes.tasks, { query }, { enabled });
}

export function useTaskDetail(id: number) {
  return useContractQuery(routes.task, { params: { id } }, { enabled: Number.isFinite(id) });
}

/**
 * Any plan write refreshes every plan answer (lists, roll-up progress and the open task move together) and the
 * notifications (a state move may notify).
 */
export const planInvalidate = ['/api/plan', 'notifications', '/api/notifications'];

export function usePlanMutation<C extends RouteContract, V = CallInput<C>>(
  contract: C,
  toInput?: (variables: V) => CallInput<C>,
) {
  return useContractMutation<C, V>(contract, { toInput, invalidate: planInvalidate });
}
