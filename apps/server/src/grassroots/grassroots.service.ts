import type {
  assignmentCreateSchema,
  functionsUpdateSchema,
  leaderCreateSchema,
  VisitCreate,
} from '@fazhi/core/grassroots/api.schemas';
import {
  functionsCompleteness,
  type JudicialOfficeFunction,
  judicialOfficeFunctionLabels,
  judicialOfficeFunctions,
  type RatingLevel,
  ratingLabel,
} from '@fazhi/core/grassroots/judicial-office';
import {
  describeObligation,
  type LiaisonAssignment,
  type LiaisonVisit,
  liaisonRate,
  liaisonStatusLabels,
  liaisonYearStatuses,
  periodLabel,
} from '@fazhi/core/grassroots/liaison-obligation';
import { buildLiaisonYearReport } from '@fazhi/core/grassroots/liaison-report';
import { townshipReportMetrics } from '@fazhi/core/grassroots/metrics';
import { registryByKey } from '@fazhi/core/metrics/definitions';
import { can } from '@fazhi/core/platform/roles';
import type { z } from '@fazhi/core/shared/zod';
import type { Db, Executor } from '../db/client.ts';
import { computeFigures } from '../metrics/metrics.figures.service.ts';
import { createProblemRecord } from '../oversight/oversight.problems.service.ts';
import { shanghaiDate, shanghaiToday, shanghaiYearMonth, startOfShanghaiDay } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isOrgInScope, requireFirst, requireOrgInScope } from '../platform/platform.scope.service.ts';
import { withdrawSettledLiaisonReminders } from './grassroots.reminders.service.ts';
import {
  type AssignmentRow,
  findOfficeProfile,
  insertAssignment,
  insertLeader,
  insertVisit,
  insertVisitProblem,
  lockVisitProblem,
  markProblemSent,
  type OfficeRow,
  orgKindOf,
  orgPathOf,
  queryAssignments,
  queryLeaders,
  queryOffices,
  queryVisits,
  setAssignmentEnd,
  upsertOfficeProfile,
  userExists,
  type VisitRow,
} from './grassroots.repo.ts';

const yearOf = (now: Date) => shanghaiYearMonth(now).year;

function officeSummary(row: OfficeRow) {
  const completeness = functionsCompleteness(row.functions ?? []);
  const rating =
    row.rating_year && row.rating_level && row.rating_stars
      ? { year: row.rating_year, level: row.rating_level as RatingLevel, stars: row.rating_stars }
      : null;
  return {
    orgId: row.org_id,
    name: row.name,
    townshipId: row.township_id,
    township: row.township,
    center: row.center,
    functions: (row.functions ?? []) as JudicialOfficeFunction[],
    note: row.note ?? '',
    version: row.version ?? 0,
    functionsPerformed: completeness.performed,
    functionsTotal: completeness.total,
    functionsMissing: completeness.missing,
    staff: row.staff,
    qualified: row.qualified,
    qualifiedShare: row.staff > 0 ? row.qualified / row.staff : null,
    examSat: row.exam_sat,
    examPassed: row.exam_passed,
    examPassRate: row.exam_sat > 0 ? row.exam_passed / row.exam_sat : null,
    decisionMeetings: row.meetings,
    decisionAttended: row.attended,
    rating: rating ? { ...rating, label: ratingLabel(rating) } : null,
  };
}

export async function listOffices(db: Executor, actor: Actor, year: number) {
  return (await queryOffices(db, actor.user, year)).map(officeSummary);
}

/** One 司法所: its profile, the functions checklist, and what it did this year from the ledgers (report figures). */
export async function officeDetail(db: Executor, actor: Actor, orgId: number, year: number) {
  const row = requireFirst(
    await queryOffices(db, actor.user, year, orgId),
    '未找到该司法所，或该司法所不在您的数据范围内',
  );
  const summary = officeSummary(row);
  const checklist = judicialOfficeFunctions.map((code) => ({
    code,
    label: judicialOfficeFunctionLabels[code],
    performed: summary.functions.includes(code),
  }));
  // The office's own figures, and beside them the whole township's (its villages, units and the office).
  const townshipId = row.township_id;
  const period = String(year);
  const table = await computeFigures(db, {
    user: actor.user,
    keys: townshipReportMetrics,
    orgIds: townshipId === null ? [row.org_id] : [row.org_id, townshipId],
    rootPath: await orgPathOf(db, townshipId ?? row.org_id),
    periods: [period],
  });
  const figuresOf = (orgId: number) =>
    townshipReportMetrics.map((key) => {
      const m = registryByKey.get(key)!;
      return { key, name: m.name, unit: m.unit, ...table.get(key, orgId, period) };
    });
  const townshipFigures =
    townshipId === null ? null : { id: townshipId, name: row.township ?? '', figures: figuresOf(townshipId) };
  return {
    ...summary,
    checklist,
    year,
    figures: figuresOf(row.org_id),
    figuresOrgId: row.org_id,
    townshipFigures,
    period,
  };
}

