import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { enqueuePushes } from './platform.notification-push.service.ts';
import { notify } from './platform.notifications.service.ts';

/**
 * Who hears of an event: `unit` — the reporters and leaders of the listed units; `office` — every office account
 * whose scope covers one of the listed units; `users` — exactly these accounts.
 */
export type EventAudience =
  | { to: 'unit'; orgIds: readonly number[] }
  | { to: 'office'; orgIds: readonly number[] }
  | { to: 'users'; userIds: readonly number[] };

export type BusinessEvent = {
  /** Notification kind, `<module>.<event>` (e.g. `task.applied`). */
  kind: string;
  title: string;
  body: string;
  link: string | null;
  audience: EventAudience | readonly EventAudience[];
  /** Never told of their own action. */
  actorId?: number;
};

const ids = (values: readonly number[]) =>
  values.length === 0
    ? sql`(null::int)`
    : sql`(${sql.join(
        values.map((v) => sql`${v}::int`),
        sql`, `,
      )})`;

/** A condition on `u`: the user has not turned this kind off for the bell. */
export const wantsInApp = (kind: string) =>
  sql`not exists (select 1 from notification_preferences p where p.user_id = u.id and p.kind = ${kind} and not p.in_app)`;

function recipientCondition(a: EventAudience): SQL {
  if (a.to === 'users') return sql`u.id in ${ids(a.userIds)}`;
  if (a.to === 'unit') return sql`(u.org_id in ${ids(a.orgIds)} and u.role in ('reporter', 'unit_leader'))`;
  return sql`(u.role = 'office' and exists (
      select 1 from orgs unit join orgs root on root.id = coalesce(u.scope_org_id, u.org_id)
      where unit.id in ${ids(a.orgIds)} and unit.path like root.path || '%'))`;
}

/**
 * Raises a business event as in-app notifications, inside the caller's transaction (the change and its notice
 * commit or roll back together). One INSERT … SELECT whatever the number of recipients; each event is new, so its
 * dedupe key is unique. A user who turned the kind off (notification_preferences) is left out of the bell; the
 * event is also queued for push to the channels of the recipients' units. Returns how many users were told.
 */
export async function raiseEvent(tx: Executor, event: BusinessEvent): Promise<number> {
  const audiences = 'to' in event.audience ? [event.audience] : (event.audience as readonly EventAudience[]);
  if (audiences.length === 0) return 0;
  const key = `${event.kind}:${randomUUID()}`;
  const recipients = sql.join(audiences.map(recipientCondition), sql` or `);
  // Pushed to the robots / SMS of the recipients' units, whatever a single user chose for the bell.
  await enqueuePushes(tx, event, recipients);
  return notify(tx, {
    select: sql`
      select u.id, ${event.kind}, ${event.title}, ${event.body}, ${event.link}, ${key}
      from users u
      where u.is_active and (${recipients})
        ${event.actorId === undefined ? sql`` : sql`and u.id <> ${event.actorId}`}
        and ${wantsInApp(event.kind)}`,
  });
}
