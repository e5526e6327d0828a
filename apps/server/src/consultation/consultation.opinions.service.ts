import { articleLabelOf } from '@fazhi/core/consultation/article-key';
import type { OpinionView } from '@fazhi/core/consultation/consultation.contract';
import type { OfflineOpinion, OpinionActionInput } from '@fazhi/core/consultation/consultation.schemas';
import { suggestDuplicateGroups } from '@fazhi/core/consultation/opinion-duplicates';
import {
  applyBulkOpinionAction,
  availableOpinionActions,
  checkMergeTarget,
  type OpinionAction,
} from '@fazhi/core/consultation/opinion-lifecycle';
import { can } from '@fazhi/core/platform/roles';
import { maskPersonal } from '@fazhi/core/shared/mask-personal-data';
import type { Db, Executor } from '../db/client.ts';
import type { Actor, AuthUser } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { seal } from '../platform/kernel/field-crypto.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { articleKeysOf } from './consultation.drafts.repo.ts';
import {
  findOpinionIn,
  insertOfflineOpinion,
  lockOpinions,
  newReceiptCode,
  type OpinionRow,
  opinionState,
  opinionsOfConsultation,
  writeOpinionStates,
} from './consultation.opinions.repo.ts';
import { consultationVersionId, findPoint } from './consultation.repo.ts';
import { sensitiveWordFilter } from './consultation.sensitive-words.service.ts';
import { requireConsultation } from './consultation.service.ts';

/** Phones are shown in full only to roles holding 'personal.read' (stored SM4-encrypted; opened by the repo). */
export function phoneFor(user: AuthUser, phone: string | null): string | null {
  if (!phone) return null;
  return can(user.role, 'personal.read') ? phone : maskPersonal('phone', phone);
}

/** A submitter's name: in full only to roles holding 'personal.read', else by the one masking rule. */
export function nameFor(user: AuthUser, name: string): string {
  return can(user.role, 'personal.read') || !name ? name : maskPersonal('name', name);
}

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());

/** An opinion as the office sees it (contract: opinionViewSchema). */
export function opinionView(user: AuthUser, row: OpinionRow): OpinionView {
  const state = opinionState(row);
  return {
    id: row.id,
    consultationId: row.consultation_id,
    pointId: row.point_id,
    pointName: row.point_name,
    channel: row.channel as 'portal' | 'offline',
    articleKey: row.article_key,
    articleLabel: articleLabelOf(row.article_key),
    name: nameFor(user, row.name),
    phone: phoneFor(user, row.phone),
    content: row.content,
    receiptCode: row.receipt_code,
    status: state.status,
    moderation: state.moderation,
    moderationNote: row.moderation_note,
    matchedWords: row.matched_words,
    category: row.category,
    mergedIntoId: row.merged_into_id,
    decision: state.decision,
    decisionReason: row.decision_reason,
    reply: row.reply,
    submittedAt: iso(row.submitted_at)!,
    answeredAt: iso(row.answered_at),
    actions: availableOpinionActions(state),
  };
}

export async function listOpinions(db: Executor, actor: Actor, consultationId: number, now: Date) {
  const consultation = await requireConsultation(db, actor, consultationId, now);
  const rows = await opinionsOfConsultation(db, actor.user, consultation.id);
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
  const sensitiveFilter = await sensitiveWordFilter(db);
  return db.transaction(async (tx) => {
    const point = await findPoint(tx, input.pointId);
    if (!point || (point.id !== consultation.pointId && point.parentId !== consultation.pointId)) {
      throw badRequest('所选的收集单位不属于本联系点');
    }
    const matched = [...sensitiveFilter(input.name), ...sensitiveFilter(input.content)];
    const receiptCode = newReceiptCode();
    const id = await insertOfflineOpinion(tx, {
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
    });
    await writeAudit(tx, actor, {
      action: 'consultation_opinion.enter',
      entity: 'consultation_opinion',
      entityId: id,
      orgId: consultation.orgId,
      after: { consultationId, pointId: point.id, articleKey: input.articleKey },
    });
    return { id, receiptCode };
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
    const rows = await lockOpinions(tx, actor.user, unique);
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
    await writeOpinionStates(tx, result.states, now);
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
    const target = await findOpinionIn(tx, user, input.intoId, consultationId);
    if (!target) throw badRequest('合并目标须是同一征求意见事项下的意见');
    const refusal = checkMergeTarget('', { id: String(target.id), state: opinionState(target) });
    if (refusal) throw badRequest(refusal);
  }
  if (input.type === 'organize' && input.articleKey) {
    const versionId = await consultationVersionId(tx, consultationId);
    if (!(await articleKeysOf(tx, versionId!)).has(input.articleKey)) {
      throw badRequest(`草案中没有${articleLabelOf(input.articleKey)}`);
    }
  }
}
