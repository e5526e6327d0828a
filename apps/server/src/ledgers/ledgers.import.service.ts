import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import type { ImportJob } from '@fazhi/core/ledgers/ledgers.schemas';
import type { Db } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { AppError, notFound } from '../platform/kernel/errors.ts';
import { findUserJob, insertQueuedJob, setJob, writeJobProgress } from './ledgers.import.repo.ts';
import { duplicateErrors, RowValidator } from './ledgers.import-rows.service.ts';
import {
  importIntoPglite,
  importIntoPostgres,
  importSettings,
  isPglite,
  type Progress,
  RowsRefused,
  rounded,
  type Timings,
} from './ledgers.import-writers.repo.ts';
import { orgLookup } from './ledgers.repo.ts';
import { asBadExcel, loadXlsxReader, openSheet, type ReportError } from './ledgers.sheet.service.ts';
import type { XlsxParts } from './ledgers.xlsx-reader.service.ts';

export const importJobKind = 'ledger.import';
export { importSettings };

type Live = { phase: string; processed: number; total: number; percent: number };

/**
 * Progress of running jobs: in memory for this process, and on PostgreSQL also written to the job's row (at most
 * every `progressWriteMs`, and at every change of phase) so any other process can report it. On PGlite the single
 * connection is busy with the write transaction, and there is only one process: memory alone.
 */
const live = new Map<number, Live>();
const progressWriteMs = 500;
const running = new Set<Promise<void>>();
let queue: Promise<void> = Promise.resolve();

export async function startImport(
  db: Db,
  ownerId: string,
  actor: Actor,
  def: LedgerDefinition,
  file: { filename: string; data: Buffer },
) {
  // Not a zip, or one that inflates past the budget: say so now (400) rather than through a failed job. The parts
  // are inflated off the event loop (zlib on the thread pool), and the job reads them without inflating again.
  let parts: XlsxParts;
  try {
    parts = await (await loadXlsxReader()).readXlsxParts(file.data);
  } catch (error) {
    throw asBadExcel(error);
  }
  const id = await insertQueuedJob(db, {
    kind: importJobKind,
    input: { typeKey: def.key, typeName: def.name, filename: file.filename },
    userId: actor.user.id,
    phase: '排队等待',
    ownerId,
  });
  live.set(id, { phase: '排队等待', processed: 0, total: 0, percent: 0 });
  // One import at a time per process: each keeps its own write transaction short.
  const run = queue.then(() => runImport(db, actor, def, id, parts));
  queue = run.catch(() => {});
  running.add(run);
  void run.finally(() => running.delete(run));
  return { jobId: id };
}

/** Resolves when every import started in this process has finished (the server waits for it on close). */
export async function drainImports() {
  await Promise.allSettled([...running]);
}

async function runImport(db: Db, actor: Actor, def: LedgerDefinition, id: number, file: XlsxParts) {
  const started = performance.now();
  const timings: Timings = {
    readMs: 0,
    validateMs: 0,
    encodeMs: 0,
    sealWaitMs: 0,
    writeMs: 0,
    copyEndMs: 0,
    duplicatesMs: 0,
    commitMs: 0,
    totalMs: 0,
  };
  const elapsed = () => Math.round(performance.now() - started);
  let written: Promise<unknown> = Promise.resolve();
  let lastWrite = { at: 0, phase: '' };
  const shared = !isPglite(db);
  const progress: Progress = (phase, processed, total, percent) => {
    const now = { phase, processed, total, percent: Math.min(100, Math.round(percent)) };
    live.set(id, now);
    const at = performance.now();
    if (!shared || (phase === lastWrite.phase && at - lastWrite.at < progressWriteMs)) return;
    lastWrite = { at, phase };
    // Outside the import's transaction, one write after another; a failed write only delays what others see.
    written = written.then(() => writeJobProgress(db, id, now).catch(() => {}));
  };
  let validator: RowValidator | null = null;
  try {
    progress('正在读取和校验', 0, 0, 1);
    await setJob(db, id, { status: 'running', phase: '正在读取和校验' });
    const { lookup } = await orgLookup(db, actor.user);
    const t = performance.now();
    const sheet = await openSheet(def, file);
    timings.readMs += performance.now() - t;
    validator = new RowValidator(def, sheet.keys, lookup, actor.user.orgId);
    const v = validator;
    if (isPglite(db)) await importIntoPglite(db, actor, def, sheet, v, timings, progress);
    else await importIntoPostgres(db, actor, def, sheet, v, timings, progress);
    timings.totalMs = elapsed();
    await written;
    await setJob(db, id, {
      status: 'succeeded',
      phase: '导入完成',
      result: { imported: v.rows.length, errorCount: 0, timings: rounded(timings) },
    });
  } catch (error) {
    timings.totalMs = elapsed();
    await written;
    if (error instanceof RowsRefused && validator) {
      if (!validator.errors.length && !validator.rows.length && !error.errors) {
        await setJob(db, id, { status: 'failed', phase: '没有数据', error: '文件中没有可导入的数据行' });
        return;
      }
      const t = performance.now();
      const errors = error.errors ?? [
        ...validator.errors,
        ...(await duplicateErrors(db, def, actor.user, validator.rows)),
      ];
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

async function findJob(db: Db, actor: Actor, id: number) {
  const job = await findUserJob(db, id, importJobKind, actor.user.id);
  if (!job) throw notFound('未找到该导入任务');
  return job;
}

/** A job of the user's own, with live progress while it runs (from memory here, or as its owner last wrote it). */
export async function getImportJob(db: Db, processId: string, actor: Actor, id: number): Promise<ImportJob> {
  const job = await findJob(db, actor, id);
  const now = job.owner_id === processId ? live.get(id) : undefined;
  const done = job.status === 'succeeded' || job.status === 'failed';
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    percent: done ? 100 : (now?.percent ?? job.percent),
    phase: now?.phase ?? job.phase ?? '',
    processed: now?.processed ?? (done ? job.result?.imported : job.progress) ?? 0,
    total: now?.total ?? (done ? job.result?.imported : job.total) ?? 0,
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
