import type { SurveyQuestion } from '@fazhi/core/consultation/survey';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { surveys } from './consultation.survey.schema.ts';

// SQL of 群众满意度测评: the surveys, their answers (one per phone index and per device hash) and the 1–5 ratings.

export type SurveyRow = {
  id: number;
  org_id: number;
  org_name: string;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  target_org_ids: number[];
  status: 'draft' | 'open' | 'closed';
  opens_on: string;
  closes_on: string;
  version: number;
  created_at: string | Date;
  responses: number;
};

const surveySelect = sql`select s.id, s.org_id, o.name as org_name, s.title, s.intro, s.questions, s.target_org_ids,
    s.status, s.opens_on::text as opens_on, s.closes_on::text as closes_on, s.version, s.created_at,
    (select count(*)::int from survey_responses a where a.survey_id = s.id) as responses
  from surveys s join orgs o on o.id = s.org_id`;

export async function querySurveys(db: Executor, user: AuthUser) {
  return queryRows<SurveyRow>(db, sql`${surveySelect} where ${orgScopeSql(user, sql`s.org_id`)} order by s.id desc`);
}

/** One survey; `user` null for the public side (which checks the status itself). */
export async function querySurvey(db: Executor, id: number, user: AuthUser | null, lock = false) {
  const scope: SQL = user ? sql` and ${orgScopeSql(user, sql`s.org_id`)}` : sql``;
  const [row] = await queryRows<SurveyRow>(
    db,
    sql`${surveySelect} where s.id = ${id}${scope}${lock ? sql` for update of s` : sql``}`,
  );
  return row ?? null;
}

export type TargetOrgRow = { id: number; name: string; kind: string; path: string };

/** The orgs of these ids (any order; unknown ids are simply absent). */
export async function queryOrgsById(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return queryRows<TargetOrgRow>(
    db,
    sql`select id, name, kind, path from orgs where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) order by path`,
  );
}

export async function insertSurvey(db: Executor, values: typeof surveys.$inferInsert) {
  const [row] = await db.insert(surveys).values(values).returning({ id: surveys.id });
  return row!.id;
}

/** Optimistic lock: changes nothing (answers false) unless the row is still at `version`. */
export async function updateSurveyStatus(db: Executor, id: number, version: number, status: string, now: Date) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update surveys set status = ${status}, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
        where id = ${id} and version = ${version} returning id`,
  );
  return rows.length > 0;
}

/** One INSERT of the answer; null when the phone (or device) has answered this survey already. */
export async function insertResponse(
  db: Executor,
  v: {
    surveyId: number;
    orgId: number;
    phone: string;
    phoneIndex: string;
    deviceHash: string | null;
    comment: string;
    submittedAt: Date;
  },
) {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into survey_responses (org_id, survey_id, phone, phone_index, device_hash, comment, submitted_at)
        values (${v.orgId}, ${v.surveyId}, ${v.phone}, ${v.phoneIndex}, ${v.deviceHash}, ${v.comment},
          ${v.submittedAt.toISOString()}::timestamptz)
        on conflict do nothing returning id`,
  );
  return row?.id ?? null;
}

export async function insertRatings(
  db: Executor,
  v: { surveyId: number; orgId: number; responseId: number; submittedAt: Date },
  scores: readonly { key: string; score: number }[],
) {
  const at = v.submittedAt.toISOString();
  await db.execute(
    sql`insert into survey_ratings (org_id, survey_id, response_id, question_key, score, submitted_at) values ${sql.join(
      scores.map((s) => sql`(${v.orgId}, ${v.surveyId}, ${v.responseId}, ${s.key}, ${s.score}, ${at}::timestamptz)`),
      sql`, `,
    )}`,
  );
}

/** Which of phone and device has answered the survey already. */
export async function queryAnsweredBy(db: Executor, surveyId: number, phoneIndex: string, deviceHash: string | null) {
  const [row] = await queryRows<{ phone: boolean; device: boolean }>(
    db,
    sql`select exists(select 1 from survey_responses where survey_id = ${surveyId} and phone_index = ${phoneIndex}) as phone,
          exists(select 1 from survey_responses where survey_id = ${surveyId} and device_hash = ${deviceHash}) as device`,
  );
  return row!;
}

/** Per rated unit: answers, ratings, satisfied ratings (≥ `satisfiedFrom`) and the mean score. */
export async function queryTargetTallies(db: Executor, surveyId: number, satisfiedFrom: number) {
  return queryRows<{ org_id: number; responses: number; ratings: number; satisfied: number; average: number | null }>(
    db,
    sql`select g.org_id, count(distinct g.response_id)::int as responses, count(*)::int as ratings,
          (count(*) filter (where g.score >= ${satisfiedFrom}))::int as satisfied,
          round(avg(g.score), 2)::float8 as average
        from survey_ratings g where g.survey_id = ${surveyId} group by g.org_id`,
  );
}

/** How many ratings of each score per question. */
export async function queryQuestionCounts(db: Executor, surveyId: number) {
  return queryRows<{ question_key: string; score: number; n: number }>(
    db,
    sql`select question_key, score::int as score, count(*)::int as n from survey_ratings
        where survey_id = ${surveyId} group by question_key, score`,
  );
}
