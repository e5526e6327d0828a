import { PGlite } from '@electric-sql/pglite';
import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import type { ImportJob, JobStatus } from '@fazhi/core/ledgers/ledgers.schemas';
import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { copyLine, openPgCopy, pgliteCopy } from './ledgers.copy.ts';
import { duplicateErrors, type ParsedRow, RowValidator, storedDuplicateErrors } from './ledgers.import-rows.ts';
import { orgLookup } from './ledgers.repo.ts';
import { asBadExcel, openSheet, type ReportError, type SheetLayout } from './ledgers.sheet.ts';
import { sniffXlsx } from './xlsx-reader.ts';

export const importJobKind = 'ledger.import';

/**
 * Knobs the tests turn: rows per COPY batch (a stream write on PostgreSQL, a COPY statement on PGlite), the row cap,
 * and a hook run before each batch is written (to simulate a crash).
 */
export const importSettings = {
  batchSize: 2000,
  maxRows: 50_000,
  maxStoredErrors: 5000,
  beforeBatch: null as null | ((index: number) => void | Promise<void>),
};

type Live = { phase: string; processed: number; total: number; percent: number };
/** Progress of running jobs lives in memory: during the write transaction the (single) PGlite connection is busy. */
const live = new Map<number, Live>();
const running = new Set<Promise<void>>();
let queue: Promise<void> = Promise.resolve();

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function startImport(
  db: Db,
  actor: Actor,
  def: LedgerDefinition,
  file: { filename: string; data: Buffer },
) {
  try {
    sniffXlsx(file.data); // not a zip at all: say so now rather than through a failed job
  } catch (error) {
    throw asBadExcel(error);
  }
  const [job] = await queryRows<{ id: number }>(
    db,
    sql`insert into jobs (kind, status, input, user_id, phase)
        values (${importJobKind}, 'queued', ${JSON.stringify({ typeKey: def.key, typeName: def.name, filename: file.filename })}::jsonb,
                ${actor.user.id}, '排队等待') returning id`,
  );
  const id = job!.id;
  live.set(id, { phase: '排队等待', processed: 0, total: 0, percent: 0 });
  // One import at a time per process: each keeps its own write transaction short.
  const run = queue.then(() => runImport(db, actor, def, id, file.data));
  queue = run.catch(() => {});
  running.add(run);
  void run.finally(() => running.delete(run));
  return { jobId: id };
}

/** Resolves when every import started in this process has finished (the server waits for it on close). */
export async function drainImports() {
  await Promise.allSettled([...running]);
}

/** A job left running by a stopped process wrote nothing (its insert was one transaction): mark it failed. */
export async function failInterruptedJobs(db: Db) {
  await queryRows(
    db,
    sql`update jobs set status = 'failed', finished_at = now(), phase = '已中断',
          error = '服务重启，导入已中断，未写入任何数据，请重新导入'
        where kind = ${importJobKind} and status in ('queued', 'running')`,
  );
}

async function setJob(
  db: Db,
  id: number,
  fields: { status?: JobStatus; phase: string; error?: string; result?: unknown },
) {
  const finished = fields.status === 'succeeded' || fields.status === 'failed';
  await queryRows(
    db,
    sql`update jobs set phase = ${fields.phase},
          status = coalesce(${fields.status ?? null}, status),
          error = coalesce(${fields.error ?? null}, error),
          result = coalesce(${fields.result === undefined ? null : JSON.stringify(fields.result)}::jsonb, result),
          started_at = case when ${fields.status ?? null} = 'running' then now() else started_at end,
          finished_at = case when ${finished} then now() else finished_at end
        where id = ${id}`,
  );
}

type Progress = (phase: string, processed: number, total: number, percent: number) => void;
/** Where an import's time went (ms), kept in the job's result for the benchmark and for support. */
type Timings = {
  readMs: number;
  validateMs: number;
  /** Sending batches (PostgreSQL: waiting on the socket while parsing goes on; PGlite: the COPY statements). */
  writeMs: number;
  /** PostgreSQL: from the end of the COPY stream to its completion — the last rows and the roll-up triggers. */
  copyEndMs: number;
  duplicatesMs: number;
  totalMs: number;
};

/** Refused rows: the transaction was rolled back; `errors` when already known, else computed from the validator. */
class RowsRefused extends Error {
  constructor(readonly errors: ReportError[] | null = null) {
    super('rows refused');
  }
}

const isPglite = (db: Db) => (db as unknown as { $client: unknown }).$client instanceof PGlite;

