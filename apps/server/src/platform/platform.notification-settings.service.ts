import {
  type ChannelCreate,
  type DeliveryQuery,
  deliveryStatusLabels,
  eventKindLabels,
  type NotificationKind,
  notificationKinds,
} from '@fazhi/core/notifications/notification-settings.contract';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import type { Actor, AuthUser } from './kernel/context.ts';
import { badRequest, notFound } from './kernel/errors.ts';
import { writeAudit } from './platform.audit.service.ts';
import { notificationChannels } from './platform.notification-channels.schema.ts';
import { type ChannelType, channelTypeLabels, maskUrl } from './platform.notification-channels.service.ts';
import { orgScopeSql, requireOrgInScope } from './platform.scope.service.ts';

/** Every kind with the user's choice (no row = on). */
export async function myPreferences(db: Db, user: AuthUser) {
  const off = await queryRows<{ kind: string }>(
    db,
    sql`select kind from notification_preferences where user_id = ${user.id} and not in_app`,
  );
  const muted = new Set(off.map((r) => r.kind));
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
    for (const item of items)
      await tx.execute(sql`insert into notification_preferences (user_id, kind, in_app)
        values (${user.id}, ${item.kind}, ${item.inApp})
        on conflict (user_id, kind) do update set in_app = excluded.in_app`);
  });
  return { ok: true as const };
}

export async function listChannels(db: Db, user: AuthUser) {
  const rows = await queryRows<{
    id: number;
    org_id: number;
    org_name: string;
    type: ChannelType;
    name: string;
    url: string;
    has_secret: boolean;
    phone_count: number;
    enabled: boolean;
    created_at: Date;
  }>(
    db,
    sql`select c.id, c.org_id, o.name as org_name, c.type, c.name, c.url, c.secret is not null as has_secret,
               jsonb_array_length(c.phones)::int as phone_count, c.enabled, c.created_at
        from notification_channels c join orgs o on o.id = c.org_id
        where ${orgScopeSql(user, sql`c.org_id`)} order by o.path, c.id`,
  );
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
    const [row] = await tx
      .insert(notificationChannels)
      .values({
        orgId: input.orgId,
        type: input.type,
        name: input.name,
        url: input.url,
        secret: input.secret || null,
        phones: input.phones ?? [],
      })
      .returning({ id: notificationChannels.id });
    // The audit keeps what was configured, never the key or the secret.
    await writeAudit(tx, actor, {
      action: 'notification_channel.create',
      entity: 'notification_channel',
      entityId: row!.id,
      orgId: input.orgId,
      after: { type: input.type, name: input.name, url: maskUrl(input.url), hasSecret: Boolean(input.secret) },
    });
    return { id: row!.id };
  });
}

export async function deleteChannel(db: Db, actor: Actor, id: number) {
  const [row] = await queryRows<{ org_id: number; name: string }>(
    db,
    sql`select org_id, name from notification_channels c where c.id = ${id} and ${orgScopeSql(actor.user, sql`c.org_id`)}`,
  );
  if (!row) throw notFound('未找到该推送渠道，或不在您的数据范围内');
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from notification_channels where id = ${id}`);
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
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from notification_deliveries d join notification_channels c on c.id = d.channel_id
        where ${where}`,
  );
  const rows = await queryRows<{
    id: number;
    channel_name: string;
    org_name: string;
    kind: string;
    content: string;
    status: keyof typeof deliveryStatusLabels;
    attempts: number;
    last_error: string | null;
    created_at: Date;
    sent_at: Date | null;
  }>(
    db,
    sql`select d.id, c.name as channel_name, o.name as org_name, d.kind, d.content, d.status, d.attempts,
               d.last_error, d.created_at, d.sent_at
        from notification_deliveries d join notification_channels c on c.id = d.channel_id
        join orgs o on o.id = c.org_id
        where ${where} order by d.id desc
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
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
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
