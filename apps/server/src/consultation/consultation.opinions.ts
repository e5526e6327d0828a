import type { OfflineOpinion, OpinionActionInput } from '@fazhi/core/consultation/consultation.schemas';
import { suggestDuplicateGroups } from '@fazhi/core/consultation/opinion-duplicates';
import {
  type AdoptionDecision,
  applyBulkOpinionAction,
  checkMergeTarget,
  type OpinionAction,
  type OpinionState,
} from '@fazhi/core/consultation/opinion-lifecycle';
import { createSensitiveWordFilter } from '@fazhi/core/consultation/sensitive-words';
import { eq, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Actor, AuthUser } from '../platform/context.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { seal } from '../platform/field-crypto.ts';
import { orgScopeSql } from '../platform/scope.ts';
import { newReceiptCode } from './consultation.portal.ts';
import { queryOpinionRows } from './consultation.repo.ts';
import { consultationDraftVersions, consultationOpinions, consultationPoints } from './consultation.schema.ts';
import { requireConsultation } from './consultation.service.ts';
import { articleLabelOf, opinionState, opinionView } from './consultation.views.ts';

const sensitiveFilter = createSensitiveWordFilter();

async function articleKeysOf(db: Executor, versionId: number): Promise<Set<string>> {
  const [row] = await db
    .select({ articles: consultationDraftVersions.articles })
    .from(consultationDraftVersions)
    .where(eq(consultationDraftVersions.id, versionId));
  return new Set((row?.articles ?? []).map((a) => a.key));
}

export async function listOpinions(db: Executor, actor: Actor, consultationId: number, now: Date) {
  const consultation = await requireConsultation(db, actor, consultationId, now);
  const rows = await queryOpinionRows(
    db,
    sql`o.consultation_id = ${consultation.id} and ${orgScopeSql(actor.user, sql`o.org_id`)}`,
  );
  const items = rows.map((r) => opinionView(actor.user, r));
  const candidates = items.filter((o) => o.status === 'submitted' || o.status === 'organized');
  const duplicateGroups = suggestDuplicateGroups(
    candidates.map((o) => ({ id: String(o.id), articleKey: o.articleKey, content: o.content })),
  ).map((group) => group.map(Number));
  return { items, duplicateGroups };
}

/** An opinion a 立法议事小院 or 信息员 collected offline; it needs no moderation but the same word check flags it. */
export async function addOfflineOpinion(
  db: Db,
  actor: Actor,
  consultationId: number,
  input: OfflineOpinion,
  now: Date,
) {
  const consultation = await requireConsultation(db, actor, consultationId, now);
  if (input.articleKey && !(await articleKeysOf(db, consultation.versionId)).has(input.articleKey)) {
    throw badRequest(`草案中没有${articleLabelOf(input.articleKey)}`);
  }
  return db.transaction(async (tx) => {
    const [point] = await tx
      .select({ id: consultationPoints.id, parentId: consultationPoints.parentId })
      .from(consultationPoints)
      .where(eq(consultationPoints.id, input.pointId));
    if (!point || (point.id !== consultation.pointId && point.parentId !== consultation.pointId)) {
      throw badRequest('所选的收集单位不属于本联系点');
    }
    const matched = [...sensitiveFilter(input.name), ...sensitiveFilter(input.content)];
    const receiptCode = newReceiptCode();
    const [row] = await tx
      .insert(consultationOpinions)
      .values({
        orgId: consultation.orgId,
        consultationId,
        pointId: point.id,
        channel: 'offline',
        articleKey: input.articleKey,
        name: input.name,
        phone: seal(input.phone || null) ?? null, // SM4-encrypted at rest
        content: input.content,
        receiptCode,
        moderation: matched.length > 0 ? 'pending_review' : 'approved',
        matchedWords: [...new Set(matched)],
        submittedAt: now,
        createdBy: actor.user.id,
      })
      .returning({ id: consultationOpinions.id });
    await writeAudit(tx, actor, {
      action: 'consultation_opinion.enter',
      entity: 'consultation_opinion',
      entityId: row!.id,
      orgId: consultation.orgId,
      after: { consultationId, pointId: point.id, articleKey: input.articleKey },
    });
    return { id: row!.id, receiptCode };
  });
}

