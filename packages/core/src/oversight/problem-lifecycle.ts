import { checkFourOnes, type FourOnesInput, fourOnesToInput, isCalendarDay } from './four-ones.ts';
import {
  type FourOnes,
  isJointProblem,
  type Problem,
  type ProblemContext,
  type ProblemEvent,
  type ProblemStatus,
  problemStatusLabels,
} from './problem.ts';
import { effectiveDeadline } from './problem-deadline.ts';

export type ProblemAction =
  | { type: 'set_four_ones'; fields: Partial<FourOnesInput> }
  | { type: 'claim'; unitId: number; fields?: Partial<FourOnesInput> }
  | { type: 'sign_off'; unitId: number; note?: string }
  | { type: 'apply'; summary: string }
  | { type: 'verify_pass'; note?: string }
  | { type: 'verify_fail'; reason: string }
  | { type: 'request_deferral'; reason: string; until: string }
  | { type: 'approve_deferral'; note?: string }
  | { type: 'reject_deferral'; reason: string };

export const problemActionLabels: Record<ProblemAction['type'], string> = {
  set_four_ones: '完善“四个一”',
  claim: '认领',
  sign_off: '单位会签',
  apply: '申请销号',
  verify_pass: '验收通过（销号）',
  verify_fail: '验收不通过',
  request_deferral: '申请延期',
  approve_deferral: '批准延期',
  reject_deferral: '不批准延期',
};

export type ProblemErrorCode =
  | 'invalid_state'
  | 'four_ones_incomplete'
  | 'not_responsible_unit'
  | 'sign_off_missing'
  | 'already_signed'
  | 'reason_required'
  | 'deadline_locked'
  | 'invalid_deferral'
  | 'no_pending_deferral';

export type ProblemTransition =
  | { ok: true; problem: Problem }
  | { ok: false; code: ProblemErrorCode; message: string; details?: string[] };

const fail = (code: ProblemErrorCode, message: string, details?: string[]): ProblemTransition =>
  details ? { ok: false, code, message, details } : { ok: false, code, message };

export type NewProblem = {
  id: number;
  inspectionId: number | null;
  title: string;
  description?: string;
  unitIds: readonly number[];
  /** An office may fix the deadline when it issues the problem; otherwise the unit sets it when claiming. */
  deadline?: string | null;
};

export function createProblem(input: NewProblem, ctx: ProblemContext): Problem {
  const unitIds = [...new Set(input.unitIds)];
  const status: ProblemStatus = 'unclaimed';
  return {
    id: input.id,
    inspectionId: input.inspectionId,
    title: input.title,
    description: input.description ?? '',
    unitIds,
    status,
    fourOnes: { ownerId: null, plan: '', measures: [], deadline: input.deadline ?? null },
    isDeadlineFixed: Boolean(input.deadline),
    claimedByUnitId: null,
    rectificationSummary: '',
    signOffs: [],
    deferrals: [],
    closedAt: null,
    recurrenceOf: null,
    recurrenceIds: [],
    history: [{ type: 'created', at: ctx.at, by: ctx.by, from: null, to: status, note: '' }],
  };
}

