import { asc, gt, isNull, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { auditLog } from './platform.schema.ts';

/** Any fixed 64-bit key: appends to the audit chain take this transaction-level advisory lock one at a time. */
const chainLockKey = 0x66617a68_61756474n; // "fazhaudt"

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * Takes the audit chain's transaction-level advisory lock (held until commit). Its own statement: a statement's
 * snapshot is taken before it could wait for the lock, so `readChainHead` must come after, as a second statement.
 */
export async function lockAuditChain(t: Executor) {
  await t.execute(sql`select pg_advisory_xact_lock(${chainLockKey.toString()}::bigint)`);
}

/** The next `count` audit ids (ascending), the time to the millisecond, and the hash of the last row (null for an empty log). */
export async function readChainHead(t: Executor, count = 1) {
  const [head] = await queryRows<{ ids: (string | number)[]; at: Date | string; prev: string | null }>(
    t,
    sql`select (select array_agg(nextval(pg_get_serial_sequence('audit_log', 'id'))) from generate_series(1, ${count}::int)) as ids,
            date_trunc('milliseconds', now()) as at,
            (select hash from audit_log order by id desc limit 1) as prev`,
  );
  const ids = head!.ids.map(Number).sort((a, b) => a - b);
  return { ids, at: head!.at, prev: head!.prev };
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
