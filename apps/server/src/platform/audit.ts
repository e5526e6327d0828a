import type { Executor } from '../db/client.ts';
import type { Actor } from './context.ts';
import { auditLog } from './platform.schema.ts';

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

/** Call inside the same transaction as the write it records, so a write and its audit land together or not at all. */
export async function writeAudit(tx: Executor, actor: Actor | null, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    userId: actor?.user.id ?? entry.subject?.userId ?? null,
    username: actor?.user.username ?? entry.subject?.username ?? null,
    orgId: entry.orgId ?? actor?.user.orgId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    ip: actor?.ip ?? entry.subject?.ip ?? null,
  });
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
