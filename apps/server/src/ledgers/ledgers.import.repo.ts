import type { JobStatus } from '@fazhi/core/ledgers/ledgers.schemas';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import type { ReportError } from './ledgers.sheet.service.ts';

// The import jobs' rows (table `jobs`); the job lifecycle is in ledgers.import.service.ts.

export async function insertQueuedJob(
  db: Db,
  job: { kind: string; input: unknown; userId: number; phase: string; ownerId: string },
) {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into jobs (kind, status, input, user_id, phase, owner_id)
        values (${job.kind}, 'queued', ${JSON.stringify(job.input)}::jsonb, ${job.userId}, ${job.phase}, ${job.ownerId})
        returning id`,
  );
  return row!.id;
}

export async function setJob(
  db: Db,
  id: number,
  fields: { status?: JobStatus; phase: string; error?: string; result?: unknown },
) {
  const finished = fields.status === 'succeeded' || fields.status === 'failed';
  await queryRows(
    db,
    sql`update jobs set phase = ${fields.phase},
          status = coalesce(${fields.status ?? null}, status),
          error = case when ${fields.status ?? null} = 'succeeded' then null else coalesce(${fields.error ?? null}, error) end,
          percent = case when ${finished} then 100 else percent end,
          result = coalesce(${fields.result === undefined ? null : JSON.stringify(fields.result)}::jsonb, result),
          started_at = case when ${fields.status ?? null} = 'running' then now() else started_at end,
          finished_at = case when ${finished} then now() else finished_at end
        where id = ${id}`,
  );
}

/** Progress of a running job, for other processes to read. */
export function writeJobProgress(
  db: Db,
  id: number,
  now: { phase: string; processed: number; total: number; percent: number },
) {
  return queryRows(
    db,
    sql`update jobs set phase = ${now.phase}, progress = ${now.processed}, total = ${now.total},
          percent = ${now.percent} where id = ${id} and status = 'running'`,
  );
}

export type JobRow = {
  id: number;
  kind: string;
  status: JobStatus;
  phase: string | null;
  progress: number;
  total: number;
  percent: number;
  input: { typeKey?: string } | null;
  result: { imported?: number; errorCount?: number; errors?: ReportError[] } | null;
  error: string | null;
  owner_id: string | null;
  created_at: string | Date;
  finished_at: string | Date | null;
};

export async function findUserJob(db: Db, id: number, kind: string, userId: number) {
  const [job] = await queryRows<JobRow>(
    db,
    sql`select id, kind, status, phase, progress, total, percent, input, result, error, owner_id, created_at, finished_at from jobs
        where id = ${id} and kind = ${kind} and user_id = ${userId}`,
  );
  return job;
}
