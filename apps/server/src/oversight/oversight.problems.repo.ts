import type { Problem, ProblemEventType, ProblemStatus } from '@fazhi/core/oversight/problem';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { recordEvents } from '../platform/platform.events.service.ts';
import { attachments } from '../platform/platform.schema.ts';
import type { LoadedProblem } from './oversight.repo.ts';
import { problemDeferrals, problemEvidence, problemSignOffs, problems, problemUnits } from './oversight.schema.ts';

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

/**
 * Links 佐证材料 to the latest history event of `type` (the one the caller's transition just appended: the problem
 * row's version guard keeps another step from slipping in between).
 */
export async function linkEvidenceToLastEvent(
  tx: Executor,
  problemId: number,
  type: ProblemEventType,
  files: readonly { attachmentId: number; orgId: number }[],
) {
  if (files.length === 0) return;
  const [event] = await queryRows<{ id: number }>(
    tx,
    sql`select max(id)::int as id from problem_events where problem_id = ${problemId} and type = ${type}`,
  );
  await tx
    .insert(problemEvidence)
    .values(
      files.map((f, sort) => ({ problemId, eventId: event!.id, attachmentId: f.attachmentId, orgId: f.orgId, sort })),
    );
}

/** A 佐证材料 file cited by a step of the problem's history, with its content; undefined when it is not cited there. */
export async function findProblemEvidenceFile(db: Executor, problemId: number, attachmentId: number) {
  const [row] = await db
    .select({
      filename: attachments.filename,
      mime: attachments.mime,
      sha256: attachments.sha256,
      data: attachments.data,
    })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, attachmentId),
        sql`exists (select 1 from problem_evidence pe where pe.problem_id = ${problemId} and pe.attachment_id = ${attachments.id})`,
      ),
    );
  return row;
}

/** The uploading org of each attachment among `ids` (to record whose file a step cites). */
export async function attachmentOrgs(db: Executor, ids: readonly number[]) {
  const rows = await queryRows<{ id: number; org_id: number }>(
    db,
    sql`select id, org_id from attachments where id in (${idList(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r.org_id]));
}
