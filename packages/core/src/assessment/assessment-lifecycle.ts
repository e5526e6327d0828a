import { SHANGHAI_OFFSET_MS } from '../shared/shanghai-calendar.ts';
import type { GradedUnit, RankingEntry } from './ranking.ts';
import { rankAndGrade } from './ranking.ts';
import { rankAndGradeInGroups } from './ranking-groups.ts';
import type { Grading } from './scheme.schemas.ts';

export type AssessmentStatus = 'scheme' | 'self_assessment' | 'review' | 'publicity' | 'appeal' | 'final';

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  scheme: '方案',
  self_assessment: '自评',
  review: '审核评分',
  publicity: '公示',
  appeal: '申诉',
  final: '终定',
};

export type AppealDecision = {
  outcome: 'upheld' | 'rejected';
  reason: string;
  decidedAt: Date;
  /** Upheld only: the unit's figures before and after. */
  before?: RankingEntry;
  after?: RankingEntry;
};

export type Appeal = { id: string; unitId: string; reason: string; filedAt: Date; decision?: AppealDecision };

export type AssessmentRound = {
  status: AssessmentStatus;
  unitIds: readonly string[];
  grading: Grading;
  /** Ranking groups: each unit's group and the groups' order; absent, all units are ranked together. */
  groups?: { of: Readonly<Record<string, string>>; order: readonly string[] };
  submittedUnitIds: readonly string[];
  /** Review scores by unit; frozen once published, changed afterwards only by an upheld appeal. */
  scores: Readonly<Record<string, RankingEntry>>;
  results: readonly GradedUnit[];
  appeals: readonly Appeal[];
  publishedAt?: Date;
  appealClosesAt?: Date;
  finalizedAt?: Date;
};

export type AssessmentEvent =
  | { type: 'revise_scheme'; grading: Grading }
  | { type: 'open_self_assessment'; at: Date }
  | { type: 'submit_self_assessment'; unitId: string; at: Date }
  | { type: 'start_review'; at: Date; allowMissing?: boolean }
  | { type: 'record_score'; entry: RankingEntry }
  | { type: 'publish'; at: Date; appealClosesAt: Date }
  | { type: 'file_appeal'; appealId: string; unitId: string; reason: string; at: Date }
  | { type: 'close_publicity'; at: Date }
  | {
      type: 'decide_appeal';
      appealId: string;
      outcome: 'upheld' | 'rejected';
      reason: string;
      at: Date;
      revised?: RankingEntry;
    }
  | { type: 'finalize'; at: Date };

export type AssessmentErrorCode =
  | 'invalid_transition'
  | 'frozen'
  | 'window_closed'
  | 'reason_required'
  | 'not_found'
  | 'incomplete'
  | 'out_of_scope'
  | 'duplicate';

export type AssessmentError = { code: AssessmentErrorCode; message: string };

export type TransitionResult = { ok: true; round: AssessmentRound } | { ok: false; error: AssessmentError };

export function createAssessmentRound(unitIds: readonly string[], grading: Grading): AssessmentRound {
  return {
    status: 'scheme',
    unitIds: [...unitIds],
    grading,
    submittedUnitIds: [],
    scores: {},
    results: [],
    appeals: [],
  };
}

const fail = (code: AssessmentErrorCode, message: string): TransitionResult => ({
  ok: false,
  error: { code, message },
});
const ok = (round: AssessmentRound): TransitionResult => ({ ok: true, round });

/** Apply one event. Pure: returns a new round or a Chinese error; the input round is never changed. */
export function transition(round: AssessmentRound, event: AssessmentEvent): TransitionResult {
  if (round.status === 'final') return fail('frozen', '考核结果已终定，不得修改');
  switch (event.type) {
    case 'revise_scheme':
      if (round.status !== 'scheme') return fail('frozen', '考核方案已启用，不得修改；如需调整，请另行发布新版本方案');
      return ok({ ...round, grading: event.grading });
    case 'open_self_assessment':
      if (round.status !== 'scheme') return wrongStage(round, '启动自评');
      if (round.unitIds.length === 0) return fail('incomplete', '尚未确定参加考核的单位，不能启动自评');
      return ok({ ...round, status: 'self_assessment' });
    case 'submit_self_assessment':
      return submitSelfAssessment(round, event.unitId);
    case 'start_review':
      return startReview(round, event.allowMissing ?? false);
    case 'record_score':
      return recordScore(round, event.entry);
    case 'publish':
      return publish(round, event.at, event.appealClosesAt);
    case 'file_appeal':
      return fileAppeal(round, event);
    case 'close_publicity':
      if (round.status !== 'publicity') return wrongStage(round, '结束公示');
      if (round.appealClosesAt && event.at < round.appealClosesAt) {
        return fail('invalid_transition', `公示期至${formatShanghai(round.appealClosesAt)}，尚未结束`);
      }
      return ok({ ...round, status: 'appeal' });
    case 'decide_appeal':
      return decideAppeal(round, event);
    case 'finalize': {
      if (round.status !== 'appeal') return wrongStage(round, '终定考核结果');
      const pending = round.appeals.filter((a) => !a.decision).length;
      if (pending > 0) return fail('incomplete', `尚有${pending}件申诉未处理，不能终定`);
      return ok({ ...round, status: 'final', finalizedAt: event.at });
    }
  }
}

function wrongStage(round: AssessmentRound, action: string): TransitionResult {
  return fail('invalid_transition', `当前处于“${ASSESSMENT_STATUS_LABELS[round.status]}”阶段，不能${action}`);
}

