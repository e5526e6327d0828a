import type { notificationSchema } from '@fazhi/core/platform/platform.schemas';
import type { z } from '@fazhi/core/shared/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client.ts';

export type Notification = z.infer<typeof notificationSchema>;
export type NotificationPage = {
  items: Notification[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};

export const notificationsQueryKey = ['notifications'] as const;

export function useNotifications(params: { page: number; pageSize: number; unread?: boolean }, enabled = true) {
  return useQuery({
    queryKey: [...notificationsQueryKey, params],
    queryFn: () =>
      api.get<NotificationPage>('/api/notifications', {
        page: params.page,
        pageSize: params.pageSize,
        unread: params.unread ? 'true' : undefined,
      }),
    enabled,
    refetchInterval: params.unread ? 60_000 : false,
  });
}

export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => api.post<{ ok: true }>('/api/notifications/read', ids ? { ids } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
