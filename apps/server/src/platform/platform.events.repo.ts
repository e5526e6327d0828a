import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';

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

/**
 * The link tables (event_id, attachment_id) of the flow records whose steps carry files. Problem events keep their
 * evidence in `problem_evidence` instead (with the problem, the uploading unit and an order), written by oversight.
 */
export const eventFileLinks = {
  task: 'task_event_attachments',
  report: 'report_event_attachments',
} as const;
export type FileEventLog = keyof typeof eventFileLinks;

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

/** A file linked to one of the subject's flow steps, or null. */
export async function findEventFileRow(db: Executor, log: FileEventLog, subjectId: number, fileId: number) {
  const names = eventLogs[log];
  const [row] = await queryRows<{ filename: string; mime: string; sha256: string; data: Buffer }>(
    db,
    sql`select a.filename, a.mime, a.sha256, a.data
        from attachments a
        join ${sql.identifier(eventFileLinks[log])} ea on ea.attachment_id = a.id
        join ${sql.identifier(names.table)} e on e.id = ea.event_id
        where e.${sql.identifier(names.subject)} = ${subjectId} and a.id = ${fileId}
        limit 1`,
  );
  return row ?? null;
}

/** Links files to the subject's newest flow step. */
export async function linkFilesToLatestEventRow(
  db: Executor,
  log: FileEventLog,
  subjectId: number,
  attachmentIds: readonly number[],
) {
  if (attachmentIds.length === 0) return;
  const names = eventLogs[log];
  await db.execute(sql`
    insert into ${sql.identifier(eventFileLinks[log])} (event_id, attachment_id)
    select (select max(id) from ${sql.identifier(names.table)} where ${sql.identifier(names.subject)} = ${subjectId}), a.id
    from attachments a where a.id in (${sql.join(
      [...new Set(attachmentIds)].map((id) => sql`${id}::int`),
      sql`, `,
    )})`);
}