export async function updateFunctions(
  db: Db,
  actor: Actor,
  orgId: number,
  input: z.infer<typeof functionsUpdateSchema>,
) {
  return db.transaction(async (tx) => {
    await requireOrgInScope(tx, actor.user, orgId, '未找到该司法所，或该司法所不在您的数据范围内');
    if ((await orgKindOf(tx, orgId)) !== 'judicial_office') throw badRequest('只有司法所可以维护职能清单');
    const before = await findOfficeProfile(tx, orgId);
    const functions = [...new Set(input.functions)];
    const after = await upsertOfficeProfile(tx, { orgId, functions, note: input.note, updatedBy: actor.user.id });
    await writeAudit(tx, actor, {
      action: 'grassroots.functions.update',
      entity: 'judicial_office_profile',
      entityId: after.id,
      orgId,
      before: before ? { functions: before.functions, note: before.note } : null,
      after: { functions, note: input.note },
    });
    return { ok: true, version: after.version };
  });
}

export async function listLeaders(db: Executor, actor: Actor) {
  return (await queryLeaders(db, actor.user)).map((l) => ({
    id: l.id,
    orgId: l.org_id,
    orgName: l.org_name,
    name: l.name,
    title: l.title,
    userId: l.user_id,
  }));
}

export async function createLeader(db: Db, actor: Actor, input: z.infer<typeof leaderCreateSchema>) {
  return db.transaction(async (tx) => {
    await requireOrgInScope(tx, actor.user, input.orgId);
    if (input.userId !== null) {
      if (!(await userExists(tx, input.userId)))
        throw badRequest('关联账号不存在', [{ field: 'userId', message: '账号不存在' }]);
    }
    const row = await insertLeader(tx, input);
    await writeAudit(tx, actor, {
      action: 'grassroots.leader.create',
      entity: 'liaison_leader',
      entityId: row.id,
      orgId: input.orgId,
      after: input,
    });
    return row;
  });
}

async function requireLeader(db: Executor, actor: Actor, id: number) {
  const leader = requireFirst(await queryLeaders(db, actor.user, id), '未找到该联系领导，或不在您的数据范围内');
  return leader;
}

export async function createAssignment(db: Db, actor: Actor, input: z.infer<typeof assignmentCreateSchema>) {
  return db.transaction(async (tx) => {
    await requireLeader(tx, actor, input.leaderId);
    await requireOrgInScope(tx, actor.user, input.orgId, '联系点不存在或不在您的数据范围内');
    const row = await insertAssignment(tx, { ...input, createdBy: actor.user.id });
    await writeAudit(tx, actor, {
      action: 'grassroots.assignment.create',
      entity: 'liaison_assignment',
      entityId: row.id,
      orgId: input.orgId,
      after: input,
    });
    return row;
  });
}

export async function endAssignment(db: Db, actor: Actor, id: number, endDate: string, now: Date) {
  return db.transaction(async (tx) => {
    const a = requireFirst(
      await queryAssignments(tx, actor.user, { id }),
      '未找到该挂点联系安排，或不在您的数据范围内',
    );
    await requireOrgInScope(tx, actor.user, a.org_id, '未找到该挂点联系安排，或不在您的数据范围内');
    if (endDate < a.start_date)
      throw badRequest('结束日期不能早于开始日期', [{ field: 'endDate', message: '早于开始日期' }]);
    await setAssignmentEnd(tx, id, endDate);
    // Reminders of periods the assignment no longer owes are withdrawn with it.
    await withdrawSettledLiaisonReminders(tx, a.leader_id, a.org_id, now);
    await writeAudit(tx, actor, {
      action: 'grassroots.assignment.end',
      entity: 'liaison_assignment',
      entityId: id,
      orgId: a.org_id,
      before: { endDate: a.end_date },
      after: { endDate },
    });
    return { ok: true };
  });
}

