import type { Executor } from '../db/client.ts';
import { notFound } from './kernel/errors.ts';
import {
  type EventLog,
  type FileEventLog,
  findEventFileRow,
  insertEventRows,
  linkFilesToLatestEventRow,
} from './platform.events.repo.ts';

export type { EventLog, FileEventLog } from './platform.events.repo.ts';

/** One entry of a flow record (a task's, a report's or a problem's history). */
export type EventInput = {
  /** The task, report or problem the event belongs to. */
  subjectId: number;
  /** What happened: the transition or event type (`issue`, `approve`, `claimed`…). */
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** The reason or note given with it; empty when none. */
  note?: string;
  actorId: number | null;
  /** When it happened; the transaction's time when omitted. */
  at?: Date;
  /** Problem events only. */
  unitId?: number | null;
  relatedProblemId?: number | null;
};

/**
 * The one way a module appends to a flow record: `task_events`, `report_events` or `problem_events`, chosen by `log`.
 * Call it inside the transaction that made the change, so the history and the change commit together.
 */
export function recordEvents(tx: Executor, log: EventLog, events: readonly EventInput[]) {
  return insertEventRows(
    tx,
    log,
    events.map((e) => ({
      subjectId: e.subjectId,
      action: e.action,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      note: e.note ?? '',
      actorId: e.actorId,
      at: e.at ?? null,
      unitId: e.unitId ?? null,
      relatedProblemId: e.relatedProblemId ?? null,
    })),
  );
}

/**
 * A file linked to one of the flow steps of a task or a report (a 销号 application's 佐证材料, the office's file on a
 * decision or its 审核意见); 404 when the subject has no such file. The caller checks first that the actor may see the
 * subject.
 */
export async function requireEventFile(db: Executor, log: FileEventLog, subjectId: number, fileId: number) {
  const file = await findEventFileRow(db, log, subjectId, fileId);
  if (!file) throw notFound('未找到该附件，或您无权查看');
  return file;
}

/**
 * Links files to the subject's newest flow step: call it in the transaction right after `recordEvents`, where the
 * optimistic UPDATE of the subject before it keeps a concurrent step out, so the newest step is the one just recorded.
 */
export function attachToLatestEvent(
  tx: Executor,
  log: FileEventLog,
  subjectId: number,
  attachmentIds: readonly number[],
) {
  return linkFilesToLatestEventRow(tx, log, subjectId, attachmentIds);
}
