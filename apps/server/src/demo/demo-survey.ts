import { shanghaiDate } from '@fazhi/core/shared/shanghai-calendar';
import { sql } from 'drizzle-orm';
import { surveyRatings, surveyResponses, surveys } from '../consultation/consultation.survey.schema.ts';
import { type Executor, queryRows } from '../db/client.ts';
import { indexOf } from '../platform/kernel/field-crypto.ts';
import { demoCounty } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

/**
 * 群众满意度测评 of 昭化区: last year's survey, closed, with a few hundred answers (each township and unit its own
 * level of satisfaction, so last year's assessment indicator has something to score), and this year's, open now, with
 * a first few dozen answers. Phones are written in plain text and sealed by the demo's encryption pass; their blind
 * index is computed here.
 */

const dayMs = 86_400_000;

const questions = [
  { key: 'q1', text: '您对所评价单位依法办事、依法履职情况的满意程度' },
  { key: 'q2', text: '您对所评价单位办事公开透明、公正文明执法的满意程度' },
  { key: 'q3', text: '您对身边矛盾纠纷依法化解、法律服务便捷程度的满意程度' },
  { key: 'q4', text: '您对本地法治宣传教育和法治环境的总体满意程度' },
];

/** A small deterministic generator: the demo is the same on every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type Target = { id: number; name: string; kind: string };

async function insertSurveyWithAnswers(
  tx: Executor,
  o: {
    county: number;
    createdBy: number | undefined;
    title: string;
    opensOn: Date;
    closesOn: Date;
    status: 'open' | 'closed';
    targets: Target[];
    answers: number;
    answeredUntil: Date;
    phonePrefix: string;
    seed: number;
    /** Each target's mean score (1–5), by position; by default between about 3.4 and 4.7. */
    levels?: number[];
  },
) {
  const [survey] = await tx
    .insert(surveys)
    .values({
      orgId: o.county,
      title: o.title,
      intro: '本次测评不记名，手机号码仅用于防止重复提交，不会公开。请根据您的切身感受作答。',
      questions,
      targetOrgIds: o.targets.map((t) => t.id),
      status: o.status,
      opensOn: shanghaiDate(o.opensOn),
      closesOn: shanghaiDate(o.closesOn),
      version: 2,
      createdBy: o.createdBy,
      createdAt: new Date(o.opensOn.getTime() - 3 * dayMs),
    })
    .returning({ id: surveys.id });
  const random = generator(o.seed);
  // Each target's own level: mean score between about 3.4 and 4.7.
  const level = new Map(o.targets.map((t, i) => [t.id, o.levels?.[i] ?? 3.4 + ((i * 7) % 11) / 8]));
  const span = Math.max(dayMs, o.answeredUntil.getTime() - o.opensOn.getTime());
  const answers = Array.from({ length: o.answers }, (_, i) => {
    const target = o.targets[Math.floor(random() * o.targets.length)]!;
    const mean = level.get(target.id)!;
    const scores = questions.map((q) => ({
      key: q.key,
      score: Math.min(5, Math.max(1, Math.round(mean + (random() - 0.5) * 2.6))),
    }));
    const phone = `${o.phonePrefix}${String(10000 + i * 37).padStart(8, '0')}`;
    return {
      target,
      scores,
      phone,
      submittedAt: new Date(o.opensOn.getTime() + 8 * 3_600_000 + Math.floor(random() * span)),
    };
  });
  const rows = await tx
    .insert(surveyResponses)
    .values(
      answers.map((a, i) => ({
        orgId: a.target.id,
        surveyId: survey!.id,
        phone: a.phone,
        phoneIndex: indexOf(a.phone),
        deviceHash: `demo-device-${o.seed}-${i}`,
        comment: '',
        submittedAt: a.submittedAt,
      })),
    )
    .returning({ id: surveyResponses.id });
  const ratings = answers.flatMap((a, i) =>
    a.scores.map((s) => ({
      orgId: a.target.id,
      surveyId: survey!.id,
      responseId: rows[i]!.id,
      questionKey: s.key,
      score: s.score,
      submittedAt: a.submittedAt,
    })),
  );
  for (let i = 0; i < ratings.length; i += 1000) await tx.insert(surveyRatings).values(ratings.slice(i, i + 1000));
}

export async function seedSurveys(tx: Executor, ctx: DemoContext) {
  const county = ctx.orgIds.get(demoCounty.county.name)!;
  const targets = await queryRows<Target>(
    tx,
    sql`select id, name, kind from orgs where parent_id = ${county} and kind in ('township', 'department')
        order by kind desc, sort, id`,
  );
  await seedCountySurveys(tx, ctx, {
    county,
    countyName: demoCounty.county.name,
    createdBy: ctx.userIds.get('office'),
    targets,
    last: { opens: '11-01', closes: '12-20', answers: 360, phonePrefix: '139' },
    current: { openedDaysAgo: 21, closesInDays: 40, answers: 48, phonePrefix: '137' },
    seedOffset: 0,
  });
}

/**
 * A county's two surveys: last year's, closed (open from `last.opens` to `last.closes`, answered until the day before),
 * and this year's, open now with a first few answers.
 */
export async function seedCountySurveys(
  tx: Executor,
  ctx: DemoContext,
  o: {
    county: number;
    countyName: string;
    createdBy: number | undefined;
    targets: Target[];
    last: { opens: string; closes: string; answers: number; phonePrefix: string };
    current: { openedDaysAgo: number; closesInDays: number; answers: number; phonePrefix: string };
    seedOffset: number;
    levels?: number[];
  },
) {
  const last = ctx.year - 1;
  const closes = new Date(`${last}-${o.last.closes}T00:00:00+08:00`);
  const common = { county: o.county, createdBy: o.createdBy, targets: o.targets, levels: o.levels };
  await insertSurveyWithAnswers(tx, {
    ...common,
    title: `${last}年度${o.countyName}法治建设群众满意度测评`,
    opensOn: new Date(`${last}-${o.last.opens}T00:00:00+08:00`),
    closesOn: closes,
    status: 'closed',
    answers: o.last.answers,
    answeredUntil: new Date(closes.getTime() - dayMs / 2),
    phonePrefix: o.last.phonePrefix,
    seed: last + o.seedOffset,
  });
  await insertSurveyWithAnswers(tx, {
    ...common,
    title: `${ctx.year}年度${o.countyName}法治建设群众满意度测评`,
    opensOn: new Date(ctx.now.getTime() - o.current.openedDaysAgo * dayMs),
    closesOn: new Date(ctx.now.getTime() + o.current.closesInDays * dayMs),
    status: 'open',
    answers: o.current.answers,
    answeredUntil: new Date(ctx.now.getTime() - dayMs),
    phonePrefix: o.current.phonePrefix,
    seed: ctx.year + o.seedOffset,
  });
}
