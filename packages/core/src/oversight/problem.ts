/**
 * A problem found by an inspection, run under the “四个一” mechanism:
 * 一个问题、一人负责、一套方案、一揽子包抓落实.
 */
export const problemStatuses = ['unclaimed', 'rectifying', 'applied', 'closed'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];
export const problemStatusLabels: Record<ProblemStatus, string> = {
  unclaimed: '待认领',
  rectifying: '整改中',
  applied: '申请销号',
  closed: '已销号',
};

/** The stored “四个一” fields. `deadline` is a Shanghai calendar day (YYYY-MM-DD); the day itself is allowed. */
export type FourOnes = {
  ownerId: number | null;
  plan: string;
  measures: string[];
  deadline: string | null;
};

export const deferralStatuses = ['pending', 'approved', 'rejected'] as const;
export type DeferralStatus = (typeof deferralStatuses)[number];
export const deferralStatusLabels: Record<DeferralStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
};

export type Deferral = {
  reason: string;
  /** The new deadline day (YYYY-MM-DD) once approved; after it ends the problem is overdue again. */
  until: string;
  status: DeferralStatus;
  requestedBy: number;
  requestedAt: Date;
  decidedBy: number | null;
  decidedAt: Date | null;
  decisionNote: string;
};

export type SignOff = { unitId: number; by: number; at: Date; note: string };

export const problemEventTypes = [
  'created',
  'created_as_recurrence',
  'four_ones_set',
  'claimed',
  'signed_off',
  'applied',
  'verified_pass',
  'verified_fail',
  'deferral_requested',
  'deferral_approved',
  'deferral_rejected',
  'recurred',
] as const;
export type ProblemEventType = (typeof problemEventTypes)[number];
export const problemEventLabels: Record<ProblemEventType, string> = {
  created: '登记问题',
  created_as_recurrence: '问题复发重新登记',
  four_ones_set: '完善“四个一”',
  claimed: '认领问题',
  signed_off: '单位会签',
  applied: '申请销号',
  verified_pass: '验收通过（销号）',
  verified_fail: '验收不通过',
  deferral_requested: '申请延期',
  deferral_approved: '批准延期',
  deferral_rejected: '不批准延期',
  recurred: '问题复发',
};

export type ProblemEvent = {
  type: ProblemEventType;
  at: Date;
  by: number;
  from: ProblemStatus | null;
  to: ProblemStatus;
  note: string;
  unitId?: number;
  relatedProblemId?: number;
};

export type Problem = {
  id: number;
  inspectionId: number | null;
  title: string;
  description: string;
  /** Units responsible for rectification; more than one makes it a joint problem needing every unit's sign-off. */
  unitIds: number[];
  status: ProblemStatus;
  fourOnes: FourOnes;
  /** The office fixed the deadline when issuing the problem, so the unit cannot change it while claiming. */
  isDeadlineFixed: boolean;
  claimedByUnitId: number | null;
  rectificationSummary: string;
  signOffs: SignOff[];
  deferrals: Deferral[];
  closedAt: Date | null;
  /** Set on a problem registered because an earlier, closed one came back. */
  recurrenceOf: number | null;
  /** Ids of the problems registered when this one recurred after being closed. */
  recurrenceIds: number[];
  history: ProblemEvent[];
};

export type ProblemContext = { by: number; at: Date };

export function isJointProblem(problem: Pick<Problem, 'unitIds'>): boolean {
  return problem.unitIds.length > 1;
}
