import type { DeadlineState } from '@fazhi/core/reports/deadlines';
import { deadlineStateLabels } from '@fazhi/core/reports/deadlines';
import type { ReportStatus } from '@fazhi/core/reports/report-lifecycle';
import { reportStatusLabels } from '@fazhi/core/reports/report-lifecycle';
import { Tag } from 'antd';

const statusColors: Record<ReportStatus, string> = {
  draft: 'default',
  review: 'processing',
  final: 'purple',
  submitted: 'cyan',
  published: 'success',
};

export function ReportStatusTag({ status }: { status: ReportStatus | null }) {
  if (!status) return <Tag>未起草</Tag>;
  return <Tag color={statusColors[status]}>{reportStatusLabels[status]}</Tag>;
}

const deadlineColors: Record<DeadlineState, string> = {
  done: 'success',
  done_late: 'warning',
  pending: 'default',
  due_soon: 'orange',
  overdue: 'error',
  not_yet: 'default',
  not_required: 'default',
};

/** A deadline's state with its due day beside it (an internal report has no publication day). */
export function DeadlineTag({ state, due }: { state: DeadlineState; due: string | null }) {
  return (
    <span className="deadline-cell">
      <Tag color={deadlineColors[state]}>{deadlineStateLabels[state]}</Tag>
      {due ? <span style={{ fontSize: 12, color: '#8c8c8c' }}>{due}</span> : null}
    </span>
  );
}