const toAssignment = (a: AssignmentRow): LiaisonAssignment => ({
  id: a.id,
  leaderId: a.leader_id,
  pointId: a.org_id,
  obligation: { every: a.every, times: a.times },
  startDate: a.start_date,
  endDate: a.end_date,
});
const toVisit = (v: VisitRow): LiaisonVisit => ({
  id: v.id,
  leaderId: v.leader_id,
  pointId: v.org_id,
  visitedAt: v.visited_at,
  findings: v.problems_heard,
  suggestions: v.follow_up,
});

function visitView(v: VisitRow) {
  return {
    id: v.id,
    leaderId: v.leader_id,
    leaderName: v.leader_name,
    orgId: v.org_id,
    orgName: v.org_name,
    visitedOn: shanghaiDate(v.visited_at),
    peopleMet: v.people_met,
    problemsHeard: v.problems_heard,
    followUp: v.follow_up,
    problems: v.problems,
  };
}

const yearRange = (year: number) => ({
  from: startOfShanghaiDay(`${year}-01-01`),
  to: startOfShanghaiDay(`${year + 1}-01-01`),
});

/** Every assignment in scope with its periods (done / due / overdue) this year, and the year's visits. */
export async function liaisonOverview(db: Executor, actor: Actor, year: number, now: Date) {
  const [assignments, visits] = await Promise.all([
    queryAssignments(db, actor.user, { year }),
    queryVisits(db, actor.user, yearRange(year)),
  ]);
  const coreVisits = visits.map(toVisit);
  const items = assignments.map((a) => {
    const periods = liaisonYearStatuses(toAssignment(a), coreVisits, year, now);
    return {
      id: a.id,
      leaderId: a.leader_id,
      leaderName: a.leader_name,
      leaderTitle: a.leader_title,
      orgId: a.org_id,
      orgName: a.org_name,
      every: a.every,
      times: a.times,
      obligation: describeObligation({ every: a.every, times: a.times }),
      startDate: a.start_date,
      endDate: a.end_date,
      periods: periods.map((p) => ({
        period: p.period,
        label: periodLabel(p.period),
        required: p.required,
        done: p.done,
        status: p.status,
        statusLabel: liaisonStatusLabels[p.status],
      })),
      overdue: periods.filter((p) => p.status === 'overdue').length,
      rate: liaisonRate(periods),
    };
  });
  const all = liaisonRate(assignments.flatMap((a) => liaisonYearStatuses(toAssignment(a), coreVisits, year, now)));
  return { year, assignments: items, visits: visits.map(visitView), totals: { ...all, visits: visits.length } };
}

export async function requireVisit(db: Executor, actor: Actor, id: number) {
  const v = requireFirst(await queryVisits(db, actor.user, { id }), '未找到该走访记录，或不在您的数据范围内');
  return visitView(v);
}

/** A visit is recorded by the leader's unit, or by whoever has the point in scope, within an assignment in force. */
export async function createVisit(db: Db, actor: Actor, input: VisitCreate, now: Date) {
  return db.transaction(async (tx) => {
    const leader = await requireLeader(tx, actor, input.leaderId);
    const mayRecord =
      (await isOrgInScope(tx, actor.user, leader.org_id)) || (await isOrgInScope(tx, actor.user, input.orgId));
    if (!mayRecord) throw notFound('未找到该联系领导，或不在您的数据范围内');
    if (input.visitedOn > shanghaiToday(now))
      throw badRequest('走访日期不能晚于今天', [{ field: 'visitedOn', message: '晚于今天' }]);
    const assignments = await queryAssignments(tx, null, { leaderId: input.leaderId });
    const inForce = assignments.some(
      (a) =>
        a.org_id === input.orgId &&
        a.start_date <= input.visitedOn &&
        (a.end_date === null || a.end_date >= input.visitedOn),
    );
    if (!inForce)
      throw badRequest(`${leader.name}在${input.visitedOn}未挂点联系该单位，请先确认挂点联系安排`, [
        { field: 'orgId', message: '非该领导的联系点' },
      ]);
    const row = await insertVisit(tx, {
      orgId: input.orgId,
      leaderId: input.leaderId,
      visitedAt: startOfShanghaiDay(input.visitedOn),
      peopleMet: input.peopleMet,
      problemsHeard: input.problemsHeard,
      followUp: input.followUp,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'grassroots.visit.create',
      entity: 'liaison_visit',
      entityId: row.id,
      orgId: input.orgId,
      after: input,
    });
    // The reminders of the period this visit fills are withdrawn with it.
    await withdrawSettledLiaisonReminders(tx, input.leaderId, input.orgId, now);
    return row;
  });
}

