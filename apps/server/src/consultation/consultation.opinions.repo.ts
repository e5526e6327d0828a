import type { AdoptionDecision, OpinionState } from '@fazhi/core/consultation/opinion-lifecycle';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { open } from '../platform/field-crypto.ts';
import { consultationOpinions } from './consultation.schema.ts';
import type { OpinionRow } from './consultation.views.ts';

// SQL of opinions; the caller (opinions.service, portal.service) checks scope and owns the transaction.

/** Opinions with their point's name; callers filter by consultation or ids and by data scope. */
export async function queryOpinionRows(db: Executor, where: SQL, lock = false): Promise<OpinionRow[]> {
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
