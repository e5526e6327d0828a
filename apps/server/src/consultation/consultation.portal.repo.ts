import type { LegislatureLevel } from '@fazhi/core/consultation/consultation-window';
import type { AdoptionDecision } from '@fazhi/core/consultation/opinion-lifecycle';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { OpinionRow } from './consultation.opinions.repo.ts';
import type { StoredArticle } from './consultation.schema.ts';

// SQL of the public portal: only published consultations, only approved opinions.

/** The portal's 基层立法联系点 (the first top-level contact point) and the county its unit belongs to. */
export async function queryPortalPoint(db: Executor) {
  const [row] = await queryRows<{ name: string; county_id: number | null; county_name: string | null }>(
    db,
    sql`select p.name, c.id as county_id, c.name as county_name
        from consultation_points p join orgs o on o.id = p.org_id
        left join orgs c on c.kind = 'county' and o.path like c.path || '%'
        where p.parent_id is null and p.kind = 'contact_point'
        order by p.id limit 1`,
  );
  return row ?? null;
}

/** What a submission needs of a published consultation. */
export async function publishedConsultationMeta(db: Executor, id: number) {
  const [row] = await queryRows<{
    org_id: number;
    point_id: number;
    opens_on: string;
    closes_on: string;
    articles: StoredArticle[];
  }>(
    db,
    sql`select c.org_id, c.point_id, c.opens_on::text as opens_on, c.closes_on::text as closes_on, v.articles
        from consultations c join consultation_draft_versions v on v.id = c.version_id
        where c.id = ${id} and c.status = 'published'`,
  );
  return row;
}

/** One INSERT; a repeated fingerprint (or receipt code) inserts nothing and answers null. */
export async function insertPortalOpinion(
  db: Executor,
  values: {
    orgId: number;
    consultationId: number;
    pointId: number;
    articleKey: string | null;
    name: string;
    /** Already sealed (SM4). */
    phone: string | null;
    content: string;
    receiptCode: string;
    fingerprint: string;
    needsReview: boolean;
    matchedWords: string[];
    submittedAt: Date;
  },
) {
  const v = values;
  const rows = await queryRows<{ receipt_code: string }>(
    db,
    sql`insert into consultation_opinions (org_id, consultation_id, point_id, channel, article_key, name, phone,
          content, receipt_code, fingerprint, moderation, matched_words, submitted_at)
        values (${v.orgId}, ${v.consultationId}, ${v.pointId}, 'portal', ${v.articleKey}, ${v.name}, ${v.phone},
          ${v.content}, ${v.receiptCode}, ${v.fingerprint}, ${v.needsReview ? 'pending_review' : 'approved'},
          ${JSON.stringify(v.matchedWords)}::jsonb, ${v.submittedAt.toISOString()}::timestamptz)
        on conflict do nothing
        returning receipt_code`,
  );
  return rows[0] ?? null;
}

export async function hasFingerprint(db: Executor, consultationId: number, fingerprint: string) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from consultation_opinions where consultation_id = ${consultationId} and fingerprint = ${fingerprint}`,
  );
  return rows.length > 0;
}

/** Published consultations, the latest deadline first, with counts of approved and answered opinions. */
export async function queryPublishedConsultations(db: Executor) {
  return queryRows<{
    id: number;
    title: string;
    legislature: string;
    legislature_level: LegislatureLevel;
    opens_on: string;
    closes_on: string;
    point_name: string;
    article_count: number;
    opinions: number;
    answered: number;
    final_summary: string | null;
  }>(
    db,
    sql`select c.id, c.title, c.legislature, c.legislature_level, c.opens_on::text as opens_on,
          c.closes_on::text as closes_on, p.name as point_name, jsonb_array_length(v.articles) as article_count,
          (select count(*)::int from consultation_opinions o where o.consultation_id = c.id and o.moderation = 'approved') as opinions,
          (select count(*)::int from consultation_opinions o where o.consultation_id = c.id and o.moderation = 'approved' and o.status = 'answered') as answered,
          c.final_summary
        from consultations c
        join consultation_points p on p.id = c.point_id
        join consultation_draft_versions v on v.id = c.version_id
        where c.status = 'published'
        order by c.closes_on desc, c.id desc
        limit 200`,
  );
}

/** A published consultation with its draft's articles and the count of approved opinions per article. */
export async function queryPublishedConsultation(db: Executor, id: number) {
  const [row] = await queryRows<{
    id: number;
    title: string;
    legislature: string;
    legislature_level: LegislatureLevel;
    opens_on: string;
    closes_on: string;
    point_name: string;
    draft_title: string;
    preamble: string;
    articles: StoredArticle[];
    final_adopted_on: string | null;
    final_summary: string | null;
    counts: Record<string, number> | null;
  }>(
    db,
    sql`select c.id, c.title, c.legislature, c.legislature_level, c.opens_on::text as opens_on,
          c.closes_on::text as closes_on, p.name as point_name, v.parsed->>'title' as draft_title,
          v.parsed->>'preamble' as preamble, v.articles, c.final_adopted_on::text as final_adopted_on, c.final_summary,
          (select jsonb_object_agg(k, n) from (
             select coalesce(o.article_key, '*') as k, count(*)::int as n from consultation_opinions o
             where o.consultation_id = c.id and o.moderation = 'approved' group by 1) s) as counts
        from consultations c
        join consultation_points p on p.id = c.point_id
        join consultation_draft_versions v on v.id = c.version_id
        where c.id = ${id} and c.status = 'published'`,
  );
  return row;
}

/** Approved opinions that were answered, the latest answer first (what the public feedback list shows). */
export async function queryAnsweredOpinions(db: Executor, consultationId: number) {
  return queryRows<{
    article_key: string | null;
    name: string;
    content: string;
    decision: AdoptionDecision | null;
    reply: string | null;
    answered_at: string | Date | null;
  }>(
    db,
    sql`select o.article_key, o.name, o.content, o.decision, o.reply, o.answered_at
        from consultation_opinions o
        where o.consultation_id = ${consultationId} and o.moderation = 'approved' and o.status = 'answered'
        order by o.answered_at desc, o.id desc limit 200`,
  );
}

/** The opinion with this receipt code, its consultation's title and the opinion it was merged into. */
export async function queryOpinionByReceipt(db: Executor, code: string) {
  const [row] = await queryRows<OpinionRow & { consultation_title: string; target: OpinionRow | null }>(
    db,
    sql`select o.*, '' as point_name, c.title as consultation_title,
          (select to_jsonb(t) from consultation_opinions t where t.id = o.merged_into_id) as target
        from consultation_opinions o join consultations c on c.id = o.consultation_id
        where o.receipt_code = ${code}`,
  );
  return row;
}