async function runImport(db: Db, actor: Actor, def: LedgerDefinition, id: number, file: Buffer) {
  const started = performance.now();
  const timings: Timings = { readMs: 0, validateMs: 0, writeMs: 0, copyEndMs: 0, duplicatesMs: 0, totalMs: 0 };
  const elapsed = () => Math.round(performance.now() - started);
  const progress: Progress = (phase, processed, total, percent) =>
    live.set(id, { phase, processed, total, percent: Math.min(100, Math.round(percent)) });
  let validator: RowValidator | null = null;
  try {
    progress('正在读取和校验', 0, 0, 1);
    await setJob(db, id, { status: 'running', phase: '正在读取和校验' });
    const { lookup } = await orgLookup(db, actor.user);
    const t = performance.now();
    const sheet = openSheet(def, file);
    timings.readMs += performance.now() - t;
    validator = new RowValidator(def, sheet.keys, lookup, actor.user.orgId);
    const v = validator;
    if (isPglite(db)) await importIntoPglite(db, actor, def, sheet, v, timings, progress);
    else await importIntoPostgres(db, actor, def, sheet, v, timings, progress);
    timings.totalMs = elapsed();
    await setJob(db, id, {
      status: 'succeeded',
      phase: '导入完成',
      result: { imported: v.rows.length, errorCount: 0, timings: rounded(timings) },
    });
  } catch (error) {
    timings.totalMs = elapsed();
    if (error instanceof RowsRefused && validator) {
      if (!validator.errors.length && !validator.rows.length && !error.errors) {
        await setJob(db, id, { status: 'failed', phase: '没有数据', error: '文件中没有可导入的数据行' });
        return;
      }
      const t = performance.now();
      const errors = error.errors ?? [...validator.errors, ...(await duplicateErrors(db, def, validator.rows))];
      timings.duplicatesMs += performance.now() - t;
      errors.sort((a, b) => a.row - b.row);
      await setJob(db, id, {
        status: 'failed',
        phase: '校验未通过',
        error: `导入失败：共 ${errors.length} 处错误，未写入任何数据。请下载错误报告，修改后重新导入`,
        result: {
          errorCount: errors.length,
          errors: errors.slice(0, importSettings.maxStoredErrors),
          imported: 0,
          timings: rounded(timings),
        },
      });
      return;
    }
    const message =
      error instanceof AppError ? error.message : '导入过程中发生错误，未写入任何数据，请稍后重试或联系管理员';
    await setJob(db, id, {
      status: 'failed',
      phase: '导入失败',
      error: message,
      result: { imported: 0, errorCount: 0 },
    }).catch(() => {});
  } finally {
    live.delete(id);
  }
}

const rounded = (t: Timings) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])) as Record<keyof Timings, number>;

/**
 * Reads the sheet slice by slice, validating each slice's rows and handing the valid ones to `onRows`; yields to
 * the event loop after every slice so the server keeps answering. Refuses a file over the row cap.
 */
async function pump(
  sheet: SheetLayout,
  validator: RowValidator,
  timings: Timings,
  onRows: (rows: ParsedRow[]) => Promise<void>,
  onProgress: (processed: number) => void,
) {
  let count = 0;
  for (;;) {
    let t = performance.now();
    const batch = sheet.nextBatch();
    timings.readMs += performance.now() - t;
    if (batch === null) break;
    count += batch.length;
    if (count > importSettings.maxRows)
      throw new AppError(400, 'TOO_MANY_ROWS', `文件超过 ${importSettings.maxRows} 行的上限，请分成多个文件导入`);
    t = performance.now();
    const passed = validator.add(batch);
    timings.validateMs += performance.now() - t;
    await onRows(passed);
    onProgress(count);
    await yieldToEventLoop();
  }
  return count;
}

async function timed<T>(work: Promise<T>, add: (ms: number) => void): Promise<T> {
  const t = performance.now();
  try {
    return await work;
  } finally {
    add(performance.now() - t);
  }
}

const refused = (v: RowValidator) => v.errors.length > 0 || v.hasDuplicateInFile;

/**
 * PostgreSQL: one transaction around a `COPY FROM STDIN` fed while the sheet is still being parsed (PostgreSQL
 * inserts on the other core). The first bad row stops the feed; the COPY is cancelled and rolled back, and the
 * report is made from the whole file. Duplicates against stored rows are looked up on another connection while the
 * COPY finishes; any refuses the whole import.
 */
async function importIntoPostgres(
  db: Db,
  actor: Actor,
  def: LedgerDefinition,
  sheet: SheetLayout,
  validator: RowValidator,
  timings: Timings,
  progress: Progress,
) {
  const estimate = sheet.estimatedRows;
  const reading = (n: number) =>
    progress('正在读取和校验', n, estimate, estimate ? 5 + 80 * Math.min(1, n / estimate) : 80 * (n / (n + 5000)));
  await db.transaction(async (tx) => {
    const copy = openPgCopy(tx);
    let pending: string[] = [];
    let batchIndex = 0;
    const send = async (lines: string[]) => {
      await importSettings.beforeBatch?.(batchIndex++);
      const t = performance.now();
      await copy.write(lines.join(''));
      timings.writeMs += performance.now() - t;
    };
    try {
      await pump(
        sheet,
        validator,
        timings,
        async (rows) => {
          if (refused(validator)) return;
          for (const r of rows) pending.push(copyLine(def.key, r.orgId, r.data[def.dateField], r.data, actor.user.id));
          const size = importSettings.batchSize;
          while (pending.length >= size) {
            await send(pending.slice(0, size));
            pending = pending.slice(size);
          }
        },
        reading,
      );
      if (refused(validator) || validator.rows.length === 0) throw new RowsRefused();
      if (pending.length) await send(pending);
    } catch (error) {
      await copy.abort(error instanceof RowsRefused ? '校验未通过' : '导入中断');
      throw error;
    }
    // PostgreSQL inserts the last rows and runs the roll-up triggers while another connection, which cannot see
    // this transaction's rows, looks for the file's keys among the stored ones.
    progress('正在写入', validator.rows.length, validator.rows.length, 88);
    const [ended, stored] = await Promise.allSettled([
      timed(copy.end(), (ms) => {
        timings.copyEndMs += ms;
      }),
      timed(storedDuplicateErrors(db, def, validator.rows), (ms) => {
        timings.duplicatesMs += ms;
      }),
    ]);
    if (ended.status === 'rejected') throw ended.reason;
    if (stored.status === 'rejected') throw stored.reason;
    if (stored.value.length) throw new RowsRefused(stored.value);
    await auditImport(tx, actor, def, validator.rows);
  });
}