/**
 * A problem heard on a visit. Someone who runs the problem pool (依法治办) sends it there at once; otherwise it waits
 * on the visit for the office to send it.
 */
export async function raiseVisitProblem(
  db: Db,
  actor: Actor,
  visitId: number,
  input: { title: string; description: string },
  now: Date,
) {
  const visit = await requireVisit(db, actor, visitId);
  return db.transaction(async (tx) => {
    const row = await insertVisitProblem(tx, {
      visitId,
      orgId: visit.orgId,
      title: input.title,
      description: input.description,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'grassroots.visit.problem',
      entity: 'liaison_problem',
      entityId: row.id,
      orgId: visit.orgId,
      after: input,
    });
    const problemId = can(actor.user.role, 'oversight.manage') ? await sendToPool(tx, actor, row.id, now) : null;
    return { id: row.id, problemId };
  });
}

export async function sendProblemToPool(db: Db, actor: Actor, id: number, now: Date) {
  return db.transaction(async (tx) => ({ problemId: await sendToPool(tx, actor, id, now) }));
}

async function sendToPool(tx: Executor, actor: Actor, id: number, now: Date): Promise<number> {
  const p = await lockVisitProblem(tx, id);
  if (!p) throw notFound('未找到该问题，或不在您的数据范围内');
  await requireOrgInScope(tx, actor.user, p.org_id, '未找到该问题，或不在您的数据范围内');
  if (!can(actor.user.role, 'oversight.manage')) throw forbidden('转入问题池须由依法治办办理');
  if (p.problem_id) throw conflict('该问题已转入问题池');
  const source = `（来源：${p.leader_name}${shanghaiDate(new Date(p.visited_at))}挂点联系走访）`;
  const { id: problemId } = await createProblemRecord(
    tx as unknown as Db,
    actor,
    {
      inspectionId: null,
      title: p.title,
      description: `${p.description}${source}`,
      unitIds: [p.org_id],
      deadline: null,
    },
    now,
  );
  await markProblemSent(tx, id, problemId, now);
  await writeAudit(tx, actor, {
    action: 'grassroots.problem.send',
    entity: 'liaison_problem',
    entityId: id,
    orgId: p.org_id,
    after: { problemId },
  });
  return problemId;
}

/** A leader's yearly 联系指导情况报告: per point the periods and visits, with totals. */
export async function leaderReport(db: Executor, actor: Actor, leaderId: number, year: number, now: Date) {
  const leader = await requireLeader(db, actor, leaderId);
  const [assignments, visits] = await Promise.all([
    queryAssignments(db, null, { year, leaderId }),
    queryVisits(db, null, { ...yearRange(year), leaderId }),
  ]);
  const report = buildLiaisonYearReport(leaderId, year, assignments.map(toAssignment), visits.map(toVisit), now);
  const names = new Map(assignments.map((a) => [a.org_id, a.org_name]));
  const visitsById = new Map(visits.map((v) => [v.id, v]));
  return {
    leader: { id: leader.id, name: leader.name, title: leader.title, orgName: leader.org_name },
    year,
    totals: report.totals,
    points: report.points.map((p) => ({
      orgId: p.pointId,
      orgName: names.get(p.pointId) ?? '',
      obligation: p.obligation,
      rate: p.rate,
      overduePeriods: p.overduePeriods.map(periodLabel),
      periods: p.periods.map((s) => ({
        label: periodLabel(s.period),
        required: s.required,
        done: s.done,
        statusLabel: liaisonStatusLabels[s.status],
      })),
      visits: visits
        .filter((v) => v.org_id === p.pointId)
        .reverse()
        .map((v) => ({ ...visitView(visitsById.get(v.id)!) })),
    })),
  };
}

export const currentYear = yearOf;
