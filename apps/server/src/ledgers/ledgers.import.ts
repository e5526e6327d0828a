import { parseCell } from '@fazhi/core/ledgers/cells';
import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import { describeKey, findDuplicatesInFile, uniqueKeysOf } from '@fazhi/core/ledgers/duplicates';
import type { ImportJob, JobStatus } from '@fazhi/core/ledgers/ledgers.schemas';
import { buildRowSchema, type LedgerData } from '@fazhi/core/ledgers/row-schema';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { existingUniqueValues, orgLookup } from './ledgers.repo.ts';
import { type ReportError, sheetFields, streamSheet } from './ledgers.sheet.ts';

export const importJobKind = 'ledger.import';

/** Knobs the tests turn: batch size, the row cap, and a hook run before each insert batch (to simulate a crash). */
export const importSettings = {
  batchSize: 1000,
  maxRows: 50_000,
  maxStoredErrors: 5000,
  beforeBatch: null as null | ((index: number, batches: number) => void | Promise<void>),
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

type ParsedRow = { rowNumber: number; orgId: number; data: LedgerData };

async function runImport(db: Db, actor: Actor, def: LedgerDefinition, id: number, file: Buffer) {
  const progress = (phase: string, processed: number, total: number, percent: number) =>
    live.set(id, { phase, processed, total, percent: Math.min(100, Math.round(percent)) });
  try {
    progress('正在读取和校验', 0, 0, 1);
    await setJob(db, id, { status: 'running', phase: '正在读取和校验' });
    const { rows, errors } = await readAndValidate(db, actor, def, file, (n) =>
      progress('正在读取和校验', n, 0, 50 * (n / (n + 2000))),
    );
    progress('正在检查重复', rows.length, rows.length, 55);
    errors.push(...(await duplicateErrors(db, def, rows)));
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      const message = `导入失败：共 ${errors.length} 处错误，未写入任何数据。请下载错误报告，修改后重新导入`;
      await setJob(db, id, {
        status: 'failed',
        phase: '校验未通过',
        error: message,
        result: { errorCount: errors.length, errors: errors.slice(0, importSettings.maxStoredErrors), imported: 0 },
      });
      return;
    }
    if (rows.length === 0) {
      await setJob(db, id, { status: 'failed', phase: '没有数据', error: '文件中没有可导入的数据行' });
      return;
    }
    await setJob(db, id, { phase: '正在写入' });
    await writeRows(db, actor, def, rows, (done) =>
      progress('正在写入', done, rows.length, 60 + 40 * (done / rows.length)),
    );
    await setJob(db, id, { status: 'succeeded', phase: '导入完成', result: { imported: rows.length, errorCount: 0 } });
  } catch (error) {
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

/** Streams the sheet, turns each cell into a value and each row through the type's schema; nothing is written. */
async function readAndValidate(
  db: Db,
  actor: Actor,
  def: LedgerDefinition,
  file: Buffer,
  onProgress: (processed: number) => void,
) {
  const { lookup } = await orgLookup(db, actor.user);
  const schema = buildRowSchema(def);
  const fields = sheetFields(def);
  const labels = new Map(def.fields.map((f) => [f.key, f.label]));
  const rows: ParsedRow[] = [];
  const errors: ReportError[] = [];
  let count = 0;
  for await (const record of streamSheet(def, file)) {
    count++;
    if (count > importSettings.maxRows)
      throw new AppError(400, 'TOO_MANY_ROWS', `文件超过 ${importSettings.maxRows} 行的上限，请分成多个文件导入`);
    const rowErrors: ReportError[] = [];
    let orgId = actor.user.orgId;
    const orgCell = record.cells.get('__org');
    if (orgCell !== null && orgCell !== undefined && String(orgCell).trim() !== '') {
      const found = lookup(String(orgCell));
      if (typeof found === 'number') orgId = found;
      else
        rowErrors.push({
          row: record.rowNumber,
          column: '填报单位',
          message:
            found === 'ambiguous'
              ? `单位名称“${orgCell}”不唯一，请填写全称`
              : `找不到单位“${orgCell}”，或不在您的数据范围内`,
        });
    }
    const input: Record<string, unknown> = {};
    for (const f of fields) {
      const cell = parseCell(f, record.cells.get(f.key), lookup);
      if (cell.ok) input[f.key] = cell.value;
      else rowErrors.push({ row: record.rowNumber, column: f.label, message: cell.message });
    }
    const failedCells = new Set(rowErrors.map((e) => e.column));
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = labels.get(String(issue.path[0])) ?? '';
        if (!failedCells.has(column)) rowErrors.push({ row: record.rowNumber, column, message: issue.message });
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) rows.push({ rowNumber: record.rowNumber, orgId, data: parsed.data });
    if (count % 500 === 0) {
      onProgress(count);
      await yieldToEventLoop();
    }
  }
  onProgress(count);
  return { rows, errors };
}

/** Unique keys repeated within the file, and keys that stored rows already hold. */
async function duplicateErrors(db: Db, def: LedgerDefinition, rows: ParsedRow[]): Promise<ReportError[]> {
  const errors: ReportError[] = [];
  const label = (fields: string[]) => fields.map((k) => def.fields.find((f) => f.key === k)?.label ?? k).join('+');
  for (const d of findDuplicatesInFile(def, rows))
    errors.push({ row: d.rowNumber, column: label(d.fields), message: d.message });
  const keys = rows.flatMap((r) => uniqueKeysOf(def, r.data).map((k) => ({ ...k, row: r.rowNumber })));
  if (!keys.length) return errors;
  const existing = await existingUniqueValues(db, def, keys);
  for (const k of keys)
    if (existing.get(k.fields.join(','))?.has(k.value))
      errors.push({
        row: k.row,
        column: label(k.fields),
        message: `${describeKey(def, k)}已存在于系统中，不能重复导入`,
      });
  return errors;
}

/** One short transaction: multi-row inserts in batches (one JSON parameter each), yielding between batches. */
async function writeRows(
  db: Db,
  actor: Actor,
  def: LedgerDefinition,
  rows: ParsedRow[],
  onProgress: (done: number) => void,
) {
  const size = importSettings.batchSize;
  const batches = Math.ceil(rows.length / size);
  const keys = rows.flatMap((r) => uniqueKeysOf(def, r.data));
  await db.transaction(async (tx) => {
    // One query per constraint closes the gap between validation and this transaction (a row saved meanwhile).
    if (keys.length) {
      const existing = await existingUniqueValues(tx, def, keys);
      const clash = keys.find((k) => existing.get(k.fields.join(','))?.has(k.value));
      if (clash)
        throw new AppError(409, 'CONFLICT', `导入期间${describeKey(def, clash)}已被登记，未写入任何数据，请重新导入`);
    }
    for (let b = 0; b < batches; b++) {
      await importSettings.beforeBatch?.(b, batches);
      const batch = rows.slice(b * size, (b + 1) * size).map((r) => ({
        org_id: r.orgId,
        row_date: r.data[def.dateField],
        data: r.data,
      }));
      await queryRows(
        tx,
        sql`insert into ledger_rows (type_key, org_id, row_date, data, created_by)
            select ${def.key}, x.org_id, x.row_date, x.data, ${actor.user.id}
            from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(org_id int, row_date date, data jsonb)`,
      );
      onProgress(Math.min(rows.length, (b + 1) * size));
      await yieldToEventLoop();
    }
    await writeAudit(tx, actor, {
      action: 'ledger_row.import',
      entity: 'ledger_type',
      entityId: def.key,
      after: { typeKey: def.key, count: rows.length, orgIds: [...new Set(rows.map((r) => r.orgId))] },
    });
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
