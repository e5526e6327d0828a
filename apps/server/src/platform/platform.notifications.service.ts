import type { SQL } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import type { AuthUser } from './kernel/context.ts';
import {
  deleteNotificationsLinkingTo,
  deleteNotificationsUnless,
  insertNotifications,
  insertNotificationsFrom,
  markNotificationsRead,
  type NotificationInput,
  queryNotificationPage,
} from './platform.notifications.repo.ts';

export type { NotificationInput } from './platform.notifications.repo.ts';

/**
 * The one way a module tells users something in the app. `source` is either the notifications themselves or a
 * SELECT yielding `(user_id, kind, title, body, link, dedupe_key)` in that order (set-based reminders choose their
 * recipients in SQL). Each (user, dedupe key) is stored once, however often a reminder job runs. Returns how many
 * notifications were new.
 */
export function notify(tx: Executor, source: readonly NotificationInput[] | { select: SQL }): Promise<number> {
  return 'select' in source ? insertNotificationsFrom(tx, source.select) : insertNotifications(tx, source);
}

/**
 * Withdraws (deletes, read or not) the notifications whose reason is gone: those whose kind starts with `kindPrefix`
 * and that link to `link` (e.g. a closed problem's reminders).
 */
export function withdrawNotifications(tx: Executor, target: { kindPrefix: string; link: string }): Promise<void> {
  return deleteNotificationsLinkingTo(tx, target.kindPrefix, target.link);
}

/**
 * Withdraws (deletes, read or not) the notifications of `kinds` whose reason is gone: those for which `stillDue` —
 * a condition on `n`, the notification (its `kind`, `dedupe_key`, `link`) — is false. `keyLike` narrows them to the
 * dedupe keys matching that LIKE pattern. Returns how many were withdrawn.
 */
export function withdrawNotificationsUnless(
  tx: Executor,
  target: { kinds: readonly string[]; keyLike?: string; stillDue: SQL },
): Promise<number> {
  return deleteNotificationsUnless(tx, target.kinds, target.keyLike, target.stillDue);
}

/** The signed-in user's own notifications: a page, its total and the unread count in all. */
export async function listNotifications(
  db: Db,
  user: AuthUser,
  query: { page: number; pageSize: number; unread?: 'true' | 'false' },
) {
  const { page, pageSize } = query;
  const result = await queryNotificationPage(db, user.id, { page, pageSize, unreadOnly: query.unread === 'true' });
  return {
    items: result.items.map((n) => ({
      ...n,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    total: result.total,
    unread: result.unread,
    page,
    pageSize,
  };
}

export async function readNotifications(db: Db, user: AuthUser, ids: readonly number[] | undefined, now: Date) {
  await markNotificationsRead(db, user.id, ids, now);
  return { ok: true as const };
}
