import type { SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  type ChannelConfig,
  channelOf,
  type NotificationChannel,
  pushText,
} from './platform.notification-channels.service.ts';
import {
  claimDueDeliveries,
  insertDeliveries,
  markDeliveryFailed,
  markDeliverySent,
} from './platform.notification-push.repo.ts';

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
  return insertDeliveries(tx, event.kind, pushText(event), recipients);
}

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
  const due = await claimDueDeliveries(tx, now, batch);
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
      await markDeliverySent(tx, row.id, attempts, now, entry);
      continue;
    }
    const giveUp = !result.retryable || attempts >= maxAttempts;
    if (giveUp) failed++;
    else retrying++;
    const next = new Date(now.getTime() + (backoffMs[attempts - 1] ?? backoffMs.at(-1)!));
    await markDeliveryFailed(tx, row.id, { giveUp, attempts, error: result.error, next, entry });
  }
  return { sent, failed, retrying };
}
