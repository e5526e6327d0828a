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
};

/** Call inside the same transaction as the write it records, so a write and its audit land together or not at all. */
export async function writeAudit(tx: Executor, actor: Actor | null, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    userId: actor?.user.id ?? null,
    username: actor?.user.username ?? null,
    orgId: entry.orgId ?? actor?.user.orgId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    ip: actor?.ip ?? null,
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
