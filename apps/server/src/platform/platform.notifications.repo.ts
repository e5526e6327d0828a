import { and, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { notifications } from './platform.schema.ts';

/** What a notification row holds before it is stored (`dedupeKey`: same key, same user — stored once). */
export type NotificationInput = {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
};

const affected = (result: unknown) =>
  (result as { affectedRows?: number; rowCount?: number }).affectedRows ??
  (result as { rowCount?: number }).rowCount ??
  0;

/**
 * Stores notifications from a SELECT that yields `(user_id, kind, title, body, link, dedupe_key)` in that order —
 * set-based, whatever the number of recipients. A key already sent to a user is skipped. Returns how many were new.
 */
export async function insertNotificationsFrom(db: Executor, select: SQL) {
  return affected(
    await db.execute(sql`
      insert into notifications (user_id, kind, title, body, link, dedupe_key)
      ${select}
      on conflict (user_id, dedupe_key) do nothing`),
  );
}

export async function insertNotifications(db: Executor, rows: readonly NotificationInput[]) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values([...rows])
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return inserted.length;
}

const unreadOf = (userId: number) => and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`);

export async function queryNotificationPage(
  db: Executor,
  userId: number,
  query: { page: number; pageSize: number; unreadOnly: boolean },
) {
  const { page, pageSize, unreadOnly } = query;
  const where = unreadOnly ? unreadOf(userId) : eq(notifications.userId, userId);
  const [items, [count], [unreadCount]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
    db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(unreadOf(userId)),
  ]);
  return { items, total: count?.n ?? 0, unread: unreadCount?.n ?? 0 };
}

/** Marks the user's unread notifications (all, or those listed) as read. */
export function markNotificationsRead(db: Executor, userId: number, ids: readonly number[] | undefined, now: Date) {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(and(unreadOf(userId), ids ? inArray(notifications.id, [...ids]) : undefined));
}

/** Deletes the notifications, read or not, whose kind starts with `kindPrefix` and that link to `link`. */
export async function deleteNotificationsLinkingTo(db: Executor, kindPrefix: string, link: string) {
  await db.delete(notifications).where(and(like(notifications.kind, `${kindPrefix}%`), eq(notifications.link, link)));
}

/**
 * Deletes the notifications, read or not, of the given kinds (and, with `keyLike`, whose dedupe key matches it) for
 * which `keep` — a condition on `n`, the notification — is false. Returns how many were deleted.
 */
export async function deleteNotificationsUnless(
  db: Executor,
  kinds: readonly string[],
  keyLike: string | undefined,
  keep: SQL,
) {
  return affected(
    await db.execute(sql`
    delete from notifications n
    where n.kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )})
      ${keyLike === undefined ? sql`` : sql`and n.dedupe_key like ${keyLike}`}
      and not (${keep})`),
  );
}
