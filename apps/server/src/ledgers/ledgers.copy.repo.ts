import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Tx } from '../db/client.ts';

/**
 * Bulk writes of validated ledger rows with `COPY … FROM` (the same statement triggers fire as for INSERT, so the
 * metric roll-up stays maintained): on PostgreSQL as a `COPY FROM STDIN` stream the import feeds while it still
 * parses, on PGlite as `COPY FROM '/dev/blob'` per batch. Always inside the caller's transaction.
 */
const copyColumns = 'ledger_rows (type_key, org_id, row_date, data, created_by, blind)';

/**
 * One row in COPY text format (tab-separated; backslashes doubled; JSON escapes every other control character).
 * `data` is the stored form (personal values already SM4 ciphertext) and `blind` its blind indexes.
 */
export function copyLine(
  typeKey: string,
  orgId: number,
  rowDate: unknown,
  data: unknown,
  userId: number,
  blind: Record<string, string> = {},
): string {
  const json = JSON.stringify(data);
  const escaped = json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
  const date = typeof rowDate === 'string' && rowDate ? rowDate : '\\N';
  // Blind indexes are base64url: nothing to escape.
  return `${typeKey}\t${orgId}\t${date}\t${escaped}\t${userId}\t${JSON.stringify(blind)}\n`;
}

/** The driver client under a drizzle transaction (drizzle keeps it on the transaction's session). */
const clientOf = (tx: Tx) => (tx as unknown as { session: { client: unknown } }).session.client;

export type CopyStream = {
  /** Sends lines; resolves when the socket can take more (backpressure). */
  write: (lines: string) => Promise<void>;
  /** Ends the COPY: PostgreSQL inserts the last rows and runs the statement triggers. */
  end: () => Promise<void>;
  /** Cancels the COPY (CopyFail): nothing of it stays, and the transaction can be rolled back. */
  abort: (reason: string) => Promise<void>;
};

/** Opens `COPY ledger_rows … FROM STDIN` on the transaction's PostgreSQL connection. */
export async function openPgCopy(tx: Tx): Promise<CopyStream> {
  const { from: copyFrom } = await import('pg-copy-streams'); // PostgreSQL only: a PGlite start does not load it
  const client = clientOf(tx) as pg.PoolClient;
  const stream = client.query(copyFrom(`copy ${copyColumns} from stdin`));
  const done = finished(stream);
  done.catch(() => {}); // observed by end/abort
  return {
    write: async (lines) => {
      if (!stream.write(lines)) await Promise.race([once(stream, 'drain'), done]);
    },
    end: async () => {
      stream.end();
      await done;
    },
    abort: async (reason) => {
      if (!stream.destroyed) stream.destroy(new Error(reason));
      await done.catch(() => {});
    },
  };
}

/** One `COPY ledger_rows … FROM '/dev/blob'` of these lines on the transaction's PGlite. */
export async function pgliteCopy(tx: Tx, lines: string) {
  const client = clientOf(tx) as Transaction | PGlite;
  await client.query(`copy ${copyColumns} from '/dev/blob'`, [], { blob: new Blob([lines]) });
}

/**
 * One `COPY FROM STDIN` statement per pushed batch, run one after another on the transaction's connection by a
 * writer loop while the caller goes on parsing. PostgreSQL does most of a COPY's work when the statement ends
 * (foreign-key checks, the roll-up's statement triggers), so separate statements let that work for batch k run
 * while JavaScript reads batch k + 1. A failed statement stops the loop; `error` tells the caller to stop too.
 */
export class CopyPipeline {
  error: unknown = null;
  /** Time spent inside statements (ms), overlapping the caller's work. */
  busyMs = 0;
  /** Called when the connection has nothing to do (no statement under way, none queued): a chance to send more. */
  onIdle: () => void = () => {};
  private running = false;
  private readonly batches: string[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private stopped = false;
  private readonly finished: Promise<void>;

  constructor(
    private readonly tx: Tx,
    private readonly beforeBatch: (index: number) => void | Promise<void>,
  ) {
    this.finished = this.run();
    this.finished.catch((error) => {
      this.error = error;
    });
  }

  push(lines: string) {
    this.batches.push(lines);
    this.wake?.();
  }

  /** No statement under way and none queued. */
  get idle() {
    return !this.running && this.batches.length === 0 && !this.stopped;
  }

  /** No more batches: resolves when every statement has completed (rejects with the first failure). */
  async close() {
    this.closed = true;
    this.wake?.();
    await this.finished;
  }

  /** Drops batches not yet sent and waits for the statement under way, ignoring its outcome (for a rollback). */
  async stop() {
    this.stopped = true;
    this.batches.length = 0;
    this.wake?.();
    await this.finished.catch(() => {});
  }

  private async run() {
    let index = 0;
    for (;;) {
      if (this.stopped) return;
      let lines = this.batches.shift();
      if (lines === undefined && !this.closed) {
        this.running = false;
        this.onIdle();
        lines = this.batches.shift();
      }
      if (lines === undefined) {
        if (this.closed) return;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = null;
        continue;
      }
      this.running = true;
      await this.beforeBatch(index++);
      const t = performance.now();
      const copy = await openPgCopy(this.tx);
      try {
        await copy.write(lines);
        await copy.end();
      } catch (error) {
        await copy.abort('导入中断');
        throw error;
      } finally {
        this.busyMs += performance.now() - t;
      }
    }
  }
}
