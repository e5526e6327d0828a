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
};

export function DeadlineTag({ state, due }: { state: DeadlineState; due: string }) {
  return (
    <Tag color={deadlineColors[state]} title={`截止 ${due}`}>
      {deadlineStateLabels[state]}
    </Tag>
  );
}
