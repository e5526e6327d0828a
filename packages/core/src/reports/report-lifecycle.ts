/** The annual report lifecycle (DESIGN §6): 起草 → 审核 → 定稿 (frozen with its figures) → 报送 → 公开. */
export const reportStatuses = ['draft', 'review', 'final', 'submitted', 'published'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportStatusLabels: Record<ReportStatus, string> = {
  draft: '起草',
  review: '审核中',
  final: '已定稿',
  submitted: '已报送',
  published: '已公开',
};

export const reportActions = ['send_review', 'return', 'finalize', 'submit', 'publish'] as const;
export type ReportAction = (typeof reportActions)[number];

export const reportActionLabels: Record<ReportAction, string> = {
  send_review: '提交审核',
  return: '退回修改',
  finalize: '定稿',
  submit: '报送上级',
  publish: '公开发布',
};

/** Which permission an action needs: the unit drafts and sends for review; the office reviews, finalises, submits. */
export const reportActionPermission: Record<ReportAction, 'report.write' | 'report.approve'> = {
  send_review: 'report.write',
  return: 'report.approve',
  finalize: 'report.approve',
  submit: 'report.approve',
  publish: 'report.approve',
};

const transitions: Record<ReportAction, { from: ReportStatus; to: ReportStatus }> = {
  send_review: { from: 'draft', to: 'review' },
  return: { from: 'review', to: 'draft' },
  finalize: { from: 'review', to: 'final' },
  submit: { from: 'final', to: 'submitted' },
  publish: { from: 'submitted', to: 'published' },
};

export type ReportTransition = { ok: true; status: ReportStatus } | { ok: false; message: string };

export function applyReportAction(status: ReportStatus, action: ReportAction, reason = ''): ReportTransition {
  const rule = transitions[action];
  if (status !== rule.from) {
    return {
      ok: false,
      message: `报告状态为“${reportStatusLabels[status]}”，不能${reportActionLabels[action]}（需为“${reportStatusLabels[rule.from]}”）`,
    };
  }
  if (action === 'return' && reason.trim() === '') return { ok: false, message: '退回修改时请填写审核意见' };
  return { ok: true, status: rule.to };
}

/** Only a draft can be edited; from 定稿 on the text and its figures are frozen. */
export const isReportEditable = (status: ReportStatus) => status === 'draft';
export const isReportFrozen = (status: ReportStatus) =>
  status === 'final' || status === 'submitted' || status === 'published';

/** Actions available from a status (the UI offers these, filtered by permission). */
export function availableReportActions(status: ReportStatus): ReportAction[] {
  return reportActions.filter((action) => transitions[action].from === status);
}
