import type { BulletinLevel, BulletinStance } from '@fazhi/core/oversight/bulletin';
import type { ProblemStatus } from '@fazhi/core/oversight/problem';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { effectiveDeadlineSql, problemVisibleSql } from './oversight.repo.ts';
import { bulletinEntries, bulletins, docNumberRegisters } from './oversight.schema.ts';

const ids = (list: readonly number[]) => sql.join(list.length ? list.map((x) => sql`${x}`) : [sql`0`], sql`, `);

type BulletinRow = {
  id: number;
  org_id: number;
  org_name: string;
  year: number;
  title: string;
  doc_no: string;
  level: BulletinLevel;
  issued_on: string;
  intro: string;
  cc: string;
  created_at: string | Date;
  withdrawn_at: string | Date | null;
  withdraw_reason: string;
  entries: { orgId: number; orgName: string; stance: BulletinStance; reason: string; problemIds: number[] }[] | null;
};

export type BulletinFilter = { year?: number; id?: number; inForce?: boolean };

/** Bulletins the user's scope issued, or that name a unit in it; entries about units outside the scope are left out. */
export async function queryBulletins(db: Executor, user: AuthUser, filter: BulletinFilter) {
  const rows = await queryRows<BulletinRow>(
    db,
    sql`
    select b.id, b.org_id, o.name as org_name, b.year, b.title, b.doc_no, b.level, to_char(b.issued_on, 'YYYY-MM-DD') as issued_on,
      b.intro, b.cc, b.created_at, b.withdrawn_at, b.withdraw_reason,
      (select json_agg(json_build_object('orgId', e.org_id, 'orgName', eo.name, 'stance', e.stance, 'reason', e.reason,
              'problemIds', e.problem_ids) order by e.id)
         from bulletin_entries e join orgs eo on eo.id = e.org_id
         where e.bulletin_id = b.id and (${orgScopeSql(user, sql`b.org_id`)} or ${orgScopeSql(user, sql`e.org_id`)})) as entries
    from bulletins b join orgs o on o.id = b.org_id
    where (${filter.year ?? null}::int is null or b.year = ${filter.year ?? null}::int)
      and (${filter.id ?? null}::int is null or b.id = ${filter.id ?? null}::int)
      and (${filter.inForce ?? false}::boolean is false or b.withdrawn_at is null)
      and (${orgScopeSql(user, sql`b.org_id`)} or exists (
        select 1 from bulletin_entries x where x.bulletin_id = b.id and ${orgScopeSql(user, sql`x.org_id`)}))
    order by b.issued_on desc, b.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    title: r.title,
    docNo: r.doc_no,
    level: r.level,
    issuedOn: r.issued_on,
    intro: r.intro,
    cc: r.cc,
    createdAt: new Date(r.created_at).toISOString(),
    entries: r.entries ?? [],
    withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at).toISOString(),
    withdrawReason: r.withdraw_reason,
  }));
}

/** The problems a bulletin names, with their responsible units (for the core's `buildBulletin`). */
export async function problemsFor(db: Executor, problemIds: readonly number[]) {
  return queryRows<{ id: number; title: string; status: ProblemStatus; unitIds: number[] }>(
    db,
    sql`select p.id, p.title, p.status,
          (select json_agg(pu.org_id order by pu.sort) from problem_units pu where pu.problem_id = p.id) as "unitIds"
        from problems p where p.id in (${ids(problemIds)})`,
  );
}

export async function orgNames(db: Executor, orgIds: readonly number[]) {
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from orgs where id in (${ids(orgIds)})`,
  );
  return new Map(rows.map((n) => [n.id, n.name]));
}

export async function insertBulletin(
  tx: Executor,
  values: typeof bulletins.$inferInsert,
  entries: readonly { orgId: number; stance: BulletinStance; reason: string; problemIds: number[] }[],
) {
  const [row] = await tx.insert(bulletins).values(values).returning({ id: bulletins.id });
  const id = row!.id;
  await tx.insert(bulletinEntries).values(entries.map((e) => ({ bulletinId: id, ...e })));
  return id;
}

/** The 机关代字 an office uses when it has none for the year: last year's, else a plain default. */
export const defaultDocCode = '法治办';

