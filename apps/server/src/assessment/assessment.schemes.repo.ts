import type { AssessmentStatus } from '@fazhi/core/assessment/assessment-lifecycle';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { assessmentSchemes } from './assessment.schema.ts';

export type SchemeRow = {
  id: number;
  org_id: number;
  year: number;
  version: number;
  name: string;
  definition: Scheme;
  copied_from_id: number | null;
  updated_at: Date | string;
  round_id: number | null;
  round_status: AssessmentStatus | null;
};

const schemeSelect = sql`select s.id, s.org_id, s.year, s.version, s.name, s.definition, s.copied_from_id, s.updated_at,
    r.id as round_id, r.status as round_status
  from assessment_schemes s left join assessment_rounds r on r.scheme_id = s.id`;

/** The schemes in the user's scope, newest year and version first. */
export function querySchemes(db: Executor, user: AuthUser, year?: number) {
  return queryRows<SchemeRow>(
    db,
    sql`${schemeSelect} where ${orgScopeSql(user, sql`s.org_id`)}
        and (${year ?? null}::int is null or s.year = ${year ?? null}::int) order by s.year desc, s.version desc`,
  );
}

export async function findSchemeRow(db: Executor, user: AuthUser, id: number): Promise<SchemeRow | undefined> {
  const [row] = await queryRows<SchemeRow>(
    db,
    sql`${schemeSelect} where s.id = ${id} and ${orgScopeSql(user, sql`s.org_id`)}`,
  );
  return row;
}

export async function nextSchemeVersion(tx: Executor, orgId: number, year: number) {
  const [row] = await queryRows<{ v: number }>(
    tx,
    sql`select coalesce(max(version), 0)::int + 1 as v from assessment_schemes where org_id = ${orgId} and year = ${year}`,
  );
  return row?.v ?? 1;
}

export async function insertSchemeRow(tx: Executor, values: typeof assessmentSchemes.$inferInsert) {
  const [row] = await tx.insert(assessmentSchemes).values(values).returning({ id: assessmentSchemes.id });
  return row!.id;
}

export async function updateSchemeDefinition(tx: Executor, id: number, scheme: Scheme) {
  await tx.execute(
    sql`update assessment_schemes set definition = ${JSON.stringify(scheme)}::jsonb, name = ${scheme.name},
        updated_at = now() where id = ${id}`,
  );
}
