import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from '../db/client.ts';

/**
 * Bulk writes of validated ledger rows with `COPY … FROM` (the same statement triggers fire as for INSERT, so the
 * metric roll-up stays maintained): on PostgreSQL as a `COPY FROM STDIN` stream the import feeds while it still
 * parses, on PGlite as `COPY FROM '/dev/blob'` per batch. Always inside the caller's transaction.
 */
const copyColumns = 'ledger_rows (type_key, org_id, row_date, data, created_by)';

/** One row in COPY text format (tab-separated; backslashes doubled; JSON escapes every other control character). */
export function copyLine(typeKey: string, orgId: number, rowDate: unknown, data: unknown, userId: number): string {
  const json = JSON.stringify(data);
  const escaped = json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
  const date = typeof rowDate === 'string' && rowDate ? rowDate : '\\N';
  return `${typeKey}\t${orgId}\t${date}\t${escaped}\t${userId}\n`;
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
export function openPgCopy(tx: Tx): CopyStream {
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
