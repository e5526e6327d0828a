import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import {
  type ChannelConfig,
  type ChannelType,
  channelOf,
  type NotificationChannel,
  pushText,
} from './platform.notification-channels.service.ts';

/** Attempts before a delivery is logged as failed, and the wait before each retry (1 min, 5 min, 30 min, 2 h). */
export const maxAttempts = 5;
const backoffMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
/** Pushes per run: the job holds its lock while it sends, so a run stays short. */
const batch = 20;

/**
 * Queues the push of an event to the channels of the units whose users `recipients` selects (a condition on `u`),
 * in the caller's transaction: the push exists exactly when the change does. A channel takes every kind unless it
 * lists the kinds it wants.
 */
export async function enqueuePushes(
  tx: Executor,
  event: { kind: string; title: string; body: string },
  recipients: SQL,
) {
  const content = pushText(event);
  const result = await tx.execute(sql`
    insert into notification_deliveries (channel_id, kind, content)
    select c.id, ${event.kind}, ${content}
    from notification_channels c
    where c.enabled
      and (jsonb_array_length(c.kinds) = 0 or c.kinds ? ${event.kind})
      and c.org_id in (select u.org_id from users u where u.is_active and (${recipients}))`);
  return (
    (result as { affectedRows?: number; rowCount?: number }).affectedRows ??
    (result as { rowCount?: number }).rowCount ??
    0
  );
}

type DueRow = {
  id: number;
  attempts: number;
  content: string;
  type: ChannelType;
  url: string;
  secret: string | null;
  phones: string[];
};

/**
 * Sends the pushes that are due, each to its channel, and logs every attempt. A retryable failure waits with
 * backoff; after `maxAttempts`, or at once for a failure no retry can mend (a wrong key), the delivery is logged
 * as failed. Run by the scheduled work under its lock (one process at a time); rows are also claimed with SKIP
 * LOCKED so a manual run beside it never sends one twice.
 */
export async function deliverPendingPushes(
  tx: Executor,
  now: Date,
  channelFor: (config: ChannelConfig) => NotificationChannel = channelOf,
) {
  const due = await queryRows<DueRow>(
    tx,
    sql`select d.id, d.attempts, d.content, c.type, c.url, c.secret, c.phones
        from notification_deliveries d join notification_channels c on c.id = d.channel_id
        where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
        order by d.id limit ${batch}
        for update of d skip locked`,
  );
  let sent = 0;
  let failed = 0;
  let retrying = 0;
  for (const row of due) {
    const channel = channelFor({ type: row.type, url: row.url, secret: row.secret, phones: row.phones ?? [] });
    const result = await channel.send(row.content, now);
    const attempts = row.attempts + 1;
    const entry = JSON.stringify([{ at: now.toISOString(), ok: result.ok, error: result.ok ? null : result.error }]);
    if (result.ok) {
      sent++;
      await tx.execute(sql`update notification_deliveries
        set status = 'sent', attempts = ${attempts}, sent_at = ${now.toISOString()}::timestamptz, last_error = null,
            log = log || ${entry}::jsonb
        where id = ${row.id}`);
      continue;
    }
    const giveUp = !result.retryable || attempts >= maxAttempts;
    if (giveUp) failed++;
    else retrying++;
    const next = new Date(now.getTime() + (backoffMs[attempts - 1] ?? backoffMs.at(-1)!));
    await tx.execute(sql`update notification_deliveries
      set status = ${giveUp ? 'failed' : 'pending'}, attempts = ${attempts}, last_error = ${result.error},
          next_attempt_at = ${next.toISOString()}::timestamptz, log = log || ${entry}::jsonb
      where id = ${row.id}`);
  }
  return { sent, failed, retrying };
}
