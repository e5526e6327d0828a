import { articleLabel, parseArticleKey } from '@fazhi/core/consultation/article-key';
import {
  type AdoptionDecision,
  availableOpinionActions,
  type ModerationStatus,
  type OpinionState,
  type OpinionStatus,
} from '@fazhi/core/consultation/opinion-lifecycle';
import { can } from '@fazhi/core/platform/roles';
import { maskPersonal } from '@fazhi/core/shared/mask-personal-data';
import type { AuthUser } from '../platform/context.ts';

/** An opinion row as the repo reads it (snake_case from raw SQL). */
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

/** 第三条, or 草案整体 for an opinion on the whole draft. */
export function articleLabelOf(key: string | null): string {
  if (key === null) return '草案整体';
  const parsed = parseArticleKey(key);
  return parsed ? articleLabel(parsed.number, parsed.suffix) : key;
}

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());

/** Phones are shown in full only to roles holding 'personal.read' (stored SM4-encrypted; opened by the repo). */
export function phoneFor(user: AuthUser, phone: string | null): string | null {
  if (!phone) return null;
  return can(user.role, 'personal.read') ? phone : maskPersonal('phone', phone);
}

/** A submitter's name: in full only to roles holding 'personal.read', else by the one masking rule. */
export function nameFor(user: AuthUser, name: string): string {
  return can(user.role, 'personal.read') || !name ? name : maskPersonal('name', name);
}

export function opinionView(user: AuthUser, row: OpinionRow) {
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
export type OpinionView = ReturnType<typeof opinionView>;
