import { createHash } from 'node:crypto';
import { articleLabelOf } from '@fazhi/core/consultation/article-key';
import { daysLeft, submissionBlockedReason, windowStatus } from '@fazhi/core/consultation/consultation-window';
import {
  effectiveOpinionState,
  OPINION_STATUS_LABELS,
  submitterStatusLabel,
} from '@fazhi/core/consultation/opinion-lifecycle';
import { maskName, maskPhone } from '@fazhi/core/consultation/phone';
import { DUPLICATE_SUBMISSION_MESSAGE, preparePortalOpinion } from '@fazhi/core/consultation/portal-submission';
import type { Executor } from '../db/client.ts';
import type { AppDeps } from '../platform/kernel/context.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { open, seal } from '../platform/kernel/field-crypto.ts';
import { newReceiptCode, type OpinionRow, opinionState } from './consultation.opinions.repo.ts';
import {
  hasFingerprint,
  insertPortalOpinion,
  publishedConsultationMeta,
  queryAnsweredOpinions,
  queryOpinionByReceipt,
  queryPortalPoint,
  queryPublishedConsultation,
  queryPublishedConsultations,
} from './consultation.portal.repo.ts';
import { sensitiveWordFilter } from './consultation.sensitive-words.service.ts';

// The public side: no login, nothing personal in any answer except the submitter's own (masked) name and phone
// when they look up their own receipt code.

const notFoundMessage = '未找到该征求意见事项，或尚未公开';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a submission needs of its consultation; all of it is fixed once a consultation is published. */
type ConsultationMeta = {
  orgId: number;
  pointId: number;
  window: { opensOn: string; closesOn: string };
  keys: Set<string>;
  loadedAt: number;
};
const META_TTL_MS = 30_000;
const metaCaches = new WeakMap<object, Map<number, ConsultationMeta>>();

/** Forgets what the portal cached of a consultation (after the office moves it to a new draft version). */
export function forgetPortalMeta(db: object, consultationId: number) {
  metaCaches.get(db)?.delete(consultationId);
}

