import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import type { UniqueKey } from '@fazhi/core/ledgers/duplicates';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { queryRows, type Tx } from '../db/client.ts';

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

/**
 * After the import's own rows are in (inside its transaction, no duplicates within the file): the keys that now
 * occur more than once among the type's rows, i.e. that a stored row already held. One query per constraint.
 */
export async function keysHeldTwice(tx: Tx, def: LedgerDefinition, keys: UniqueKey[]) {
  const groups = new Map<string, { fields: string[]; values: string[] }>();
  for (const k of keys) {
    const id = k.fields.join(',');
    const g = groups.get(id) ?? { fields: k.fields, values: [] };
    g.values.push(k.value);
    groups.set(id, g);
  }
  const clashes: UniqueKey[] = [];
  for (const g of groups.values()) {
    const expr = sql`concat_ws(chr(31), ${sql.join(
      g.fields.map((f) => sql`r.data->>${f}`),
      sql`, `,
    )})`;
    const rows = await queryRows<{ k: string }>(
      tx,
      sql`select ${expr} as k from ledger_rows r
          where r.type_key = ${def.key} and ${expr} in (select jsonb_array_elements_text(${JSON.stringify(g.values)}::jsonb))
          group by 1 having count(*) > 1`,
    );
    for (const r of rows) clashes.push({ fields: g.fields, value: r.k });
  }
  return clashes;
}
