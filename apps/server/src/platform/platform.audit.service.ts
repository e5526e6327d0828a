import { createHash } from 'node:crypto';
import { deferUntilCommit } from '../db/before-commit.ts';
import type { Executor } from '../db/client.ts';
import type { Actor } from './kernel/context.ts';
import { appendAuditRows, insertAuditRows } from './platform.audit.repo.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  orgId?: number | null;
  before?: unknown;
  after?: unknown;
  /** Who, when there is no session yet (login attempts): the account named and the client address. */
  subject?: { userId?: number | null; username: string; ip: string | null };
};

/** The hash the first row of the chain points back to. */
export const chainGenesis = '0'.repeat(64);

/** The fields a row's hash covers, in a fixed order. */
export type ChainedRow = {
  id: number;
  at: Date;
  userId: number | null;
  username: string | null;
  orgId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

/** An audit row's content before it joins the chain (id, time and hashes come at the append). */
export type AuditValues = Omit<ChainedRow, 'id' | 'at'>;

/**
 * Call inside the same transaction as the write it records, so a write and its audit land together or not at all.
 * The row is chained: its SM3 hash covers its content and the previous row's hash. Appends are serialised by a
 * transaction-level advisory lock (held until commit), so concurrent transactions on PostgreSQL cannot fork the
 * chain. Inside a transaction the append is deferred to its end (db/before-commit.ts): the rows are chained as the
 * last statement before COMMIT, so the lock covers only the append and the commit, not the rest of the transaction
 * (docs/benchmarks.md, "Mixed load"). Called on the database itself, it appends at once in its own transaction.
 */
export async function writeAudit(tx: Executor, actor: Actor | null, entry: AuditEntry) {
  const values: AuditValues = {
    userId: actor?.user.id ?? entry.subject?.userId ?? null,
    username: actor?.user.username ?? entry.subject?.username ?? null,
    orgId: entry.orgId ?? actor?.user.orgId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: normalise(redact(entry.before)),
    after: normalise(redact(entry.after)),
    ip: actor?.ip ?? entry.subject?.ip ?? null,
  };
  if (deferUntilCommit(tx, appendToChain, values)) return;
  await tx.transaction((t) => appendToChain(t, [values]));
}

/**
 * Appends rows to the chain in the given order, under the chain's lock (kept until the transaction ends). One
 * statement, the database function audit_chain_append (migration 0029): it takes the lock, reads the head and, where
 * the database has SM3 (pgcrypto on PostgreSQL), chains and inserts the rows itself from each row's `chainTail`, so the
 * lock is held for that one round trip and the COMMIT. Where it has not (PGlite), it returns the head and reserved ids,
 * and the rows are chained here and inserted by a second statement. Either way the hashes are `chainHash`'s.
 */
async function appendToChain(t: Executor, values: unknown[]) {
  const entries = (values as AuditValues[]).map((v) => ({ ...v, tail: chainTail(v) }));
  const head = await appendAuditRows(t, entries);
  if (!head) return;
  const at = new Date(head.at);
  let prevHash = head.prev ?? chainGenesis;
  const rows = (values as AuditValues[]).map((v, i) => {
    const row: ChainedRow = { id: head.ids[i]!, at, ...v };
    const hash = chainHash(prevHash, row);
    const chained = { ...row, prevHash, hash };
    prevHash = hash;
    return chained;
  });
  await insertAuditRows(t, rows);
}

/**
 * SM3 over the previous hash and the row's content in a canonical form (sorted keys, as jsonb gives it back):
 * `prevHash + "\n" + canonical([id, at, ...the rest])`, the rest being `chainTail` (audit_chain_append builds the
 * same string in SQL from the id and time it assigns).
 */
export function chainHash(prevHash: string, row: ChainedRow): string {
  const content = `[${canonical(row.id)},${canonical(row.at.toISOString())},${chainTail(row)}`;
  return createHash('sm3').update(prevHash).update('\n').update(content).digest('hex');
}

/** The canonical JSON of a row's hashed fields after id and time, closing bracket included, opening one not. */
export function chainTail(row: AuditValues): string {
  const rest = [
    row.userId,
    row.username,
    row.orgId,
    row.action,
    row.entity,
    row.entityId,
    row.before ?? null,
    row.after ?? null,
    row.ip,
  ];
  return `${rest.map(canonical).join(',')}]`;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** What jsonb will give back: Dates become strings, undefined members vanish. */
function normalise(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/** Secrets never reach the audit log. */
function redact(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (/password|token|data$/i.test(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}
