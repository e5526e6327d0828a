import { type AnyPgColumn, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { attachmentIdColumn, users } from './platform.schema.ts';

/**
 * Column builders of the flow records (`task_events`, `report_events`, `problem_events`): the tables belong to their
 * modules, the shape that `recordEvents` writes is spelled here once.
 */

/** Who did the step. */
export const actorIdColumn = () => integer('actor_id').references(() => users.id);

/**
 * A task's or a report's flow step after its subject column: what happened, the status before and after, why, who,
 * when. Problem events name theirs differently (`type`, `note`) and keep them in their own table.
 */
export const flowEventColumns = () => ({
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  reason: text('reason').notNull().default(''),
  actorId: actorIdColumn(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** A file linked to a flow step: the step (its files go with it) and the platform attachment. */
export const eventFileColumns = (eventId: () => AnyPgColumn) => ({
  eventId: integer('event_id').notNull().references(eventId, { onDelete: 'cascade' }),
  attachmentId: attachmentIdColumn(),
});

/** The link table of a flow record's files (`task_event_attachments`, `report_event_attachments`): a file once a step. */
export const eventFilesTable = <N extends string>(name: N, eventId: () => AnyPgColumn) =>
  pgTable(name, eventFileColumns(eventId), (t) => [primaryKey({ columns: [t.eventId, t.attachmentId] })]);
