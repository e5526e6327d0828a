import type { InspectionCreate, InspectionStatus } from '@fazhi/core/oversight/inspection';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isOrgInScope, requireFirst, requireInScope, scopeRootOrgId } from '../platform/platform.scope.service.ts';
import { insertInspection, queryInspections, updateInspectionStatus } from './oversight.inspections.repo.ts';
import { inspections } from './oversight.schema.ts';

/** Inspections the user organised (office) or was inspected by (unit). */
export async function listInspections(db: Executor, actor: Actor, filter: { year?: number; ids?: number[] }) {
  return queryInspections(db, actor.user, filter);
}

export async function requireInspection(db: Executor, actor: Actor, id: number) {
  return requireFirst(await queryInspections(db, actor.user, { ids: [id] }), '未找到该督察，或不在您的数据范围内');
}

export async function createInspection(db: Db, actor: Actor, input: InspectionCreate) {
  return db.transaction(async (tx) => {
    for (const orgId of input.targetOrgIds) {
      if (!(await isOrgInScope(tx, actor.user, orgId)))
        throw badRequest('被督察单位不存在或不在您的数据范围内', [{ field: 'targetOrgIds', message: '单位无效' }]);
    }
    const orgId = scopeRootOrgId(actor.user);
    const id = await insertInspection(tx, orgId, actor.user.id, input);
    await writeAudit(tx, actor, {
      action: 'inspection.create',
      entity: 'inspection',
      entityId: id,
      orgId,
      after: input,
    });
    return { id };
  });
}

export async function setInspectionStatus(db: Db, actor: Actor, id: number, status: InspectionStatus) {
  return db.transaction(async (tx) => {
    const row = await requireInScope(tx, actor.user, inspections, id, '未找到该督察，或不在您的数据范围内', {
      lock: true,
    });
    await updateInspectionStatus(tx, id, status);
    await writeAudit(tx, actor, {
      action: 'inspection.status',
      entity: 'inspection',
      entityId: id,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status },
    });
    return { id, status };
  });
}