/**
 * PGlite (one connection, in this process): read and validate first without holding it, then one short transaction:
 * the stored-duplicate check and `COPY FROM '/dev/blob'` batches, yielding between them.
 */
async function importIntoPglite(
  db: Db,
  actor: Actor,
  def: LedgerDefinition,
  sheet: SheetLayout,
  validator: RowValidator,
  timings: Timings,
  progress: Progress,
) {
  await pump(
    sheet,
    validator,
    timings,
    async () => {},
    (n) => progress('正在读取和校验', n, 0, 50 * (n / (n + 2000))),
  );
  if (refused(validator) || validator.rows.length === 0) throw new RowsRefused();
  const rows = validator.rows;
  progress('正在检查重复', rows.length, rows.length, 55);
  await db.transaction(async (tx) => {
    // Inside the transaction, so no row saved meanwhile slips between the check and the COPY.
    let t = performance.now();
    const stored = await storedDuplicateErrors(tx, def, rows);
    timings.duplicatesMs += performance.now() - t;
    if (stored.length) throw new RowsRefused(stored);
    progress('正在写入', 0, rows.length, 60);
    t = performance.now();
    const size = importSettings.batchSize;
    for (let b = 0; b * size < rows.length; b++) {
      await importSettings.beforeBatch?.(b);
      const lines = rows
        .slice(b * size, (b + 1) * size)
        .map((r) => copyLine(def.key, r.orgId, r.data[def.dateField], r.data, actor.user.id));
      await pgliteCopy(tx, lines.join(''));
      const done = Math.min(rows.length, (b + 1) * size);
      progress('正在写入', done, rows.length, 60 + 40 * (done / rows.length));
      await yieldToEventLoop();
    }
    await auditImport(tx, actor, def, rows);
    timings.writeMs += performance.now() - t;
  });
}

async function auditImport(tx: Tx, actor: Actor, def: LedgerDefinition, rows: ParsedRow[]) {
  await writeAudit(tx, actor, {
    action: 'ledger_row.import',
    entity: 'ledger_type',
    entityId: def.key,
    after: { typeKey: def.key, count: rows.length, orgIds: [...new Set(rows.map((r) => r.orgId))] },
  });
}

type JobRow = {
  id: number;
  kind: string;
  status: JobStatus;
  phase: string | null;
  input: { typeKey?: string } | null;
  result: { imported?: number; errorCount?: number; errors?: ReportError[] } | null;
  error: string | null;
  created_at: string | Date;
  finished_at: string | Date | null;
};

async function findJob(db: Db, actor: Actor, id: number) {
  const [job] = await queryRows<JobRow>(
    db,
    sql`select id, kind, status, phase, input, result, error, created_at, finished_at from jobs
        where id = ${id} and kind = ${importJobKind} and user_id = ${actor.user.id}`,
  );
  if (!job) throw notFound('未找到该导入任务');
  return job;
}

/** A job of the user's own, with live progress while it runs. */
export async function getImportJob(db: Db, actor: Actor, id: number): Promise<ImportJob> {
  const job = await findJob(db, actor, id);
  const now = live.get(id);
  const done = job.status === 'succeeded' || job.status === 'failed';
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    percent: done ? 100 : (now?.percent ?? 0),
    phase: now?.phase ?? job.phase ?? '',
    processed: now?.processed ?? job.result?.imported ?? 0,
    total: now?.total ?? job.result?.imported ?? 0,
    message: job.error,
    imported: job.result?.imported ?? 0,
    errorCount: job.result?.errorCount ?? 0,
    hasErrorReport: (job.result?.errors?.length ?? 0) > 0,
    typeKey: job.input?.typeKey ?? null,
    createdAt: new Date(job.created_at).toISOString(),
    finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
  };
}

export async function importErrors(db: Db, actor: Actor, id: number): Promise<ReportError[]> {
  const job = await findJob(db, actor, id);
  const errors = job.result?.errors ?? [];
  if (!errors.length) throw notFound('该导入任务没有错误报告');
  return errors;
}