function submitSelfAssessment(round: AssessmentRound, unitId: string): TransitionResult {
  if (round.status !== 'self_assessment') return wrongStage(round, '提交自评');
  if (!round.unitIds.includes(unitId)) return fail('out_of_scope', '该单位不在本次考核范围内');
  if (round.submittedUnitIds.includes(unitId)) return fail('duplicate', '该单位已提交自评，请勿重复提交');
  return ok({ ...round, submittedUnitIds: [...round.submittedUnitIds, unitId] });
}

function startReview(round: AssessmentRound, allowMissing: boolean): TransitionResult {
  if (round.status !== 'self_assessment') return wrongStage(round, '开始审核评分');
  const missing = round.unitIds.filter((id) => !round.submittedUnitIds.includes(id));
  if (missing.length > 0 && !allowMissing) {
    return fail('incomplete', `尚有${missing.length}个单位未提交自评：${missing.join('、')}`);
  }
  return ok({ ...round, status: 'review' });
}

function recordScore(round: AssessmentRound, entry: RankingEntry): TransitionResult {
  if (round.status === 'publicity' || round.status === 'appeal') {
    return fail('frozen', '考核结果已公示，成绩已冻结，只能通过申诉处理调整');
  }
  if (round.status !== 'review') return wrongStage(round, '录入评分');
  if (!round.unitIds.includes(entry.unitId)) return fail('out_of_scope', '该单位不在本次考核范围内');
  return ok({ ...round, scores: { ...round.scores, [entry.unitId]: entry } });
}

function publish(round: AssessmentRound, at: Date, appealClosesAt: Date): TransitionResult {
  if (round.status !== 'review') return wrongStage(round, '公示考核结果');
  const missing = round.unitIds.filter((id) => !round.scores[id]);
  if (missing.length > 0) return fail('incomplete', `尚有${missing.length}个单位未评分：${missing.join('、')}`);
  if (!(appealClosesAt > at)) return fail('invalid_transition', '申诉截止时间应晚于公示时间');
  const results = rankRound(round, round.scores);
  return ok({ ...round, status: 'publicity', results, publishedAt: at, appealClosesAt });
}

function fileAppeal(
  round: AssessmentRound,
  event: Extract<AssessmentEvent, { type: 'file_appeal' }>,
): TransitionResult {
  if (round.status === 'appeal') return fail('window_closed', '申诉期已截止，不再受理申诉');
  if (round.status !== 'publicity') return wrongStage(round, '提出申诉');
  const { publishedAt, appealClosesAt } = round;
  if (publishedAt && event.at < publishedAt) return fail('window_closed', '考核结果尚未公示，不能提出申诉');
  if (appealClosesAt && event.at > appealClosesAt) {
    return fail('window_closed', `申诉期已于${formatShanghai(appealClosesAt)}截止，不再受理申诉`);
  }
  if (!event.reason.trim()) return fail('reason_required', '申诉须写明理由');
  if (!round.results.some((r) => r.unitId === event.unitId)) return fail('out_of_scope', '该单位不在本次考核范围内');
  if (round.appeals.some((a) => a.id === event.appealId)) return fail('duplicate', '该申诉已登记，请勿重复提交');
  const appeal: Appeal = { id: event.appealId, unitId: event.unitId, reason: event.reason.trim(), filedAt: event.at };
  return ok({ ...round, appeals: [...round.appeals, appeal] });
}

function decideAppeal(
  round: AssessmentRound,
  event: Extract<AssessmentEvent, { type: 'decide_appeal' }>,
): TransitionResult {
  if (round.status !== 'publicity' && round.status !== 'appeal') return wrongStage(round, '处理申诉');
  const appeal = round.appeals.find((a) => a.id === event.appealId);
  if (!appeal) return fail('not_found', '未找到该申诉');
  if (appeal.decision) return fail('duplicate', '该申诉已处理，不能重复处理');
  const reason = event.reason.trim();
  if (!reason) return fail('reason_required', '申诉处理须说明理由');
  const decided = (decision: AppealDecision) => round.appeals.map((a) => (a.id === appeal.id ? { ...a, decision } : a));
  if (event.outcome === 'rejected') {
    return ok({ ...round, appeals: decided({ outcome: 'rejected', reason, decidedAt: event.at }) });
  }
  const { revised } = event;
  if (!revised) return fail('incomplete', '支持申诉的，须给出调整后的成绩');
  if (revised.unitId !== appeal.unitId) return fail('out_of_scope', '调整后的成绩与申诉单位不一致');
  const before = round.scores[appeal.unitId];
  const scores = { ...round.scores, [appeal.unitId]: revised };
  const decision: AppealDecision = {
    outcome: 'upheld',
    reason,
    decidedAt: event.at,
    after: revised,
    ...(before ? { before } : {}),
  };
  return ok({
    ...round,
    scores,
    results: rankRound(round, scores),
    appeals: decided(decision),
  });
}

/** Rank and grade within the round's groups, or all units together when it has none. */
function rankRound(round: AssessmentRound, scores: Readonly<Record<string, RankingEntry>>) {
  const entries = Object.values(scores);
  const { groups } = round;
  if (!groups) return rankAndGrade(entries, round.grading);
  return rankAndGradeInGroups(entries, (id) => groups.of[id], groups.order, round.grading);
}

/** "2025年1月15日18:00" in Asia/Shanghai (UTC+8, no DST). */
export function formatShanghai(date: Date): string {
  const d = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日${hh}:${mm}`;
}
