import { PGlite } from '@electric-sql/pglite';
import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { AppError } from '../platform/kernel/errors.ts';
import { dataKeys, isCiphertext } from '../platform/kernel/field-crypto.ts';
import { encryptedFieldKeys, type SealedRow, sealRowWith } from '../platform/kernel/ledger-row-crypto.ts';
import { sealInWorker } from '../platform/kernel/seal-worker.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { CopyPipeline, copyLine, pgliteCopy } from './ledgers.copy.repo.ts';
import { type ParsedRow, type RowValidator, storedDuplicateErrors } from './ledgers.import-rows.service.ts';
import type { ReportError, SheetLayout } from './ledgers.sheet.service.ts';

// How an import job reads, validates and writes, per database: PostgreSQL pipelines a COPY stream with the parse,
// PGlite (same thread) validates first and then COPYs in batches. The job lifecycle is in ledgers.import.service.ts.

/**
 * Knobs the tests turn: rows per COPY statement at most (on PGlite at most `pgliteBatchSize`), the row cap, and a
 * hook run before each batch is written (to simulate a crash).
 */
export const importSettings = {
  batchSize: 5000,
  /**
   * PostgreSQL: a statement may start with fewer rows than `batchSize` (but at least this many) when the connection
   * would otherwise wait. Equal to `batchSize` by default: every statement costs PostgreSQL a fixed ≈ 25 ms (the
   * roll-up trigger's statement work; measured 2026-12-06 at load 13: 50,000 rows as 50 statements of 1,000 took
   * ≈ 1 s more than as 10 of 5,000, and 10 of 5,000 the same as 1 of 50,000 within noise), which outweighs the
   * earlier start and shorter tail of smaller statements.
   */
  minBatchSize: 5000,
  /** PGlite runs in this thread: a COPY statement blocks the server, so its batches are smaller. */
  pgliteBatchSize: 2000,
  maxRows: 50_000,
  maxStoredErrors: 5000,
  beforeBatch: null as null | ((index: number) => void | Promise<void>),
};

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type Progress = (phase: string, processed: number, total: number, percent: number) => void;
/** Where an import's time went (ms), kept in the job's result for the benchmark and for support. */
export type Timings = {
  readMs: number;
  validateMs: number;
  /** Sending batches (PostgreSQL: waiting on the socket while parsing goes on; PGlite: the COPY statements). */
  writeMs: number;
  /** PostgreSQL: from the end of the COPY stream to its completion — the last rows, foreign keys, roll-up triggers. */
  copyEndMs: number;
  /** Turning valid rows into COPY text, in this thread (sealing runs in the sealing worker, see `sealWaitMs`). */
  encodeMs: number;
  /** Waiting, after the last slice was read, for the sealing worker's last batches. */
  sealWaitMs: number;
  /** The audit row and COMMIT, after the rows are in. */
  commitMs: number;
  duplicatesMs: number;
  totalMs: number;
};

/** Refused rows: the transaction was rolled back; `errors` when already known, else computed from the validator. */
export class RowsRefused extends Error {
  constructor(readonly errors: ReportError[] | null = null) {
    super('rows refused');
  }
}

export const isPglite = (db: Db) => (db as unknown as { $client: unknown }).$client instanceof PGlite;

export const rounded = (t: Timings) =>
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
 * PostgreSQL: one transaction; every `batchSize` valid rows become a `COPY FROM STDIN` statement that runs (foreign
 * keys, roll-up triggers) on the other core while the sheet is still being parsed. The first bad row stops the
 * feed and everything is rolled back; the report is made from the whole file. Duplicates against stored rows are
 * looked up on another connection while the last statements finish; any refuses the whole import.
 */
