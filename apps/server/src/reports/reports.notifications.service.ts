import type { ReportAction } from '@fazhi/core/reports/report-lifecycle';
import type { Executor } from '../db/client.ts';
import { type EventAudience, raiseEvent } from '../platform/platform.notification-events.service.ts';

type ReportRef = { id: number; title: string; orgId: number; createdBy: number | null };

/**
 * A report sent for review (the office is told), returned for changes or 定稿 (the unit's reporters and leaders, and
 * its author, are told, with the office's 审核意见 and how many files came with it). Other steps raise nothing.
 */
export function notifyReportAction(
  tx: Executor,
  report: ReportRef,
  action: ReportAction,
  reason: string,
  actorId: number,
  attachmentCount = 0,
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
  if (action === 'return' || action === 'finalize') {
    const audience: EventAudience[] = [{ to: 'unit', orgIds: [report.orgId] }];
    if (report.createdBy !== null) audience.push({ to: 'users', userIds: [report.createdBy] });
    const files = attachmentCount ? `（附件${attachmentCount}份）` : '';
    const returned = action === 'return';
    return raiseEvent(tx, {
      kind: returned ? 'report.returned' : 'report.finalized',
      title: returned ? '报告被退回修改' : '报告已审核定稿',
      body: returned
        ? `“${report.title}”被退回修改，审核意见：${reason}${files}`
        : `“${report.title}”已审核定稿${reason ? `，审核意见：${reason}` : ''}${files}`,
      link,
      audience,
      actorId,
    });
  }
  return Promise.resolve(0);
}
