import {
  type ChannelCreate,
  type DeliveryQuery,
  deliveryStatusLabels,
  eventKindLabels,
  type NotificationKind,
  notificationKinds,
} from '@fazhi/core/notifications/notification-settings.contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor, AuthUser } from './kernel/context.ts';
import { badRequest, notFound } from './kernel/errors.ts';
import { writeAudit } from './platform.audit.service.ts';
import { channelTypeLabels, maskUrl } from './platform.notification-channels.service.ts';
import {
  deleteChannelRow,
  insertChannel,
  selectChannelInScope,
  selectChannels,
  selectDeliveryPage,
  selectMutedKinds,
  upsertPreference,
} from './platform.notification-settings.repo.ts';
import { orgScopeSql, requireOrgInScope } from './platform.scope.service.ts';

/** Every kind with the user's choice (no row = on). */
export async function myPreferences(db: Db, user: AuthUser) {
  const muted = new Set(await selectMutedKinds(db, user.id));
  return {
    items: notificationKinds.map((kind) => ({ kind, label: eventKindLabels[kind], inApp: !muted.has(kind) })),
  };
}

export async function savePreferences(
  db: Db,
  user: AuthUser,
  items: readonly { kind: NotificationKind; inApp: boolean }[],
) {
  await db.transaction(async (tx) => {
    for (const item of items) await upsertPreference(tx, user.id, item.kind, item.inApp);
  });
  return { ok: true as const };
}

export async function listChannels(db: Db, user: AuthUser) {
  const rows = await selectChannels(db, orgScopeSql(user, sql`c.org_id`));
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      type: r.type,
      typeLabel: channelTypeLabels[r.type],
      name: r.name,
      maskedUrl: maskUrl(r.url),
      hasSecret: r.has_secret,
      phoneCount: r.phone_count,
      enabled: r.enabled,
      createdAt: r.created_at,
    })),
  };
}

export async function createChannel(db: Db, actor: Actor, input: ChannelCreate) {
  await requireOrgInScope(db, actor.user, input.orgId);
  if (input.type === 'sms' && !input.phones?.length) throw badRequest('短信渠道须至少填写一个接收手机号');
  return db.transaction(async (tx) => {
    const row = await insertChannel(tx, {
      orgId: input.orgId,
      type: input.type,
      name: input.name,
      url: input.url,
      secret: input.secret || null,
      phones: input.phones ?? [],
    });
    // The audit keeps what was configured, never the key or the secret.
    await writeAudit(tx, actor, {
      action: 'notification_channel.create',
      entity: 'notification_channel',
      entityId: row.id,
      orgId: input.orgId,
      after: { type: input.type, name: input.name, url: maskUrl(input.url), hasSecret: Boolean(input.secret) },
    });
    return { id: row.id };
  });
}

export async function deleteChannel(db: Db, actor: Actor, id: number) {
  const row = await selectChannelInScope(db, id, orgScopeSql(actor.user, sql`c.org_id`));
  if (!row) throw notFound('未找到该推送渠道，或不在您的数据范围内');
  await db.transaction(async (tx) => {
    await deleteChannelRow(tx, id);
    await writeAudit(tx, actor, {
      action: 'notification_channel.delete',
      entity: 'notification_channel',
      entityId: id,
      orgId: row.org_id,
      before: { name: row.name },
    });
  });
  return { ok: true as const };
}

/** The delivery log of the channels in the user's scope, newest first, a page at a time. */
export async function listDeliveries(db: Db, user: AuthUser, query: DeliveryQuery) {
  const where = sql`${orgScopeSql(user, sql`c.org_id`)} ${query.status ? sql`and d.status = ${query.status}` : sql``}`;
  const { rows, total } = await selectDeliveryPage(db, where, query.page, query.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      channelName: r.channel_name,
      orgName: r.org_name,
      kind: r.kind,
      content: r.content,
      status: r.status,
      statusLabel: deliveryStatusLabels[r.status],
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