export async function importIntoPostgres(
  db: Db,
  actor: Actor,
  def: LedgerDefinition,
  sheet: SheetLayout,
  validator: RowValidator,
  timings: Timings,
  progress: Progress,
) {
  const estimate = sheet.estimatedRows;
  const encrypted = encryptedFieldKeys(def);
  const reading = (n: number) =>
    progress('正在读取和校验', n, estimate, estimate ? 5 + 80 * Math.min(1, n / estimate) : 80 * (n / (n + 5000)));
  let committing = 0;
  await db.transaction(async (tx) => {
    const copies = new CopyPipeline(tx, (index) => importSettings.beforeBatch?.(index));
    const lines = new LineQueue(def, actor.user.id, encrypted, timings, () => refused(validator) || !!copies.error);
    // Statements of at most `batchSize` rows; while the connection is idle, as soon as `minBatchSize` rows are ready
    // (when that is set below `batchSize`: PostgreSQL starts earlier, the last statement stays shorter).
    let sent = 0;
    const flush = (all: boolean) => {
      const size = importSettings.batchSize;
      const min = Math.min(size, importSettings.minBatchSize);
      for (;;) {
        const waiting = lines.ready.length - sent;
        if (!(waiting >= size || (waiting > 0 && (all || (waiting >= min && copies.idle))))) break;
        const end = Math.min(lines.ready.length, sent + size);
        copies.push(lines.ready.slice(sent, end).join(''));
        sent = end;
      }
    };
    lines.onReady = () => flush(false);
    copies.onIdle = () => flush(false);
    try {
      await pump(
        sheet,
        validator,
        timings,
        async (rows) => {
          if (copies.error) throw copies.error;
          if (refused(validator)) return;
          lines.add(rows);
        },
        reading,
      );
      await lines.done();
      if (copies.error) throw copies.error;
      if (refused(validator) || validator.rows.length === 0) throw new RowsRefused();
      flush(true);
    } catch (error) {
      await lines.done().catch(() => {});
      await copies.stop();
      throw error;
    }
    // The last statements finish while another connection, which cannot see this transaction's rows, looks for
    // the file's keys among the stored ones.
    progress('正在写入', validator.rows.length, validator.rows.length, 88);
    const [ended, stored] = await Promise.allSettled([
      timed(copies.close(), (ms) => {
        timings.copyEndMs += ms;
      }),
      timed(storedDuplicateErrors(db, def, actor.user, validator.rows), (ms) => {
        timings.duplicatesMs += ms;
      }),
    ]);
    timings.writeMs += copies.busyMs;
    if (ended.status === 'rejected') throw ended.reason;
    if (stored.status === 'rejected') throw stored.reason;
    if (stored.value.length) throw new RowsRefused(stored.value);
    committing = performance.now();
    await auditImport(tx, actor, def, validator.rows);
  });
  timings.commitMs += performance.now() - committing;
}

/**
 * PGlite (one connection, in this process): read and validate first without holding it, then one short transaction:
 * the stored-duplicate check and `COPY FROM '/dev/blob'` batches, yielding between them.
 */
export async function importIntoPglite(
  db: Db,
  actor: Actor,
  def: LedgerDefinition,
  sheet: SheetLayout,
  validator: RowValidator,
  timings: Timings,
  progress: Progress,
) {
  const encrypted = encryptedFieldKeys(def);
  // Sealing (in the sealing worker) starts with the first valid rows and runs beside validation and the COPYs.
  const lines = new LineQueue(def, actor.user.id, encrypted, timings, () => refused(validator));
  try {
    await pump(
      sheet,
      validator,
      timings,
      async (rows) => {
        if (!refused(validator)) lines.add(rows);
      },
      (n) => progress('正在读取和校验', n, 0, 50 * (n / (n + 2000))),
    );
  } finally {
    await lines.settled();
  }
  if (refused(validator) || validator.rows.length === 0) throw new RowsRefused();
  const rows = validator.rows;
  progress('正在检查重复', rows.length, rows.length, 55);
  await db.transaction(async (tx) => {
    // Inside the transaction, so no row saved meanwhile slips between the check and the COPY.
    let t = performance.now();
    const stored = await storedDuplicateErrors(tx, def, actor.user, rows);
    timings.duplicatesMs += performance.now() - t;
    if (stored.length) throw new RowsRefused(stored);
    progress('正在写入', 0, rows.length, 60);
    await lines.done();
    t = performance.now();
    const size = Math.min(importSettings.batchSize, importSettings.pgliteBatchSize);
    for (let b = 0; b * size < rows.length; b++) {
      await importSettings.beforeBatch?.(b);
      await pgliteCopy(tx, lines.ready.slice(b * size, (b + 1) * size).join(''));
      const done = Math.min(rows.length, (b + 1) * size);
      progress('正在写入', done, rows.length, 60 + 40 * (done / rows.length));
      await yieldToEventLoop();
    }
    await auditImport(tx, actor, def, rows);
    timings.writeMs += performance.now() - t;
  });
}

/**
 * Valid rows → COPY lines, in file order. Personal values are sealed in the sealing worker (platform/seal-worker.ts)
 * a slice at a time while this thread goes on reading and validating; each slice's lines are appended to `ready`
 * when its sealed values come back (then `onReady` runs). A row holding a value that is already ciphertext is sealed
 * here as a form save would be. Each row gets its blind indexes (`blind`) for the duplicate check.
 */
