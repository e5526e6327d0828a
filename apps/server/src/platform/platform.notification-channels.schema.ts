import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, identityId } from '../db/columns.ts';
import { orgIdColumn } from './platform.orgs.schema.ts';
import { users } from './platform.schema.ts';

/**
 * A unit's push channel: a 企业微信/政务微信 group robot, a 钉钉/浙政钉 robot, or an SMS provider. The webhook URL
 * (its key) and the secret are credentials: never logged, never returned by the API (only masked).
 */
export const notificationChannels = pgTable('notification_channels', {
  id: identityId(),
  orgId: orgIdColumn(),
  /** 'wecom' | 'dingtalk' | 'sms' */
  type: text('type').notNull(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  secret: text('secret'),
  /** SMS only: the numbers the provider sends to. */
  phones: jsonb('phones').$type<string[]>().notNull().default([]),
  /** Notification kinds pushed here; empty = every kind. */
  kinds: jsonb('kinds').$type<string[]>().notNull().default([]),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
});

/** One push of one event to one channel, with every attempt's outcome (the delivery log). */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: identityId(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => notificationChannels.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    content: text('content').notNull(),
    /** 'pending' | 'sent' | 'failed' */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** Every attempt: when, whether it went through, and the provider's error (never a credential). */
    log: jsonb('log').$type<{ at: string; ok: boolean; error: string | null }[]>().notNull().default([]),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notification_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`)],
);

/** A user's choice per notification kind: `inApp = false` mutes it in the bell. No row = delivered. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    inApp: boolean('in_app').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
