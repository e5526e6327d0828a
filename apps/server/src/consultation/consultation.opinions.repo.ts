import { randomBytes } from 'node:crypto';
import type {
  AdoptionDecision,
  ModerationStatus,
  OpinionState,
  OpinionStatus,
} from '@fazhi/core/consultation/opinion-lifecycle';
import { generateReceiptCode } from '@fazhi/core/consultation/receipt-code';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { open } from '../platform/kernel/field-crypto.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { consultationOpinions } from './consultation.schema.ts';

// SQL of opinions; the caller (opinions.service, portal.service) checks scope and owns the transaction.

/** A new receipt code for an opinion (portal and offline opinions, and the demo seeds). */
export const newReceiptCode = () => generateReceiptCode(randomBytes(10));

/** An opinion row as the repo reads it (snake_case from raw SQL); the phone already opened (decrypted). */
export type OpinionRow = {
  id: number;
  org_id: number;
  consultation_id: number;
  point_id: number;
  point_name: string;
  channel: string;
  article_key: string | null;
  name: string;
  phone: string | null;
  content: string;
  receipt_code: string;
  status: string;
  moderation: string;
  moderation_note: string | null;
  matched_words: string[];
  category: string | null;
  merged_into_id: number | null;
  decision: string | null;
  decision_reason: string | null;
  reply: string | null;
  submitted_at: string | Date;
  answered_at: string | Date | null;
};

/** The lifecycle state (core opinion-lifecycle) of a row. */
export function opinionState(row: OpinionRow): OpinionState {
  return {
    status: row.status as OpinionStatus,
    moderation: row.moderation as ModerationStatus,
    moderationNote: row.moderation_note,
    category: row.category,
    articleKey: row.article_key,
    mergedIntoId: row.merged_into_id === null ? null : String(row.merged_into_id),
    decision: row.decision as AdoptionDecision | null,
    decisionReason: row.decision_reason,
    reply: row.reply,
  };
}

/** Opinions with their point's name, filtered by `where`. */
async function queryOpinionRows(db: Executor, where: SQL, lock = false): Promise<OpinionRow[]> {
  const rows = await queryRows<OpinionRow>(
    db,
    sql`select o.id, o.org_id, o.consultation_id, o.point_id, p.name as point_name, o.channel, o.article_key, o.name,
          o.phone, o.content, o.receipt_code, o.status, o.moderation, o.moderation_note, o.matched_words, o.category,
          o.merged_into_id, o.decision, o.decision_reason, o.reply, o.submitted_at, o.answered_at
        from consultation_opinions o join consultation_points p on p.id = o.point_id
        where ${where}
        order by o.submitted_at, o.id ${lock ? sql`for update of o` : sql``}`,
  );
  // The submitter's phone is stored SM4-encrypted; masking is the view's job.
  return rows.map((r) => ({ ...r, phone: open(r.phone) ?? null }));
}

export async function insertOfflineOpinion(tx: Executor, values: typeof consultationOpinions.$inferInsert) {
  const [row] = await tx.insert(consultationOpinions).values(values).returning({ id: consultationOpinions.id });
  return row!.id;
}

/** One UPDATE for the whole selection. */
export async function writeOpinionStates(tx: Executor, states: { id: string; state: OpinionState }[], now: Date) {
  const payload = states.map(({ id, state }) => ({
    id: Number(id),
    status: state.status,
    moderation: state.moderation,
    moderation_note: state.moderationNote,
    category: state.category,
    article_key: state.articleKey,
    merged_into_id: state.mergedIntoId === null ? null : Number(state.mergedIntoId),
    decision: state.decision as AdoptionDecision | null,
    decision_reason: state.decisionReason,
    reply: state.reply,
  }));
  await tx.execute(sql`
    update consultation_opinions o set
      status = x.status, moderation = x.moderation, moderation_note = x.moderation_note, category = x.category,
      article_key = x.article_key, merged_into_id = x.merged_into_id, decision = x.decision,
      decision_reason = x.decision_reason, reply = x.reply,
      answered_at = case when x.status = 'answered' and o.answered_at is null then ${now.toISOString()}::timestamptz
                         else o.answered_at end
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(
      id int, status text, moderation text, moderation_note text, category text, article_key text,
      merged_into_id int, decision text, decision_reason text, reply text)
    where o.id = x.id`);
}

/** Opinions follow their article to its new key (a draft's new version); answers how many moved. */
export async function moveOpinionArticles(
  tx: Executor,
  consultationId: number,
  moves: { from: string; to: string | null }[],
) {
  if (moves.length === 0) return 0;
  const updated = await tx.execute(sql`
    update consultation_opinions o set article_key = m.to_key
    from jsonb_to_recordset(${JSON.stringify(moves.map((m) => ({ from_key: m.from, to_key: m.to })))}::jsonb)
      as m(from_key text, to_key text)
    where o.consultation_id = ${consultationId} and o.article_key = m.from_key`);
  const counts = updated as unknown as { rowCount?: number; affectedRows?: number };
  return counts.rowCount ?? counts.affectedRows ?? 0;
}

/** A consultation's opinions within the user's data scope (only approved ones when asked). */
export async function opinionsOfConsultation(
  db: Executor,
  user: AuthUser,
  consultationId: number,
  options: { approvedOnly?: boolean } = {},
) {
  const approved = options.approvedOnly ? sql` and o.moderation = 'approved'` : sql``;
  return queryOpinionRows(
    db,
    sql`o.consultation_id = ${consultationId}${approved} and ${orgScopeSql(user, sql`o.org_id`)}`,
  );
}

/** These opinions within the user's data scope, locked for update. */
export async function lockOpinions(tx: Executor, user: AuthUser, ids: number[]) {
  return queryOpinionRows(tx, sql`o.id in (${sql.join(ids, sql`, `)}) and ${orgScopeSql(user, sql`o.org_id`)}`, true);
}

/** One opinion of a consultation within the user's data scope. */
export async function findOpinionIn(tx: Executor, user: AuthUser, id: number, consultationId: number) {
  const [row] = await queryOpinionRows(
    tx,
    sql`o.id = ${id} and o.consultation_id = ${consultationId} and ${orgScopeSql(user, sql`o.org_id`)}`,
  );
  return row;
}