export function createPortalService(deps: AppDeps) {
  const { db, now } = deps;
  // Published consultations never change their window, unit or draft version (no route does), so the submission
  // path reads them from this cache and writes with a single INSERT. The TTL bounds staleness should that change.
  const metaCache = metaCaches.get(db) ?? new Map<number, ConsultationMeta>();
  metaCaches.set(db, metaCache);

  async function meta(id: number): Promise<ConsultationMeta> {
    const cached = metaCache.get(id);
    if (cached && Date.now() - cached.loadedAt < META_TTL_MS) return cached;
    const row = await publishedConsultationMeta(db, id);
    if (!row) throw notFound(notFoundMessage);
    const entry = {
      orgId: row.org_id,
      pointId: row.point_id,
      window: { opensOn: row.opens_on, closesOn: row.closes_on },
      keys: new Set(row.articles.map((a) => a.key)),
      loadedAt: Date.now(),
    };
    if (metaCache.size > 1000) metaCache.clear();
    metaCache.set(id, entry);
    return entry;
  }

  /** One INSERT; a repeated fingerprint (or, astronomically rarely, receipt code) inserts nothing. */
  async function insertOpinion(
    consultationId: number,
    m: ConsultationMeta,
    opinion: { articleKey: string | null; name: string; phone: string; content: string },
    extra: { fingerprint: string; needsReview: boolean; matchedWords: string[] },
  ) {
    // No audit_log entry: an anonymous submission is not an account's operation, and the opinion row itself is the
    // permanent record of it (time, channel, content); every staff action on it is audited.
    return insertPortalOpinion(db, {
      orgId: m.orgId,
      consultationId,
      pointId: m.pointId,
      articleKey: opinion.articleKey,
      name: opinion.name,
      phone: seal(opinion.phone || null) ?? null,
      content: opinion.content,
      receiptCode: newReceiptCode(),
      fingerprint: extra.fingerprint,
      needsReview: extra.needsReview,
      matchedWords: extra.matchedWords,
      submittedAt: now(),
    });
  }

  async function submit(consultationId: number, body: unknown) {
    const input = typeof body === 'object' && body !== null ? body : {};
    // The fingerprint is over the consultation (the core calls the commented document draftId).
    const filter = await sensitiveWordFilter(db);
    const prepared = preparePortalOpinion({ ...input, draftId: String(consultationId) }, filter);
    if (!prepared.ok) throw badRequest(prepared.issues[0]!.message, prepared.issues);
    const { opinion } = prepared;
    const m = await meta(consultationId);
    const blocked = submissionBlockedReason(m.window, now());
    if (blocked) throw new AppError(409, 'WINDOW_CLOSED', blocked);
    if (opinion.articleKey && !m.keys.has(opinion.articleKey)) {
      throw badRequest(`草案中没有${articleLabelOf(opinion.articleKey)}，请重新选择条文`);
    }
    const fingerprint = sha256(opinion.fingerprint);
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await insertOpinion(consultationId, m, opinion, {
        fingerprint,
        needsReview: opinion.needsReview,
        matchedWords: opinion.matchedWords,
      });
      if (row) {
        return {
          receiptCode: row.receipt_code,
          needsReview: opinion.needsReview,
          message: opinion.needsReview
            ? '意见已提交。您的意见需经工作人员审核后办理，请保存回执码查询办理情况。'
            : '意见已提交，感谢您的参与！请保存回执码查询办理情况。',
        };
      }
      if (await hasFingerprint(db, consultationId, fingerprint)) {
        throw new AppError(409, 'DUPLICATE_SUBMISSION', DUPLICATE_SUBMISSION_MESSAGE);
      }
    }
    throw conflict('提交未成功，请稍后重试');
  }

  async function list() {
    const rows = await queryPublishedConsultations(db);
    const at = now();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      legislature: r.legislature,
      legislatureLevel: r.legislature_level,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      pointName: r.point_name,
      articleCount: r.article_count,
      opinions: r.opinions,
      answered: r.answered,
      hasFinalResult: r.final_summary !== null,
      windowStatus: windowStatus({ opensOn: r.opens_on, closesOn: r.closes_on }, at),
      daysLeft: daysLeft({ opensOn: r.opens_on, closesOn: r.closes_on }, at),
    }));
  }

  async function detail(id: number) {
    const row = await queryPublishedConsultation(db, id);
    if (!row) throw notFound(notFoundMessage);
    const window = { opensOn: row.opens_on, closesOn: row.closes_on };
    const counts = row.counts ?? {};
    return {
      id: row.id,
      title: row.title,
      legislature: row.legislature,
      legislatureLevel: row.legislature_level,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      pointName: row.point_name,
      draftTitle: row.draft_title,
      preamble: row.preamble,
      windowStatus: windowStatus(window, now()),
      daysLeft: daysLeft(window, now()),
      blockedReason: submissionBlockedReason(window, now()),
      finalAdoptedOn: row.final_adopted_on,
      finalSummary: row.final_summary,
      wholeDraftOpinions: counts['*'] ?? 0,
      articles: row.articles.map((a) => ({ ...a, opinions: counts[a.key] ?? 0 })),
    };
  }

  /** How handled opinions were answered: masked names, never phones. */
  async function feedback(id: number) {
    await meta(id);
    const rows = await queryAnsweredOpinions(db, id);
    return rows.map((r) => ({
      articleLabel: articleLabelOf(r.article_key),
      submitter: maskName(r.name),
      content: r.content,
      decision: r.decision,
      decisionLabel: r.decision ? OPINION_STATUS_LABELS[r.decision] : null,
      reply: r.reply,
      answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    }));
  }

  async function lookup(code: string) {
    return lookupReceipt(db, code);
  }

  async function point() {
    const row = await queryPortalPoint(db);
    return {
      name: row?.name ?? null,
      county: row?.county_id && row.county_name ? { id: row.county_id, name: row.county_name } : null,
    };
  }

  return { submit, list, detail, feedback, lookup, point };
}

/** The submitter's own opinion by receipt code; a merged duplicate shows the answer of the opinion it joined. */
export async function lookupReceipt(db: Executor, code: string) {
  const row = await queryOpinionByReceipt(db, code);
  if (!row) throw notFound('未找到该回执码对应的意见，请核对后重新输入');
  const target = row.target ? opinionState({ ...row.target, point_name: '' } as OpinionRow) : null;
  const state = effectiveOpinionState(opinionState(row), target);
  const isAnswered = state.status === 'answered';
  return {
    receiptCode: row.receipt_code,
    consultationId: row.consultation_id,
    consultationTitle: row.consultation_title,
    articleLabel: articleLabelOf(row.article_key),
    submitter: maskName(row.name),
    phone: row.phone ? maskPhone(open(row.phone) ?? '') : null,
    content: row.content,
    submittedAt: new Date(row.submitted_at).toISOString(),
    statusLabel: submitterStatusLabel(state),
    decision: isAnswered || state.status !== 'submitted' ? state.decision : null,
    decisionLabel: isAnswered && state.decision ? OPINION_STATUS_LABELS[state.decision] : null,
    reply: isAnswered ? state.reply : null,
  };
}
