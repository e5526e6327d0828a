// DESIGN §6: 已提交 → 已整理 → 已报送 → 采纳 / 部分采纳 / 未采纳 → 已反馈. Moderation runs alongside: an opinion
// with sensitive words waits in 待审核 and cannot be handled until approved. Merging a duplicate (已合并) hands its
// handling to the opinion it was merged into.

export const OPINION_STATUSES = [
  'submitted',
  'organized',
  'forwarded',
  'adopted',
  'partly_adopted',
  'rejected',
  'answered',
  'merged',
] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  submitted: '已提交',
  organized: '已整理',
  forwarded: '已报送',
  adopted: '采纳',
  partly_adopted: '部分采纳',
  rejected: '未采纳',
  answered: '已反馈',
  merged: '已合并',
};

export const ADOPTION_DECISIONS = ['adopted', 'partly_adopted', 'rejected'] as const;
export type AdoptionDecision = (typeof ADOPTION_DECISIONS)[number];

export const MODERATION_STATUSES = ['pending_review', 'approved', 'blocked'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export const MODERATION_LABELS: Record<ModerationStatus, string> = {
  pending_review: '待审核',
  approved: '审核通过',
  blocked: '审核未通过',
};

export type OpinionState = {
  status: OpinionStatus;
  moderation: ModerationStatus;
  moderationNote: string | null;
  /** Set when organising: the topic staff filed it under, and the article it concerns (null = whole draft). */
  category: string | null;
  articleKey: string | null;
  mergedIntoId: string | null;
  decision: AdoptionDecision | null;
  decisionReason: string | null;
  /** What the submitter is told; set with 已反馈. */
  reply: string | null;
};

export type OpinionAction =
  | { type: 'approve' }
  | { type: 'block'; reason: string }
  | { type: 'organize'; category?: string | null; articleKey?: string | null }
  | { type: 'merge'; intoId: string }
  | { type: 'forward' }
  | { type: 'decide'; decision: AdoptionDecision; reason?: string | null }
  | { type: 'answer'; reply?: string | null };

export type OpinionActionType = OpinionAction['type'];

export const OPINION_ACTION_LABELS: Record<OpinionActionType, string> = {
  approve: '审核通过',
  block: '审核不通过',
  organize: '整理',
  merge: '合并',
  forward: '报送',
  decide: '答复采纳情况',
  answer: '反馈',
};

export type OpinionErrorCode =
  | 'invalid_transition'
  | 'pending_review'
  | 'blocked'
  | 'merged'
  | 'answered'
  | 'reason_required'
  | 'text_too_long'
  | 'invalid_target';

export type OpinionActionResult =
  | { ok: true; state: OpinionState }
  | { ok: false; code: OpinionErrorCode; message: string };

const MAX_REASON_LENGTH = 500;
const MAX_REPLY_LENGTH = 1000;

export function initialOpinionState(input: { needsReview: boolean; articleKey?: string | null }): OpinionState {
  return {
    status: 'submitted',
    moderation: input.needsReview ? 'pending_review' : 'approved',
    moderationNote: null,
    category: null,
    articleKey: input.articleKey ?? null,
    mergedIntoId: null,
    decision: null,
    decisionReason: null,
    reply: null,
  };
}

const fail = (code: OpinionErrorCode, message: string): OpinionActionResult => ({ ok: false, code, message });
const isDecided = (status: OpinionStatus) =>
  status === 'adopted' || status === 'partly_adopted' || status === 'rejected';
const cleanText = (text: string | null | undefined) => text?.trim() || null;
const codePoints = (text: string) => Array.from(text).length;

function wrongState(state: OpinionState, action: OpinionActionType, hint = ''): OpinionActionResult {
  const message = `该意见当前为“${OPINION_STATUS_LABELS[state.status]}”，不能${OPINION_ACTION_LABELS[action]}${hint}`;
  return fail('invalid_transition', message);
}

/** The default reply when staff answer without writing one. */
export function defaultReply(decision: AdoptionDecision, reason: string | null): string {
  const head = {
    adopted: '感谢您的参与，您的意见已被采纳。',
    partly_adopted: '感谢您的参与，您的意见已被部分采纳。',
    rejected: '感谢您的参与，您的意见未被采纳。',
  }[decision];
  return reason ? `${head}说明：${reason}` : head;
}

function applyModeration(
  state: OpinionState,
  action: OpinionAction & { type: 'approve' | 'block' },
): OpinionActionResult {
  if (action.type === 'approve') {
    if (state.moderation === 'approved') return fail('invalid_transition', '该意见已审核通过，无需重复审核');
    return { ok: true, state: { ...state, moderation: 'approved', moderationNote: null } };
  }
  const reason = cleanText(action.reason);
  if (!reason) return fail('reason_required', '审核不通过时须填写理由');
  if (codePoints(reason) > MAX_REASON_LENGTH) return fail('text_too_long', `理由不能超过${MAX_REASON_LENGTH}字`);
  if (state.moderation === 'blocked') return fail('invalid_transition', '该意见已审核不通过');
  // Once forwarded to the legislature an opinion is on record and can no longer be withdrawn as spam.
  if (state.status !== 'submitted' && state.status !== 'organized') return wrongState(state, 'block');
  return { ok: true, state: { ...state, moderation: 'blocked', moderationNote: reason } };
}

/** Applies one handling step to an opinion; an impossible step comes back as a Chinese message saying why. */
export function applyOpinionAction(state: OpinionState, action: OpinionAction): OpinionActionResult {
  if (state.status === 'merged') return fail('merged', '该意见已合并到其他意见，由合并后的意见统一办理');
  if (action.type === 'approve' || action.type === 'block') return applyModeration(state, action);
  if (state.moderation === 'pending_review') return fail('pending_review', '该意见含有敏感词，须先审核通过才能办理');
  if (state.moderation === 'blocked') return fail('blocked', '该意见审核未通过，不能继续办理');
  if (state.status === 'answered') return fail('answered', '该意见已反馈，办理结果不能再修改');

  switch (action.type) {
    case 'organize': {
      if (state.status !== 'submitted' && state.status !== 'organized') return wrongState(state, 'organize');
      const category = action.category === undefined ? state.category : cleanText(action.category);
      const articleKey = action.articleKey === undefined ? state.articleKey : action.articleKey;
      return { ok: true, state: { ...state, status: 'organized', category, articleKey } };
    }
    case 'merge': {
      if (state.status !== 'submitted' && state.status !== 'organized') return wrongState(state, 'merge');
      if (!action.intoId) return fail('invalid_target', '请选择要合并到的意见');
      return { ok: true, state: { ...state, status: 'merged', mergedIntoId: action.intoId } };
    }
    case 'forward':
      if (state.status !== 'organized') {
        return wrongState(state, 'forward', state.status === 'submitted' ? '，请先整理' : '');
      }
      return { ok: true, state: { ...state, status: 'forwarded' } };
    case 'decide': {
      // A decision may be corrected until the submitter has been answered.
      if (state.status !== 'forwarded' && !isDecided(state.status)) {
        return wrongState(state, 'decide', '，须先报送');
      }
      const reason = cleanText(action.reason);
      if (!reason && action.decision !== 'adopted') {
        return fail('reason_required', `答复“${OPINION_STATUS_LABELS[action.decision]}”时须说明理由`);
      }
      if (reason && codePoints(reason) > MAX_REASON_LENGTH) {
        return fail('text_too_long', `理由不能超过${MAX_REASON_LENGTH}字`);
      }
      return {
        ok: true,
        state: { ...state, status: action.decision, decision: action.decision, decisionReason: reason },
      };
    }
    case 'answer': {
      if (!isDecided(state.status) || !state.decision) return wrongState(state, 'answer', '，须先答复采纳情况');
      const reply = cleanText(action.reply) ?? defaultReply(state.decision, state.decisionReason);
      if (codePoints(reply) > MAX_REPLY_LENGTH) return fail('text_too_long', `反馈内容不能超过${MAX_REPLY_LENGTH}字`);
      return { ok: true, state: { ...state, status: 'answered', reply } };
    }
  }
}

const SAMPLE_ACTIONS: OpinionAction[] = [
  { type: 'approve' },
  { type: 'block', reason: '-' },
  { type: 'organize' },
  { type: 'merge', intoId: '-' },
  { type: 'forward' },
  { type: 'decide', decision: 'adopted' },
  { type: 'answer' },
];

/** The steps a user may take next, for showing only the buttons that will work. */
export function availableOpinionActions(state: OpinionState): OpinionActionType[] {
  return SAMPLE_ACTIONS.filter((action) => applyOpinionAction(state, action).ok).map((a) => a.type);
}

/** Checks a merge against its target; the source's own state is checked by `applyOpinionAction`. */
export function checkMergeTarget(sourceId: string, target: { id: string; state: OpinionState }): string | null {
  if (target.id === sourceId) return '不能将意见合并到其自身';
  if (target.state.status === 'merged') return '目标意见已合并到其他意见，请选择合并后的意见';
  if (target.state.moderation !== 'approved') return '目标意见尚未审核通过，不能作为合并对象';
  return null;
}

/** A merged duplicate carries the decision and reply of the opinion it was merged into. */
export function effectiveOpinionState(state: OpinionState, mergedInto: OpinionState | null): OpinionState {
  if (state.status !== 'merged' || !mergedInto) return state;
  return {
    ...state,
    status: mergedInto.status === 'merged' ? 'organized' : mergedInto.status,
    decision: mergedInto.decision,
    decisionReason: mergedInto.decisionReason,
    reply: mergedInto.reply,
  };
}

export type BulkOpinionResult =
  | { ok: true; states: { id: string; state: OpinionState }[] }
  | { ok: false; message: string; failures: { id: string; code: OpinionErrorCode; message: string }[] };

/**
 * Applies one action to many opinions, all or nothing: when any of them cannot take it, none changes and every
 * failure is listed, so staff can fix the selection in one go.
 */
export function applyBulkOpinionAction(
  opinions: readonly { id: string; state: OpinionState }[],
  action: OpinionAction,
): BulkOpinionResult {
  if (opinions.length === 0) return { ok: false, message: '请至少选择一条意见', failures: [] };
  const seen = new Set<string>();
  const states: { id: string; state: OpinionState }[] = [];
  const failures: { id: string; code: OpinionErrorCode; message: string }[] = [];
  for (const { id, state } of opinions) {
    if (seen.has(id)) {
      failures.push({ id, code: 'invalid_target', message: '同一条意见被重复选择' });
      continue;
    }
    seen.add(id);
    if (action.type === 'merge' && action.intoId === id) {
      failures.push({ id, code: 'invalid_target', message: '不能将意见合并到其自身' });
      continue;
    }
    const result = applyOpinionAction(state, action);
    if (result.ok) states.push({ id, state: result.state });
    else failures.push({ id, code: result.code, message: result.message });
  }
  if (failures.length > 0) {
    return {
      ok: false,
      message: `所选意见中有${failures.length}条不能${OPINION_ACTION_LABELS[action.type]}，均未办理`,
      failures,
    };
  }
  return { ok: true, states };
}

/** What the submitter sees when looking up the receipt code. Merged opinions should be resolved first. */
export function submitterStatusLabel(state: OpinionState): string {
  if (state.moderation === 'pending_review') return '已提交，待审核';
  if (state.moderation === 'blocked') return '审核未通过';
  return OPINION_STATUS_LABELS[state.status];
}
