import type { ProblemActionInput } from '@fazhi/core/oversight/problem.schemas';
import type { Executor } from '../db/client.ts';
import { raiseEvent } from '../platform/platform.notification-events.service.ts';
import { withdrawNotifications } from '../platform/platform.notifications.service.ts';

type ProblemRef = { id: number; title: string; unitIds: readonly number[] };

const linkOf = (id: number) => `/oversight/problems/${id}`;

/** A problem 交办 to its responsible units: their reporters and leaders are told. */
export function notifyProblemAssigned(tx: Executor, problem: ProblemRef, actorId: number) {
  return raiseEvent(tx, {
    kind: 'problem.assigned',
    title: '督察问题交办',
    body: `问题“${problem.title}”已交办本单位整改，请认领并完善“四个一”`,
    link: linkOf(problem.id),
    audience: { to: 'unit', orgIds: problem.unitIds },
    actorId,
  });
}

/**
 * The steps others must hear of: 销号 applied (the office verifies; how many 佐证材料 it cites), 整改 verified pass or
 * fail (the responsible units, with the office's 审核意见). Other steps raise nothing.
 */
export function notifyProblemAction(tx: Executor, problem: ProblemRef, action: ProblemActionInput, actorId: number) {
  const link = linkOf(problem.id);
  const base = { link, actorId };
  if (action.type === 'apply')
    return raiseEvent(tx, {
      ...base,
      kind: 'problem.applied',
      title: '问题整改申请销号待验收',
      body: `问题“${problem.title}”已申请销号${action.attachmentIds.length ? `，附佐证材料${action.attachmentIds.length}份` : ''}，请验收`,
      audience: { to: 'office', orgIds: problem.unitIds },
    });
  if (action.type === 'verify_pass')
    return withdrawProblemReminders(tx, problem.id).then(() =>
      raiseEvent(tx, {
        ...base,
        kind: 'problem.verified',
        title: '问题整改验收通过',
        body: `问题“${problem.title}”整改验收通过，已销号${action.note?.trim() ? `。审核意见：${action.note.trim()}` : ''}`,
        audience: { to: 'unit', orgIds: problem.unitIds },
      }),
    );
  if (action.type === 'verify_fail')
    return raiseEvent(tx, {
      ...base,
      kind: 'problem.verify_failed',
      title: '问题整改验收不通过',
      body: `问题“${problem.title}”整改验收不通过，审核意见：${action.reason}`,
      audience: { to: 'unit', orgIds: problem.unitIds },
    });
  return Promise.resolve(0);
}

/** A problem 销号: its deadline and escalation reminders have no reason left and are withdrawn (deleted). */
export function withdrawProblemReminders(tx: Executor, problemId: number) {
  return withdrawNotifications(tx, { kindPrefix: 'oversight.', link: linkOf(problemId) });
}
