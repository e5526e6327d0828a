import type { SchemeCreate } from '@fazhi/core/assessment/api.schemas';
import { copySchemeToNextYear, reviseScheme } from '@fazhi/core/assessment/copy-scheme';
import { buildDemoScheme } from '@fazhi/core/assessment/demo-scheme';
import { type Scheme, validateScheme } from '@fazhi/core/assessment/scheme.schemas';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { scopeRootOrgId } from '../platform/platform.scope.service.ts';
import {
  findSchemeRow,
  insertSchemeRow,
  nextSchemeVersion,
  querySchemes,
  type SchemeRow,
  updateSchemeDefinition,
} from './assessment.schemes.repo.ts';

const toScheme = (r: SchemeRow) => ({
  id: r.id,
  orgId: r.org_id,
  year: r.year,
  version: r.version,
  name: r.name,
  copiedFromId: r.copied_from_id,
  updatedAt: new Date(r.updated_at).toISOString(),
  roundId: r.round_id,
  roundStatus: r.round_status,
  /** Editable until its round leaves the 方案 stage. */
  isEditable: r.round_status === null || r.round_status === 'scheme',
  templates: r.definition.templates.map((t) => ({ id: t.id, unitType: t.unitType, totalPoints: t.totalPoints })),
});

export async function listSchemes(db: Executor, actor: Actor, year?: number) {
  const rows = await querySchemes(db, actor.user, year);
  return rows.map(toScheme);
}

export async function getScheme(db: Executor, actor: Actor, id: number) {
  const row = await findSchemeRow(db, actor.user, id);
  if (!row) throw notFound('未找到该考核方案，或不在您的数据范围内');
  return { ...toScheme(row), definition: row.definition };
}

/** The core schema is the judge: every issue comes back with its path and Chinese message. */
export function requireValidScheme(definition: unknown): Scheme {
  const result = validateScheme(definition);
  if (!result.ok) {
    const first = result.issues[0]!;
    throw badRequest(`考核方案校验未通过：${first.message}`, { issues: result.issues });
  }
  return result.scheme;
}

async function insertScheme(tx: Executor, actor: Actor, orgId: number, scheme: Scheme, copiedFromId: number | null) {
  const id = await insertSchemeRow(tx, {
    orgId,
    year: scheme.year,
    version: scheme.version,
    name: scheme.name,
    definition: scheme,
    copiedFromId,
    createdBy: actor.user.id,
  });
  await writeAudit(tx, actor, {
    action: 'assessment_scheme.create',
    entity: 'assessment_scheme',
    entityId: id,
    orgId,
    after: { year: scheme.year, version: scheme.version, name: scheme.name, copiedFromId },
  });
  return { id };
}

export async function createScheme(db: Db, actor: Actor, input: SchemeCreate) {
  const orgId = scopeRootOrgId(actor.user);
  return db.transaction(async (tx) => {
    const version = await nextSchemeVersion(tx, orgId, input.year);
    const base = input.definition === undefined ? buildDemoScheme(input.year) : (input.definition as Scheme);
    const draft = {
      ...base,
      id: base.id ?? `scheme-${input.year}`,
      year: input.year,
      version,
      name: input.name ?? base.name,
    };
    return insertScheme(tx, actor, orgId, requireValidScheme(draft), null);
  });
}

export async function updateScheme(db: Db, actor: Actor, id: number, definition: unknown) {
  const current = await getScheme(db, actor, id);
  if (!current.isEditable) throw conflict('考核方案已启用，不得修改；如需调整，请另行发布新版本方案');
  const scheme = requireValidScheme({
    ...(definition as object),
    year: current.year,
    version: current.version,
  });
  return db.transaction(async (tx) => {
    await updateSchemeDefinition(tx, id, scheme);
    await writeAudit(tx, actor, {
      action: 'assessment_scheme.update',
      entity: 'assessment_scheme',
      entityId: id,
      orgId: current.orgId,
      before: { name: current.name },
      after: { name: scheme.name },
    });
    return { id };
  });
}

/** Copy to the next year (version 1 of that year, or the next free version) or a new version of the same year. */
export async function copyScheme(db: Db, actor: Actor, id: number, mode: 'next_year' | 'revise') {
  const current = await getScheme(db, actor, id);
  return db.transaction(async (tx) => {
    const year = mode === 'next_year' ? current.year + 1 : current.year;
    const version = await nextSchemeVersion(tx, current.orgId, year);
    let n = 0;
    const newId = () => `y${year}v${version}-${++n}`;
    const copy =
      mode === 'next_year' ? copySchemeToNextYear(current.definition, newId) : reviseScheme(current.definition, newId);
    const scheme = requireValidScheme({ ...copy.scheme, version });
    return insertScheme(tx, actor, current.orgId, scheme, id);
  });
}
