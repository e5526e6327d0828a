import { asc, gt, isNull, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { auditLog } from './platform.schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** The chain's head when the database could not chain the rows itself: their reserved ids (ascending), time, last hash. */
export type ChainHead = { ids: number[]; at: string; prev: string | null };

/**
 * One statement: audit_chain_append (migration 0029) takes the chain's transaction-level advisory lock (held until
 * commit), reads the head and chains and inserts `entries` itself where the database has SM3 (null back), or reserves
 * their ids and returns the head for the caller to chain and insert.
 */
export async function appendAuditRows(t: Executor, entries: object[]): Promise<ChainHead | null> {
  const [row] = await queryRows<{ head: ChainHead | string | null }>(
    t,
    sql`select audit_chain_append(${JSON.stringify(entries)}::jsonb) as head`,
  );
  const head = row?.head ?? null;
  if (head === null) return null;
  const parsed = typeof head === 'string' ? (JSON.parse(head) as ChainHead) : head;
  return { ...parsed, ids: parsed.ids.map(Number).sort((a, b) => a - b) };
}

export async function insertAuditRows(t: Executor, rows: (typeof auditLog.$inferInsert)[]) {
  await t.insert(auditLog).values(rows);
}

/** Up to `limit` audit rows with an id above `lastId`, in id order. */
export function selectAuditRowsAfter(db: Executor, lastId: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(limit);
}

/** The id of some audit row not yet in the chain, if any. */
export async function firstUnsealedAuditId(db: Executor) {
  const [pending] = await db.select({ id: auditLog.id }).from(auditLog).where(isNull(auditLog.hash)).limit(1);
  return pending?.id;
}

export async function lockAuditLogExclusive(tx: Executor) {
  await tx.execute(sql`lock table audit_log in exclusive mode`);
}

/** The hash of the last sealed row before `id`, if any. */
export async function lastSealedHashBefore(tx: Executor, id: number) {
  const [last] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(sql`${auditLog.hash} is not null and ${auditLog.id} < ${id}`)
    .orderBy(sql`${auditLog.id} desc`)
    .limit(1);
  return last?.hash ?? null;
}

/** Up to `limit` rows not yet in the chain, in id order. */
export function selectUnsealedAuditRows(tx: Executor, limit: number): Promise<AuditRow[]> {
  return tx.select().from(auditLog).where(isNull(auditLog.hash)).orderBy(asc(auditLog.id)).limit(limit);
}

/** Writes a row's chain hashes (the append-only trigger allows exactly this, while they are still empty). */
export async function sealAuditRow(tx: Executor, id: number, prevHash: string, hash: string) {
  await tx.execute(sql`update audit_log set prev_hash = ${prevHash}, hash = ${hash} where id = ${id}`);
}
