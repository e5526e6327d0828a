import {
  type LiaisonReminder,
  liaisonReminderKinds,
  liaisonReminders,
  liaisonYearStatuses,
} from '@fazhi/core/grassroots/liaison-obligation';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { shanghaiYearMonth, startOfShanghaiYear } from '../platform/kernel/clock.ts';
import { notify, withdrawNotificationsUnless } from '../platform/platform.notifications.service.ts';
import { queryAssignments, queryVisits } from './grassroots.repo.ts';

/**
 * Liaison visit reminders as in-app notifications: “due soon” in the last 15 days of a period with visits missing,
 * “overdue” once it has ended. The core decides and keys each reminder (leader × point × period × kind); one
 * INSERT … SELECT sends them all to the leader's account and the reporters of the leader's unit (and, when overdue,
 * the office covering the point), each once however often the job runs.
 */
export async function sendLiaisonReminders(db: Executor, now: Date) {
  const { year } = shanghaiYearMonth(now);
  const [assignments, visits] = await Promise.all([
    queryAssignments(db, null, { year: year - 1 }).then(async (prev) => [
      ...prev.map((a) => ({ a, year: year - 1 })),
      ...(await queryAssignments(db, null, { year })).map((a) => ({ a, year })),
    ]),
    queryVisits(db, null, { from: startOfShanghaiYear(year - 1) }),
  ]);
  const coreVisits = visits.map((v) => ({
    id: v.id,
    leaderId: v.leader_id,
    pointId: v.org_id,
    visitedAt: v.visited_at,
  }));
  const reminders: (LiaisonReminder & { pointName: string })[] = [];
  for (const { a, year: y } of assignments) {
    const statuses = liaisonYearStatuses(
      {
        id: a.id,
        leaderId: a.leader_id,
        pointId: a.org_id,
        obligation: { every: a.every, times: a.times },
        startDate: a.start_date,
        endDate: a.end_date,
      },
      coreVisits,
      y,
      now,
    );
    for (const r of liaisonReminders(statuses, now)) reminders.push({ ...r, pointName: a.org_name });
  }
  if (reminders.length === 0) return { sent: 0 };
  const payload = JSON.stringify(
    [...new Map(reminders.map((r) => [r.key, r])).values()].map((r) => ({
      key: r.key,
      kind: r.kind,
      leader_id: r.leaderId,
      point_id: r.pointId,
      title: r.kind === 'overdue' ? '挂点联系走访逾期' : '挂点联系走访即将到期',
      body: `联系点“${r.pointName}”：${r.message}`,
    })),
  );
  const sent = await notify(db, {
    select: sql`
    select distinct on (u.id, r.key) u.id, 'grassroots.liaison_' || r.kind, r.title, r.body, '/grassroots/liaison', r.key
    from jsonb_to_recordset(${payload}::jsonb)
      as r(key text, kind text, leader_id int, point_id int, title text, body text)
    join liaison_leaders l on l.id = r.leader_id
    join orgs p on p.id = r.point_id
    join users u on u.is_active and (
         u.id = l.user_id
      or (u.org_id = l.org_id and u.role in ('reporter', 'unit_leader'))
      or (r.kind = 'overdue' and u.role = 'office' and exists (
            select 1 from orgs root where root.id = coalesce(u.scope_org_id, u.org_id) and p.path like root.path || '%')))`,
  });
  return { sent };
}

/**
 * Withdraws (deletes, read or not) a leader × point's liaison reminders whose reason is gone: those keyed to a period
 * that the pair's assignments no longer leave short of visits — a visit recorded has filled it, or an ended
 * assignment no longer owes it. Reminders of periods still short of visits, and of other leaders and points, stay.
 * Runs in the caller's transaction; returns how many were withdrawn.
 */
export async function withdrawSettledLiaisonReminders(tx: Executor, leaderId: number, pointId: number, now: Date) {
  const assignments = (await queryAssignments(tx, null, { leaderId })).filter((a) => a.org_id === pointId);
  const visits = (await queryVisits(tx, null, { leaderId, orgId: pointId })).map((v) => ({
    id: v.id,
    leaderId: v.leader_id,
    pointId: v.org_id,
    visitedAt: v.visited_at,
  }));
  const { year } = shanghaiYearMonth(now);
  const owed = new Set<string>();
  for (const a of assignments) {
    const assignment = {
      id: a.id,
      leaderId: a.leader_id,
      pointId: a.org_id,
      obligation: { every: a.every, times: a.times },
      startDate: a.start_date,
      endDate: a.end_date,
    };
    for (let y = Number(a.start_date.slice(0, 4)); y <= year; y++)
      for (const s of liaisonYearStatuses(assignment, visits, y, now)) if (s.status !== 'done') owed.add(s.period);
  }
  return withdrawNotificationsUnless(tx, {
    kinds: liaisonReminderKinds.map((k) => `grassroots.liaison_${k}`),
    keyLike: `grassroots:liaison:${leaderId}:${pointId}:%`,
    // The key is grassroots:liaison:<leader>:<point>:<period>:<kind>.
    stillDue:
      owed.size === 0
        ? sql`false`
        : sql`split_part(n.dedupe_key, ':', 5) in (${sql.join(
            [...owed].map((p) => sql`${p}`),
            sql`, `,
          )})`,
  });
}
