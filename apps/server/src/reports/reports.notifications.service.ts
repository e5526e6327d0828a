import type { ReportAction } from '@fazhi/core/reports/report-lifecycle';
import type { Executor } from '../db/client.ts';
import { type EventAudience, raiseEvent } from '../platform/platform.notification-events.service.ts';

type ReportRef = { id: number; title: string; orgId: number; createdBy: number | null };

/**
 * A report sent for review (the office is told) or returned (the unit's reporters and leaders, and its author, are
 * told with the reason). Other steps raise nothing.
 */
export function notifyReportAction(
  tx: Executor,
  report: ReportRef,
  action: ReportAction,
  reason: string,
  actorId: number,
) {
  const link = `/reports/${report.id}`;
  if (action === 'send_review')
    return raiseEvent(tx, {
      kind: 'report.sent_review',
      title: '报告待审核',
      body: `“${report.title}”已提交审核`,
      link,
      audience: { to: 'office', orgIds: [report.orgId] },
      actorId,
    });
  if (action === 'return') {
    const audience: EventAudience[] = [{ to: 'unit', orgIds: [report.orgId] }];
    if (report.createdBy !== null) audience.push({ to: 'users', userIds: [report.createdBy] });
    return raiseEvent(tx, {
      kind: 'report.returned',
      title: '报告被退回修改',
      body: `“${report.title}”被退回修改，理由：${reason}`,
      link,
      audience,
      actorId,
    });
  }
  return Promise.resolve(0);
}
