import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { ChannelType } from './platform.notification-channels.service.ts';

const affected = (result: unknown) =>
  (result as { affectedRows?: number; rowCount?: number }).affectedRows ??
  (result as { rowCount?: number }).rowCount ??
  0;

/**
 * Queues `content` for every enabled channel that takes `kind` and belongs to a unit with an active user
 * `recipients` selects (a condition on `u`). Returns how many deliveries were queued.
 */
export async function insertDeliveries(tx: Executor, kind: string, content: string, recipients: SQL) {
  return affected(
    await tx.execute(sql`
    insert into notification_deliveries (channel_id, kind, content)
    select c.id, ${kind}, ${content}
    from notification_channels c
    where c.enabled
      and (jsonb_array_length(c.kinds) = 0 or c.kinds ? ${kind})
      and c.org_id in (select u.org_id from users u where u.is_active and (${recipients}))`),
  );
}

export type DueDeliveryRow = {
  id: number;
  attempts: number;
  content: string;
  type: ChannelType;
  url: string;
  secret: string | null;
  phones: string[];
};

/** Claims up to `limit` pending deliveries due at `now`, with their channel, skipping rows another run holds. */
export function claimDueDeliveries(tx: Executor, now: Date, limit: number) {
  return queryRows<DueDeliveryRow>(
    tx,
    sql`select d.id, d.attempts, d.content, c.type, c.url, c.secret, c.phones
        from notification_deliveries d join notification_channels c on c.id = d.channel_id
        where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
        order by d.id limit ${limit}
        for update of d skip locked`,
  );
}

/** Logs a successful attempt (`entry`: a one-element JSON array for the log). */
export async function markDeliverySent(tx: Executor, id: number, attempts: number, now: Date, entry: string) {
  await tx.execute(sql`update notification_deliveries
        set status = 'sent', attempts = ${attempts}, sent_at = ${now.toISOString()}::timestamptz, last_error = null,
            log = log || ${entry}::jsonb
        where id = ${id}`);
}

/** Logs a failed attempt: the delivery waits until `next` (status pending) or is given up (status failed). */
export async function markDeliveryFailed(
  tx: Executor,
  id: number,
  update: { giveUp: boolean; attempts: number; error: string; next: Date; entry: string },
) {
  await tx.execute(sql`update notification_deliveries
      set status = ${update.giveUp ? 'failed' : 'pending'}, attempts = ${update.attempts}, last_error = ${update.error},
          next_attempt_at = ${update.next.toISOString()}::timestamptz, log = log || ${update.entry}::jsonb
      where id = ${id}`);
}
