import type {
  KeyNode,
  Task,
  TaskEntry,
  TaskEvent,
  taskCreateSchema,
  taskEntryCreateSchema,
  taskListQuerySchema,
  taskPlanSchema,
  taskUpdateSchema,
  WorkPoint,
  workPointCreateSchema,
  workPointUpdateSchema,
} from '@fazhi/core/plan/plan.schemas';
import type { z } from '@fazhi/core/shared/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../components/api-client.ts';

export type TaskQuery = z.input<typeof taskListQuerySchema>;
export type TaskDetail = { task: Task; entries: TaskEntry[]; events: TaskEvent[] };

export const planKeys = {
  all: ['plan'] as const,
  workPoints: (year: number) => ['plan', 'work-points', year] as const,
  tasks: (query: TaskQuery) => ['plan', 'tasks', query] as const,
  task: (id: number) => ['plan', 'task', id] as const,
};

export const planApi = {
  workPoints: (year: number) => api.get<{ items: WorkPoint[] }>('/api/plan/work-points', { year }).then((r) => r.items),
  createWorkPoint: (body: z.input<typeof workPointCreateSchema>) =>
    api.post<{ id: number }>('/api/plan/work-points', body),
  publishWorkPoint: (id: number) => api.post<{ issued: number }>(`/api/plan/work-points/${id}/publish`),
  updateWorkPoint: (id: number, body: z.input<typeof workPointUpdateSchema>) =>
    api.patch<{ ok: true }>(`/api/plan/work-points/${id}`, body),
  deleteWorkPoint: (id: number) => api.delete<{ deletedTasks: number }>(`/api/plan/work-points/${id}`),
  tasks: (query: TaskQuery) => api.get<{ items: Task[]; total: number }>('/api/plan/tasks', query).then((r) => r.items),
  task: (id: number) => api.get<TaskDetail>(`/api/plan/tasks/${id}`),
  createTask: (body: z.input<typeof taskCreateSchema>) => api.post<{ id: number }>('/api/plan/tasks', body),
  updateTask: (id: number, body: z.input<typeof taskUpdateSchema>) =>
    api.patch<{ ok: true }>(`/api/plan/tasks/${id}`, body),
  deleteTask: (id: number) => api.delete<{ ok: true }>(`/api/plan/tasks/${id}`),
  savePlan: (id: number, body: z.input<typeof taskPlanSchema>) =>
    api.put<{ ok: true }>(`/api/plan/tasks/${id}/plan`, body),
  addEntry: (id: number, body: z.input<typeof taskEntryCreateSchema>) =>
    api.post<{ id: number }>(`/api/plan/tasks/${id}/entries`, body),
  apply: (id: number) => api.post<{ status: Task['status'] }>(`/api/plan/tasks/${id}/apply`),
  issue: (id: number) => api.post<{ status: Task['status'] }>(`/api/plan/tasks/${id}/issue`),
  review: (id: number, body: { decision: 'approve'; reason?: string } | { decision: 'return'; reason: string }) =>
    api.post<{ status: Task['status'] }>(`/api/plan/tasks/${id}/review`, body),
  reopen: (id: number, reason: string) =>
    api.post<{ status: Task['status'] }>(`/api/plan/tasks/${id}/reopen`, { reason }),
  milestoneDone: (id: number, node: KeyNode) => api.post<{ ok: true }>(`/api/plan/tasks/${id}/milestones/${node}/done`),
};

export function useWorkPoints(year: number) {
  return useQuery({ queryKey: planKeys.workPoints(year), queryFn: () => planApi.workPoints(year) });
}

export function useTasks(query: TaskQuery, enabled = true) {
  return useQuery({ queryKey: planKeys.tasks(query), queryFn: () => planApi.tasks(query), enabled });
}

export function useTaskDetail(id: number) {
  return useQuery({ queryKey: planKeys.task(id), queryFn: () => planApi.task(id), enabled: Number.isFinite(id) });
}

/** Any plan write invalidates every plan query: lists, roll-up progress and the open task all move together. */
export function usePlanMutation<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: planKeys.all }),
        client.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
}
