import { and, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { AuthUser } from './kernel/context.ts';
import { attachments } from './platform.schema.ts';
import { orgScopeSql } from './platform.scope.service.ts';

export async function insertAttachment(db: Executor, values: typeof attachments.$inferInsert) {
  const [row] = await db.insert(attachments).values(values).returning({
    id: attachments.id,
    filename: attachments.filename,
    size: attachments.size,
    mime: attachments.mime,
  });
  return row!;
}

/** The ids among `ids` of attachments uploaded within the user's data scope. */
export async function attachmentIdsInScope(db: Executor, user: AuthUser, ids: readonly number[]) {
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(inArray(attachments.id, [...ids]), orgScopeSql(user, attachments.orgId)));
  return rows.map((r) => r.id);
}
