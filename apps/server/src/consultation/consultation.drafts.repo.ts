import type { ParsedDraft } from '@fazhi/core/consultation/draft-types';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { consultationDrafts, consultationDraftVersions, type StoredArticle } from './consultation.schema.ts';

// SQL of drafts and their versions; the data-scope check is the caller's (drafts.service), except for the scoped list.

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());

/** Drafts in the user's data scope (optionally only these ids), each with its versions. */
export async function queryDrafts(db: Executor, user: AuthUser, ids?: number[]) {
  const byId = ids ? sql`and d.id in (${sql.join(ids, sql`, `)})` : sql``;
  const rows = await queryRows<{
    id: number;
    org_id: number;
    point_id: number;
    point_name: string;
    title: string;
    created_at: string | Date;
    versions: { id: number; version: number; note: string; articleCount: number; createdAt: string }[];
    consultation_count: number;
  }>(
    db,
    sql`select d.id, d.org_id, d.point_id, p.name as point_name, d.title, d.created_at,
          (select coalesce(jsonb_agg(jsonb_build_object('id', v.id, 'version', v.version, 'note', v.note,
                   'articleCount', jsonb_array_length(v.articles), 'createdAt', v.created_at) order by v.version), '[]'::jsonb)
             from consultation_draft_versions v where v.draft_id = d.id) as versions,
          (select count(*)::int from consultations c where c.draft_id = d.id) as consultation_count
        from consultation_drafts d join consultation_points p on p.id = d.point_id
        where ${orgScopeSql(user, sql`d.org_id`)} ${byId}
        order by d.created_at desc, d.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    pointId: r.point_id,
    pointName: r.point_name,
    title: r.title,
    createdAt: iso(r.created_at)!,
    versions: r.versions,
    latestVersion: r.versions.at(-1)?.version ?? 0,
    consultationCount: r.consultation_count,
  }));
}

export async function insertDraft(
  tx: Executor,
  values: { orgId: number; pointId: number; title: string; createdBy: number },
) {
  const [row] = await tx.insert(consultationDrafts).values(values).returning({ id: consultationDrafts.id });
  return row!.id;
}

export async function insertDraftVersion(
  tx: Executor,
  values: {
    draftId: number;
    orgId: number;
    version: number;
    note: string;
    sourceText: string;
    parsed: ParsedDraft;
    articles: StoredArticle[];
    createdBy: number;
  },
) {
  const [row] = await tx
    .insert(consultationDraftVersions)
    .values(values)
    .returning({ id: consultationDraftVersions.id });
  return row!.id;
}

/** Locks the draft row, so two staff saving at once get versions n+1 and n+2, not a clash. */
export async function lockDraft(tx: Executor, draftId: number) {
  await tx.execute(sql`select id from consultation_drafts where id = ${draftId} for update`);
}

/** The draft's latest version (number and text), or undefined for a draft without one. */
export async function latestDraftVersion(db: Executor, draftId: number) {
  const [last] = await db
    .select({
      id: consultationDraftVersions.id,
      version: consultationDraftVersions.version,
      sourceText: consultationDraftVersions.sourceText,
    })
    .from(consultationDraftVersions)
    .where(eq(consultationDraftVersions.draftId, draftId))
    .orderBy(desc(consultationDraftVersions.version))
    .limit(1);
  return last;
}

/** Every version of a draft with its articles, the latest first. */
export async function draftVersionsWithArticles(db: Executor, draftId: number) {
  return db
    .select({
      id: consultationDraftVersions.id,
      version: consultationDraftVersions.version,
      articles: consultationDraftVersions.articles,
    })
    .from(consultationDraftVersions)
    .where(eq(consultationDraftVersions.draftId, draftId))
    .orderBy(desc(consultationDraftVersions.version));
}

export async function findDraftVersion(db: Executor, draftId: number, version: number) {
  const [row] = await db
    .select()
    .from(consultationDraftVersions)
    .where(and(eq(consultationDraftVersions.draftId, draftId), eq(consultationDraftVersions.version, version)));
  return row;
}

/** The article keys of one draft version (a2, a10-1, …). */
export async function articleKeysOf(db: Executor, versionId: number): Promise<Set<string>> {
  const [row] = await db
    .select({ articles: consultationDraftVersions.articles })
    .from(consultationDraftVersions)
    .where(eq(consultationDraftVersions.id, versionId));
  return new Set((row?.articles ?? []).map((a) => a.key));
}
