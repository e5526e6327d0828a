import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from '../db/bytea.ts';
import { createdAt, identityId } from '../db/columns.ts';
import { orgIdColumn, orgs } from './platform.orgs.schema.ts';

export const users = pgTable('users', {
  id: identityId(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  dataScope: text('data_scope').notNull(),
  orgId: orgIdColumn(),
  /** Root of the data scope when it differs from the user's own unit (the office sees its whole county). */
  scopeOrgId: integer('scope_org_id').references(() => orgs.id),
  isActive: boolean('is_active').notNull().default(true),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** Who wrote the row (null when no user did, e.g. a seed). */
export const createdBy = () => integer('created_by').references(() => users.id);

/** Who last changed the row. */
export const updatedBy = () => integer('updated_by').references(() => users.id);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the cookie token; the token itself is never stored
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    username: text('username'),
    orgId: integer('org_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    /** SM3 of the previous row's `hash` and this row's content: the tamper-evident chain (`npx fazhi audit verify`). */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entity, t.entityId)],
);

export const attachments = pgTable('attachments', {
  id: identityId(),
  orgId: orgIdColumn(),
  filename: text('filename').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  createdAt: createdAt(),
});
/** A link table's reference to a stored file. */
export const attachmentIdColumn = () =>
  integer('attachment_id')
    .notNull()
    .references(() => attachments.id);

export const notifications = pgTable(
  'notifications',
  {
    id: identityId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    /** Same key, same user: sent once, however often the reminder job runs. */
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export const jobs = pgTable('jobs', {
  id: identityId(),
  kind: text('kind').notNull(),
  status: text('status').notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  total: integer('total').notNull().default(0),
  input: jsonb('input'),
  result: jsonb('result'),
  error: text('error'),
  userId: integer('user_id').references(() => users.id),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** What the job is doing now, in Chinese (正在读取/正在校验/正在写入), shown beside the progress bar. */
  phase: text('phase'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  /** The app process running it (`app_processes.id`); a job whose owner stopped heartbeating is interrupted. */
  ownerId: text('owner_id'),
  /** Progress as a percentage, written by the owner so any process can report it. */
  percent: integer('percent').notNull().default(0),
});
