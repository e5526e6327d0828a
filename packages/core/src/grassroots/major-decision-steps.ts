/** The five statutory steps of a 重大行政决策 (《重大行政决策程序暂行条例》). */
export const majorDecisionSteps = [
  'public_participation',
  'expert_argumentation',
  'risk_assessment',
  'legality_review',
  'collective_discussion',
] as const;
export type MajorDecisionStep = (typeof majorDecisionSteps)[number];
export const majorDecisionStepLabels: Record<MajorDecisionStep, string> = {
  public_participation: '公众参与',
  expert_argumentation: '专家论证',
  risk_assessment: '风险评估',
  legality_review: '合法性审查',
  collective_discussion: '集体讨论决定',
};

/**
 * Steps the regulation lets a decision skip with a recorded reason: 专家论证 and 风险评估 apply to technical or
 * risky matters, 公众参与 may be omitted where disclosure is barred by law. 合法性审查 and 集体讨论决定 never.
 */
export const exemptibleSteps: readonly MajorDecisionStep[] = [
  'public_participation',
  'expert_argumentation',
  'risk_assessment',
];

export type StepRecord = {
  step: MajorDecisionStep;
  /** Day (YYYY-MM-DD) the step was done; null when exempted. */
  doneOn: string | null;
  exemptReason?: string;
  /** For 合法性审查: whether the review found the draft lawful. */
  isLawful?: boolean;
};

export type DecisionCheck = { isComplete: boolean; problems: string[] };

/**
 * Which steps are missing or wrong, in Chinese. Besides presence, the order matters for 合法性审查: a draft not
 * reviewed, or found unlawful, must not go to collective discussion, and the review must come first.
 */
export function checkMajorDecision(records: readonly StepRecord[]): DecisionCheck {
  const problems: string[] = [];
  const byStep = new Map(records.map((r) => [r.step, r]));
  for (const step of majorDecisionSteps) {
    const r = byStep.get(step);
    const label = majorDecisionStepLabels[step];
    if (!r || (r.doneOn === null && !r.exemptReason?.trim())) {
      problems.push(`缺少法定程序：${label}`);
      continue;
    }
    if (r.doneOn === null && !exemptibleSteps.includes(step)) problems.push(`${label}是必经程序，不得免除`);
  }
  const review = byStep.get('legality_review');
  const discussion = byStep.get('collective_discussion');
  if (review?.doneOn && review.isLawful === false) problems.push('合法性审查认为不合法的，不得提交集体讨论');
  if (review?.doneOn && discussion?.doneOn && discussion.doneOn < review.doneOn)
    problems.push('集体讨论决定早于合法性审查，程序倒置');
  return { isComplete: problems.length === 0, problems };
}

/** The boolean field of the `major_decision` ledger that records each step. */
export const majorDecisionStepField: Record<MajorDecisionStep, string> = {
  public_participation: 'public_participation',
  expert_argumentation: 'expert_argument',
  risk_assessment: 'risk_assessment',
  legality_review: 'legality_reviewed',
  collective_discussion: 'collective_discussion',
};
export const majorDecisionStepFields = majorDecisionSteps.map((s) => majorDecisionStepField[s]);

/** Statuses of a `major_decision` row meaning the decision has been adopted (作出决策 or later). */
export const adoptedDecisionStatuses = ['decided', 'evaluated'];

export type DecisionRowSteps = {
  steps: { step: MajorDecisionStep; label: string; done: boolean }[];
  done: number;
  missing: string[];
  check: DecisionCheck;
  /** Adopted while steps are missing: the save warns, the list flags it. */
  adoptedIncomplete: boolean;
};

/**
 * The five steps of one `major_decision` ledger row, checked by `checkMajorDecision`. The ledger records each step
 * as done or not (no dates, no exemption reasons), so a step not marked done is missing.
 */
export function majorDecisionRowSteps(data: Record<string, unknown>): DecisionRowSteps {
  const steps = majorDecisionSteps.map((step) => ({
    step,
    label: majorDecisionStepLabels[step],
    done: data[majorDecisionStepField[step]] === true,
  }));
  const day = typeof data.decided_date === 'string' ? data.decided_date : '0000-01-01';
  const check = checkMajorDecision(
    steps.filter((s) => s.done).map((s) => ({ step: s.step, doneOn: day, isLawful: true })),
  );
  const missing = steps.filter((s) => !s.done).map((s) => s.label);
  return {
    steps,
    done: steps.length - missing.length,
    missing,
    check,
    adoptedIncomplete: adoptedDecisionStatuses.includes(String(data.status)) && missing.length > 0,
  };
}

/** The warning a save returns for an adopted decision with steps missing (the row is still saved). */
export function majorDecisionWarning(data: Record<string, unknown>): string | null {
  const r = majorDecisionRowSteps(data);
  if (!r.adoptedIncomplete) return null;
  return `“${String(data.title ?? '该决策')}”已作出决策，但缺少法定程序：${r.missing.join('、')}`;
}