/** Pure transition: returns the next problem (history appended) or a Chinese error; never mutates its input. */
export function applyProblemAction(problem: Problem, action: ProblemAction, ctx: ProblemContext): ProblemTransition {
  const label = problemStatusLabels[problem.status];
  const event = (e: Omit<ProblemEvent, 'at' | 'by' | 'from'>): ProblemEvent => ({
    ...e,
    at: ctx.at,
    by: ctx.by,
    from: problem.status,
  });

  switch (action.type) {
    case 'set_four_ones': {
      if (problem.status !== 'unclaimed' && problem.status !== 'rectifying')
        return fail('invalid_state', `问题状态为“${label}”，不能修改“四个一”`);
      const merged = mergeFourOnes(problem, action.fields);
      if (!merged.ok) return merged;
      // While rectifying the problem must never drop below the four items, so the gate applies to every edit.
      if (problem.status === 'rectifying') {
        const gate = gateFailure(merged.input);
        if (gate) return gate;
      } else {
        const owners = new Set(merged.input.ownerIds);
        if (owners.size > 1) return fail('four_ones_incomplete', `整改责任人只能有一人，当前指定了${owners.size}人`);
      }
      return ok(problem, {
        fourOnes: toFourOnes(merged.input),
        history: [...problem.history, event({ type: 'four_ones_set', to: problem.status, note: '' })],
      });
    }

    case 'claim': {
      if (problem.status !== 'unclaimed') return fail('invalid_state', `问题状态为“${label}”，不能认领`);
      if (!problem.unitIds.includes(action.unitId))
        return fail('not_responsible_unit', '本单位不是该问题的责任单位，不能认领');
      const merged = mergeFourOnes(problem, action.fields ?? {});
      if (!merged.ok) return merged;
      const gate = gateFailure(merged.input);
      if (gate) return gate;
      return ok(problem, {
        status: 'rectifying',
        fourOnes: toFourOnes(merged.input),
        claimedByUnitId: action.unitId,
        history: [...problem.history, event({ type: 'claimed', to: 'rectifying', note: '', unitId: action.unitId })],
      });
    }

    case 'sign_off': {
      if (!isJointProblem(problem)) return fail('invalid_state', '该问题只有一个责任单位，无需会签');
      if (problem.status !== 'rectifying') return fail('invalid_state', `问题状态为“${label}”，不能会签`);
      if (!problem.unitIds.includes(action.unitId))
        return fail('not_responsible_unit', '本单位不是该问题的责任单位，不能会签');
      if (problem.signOffs.some((s) => s.unitId === action.unitId))
        return fail('already_signed', '本单位已会签，无需重复会签');
      const note = action.note?.trim() ?? '';
      return ok(problem, {
        signOffs: [...problem.signOffs, { unitId: action.unitId, by: ctx.by, at: ctx.at, note }],
        history: [...problem.history, event({ type: 'signed_off', to: problem.status, note, unitId: action.unitId })],
      });
    }

    case 'apply': {
      if (problem.status !== 'rectifying') return fail('invalid_state', `问题状态为“${label}”，不能申请销号`);
      const gate = gateFailure(fourOnesToInput(problem.fourOnes));
      if (gate) return gate;
      const summary = action.summary.trim();
      if (!summary) return fail('reason_required', '申请销号须填写整改情况说明');
      const missing = missingSignOffs(problem);
      if (missing.length > 0)
        return fail(
          'sign_off_missing',
          `联合整改问题须各责任单位会签后方可申请销号，尚有${missing.length}个单位未会签`,
          [...missing.map(String)],
        );
      return ok(problem, {
        status: 'applied',
        rectificationSummary: summary,
        history: [...problem.history, event({ type: 'applied', to: 'applied', note: summary })],
      });
    }

    case 'verify_pass':
    case 'verify_fail': {
      if (problem.status !== 'applied') return fail('invalid_state', `问题状态为“${label}”，没有待验收的销号申请`);
      if (action.type === 'verify_fail') {
        const reason = action.reason.trim();
        if (!reason) return fail('reason_required', '验收不通过须填写审核意见');
        // Units re-sign after reworking: their earlier sign-off vouched for work the verifier has just rejected.
        return ok(problem, {
          status: 'rectifying',
          signOffs: [],
          history: [...problem.history, event({ type: 'verified_fail', to: 'rectifying', note: reason })],
        });
      }
      const missing = missingSignOffs(problem);
      if (missing.length > 0)
        return fail('sign_off_missing', `尚有${missing.length}个责任单位未会签，不能销号`, missing.map(String));
      return ok(problem, {
        status: 'closed',
        closedAt: ctx.at,
        history: [...problem.history, event({ type: 'verified_pass', to: 'closed', note: action.note?.trim() ?? '' })],
      });
    }

    case 'request_deferral': {
      if (problem.status !== 'rectifying') return fail('invalid_state', `问题状态为“${label}”，不能申请延期`);
      const reason = action.reason.trim();
      if (!reason) return fail('reason_required', '申请延期须填写延期理由');
      if (!isCalendarDay(action.until)) return fail('invalid_deferral', '延期至日期格式应为 YYYY-MM-DD 的有效日期');
      if (problem.deferrals.some((d) => d.status === 'pending'))
        return fail('invalid_deferral', '已有待审批的延期申请，请等待审批结果');
      const current = effectiveDeadline(problem);
      if (current !== null && action.until <= current)
        return fail('invalid_deferral', `延期至日期须晚于当前整改时限（${current}）`);
      return ok(problem, {
        deferrals: [
          ...problem.deferrals,
          {
            reason,
            until: action.until,
            status: 'pending',
            requestedBy: ctx.by,
            requestedAt: ctx.at,
            decidedBy: null,
            decidedAt: null,
            decisionNote: '',
          },
        ],
        history: [
          ...problem.history,
          event({ type: 'deferral_requested', to: problem.status, note: `${reason}（延期至${action.until}）` }),
        ],
      });
    }

    case 'approve_deferral':
    case 'reject_deferral': {
      const index = problem.deferrals.findIndex((d) => d.status === 'pending');
      if (index < 0) return fail('no_pending_deferral', '没有待审批的延期申请');
      const isApproval = action.type === 'approve_deferral';
      const note = (isApproval ? action.note : action.reason)?.trim() ?? '';
      if (!isApproval && !note) return fail('reason_required', '不批准延期须填写理由');
      const deferrals = problem.deferrals.map((d, i) =>
        i === index
          ? {
              ...d,
              status: isApproval ? ('approved' as const) : ('rejected' as const),
              decidedBy: ctx.by,
              decidedAt: ctx.at,
              decisionNote: note,
            }
          : d,
      );
      return ok(problem, {
        deferrals,
        history: [
          ...problem.history,
          event({ type: isApproval ? 'deferral_approved' : 'deferral_rejected', to: problem.status, note }),
        ],
      });
    }
  }
}