class LineQueue {
  readonly ready: string[] = [];
  onReady: () => void = () => {};
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly def: LedgerDefinition,
    private readonly userId: number,
    private readonly encrypted: string[],
    private readonly timings: Timings,
    /** True once nothing more will be written (a refused row, a failed COPY): later slices are dropped. */
    private readonly stopped: () => boolean,
  ) {}

  add(rows: ParsedRow[]) {
    if (!rows.length) return;
    const sealing = this.encrypted.length ? this.seal(rows) : null;
    sealing?.catch(() => {}); // observed below, in order; not an unhandled rejection meanwhile
    this.chain = this.chain.then(async () => {
      const sealed = sealing ? await sealing : null;
      if (this.stopped()) return;
      const t = performance.now();
      if (sealed) this.encodeSealed(rows, sealed);
      else {
        const { def, userId } = this;
        for (const r of rows) {
          r.blind = {};
          this.ready.push(copyLine(def.key, r.orgId, r.data[def.dateField], r.data, userId));
        }
      }
      this.timings.encodeMs += performance.now() - t;
      this.onReady();
    });
    this.chain.catch(() => {}); // observed by `done`
  }

  /** Resolves when every slice added so far is in `ready` (rejects with a sealing failure). */
  async done() {
    const t = performance.now();
    try {
      await this.chain;
    } finally {
      this.timings.sealWaitMs += performance.now() - t;
    }
  }

  /** Like `done`, ignoring a failure (the caller is already failing). */
  async settled() {
    await this.chain.catch(() => {});
  }

  /**
   * Sends the slice's plain personal values to the sealing worker in one batch (file order: row by row, field by
   * field); a row already holding ciphertext is sealed here, as a form save would be.
   */
  private async seal(rows: ParsedRow[]): Promise<Sealing> {
    const t = performance.now();
    const keys = dataKeys();
    const encrypted = this.encrypted;
    const values: string[] = [];
    const here: (SealedRow | null)[] = new Array(rows.length).fill(null);
    for (let i = 0; i < rows.length; i++) {
      const data = rows[i]!.data;
      let already = false;
      for (const k of encrypted) if (isCiphertext(data[k])) already = true;
      if (already) {
        here[i] = sealRowWith(keys, encrypted, data);
        continue;
      }
      for (const k of encrypted) {
        const v = data[k];
        if (typeof v === 'string' && v !== '') values.push(v);
      }
    }
    const pending = sealInWorker(keys, values);
    this.timings.encodeMs += performance.now() - t;
    return { here, ...(await pending) };
  }

  /**
   * COPY lines of a sealed slice. The stored JSON is the row's data with its personal values replaced by their
   * ciphertext: written from the row's own object with those values swapped in for the moment of `copyLine` and
   * restored right after (same keys in the same order as a copy would give, without a copy of every row).
   */
  private encodeSealed(rows: ParsedRow[], { here, sealed, blind }: Sealing) {
    const { def, userId, encrypted } = this;
    const plain = new Array<unknown>(encrypted.length);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const done = here[i];
      if (done) {
        r.blind = done.blind;
        this.ready.push(copyLine(def.key, r.orgId, r.data[def.dateField], done.data, userId, done.blind));
        continue;
      }
      const data = r.data;
      const rowDate = data[def.dateField];
      const index: Record<string, string> = {};
      for (let j = 0; j < encrypted.length; j++) {
        const k = encrypted[j]!;
        const v = data[k];
        plain[j] = v;
        if (typeof v !== 'string' || v === '') continue;
        index[k] = blind[at]!;
        data[k] = sealed[at]!;
        at++;
      }
      let line: string;
      try {
        line = copyLine(def.key, r.orgId, rowDate, data, userId, index);
      } finally {
        for (let j = 0; j < encrypted.length; j++) {
          const v = plain[j];
          if (typeof v === 'string' && v !== '') data[encrypted[j]!] = v;
        }
      }
      r.blind = index;
      this.ready.push(line);
    }
  }
}

type Sealing = { here: (SealedRow | null)[]; sealed: string[]; blind: string[] };

async function auditImport(tx: Tx, actor: Actor, def: LedgerDefinition, rows: ParsedRow[]) {
  await writeAudit(tx, actor, {
    action: 'ledger_row.import',
    entity: 'ledger_type',
    entityId: def.key,
    after: { typeKey: def.key, count: rows.length, orgIds: [...new Set(rows.map((r) => r.orgId))] },
  });
}
