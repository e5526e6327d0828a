import type { WorkpointOrg } from '@fazhi/core/plan/workpoints-extract';
import { asc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgs } from '../platform/platform.orgs.schema.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';

/** The units a work-point document's names are recognised against: every org in the user's data scope. */
export async function queryScopeOrgs(db: Executor, user: AuthUser): Promise<WorkpointOrg[]> {
  return db
    .select({ id: orgs.id, name: orgs.name, shortName: orgs.shortName, kind: orgs.kind })
    .from(orgs)
    .where(sql`${orgScopeSql(user, orgs.id)}`)
    .orderBy(asc(orgs.sort), asc(orgs.id));
}
