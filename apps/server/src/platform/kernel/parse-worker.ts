import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Parses an uploaded document in a worker thread, so exceljs and mammoth (synchronous XML parsing of up to the
 * bounded-zip budgets) never hold the event loop. One worker per job, with a memory limit and a timeout; any failure
 * (a corrupt file, the limit, the timeout) rejects with ParseJobError, which callers turn into their own 400.
 * The worker entry is plain JavaScript: next to this file when run from source, next to the bundle in dist/.
 */

export type SheetRowsResult = {
  hasSheet: boolean;
  /** header[col] is the trimmed header text of 1-based column col. */
  header: (string | undefined)[];
  /** cells[col] is the trimmed text of 1-based column col, for columns that have a header. */
  rows: { rowNumber: number; cells: (string | undefined)[] }[];
};

type Jobs = { docxText: string; sheetRows: SheetRowsResult };

export class ParseJobError extends Error {
  constructor(readonly reason: 'unreadable' | 'timeout' | 'memory') {
    super(`parse job failed: ${reason}`);
  }
}

export const parseLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64 };

const WORKER_FILE = 'parse-worker.worker.mjs';

function workerPath(): string {
  const here = new URL(`./${WORKER_FILE}`, import.meta.url);
  if (existsSync(here)) return fileURLToPath(here);
  // Defensive: a bundle built without the copy step still finds the source file.
  return fileURLToPath(new URL(`../src/platform/kernel/${WORKER_FILE}`, import.meta.url));
}

export function runParseJob<J extends keyof Jobs>(job: J, data: Buffer, limits = parseLimits): Promise<Jobs[J]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath(), {
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
      },
    });
    let settled = false;
    const finish = (error: ParseJobError | null, result?: Jobs[J]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result as Jobs[J]);
    };
    const timer = setTimeout(() => finish(new ParseJobError('timeout')), limits.timeoutMs);
    worker.once('message', (message: { ok: boolean; result?: Jobs[J] }) =>
      finish(message.ok ? null : new ParseJobError('unreadable'), message.result),
    );
    worker.once('error', (error: NodeJS.ErrnoException) =>
      finish(new ParseJobError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'unreadable')),
    );
    worker.once('exit', () => finish(new ParseJobError('unreadable')));
    // A copy the worker owns; the caller's buffer (possibly a slice of a pooled one) stays untouched.
    const copy = new Uint8Array(data);
    worker.postMessage({ job, data: copy }, [copy.buffer]);
  });
}
