import type { Executor } from '../db/client.ts';
import { raiseEvent } from '../platform/platform.notification-events.service.ts';

const linkOf = (_roundId: number) => '/assessment';

/** Results go to 公示: every participating unit is told, with the appeal deadline. */
export function notifyResultsPublished(
  tx: Executor,
  round: { id: number; name: string },
  orgIds: readonly number[],
  appealClosesAt: Date,
  actorId: number,
) {
  const closes = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(appealClosesAt);
  return raiseEvent(tx, {
    kind: 'assessment.published',
    title: '考核结果公示',
    body: `“${round.name}”考核结果已公示，如有异议请于${closes}前提出申诉`,
    link: linkOf(round.id),
    audience: { to: 'unit', orgIds },
    actorId,
  });
}

/** An appeal decided: the appealing unit is told the outcome and the reason. */
export function notifyAppealDecided(
  tx: Executor,
  round: { id: number; name: string },
  orgId: number,
  outcome: 'upheld' | 'rejected',
  reason: string,
  actorId: number,
) {
  return raiseEvent(tx, {
    kind: 'assessment.appeal_decided',
    title: outcome === 'upheld' ? '考核申诉已采纳' : '考核申诉未采纳',
    body: `“${round.name}”的申诉${outcome === 'upheld' ? '已采纳，得分已重新核算' : '未被采纳'}，理由：${reason}`,
    link: linkOf(round.id),
    audience: { to: 'unit', orgIds: [orgId] },
    actorId,
  });
}
