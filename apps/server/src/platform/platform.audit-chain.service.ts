import type { Db } from '../db/client.ts';
import {
  type AuditRow,
  firstUnsealedAuditId,
  lastSealedHashBefore,
  lockAuditLogExclusive,
  sealAuditRow,
  selectAuditRowsAfter,
  selectUnsealedAuditRows,
} from './platform.audit.repo.ts';
import { type ChainedRow, chainGenesis, chainHash } from './platform.audit.service.ts';

export type ChainState =
  | { isIntact: true; rows: number }
  | { isIntact: false; rows: number; brokenId: number; position: number; reason: string };

const batchSize = 2000;

const toChained = (r: AuditRow): ChainedRow => ({
  id: r.id,
  at: r.at,
  userId: r.userId,
  username: r.username,
  orgId: r.orgId,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  before: r.before,
  after: r.after,
  ip: r.ip,
});

/**
 * Walks the audit log in id order and recomputes every hash: the first row whose content no longer matches its
 * hash, or whose `prev_hash` is not the hash of the row before it (a row changed or removed), is the broken link.
 */
export async function verifyAuditChain(db: Db): Promise<ChainState> {
  let prev = chainGenesis;
  let lastId = 0;
  let position = 0;
  for (;;) {
    const rows = await selectAuditRowsAfter(db, lastId, batchSize);
    for (const r of rows) {
      position++;
      const broken = (reason: string) => ({
        isIntact: false as const,
        rows: position,
        brokenId: r.id,
        position,
        reason,
      });
      if (!r.hash) return broken('未加入校验链');
      if (r.prevHash !== prev) return broken('与前一条记录的链接断开（前一条记录被删除或改动）');
      if (chainHash(prev, toChained(r)) !== r.hash) return broken('内容与校验值不符');
      prev = r.hash;
    }
    if (rows.length < batchSize) return { isIntact: true, rows: position };
    lastId = rows.at(-1)!.id;
  }
}

/**
 * Rows written before the chain existed get their hashes once, in id order, after the last sealed row; the
 * append-only trigger lets exactly this through (hash columns only, only while still empty). Runs at start.
 */
export async function sealLegacyAuditRows(db: Db): Promise<number> {
  const pendingId = await firstUnsealedAuditId(db);
  if (pendingId === undefined) return 0;
  return db.transaction(async (tx) => {
    await lockAuditLogExclusive(tx);
    let prev = (await lastSealedHashBefore(tx, pendingId)) ?? chainGenesis;
    let sealed = 0;
    for (;;) {
      const rows = await selectUnsealedAuditRows(tx, batchSize);
      for (const r of rows) {
        const hash = chainHash(prev, toChained(r));
        await sealAuditRow(tx, r.id, prev, hash);
        prev = hash;
      }
      sealed += rows.length;
      if (rows.length < batchSize) return sealed;
    }
  });
}
