import type { Problem, ProblemStatus } from '@fazhi/core/oversight/problem';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { recordEvents } from '../platform/platform.events.service.ts';
import type { LoadedProblem } from './oversight.repo.ts';
import { problemDeferrals, problemSignOffs, problems, problemUnits } from './oversight.schema.ts';

const idList = (list: readonly number[]) => sql.join(list.length ? list.map((x) => sql`${x}`) : [sql`0`], sql`, `);

/** The problems a recurrence links to, by id (the caller got the ids from a problem it may see). */
export async function queryRelatedProblems(db: Executor, ids: readonly number[]) {
  return queryRows<{ id: number; title: string; status: ProblemStatus }>(
    db,
    sql`select id, title, status from problems where id in (${idList(ids)})`,
  );
}

/** A new problem row with its responsible units and its first history events. */
export async function insertProblem(
  tx: Executor,
  values: typeof problems.$inferInsert,
  unitIds: readonly number[],
  history: Problem['history'],
) {
  const [row] = await tx.insert(problems).values(values).returning({ id: problems.id });
  const id = row!.id;
  await tx.insert(problemUnits).values(unitIds.map((orgId, sort) => ({ problemId: id, orgId, sort })));
  await insertProblemEvents(tx, id, history);
  return id;
}

/** Active cadres of the given units, to pick the one 整改责任人 from. */
export async function queryOwnerOptions(db: Executor, unitIds: readonly number[]) {
  return queryRows<{ id: number; name: string; position: string; orgId: number; orgName: string }>(
    db,
    sql`select c.id, c.name, c.position, c.org_id as "orgId", o.name as "orgName"
        from cadres c join orgs o on o.id = c.org_id
        where c.is_active and c.org_id in (${idList(unitIds)})
        order by c.org_id, c.sort, c.id`,
  );
}

/** How many of `ownerIds` are active cadres of the given units. */
export async function countActiveOwners(db: Executor, ownerIds: readonly number[], unitIds: readonly number[]) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from cadres where is_active and id in (${idList(ownerIds)}) and org_id in (${idList(unitIds)})`,
  );
  return rows.length;
}

/**
 * Stores the core's next state: the row (guarded by version: false when someone else changed it first), sign-offs,
 * deferrals and the new history events.
 */
export async function storeProblemState(tx: Executor, before: LoadedProblem, after: Problem): Promise<boolean> {
  const updated = await tx
    .update(problems)
    .set({
      status: after.status,
      ownerId: after.fourOnes.ownerId,
      planText: after.fourOnes.plan,
      measures: after.fourOnes.measures,
      deadline: after.fourOnes.deadline,
      claimedByUnitId: after.claimedByUnitId,
      rectificationSummary: after.rectificationSummary,
      closedAt: after.closedAt,
      version: sql`${problems.version} + 1`,
    })
    .where(and(eq(problems.id, after.id), eq(problems.version, before.version)))
    .returning({ id: problems.id });
  if (updated.length === 0) return false;
  if (after.signOffs !== before.problem.signOffs) {
    await tx.delete(problemSignOffs).where(eq(problemSignOffs.problemId, after.id));
    if (after.signOffs.length)
      await tx.insert(problemSignOffs).values(
        after.signOffs.map((s) => ({
          problemId: after.id,
          orgId: s.unitId,
          signedBy: s.by || null,
          signedAt: s.at,
          note: s.note,
        })),
      );
  }
  for (const [seq, d] of after.deferrals.entries()) {
    const old = before.problem.deferrals[seq];
    if (old && old.status === d.status) continue;
    if (old) {
      await tx
        .update(problemDeferrals)
        .set({ status: d.status, decidedBy: d.decidedBy, decidedAt: d.decidedAt, decisionNote: d.decisionNote })
        .where(and(eq(problemDeferrals.problemId, after.id), eq(problemDeferrals.seq, seq)));
    } else {
      await tx.insert(problemDeferrals).values({
        problemId: after.id,
        seq,
        reason: d.reason,
        until: d.until,
        status: d.status,
        requestedBy: d.requestedBy || null,
        requestedAt: d.requestedAt,
      });
    }
  }
  await insertProblemEvents(tx, after.id, after.history.slice(before.problem.history.length));
  return true;
}

async function insertProblemEvents(tx: Executor, problemId: number, events: Problem['history']) {
  if (events.length === 0) return;
  await recordEvents(
    tx,
    'problem',
    events.map((e) => ({
      subjectId: problemId,
      action: e.type,
      fromStatus: e.from,
      toStatus: e.to,
      note: e.note,
      unitId: e.unitId ?? null,
      relatedProblemId: e.relatedProblemId ?? null,
      actorId: e.by || null,
      at: e.at,
    })),
  );
}
