import { platformContracts } from '@fazhi/core/platform/platform.contract';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { useContractMutation, useContractQuery } from './contract-query.ts';

const { notifications, readNotifications } = platformContracts.routes;

export type NotificationPage = ResponseOf<typeof notifications>;
export type Notification = NotificationPage['items'][number];

export function useNotifications(params: { page: number; pageSize: number; unread?: boolean }, enabled = true) {
  return useContractQuery(
    notifications,
    { query: { page: params.page, pageSize: params.pageSize, unread: params.unread ? 'true' : undefined } },
    { enabled, refetchInterval: params.unread ? 60_000 : false },
  );
}

/** Marks the listed notifications (all unread ones without a list) as read; the bell and the page refresh. */
export function useMarkNotificationsRead() {
  return useContractMutation(readNotifications, {
    toInput: (ids?: number[]) => ({ body: ids ? { ids } : {} }),
    invalidate: ['/api/notifications'],
  });
}