export type Recurrence = { newId: number; reason: string; deadline?: string | null };

export type RecurrenceResult =
  | { ok: true; original: Problem; recurrence: Problem }
  | { ok: false; code: ProblemErrorCode; message: string };

/**
 * 复发: a closed problem that comes back is registered as a NEW problem linked to the original, which stays 已销号.
 * The original closure really happened and was counted; rewriting it would falsify past rectification figures.
 * Both histories record the link, and the new problem needs a fresh “四个一”.
 */
export function reopenOnRecurrence(original: Problem, input: Recurrence, ctx: ProblemContext): RecurrenceResult {
  if (original.status !== 'closed')
    return { ok: false, code: 'invalid_state', message: '只有已销号的问题才能登记复发' };
  const reason = input.reason.trim();
  if (!reason) return { ok: false, code: 'reason_required', message: '登记问题复发须填写复发情况' };
  const base = createProblem(
    {
      id: input.newId,
      inspectionId: original.inspectionId,
      title: original.title,
      description: original.description,
      unitIds: original.unitIds,
      deadline: input.deadline ?? null,
    },
    ctx,
  );
  const recurrence: Problem = {
    ...base,
    recurrenceOf: original.id,
    history: [
      {
        type: 'created_as_recurrence',
        at: ctx.at,
        by: ctx.by,
        from: null,
        to: 'unclaimed',
        note: reason,
        relatedProblemId: original.id,
      },
    ],
  };
  const updated: Problem = {
    ...original,
    recurrenceIds: [...original.recurrenceIds, input.newId],
    history: [
      ...original.history,
      {
        type: 'recurred',
        at: ctx.at,
        by: ctx.by,
        from: 'closed',
        to: 'closed',
        note: reason,
        relatedProblemId: input.newId,
      },
    ],
  };
  return { ok: true, original: updated, recurrence };
}

/** Units of a joint problem that have not signed off yet; always empty for a single-unit problem. */
export function missingSignOffs(problem: Pick<Problem, 'unitIds' | 'signOffs'>): number[] {
  if (!isJointProblem(problem)) return [];
  const signed = new Set(problem.signOffs.map((s) => s.unitId));
  return problem.unitIds.filter((u) => !signed.has(u));
}

function ok(problem: Problem, patch: Partial<Problem>): ProblemTransition {
  return { ok: true, problem: { ...problem, ...patch } };
}

function gateFailure(input: FourOnesInput): ProblemTransition | null {
  const issues = checkFourOnes(input);
  if (issues.length === 0) return null;
  return fail(
    'four_ones_incomplete',
    `“四个一”未落实：${issues.map((i) => i.message).join('；')}`,
    issues.map((i) => i.message),
  );
}

type Merged = { ok: true; input: FourOnesInput } | Extract<ProblemTransition, { ok: false }>;

function mergeFourOnes(problem: Problem, fields: Partial<FourOnesInput>): Merged {
  const current = fourOnesToInput(problem.fourOnes);
  const isLocked = problem.fourOnes.deadline !== null && (problem.status === 'rectifying' || problem.isDeadlineFixed);
  // A running deadline moves only through an approved deferral, otherwise overdue could be edited away.
  if (isLocked && fields.deadline !== undefined && fields.deadline !== problem.fourOnes.deadline)
    return { ok: false, code: 'deadline_locked', message: '整改时限已确定，如需调整请申请延期' };
  if (fields.deadline && !isCalendarDay(fields.deadline))
    return { ok: false, code: 'four_ones_incomplete', message: '整改时限格式应为 YYYY-MM-DD 的有效日期' };
  return {
    ok: true,
    input: {
      ownerIds: fields.ownerIds ?? current.ownerIds,
      plan: fields.plan ?? current.plan,
      measures: fields.measures ?? current.measures,
      deadline: fields.deadline !== undefined ? fields.deadline : current.deadline,
    },
  };
}

function toFourOnes(input: FourOnesInput): FourOnes {
  return {
    ownerId: input.ownerIds[0] ?? null,
    plan: input.plan.trim(),
    measures: input.measures.map((m) => m.trim()).filter(Boolean),
    deadline: input.deadline,
  };
}