function toCoreAction(action: OpinionActionInput): OpinionAction {
  if (action.type === 'merge') return { type: 'merge', intoId: String(action.intoId) };
  if (action.type === 'organize') {
    return {
      type: 'organize',
      ...(action.category !== undefined ? { category: action.category } : {}),
      ...(action.articleKey !== undefined ? { articleKey: action.articleKey } : {}),
    };
  }
  if (action.type === 'decide') return { type: 'decide', decision: action.decision, reason: action.reason };
  if (action.type === 'answer') return { type: 'answer', reply: action.reply };
  return action;
}

/**
 * One handling step for one or many opinions, all or nothing: when any selected opinion cannot take it, nothing
 * changes and the answer lists each refusal. Opinions outside the user's scope are "not found", never touched.
 */
export async function actOnOpinions(db: Db, actor: Actor, ids: number[], input: OpinionActionInput, now: Date) {
  const action = toCoreAction(input);
  return db.transaction(async (tx) => {
    const unique = [...new Set(ids)];
    const rows = await queryOpinionRows(
      tx,
      sql`o.id in (${sql.join(unique, sql`, `)}) and ${orgScopeSql(actor.user, sql`o.org_id`)}`,
      true,
    );
    if (rows.length !== unique.length) {
      const missing = unique.filter((id) => !rows.some((r) => r.id === id));
      throw notFound(`未找到意见（编号 ${missing.join('、')}），或不在您的数据范围内`);
    }
    const consultationIds = new Set(rows.map((r) => r.consultation_id));
    if (consultationIds.size > 1) throw badRequest('一次只能办理同一征求意见事项下的意见');
    const consultationId = rows[0]!.consultation_id;
    await checkActionTarget(tx, actor.user, consultationId, input);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const result = applyBulkOpinionAction(
      ids.map((id) => ({ id: String(id), state: opinionState(byId.get(id)!) })),
      action,
    );
    if (!result.ok) {
      const details = result.failures.map((f) => ({ id: Number(f.id), code: f.code, message: f.message }));
      throw conflict(ids.length === 1 && details[0] ? details[0].message : result.message, details);
    }
    await writeStates(tx, result.states, now);
    await writeAudit(tx, actor, {
      action: `consultation_opinion.${input.type}`,
      entity: 'consultation_opinion',
      entityId: unique.join(','),
      orgId: rows[0]!.org_id,
      before: { statuses: rows.map((r) => `${r.id}:${r.status}/${r.moderation}`) },
      after: input,
    });
    return { updated: result.states.length };
  });
}

async function checkActionTarget(tx: Executor, user: AuthUser, consultationId: number, input: OpinionActionInput) {
  if (input.type === 'merge') {
    const [target] = await queryOpinionRows(
      tx,
      sql`o.id = ${input.intoId} and o.consultation_id = ${consultationId} and ${orgScopeSql(user, sql`o.org_id`)}`,
    );
    if (!target) throw badRequest('合并目标须是同一征求意见事项下的意见');
    const refusal = checkMergeTarget('', { id: String(target.id), state: opinionState(target) });
    if (refusal) throw badRequest(refusal);
  }
  if (input.type === 'organize' && input.articleKey) {
    const [row] = await queryRows<{ version_id: number }>(
      tx,
      sql`select version_id from consultations where id = ${consultationId}`,
    );
    if (!(await articleKeysOf(tx, row!.version_id)).has(input.articleKey)) {
      throw badRequest(`草案中没有${articleLabelOf(input.articleKey)}`);
    }
  }
}

/** One UPDATE for the whole selection. */
async function writeStates(tx: Executor, states: { id: string; state: OpinionState }[], now: Date) {
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

/** Defined with the portal, which issues receipt codes; re-exported here for existing importers (demo seeds). */
export { newReceiptCode };