function codeFor(orgId: number, year: number) {
  return sql`coalesce((select r.code from doc_number_registers r where r.org_id = ${orgId} and r.year < ${year}
    order by r.year desc limit 1), ${defaultDocCode})`;
}

/**
 * Takes the next number of the office's register for the year in the caller's transaction: one upsert that locks the
 * register row, so two concurrent issues get different numbers and a rolled-back issue gives its number back.
 */
export async function takeDocNumber(tx: Executor, orgId: number, year: number) {
  const [row] = await queryRows<{ code: string; last_no: number }>(
    tx,
    sql`insert into doc_number_registers (org_id, year, code, last_no)
        values (${orgId}, ${year}, ${codeFor(orgId, year)}, 1)
        on conflict (org_id, year) do update set last_no = doc_number_registers.last_no + 1
        returning code, last_no`,
  );
  return { code: row!.code, number: row!.last_no };
}

/** The register row of an office and year (the code it would take when none is stored yet), and what it issued. */
export async function readDocNumberRegister(db: Executor, orgId: number, year: number) {
  const [reg] = await queryRows<{ org_name: string; code: string; last_no: number }>(
    db,
    sql`select o.name as org_name, coalesce(r.code, ${codeFor(orgId, year)}) as code, coalesce(r.last_no, 0)::int as last_no
        from orgs o left join doc_number_registers r on r.org_id = o.id and r.year = ${year}
        where o.id = ${orgId}`,
  );
  const issued = await queryRows<{ id: number; docNo: string; title: string; issuedOn: string; withdrawn: boolean }>(
    db,
    sql`select id, doc_no as "docNo", title, to_char(issued_on, 'YYYY-MM-DD') as "issuedOn",
          (withdrawn_at is not null) as withdrawn
        from bulletins where org_id = ${orgId} and year = ${year} and doc_no <> '' order by id`,
  );
  return {
    orgName: reg?.org_name ?? '',
    code: reg?.code ?? defaultDocCode,
    lastNo: reg?.last_no ?? 0,
    issued,
  };
}

export async function upsertDocNumberCode(tx: Executor, orgId: number, year: number, code: string) {
  await tx
    .insert(docNumberRegisters)
    .values({ orgId, year, code, lastNo: 0 })
    .onConflictDoUpdate({ target: [docNumberRegisters.orgId, docNumberRegisters.year], set: { code } });
}

/** The bulletin row, locked, when the user's scope issued it. */
export async function lockIssuedBulletin(tx: Executor, user: AuthUser, id: number) {
  const [row] = await queryRows<{ id: number; year: number; withdrawn_at: string | null }>(
    tx,
    sql`select id, year, withdrawn_at from bulletins b
        where b.id = ${id} and ${orgScopeSql(user, sql`b.org_id`)} for update`,
  );
  return row;
}

export async function markBulletinWithdrawn(tx: Executor, id: number, by: number, reason: string) {
  await queryRows(
    tx,
    sql`update bulletins set withdrawn_at = now(), withdrawn_by = ${by}, withdraw_reason = ${reason}
        where id = ${id} and withdrawn_at is null returning id`,
  );
}

/** Per responsible unit in the user's scope: the year's problems, how many are closed, the overdue ones. */
export async function problemTalliesByUnit(db: Executor, user: AuthUser, year: number, today: string) {
  return queryRows<{
    org_id: number;
    org_name: string;
    total: number;
    closed: number;
    overdue_ids: number[] | null;
  }>(
    db,
    sql`
    select pu.org_id, o.name as org_name, count(*)::int as total,
      (count(*) filter (where p.status = 'closed'))::int as closed,
      array_agg(p.id order by p.id) filter (where p.status in ('unclaimed', 'rectifying') and ${effectiveDeadlineSql()} < ${today}::date) as overdue_ids
    from problems p join problem_units pu on pu.problem_id = p.id join orgs o on o.id = pu.org_id
    where p.year = ${year} and ${problemVisibleSql(user)} and ${orgScopeSql(user, sql`pu.org_id`)}
    group by pu.org_id, o.name, o.sort order by o.sort, pu.org_id`,
  );
}
