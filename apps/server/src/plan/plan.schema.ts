import {
  type AnyPgColumn,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, identityId } from '../db/columns.ts';
import { eventFilesTable, flowEventColumns } from '../platform/platform.events.schema.ts';
import { orgIdColumn } from '../platform/platform.orgs.schema.ts';
import { attachmentIdColumn, attachments, createdBy, users } from '../platform/platform.schema.ts';

export const workPoints = pgTable(
  'work_points',
  {
    id: identityId(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('work_points_org_year_idx').on(t.orgId, t.year)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: identityId(),
    workPointId: integer('work_point_id')
      .notNull()
      .references(() => workPoints.id),
    parentId: integer('parent_id').references((): AnyPgColumn => tasks.id),
    /** The lead unit: the tenant key that data scope filters on. */
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    status: text('status').notNull().default('draft'),
    /** Percent of the latest ledger entry; parents roll up at read time. */
    ownPercent: doublePrecision('own_percent'),
    planText: text('plan_text').notNull().default(''),
    planAttachmentId: integer('plan_attachment_id').references(() => attachments.id),
    measures: jsonb('measures').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: integer('closed_by').references(() => users.id),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [
    index('tasks_work_point_idx').on(t.workPointId),
    index('tasks_org_idx').on(t.orgId, t.year),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_deadline_idx').on(t.deadline),
  ],
);

export const taskAssists = pgTable(
  'task_assists',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.orgId] }), index('task_assists_org_idx').on(t.orgId)],
);

export const taskMilestones = pgTable(
  'task_milestones',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    node: text('node').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.node] })],
);

export const taskEntries = pgTable(
  'task_entries',
  {
    id: identityId(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    percent: doublePrecision('percent').notNull(),
    content: text('content').notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index('task_entries_task_idx').on(t.taskId, t.entryDate)],
);

export const taskEntryAttachments = pgTable(
  'task_entry_attachments',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => taskEntries.id, { onDelete: 'cascade' }),
    attachmentId: attachmentIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.attachmentId] })],
);

export const taskEvents = pgTable(
  'task_events',
  {
    id: identityId(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    ...flowEventColumns(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId)],
);

/** 佐证材料 attached to a flow step (a 销号 application). */
export const taskEventAttachments = eventFilesTable('task_event_attachments', () => taskEvents.id);
