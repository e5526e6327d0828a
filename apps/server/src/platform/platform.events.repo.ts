import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';

/**
 * The three flow records share one shape (subject, what happened, status before and after, a note, who, when); they
 * differ only in names. Spelled here once so no module writes its event table itself, and the platform imports no
 * module's schema to do it.
 */
export const eventLogs = {
  task: { table: 'task_events', subject: 'task_id', action: 'action', note: 'reason' },
  report: { table: 'report_events', subject: 'report_id', action: 'action', note: 'reason' },
  problem: { table: 'problem_events', subject: 'problem_id', action: 'type', note: 'note' },
} as const;
export type EventLog = keyof typeof eventLogs;

export type EventRow = {
  subjectId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  actorId: number | null;
  /** Omitted: the transaction's time (`now()`). */
  at: Date | null;
  /** Problem events only: the unit concerned and the related (recurring) problem. */
  unitId: number | null;
  relatedProblemId: number | null;
};

export async function insertEventRows(db: Executor, log: EventLog, rows: readonly EventRow[]) {
  if (rows.length === 0) return;
  const names = eventLogs[log];
  const isProblem = log === 'problem';
  const columns = [names.subject, names.action, 'from_status', 'to_status', names.note, 'actor_id', 'at'];
  if (isProblem) columns.push('unit_id', 'related_problem_id');
  const values: SQL[] = rows.map((r) => {
    const common = sql`${r.subjectId}::int, ${r.action}::text, ${r.fromStatus}::text, ${r.toStatus}::text, ${r.note}::text,
      ${r.actorId}::int, coalesce(${r.at?.toISOString() ?? null}::timestamptz, now())`;
    return isProblem ? sql`(${common}, ${r.unitId}::int, ${r.relatedProblemId}::int)` : sql`(${common})`;
  });
  await db.execute(
    sql`insert into ${sql.identifier(names.table)} (${sql.raw(columns.join(', '))}) values ${sql.join(values, sql`, `)}`,
  );
}
