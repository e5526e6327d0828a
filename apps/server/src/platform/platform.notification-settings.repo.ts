import type { deliveryStatusLabels } from '@fazhi/core/notifications/notification-settings.contract';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { notificationChannels } from './platform.notification-channels.schema.ts';
import type { ChannelType } from './platform.notification-channels.service.ts';

/** The kinds the user turned off in the app (no row = on). */
export async function selectMutedKinds(db: Executor, userId: number) {
  const rows = await queryRows<{ kind: string }>(
    db,
    sql`select kind from notification_preferences where user_id = ${userId} and not in_app`,
  );
  return rows.map((r) => r.kind);
}

export async function upsertPreference(db: Executor, userId: number, kind: string, inApp: boolean) {
  await db.execute(sql`insert into notification_preferences (user_id, kind, in_app)
        values (${userId}, ${kind}, ${inApp})
        on conflict (user_id, kind) do update set in_app = excluded.in_app`);
}

export type ChannelRow = {
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
};

/** The channels of the units `scope` (a condition on `c.org_id`) admits, in unit-tree order. */
export function selectChannels(db: Executor, scope: SQL) {
  return queryRows<ChannelRow>(
    db,
    sql`select c.id, c.org_id, o.name as org_name, c.type, c.name, c.url, c.secret is not null as has_secret,
               jsonb_array_length(c.phones)::int as phone_count, c.enabled, c.created_at
        from notification_channels c join orgs o on o.id = c.org_id
        where ${scope} order by o.path, c.id`,
  );
}

export async function insertChannel(
  db: Executor,
  values: {
    orgId: number;
    type: ChannelType;
    name: string;
    url: string;
    secret: string | null;
    phones: string[];
  },
) {
  const [row] = await db.insert(notificationChannels).values(values).returning({ id: notificationChannels.id });
  return row!;
}

/** The channel `id` if `scope` (a condition on `c.org_id`) admits it. */
export async function selectChannelInScope(db: Executor, id: number, scope: SQL) {
  const [row] = await queryRows<{ org_id: number; name: string }>(
    db,
    sql`select org_id, name from notification_channels c where c.id = ${id} and ${scope}`,
  );
  return row;
}

export async function deleteChannelRow(db: Executor, id: number) {
  await db.execute(sql`delete from notification_channels where id = ${id}`);
}

export type DeliveryRow = {
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
};

/** A page of the delivery log of the channels `where` admits (a condition on `d` and `c`), newest first, and the total. */
export async function selectDeliveryPage(db: Executor, where: SQL, page: number, pageSize: number) {
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from notification_deliveries d join notification_channels c on c.id = d.channel_id
        where ${where}`,
  );
  const rows = await queryRows<DeliveryRow>(
    db,
    sql`select d.id, c.name as channel_name, o.name as org_name, d.kind, d.content, d.status, d.attempts,
               d.last_error, d.created_at, d.sent_at
        from notification_deliveries d join notification_channels c on c.id = d.channel_id
        join orgs o on o.id = c.org_id
        where ${where} order by d.id desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { rows, total: count?.n ?? 0 };
}
