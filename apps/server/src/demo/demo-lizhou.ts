import { daysBetween } from '@fazhi/core/ledgers/dates';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { insertSeries, personName, pick } from './demo-ledgers-sql.ts';
import { seedLizhouAssessment } from './demo-lizhou-assessment.ts';
import { demoCounty } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

/**
 * The demo's second county, 利州区 (an urban district beside 昭化区), with a year of its own so every city view
 * compares two counties: fewer mediated disputes at a lower success rate, but more legal aid, more legality reviews,
 * more publicity and a higher task closure rate; fewer oversight problems, most of them rectified; its own assessment
 * (demo-lizhou-assessment.ts). All figures are invented for the demo. Set-based: one INSERT … SELECT per batch.
 */
export async function seedLizhou(tx: Executor, ctx: DemoContext) {
  const n = demoCounty.neighbour;
  const id = (name: string) => {
    const v = ctx.orgIds.get(name);
    if (v === undefined) throw new Error(`demo org missing: ${name}`);
    return v;
  };
  const office = id(n.office);
  const justice = id('利州区司法局');
  const police = id('利州区公安分局');
  const userId = ctx.userIds.get('office') ?? null;
  const today = shanghaiToday(ctx.now);
  for (const year of [ctx.year - 1, ctx.year]) {
    const start = `${year}-01-01`;
    const full = daysBetween(start, `${year + 1}-01-01`);
    const span = Math.min(full, Math.max(1, daysBetween(start, today) + 1));
    const share = span / full;
    const y = { year, start, span, share, today, userId };
    await seedLedgers(tx, y, { office, justice, police });
    await seedPlan(tx, y, { office, justice, police });
    await seedProblems(tx, y, { office, justice, police });
  }
  // After the plan: the finished year's scoring reads the late tasks of its units.
  await seedLizhouAssessment(tx, ctx);
}

type Year = { year: number; start: string; span: number; share: number; today: string; userId: number | null };
type Units = { office: number; justice: number; police: number };

async function seedLedgers(tx: Executor, y: Year, u: Units) {
  const Y = sql.raw(String(y.year));
  // 人民调解: ~860 a year at about 94 % (昭化区: more cases, higher rate).
  await insertSeries(tx, {
    type: 'mediation_case',
    count: Math.round(860 * y.share),
    orgIds: [u.justice],
    start: y.start,
    span: y.span,
    userId: y.userId,
    data: sql`jsonb_build_object(
      'case_no', '利调〔${Y}〕' || lpad(g::text, 4, '0') || '号',
      'dispute_type', ${pick(['property', 'contract', 'neighbourhood', 'labour', 'debt', 'traffic', 'marriage_family'], '(g * 5) % 7')},
      'parties', ${personName('g + 7000')} || '、' || ${personName('g * 5 + 7001')},
      'received_date', to_char(d, 'YYYY-MM-DD'),
      'result', case when g % 17 = 0 then 'failed' else 'success' end,
      'concluded_date', to_char(least(d + (g % 9), date '${sql.raw(y.today)}'), 'YYYY-MM-DD'),
      'summary', '小区物业与业主之间的' || ${pick(['停车收费', '维修基金', '噪声扰民', '租赁押金'], 'g')} || '争议，由社区调委会组织调解。')`,
  });
  // 法律援助: ~520 a year, more than 昭化区.
  await insertSeries(tx, {
    type: 'legal_aid_case',
    count: Math.round(520 * y.share),
    orgIds: [u.justice],
    start: y.start,
    span: y.span,
    userId: y.userId,
    data: sql`jsonb_build_object(
      'case_no', '利援〔${Y}〕' || g || '号',
      'applicant', ${personName('g + 8000')},
      'application_date', to_char(d, 'YYYY-MM-DD'),
      'case_type', ${pick(['civil', 'criminal', 'civil', 'administrative'], 'g % 4')},
      'aid_form', ${pick(['agency', 'defence', 'non_litigation'], 'g % 3')},
      'status', case when g % 11 = 0 then 'accepted' else 'concluded' end,
      'accepted_date', to_char(least(d + 2, date '${sql.raw(y.today)}'), 'YYYY-MM-DD'),
      'concluded_date', case when g % 11 <> 0
        then to_char(least(d + 20 + g % 40, date '${sql.raw(y.today)}'), 'YYYY-MM-DD') end)`,
  });
  // 合法性审查: ~310 a year.
  await insertSeries(tx, {
    type: 'legality_review',
    count: Math.round(310 * y.share),
    orgIds: [u.justice],
    start: y.start,
    span: y.span,
    userId: y.userId,
    data: sql`jsonb_build_object(
      'review_kind', ${pick(['contract', 'meeting_topic', 'normative_doc', 'contract', 'other'], 'g % 5')},
      'title', '利州区' || ${pick(['城市更新项目', '公共停车场特许经营', '老旧小区改造', '政府购买服务', '园区招商'], 'g')} || '事项（第' || g || '件）',
      'submitting_unit', ${pick(['区住房和城乡建设局', '区发展和改革局', '区财政局', '区商务局'], 'g * 3')},
      'received_date', to_char(d, 'YYYY-MM-DD'))`,
  });
  // 普法活动: ~240 a year.
  await insertSeries(tx, {
    type: 'publicity_activity',
    count: Math.round(240 * y.share),
    orgIds: [u.justice, u.police, u.office],
    start: y.start,
    span: y.span,
    userId: y.userId,
    data: sql`jsonb_build_object(
      'title', '利州区“法润城区”' || ${pick(['楼宇普法', '校园法治课', '企业合规沙龙', '反诈宣讲'], 'g')} || '（第' || g || '场）',
      'activity_date', to_char(d, 'YYYY-MM-DD'),
      'sector', ${pick(['organ', 'school', 'village'], 'g % 3')},
      'form', ${pick(['lecture', 'campaign', 'online', 'training'], 'g % 4')},
      'participants', 40 + (g * 37) % 260)`,
  });
}

/** A published work plan with 24 tasks a year, most closed (昭化区 closes fewer). */
async function seedPlan(tx: Executor, y: Year, u: Units) {
  const [wp] = await queryRows<{ id: number }>(
    tx,
    sql`insert into work_points (org_id, year, title, status, published_at, created_by)
        values (${u.office}, ${y.year}, ${`利州区${y.year}年法治建设工作要点`}, 'published',
                ${`${y.year}-02-20T09:00:00+08:00`}::timestamptz, ${y.userId})
        returning id`,
  );
  const units = `'{${u.justice},${u.police},${u.office}}'::int[]`;
  const days = Math.max(1, y.span);
  await tx.execute(sql`
    insert into tasks (work_point_id, org_id, year, title, deadline, status, closed_at, created_by)
    select ${wp!.id}::int, (${sql.raw(units)})[1 + g % 3], ${y.year}::int,
           '利州区' || ${pick(['行政执法案卷评查', '合同合法性审查全覆盖', '法治宣传进楼宇', '政务公开专栏更新', '行政复议案件办理', '公共法律服务站点建设'], 'g + g / 6')} || '（' || g || '）',
           date '${sql.raw(y.start)}' + ((g * 113) % ${sql.raw(String(days))}),
           case when g % 6 = 0 then 'in_progress' else 'closed' end,
           case when g % 6 = 0 then null else (date '${sql.raw(y.start)}' + ((g * 113) % ${sql.raw(String(days))}))::timestamptz end,
           ${y.userId}::int
    from generate_series(1, ${sql.raw(String(Math.max(1, Math.round(24 * y.share))))}) g`);
}

/** Oversight problems found in 利州区: a handful a year, most rectified. */
async function seedProblems(tx: Executor, y: Year, u: Units) {
  const count = Math.max(1, Math.round(9 * y.share));
  await tx.execute(sql`
    with p as (
      insert into problems (org_id, issuer_org_id, year, title, status, deadline, closed_at, created_by, created_at)
      select case when g % 2 = 0 then ${u.justice}::int else ${u.police}::int end, ${u.office}::int, ${y.year}::int,
             '利州区' || ${pick(['执法记录仪使用不规范', '行政处罚决定书未按期公示', '法律顾问意见未入卷', '普法责任清单未更新'], 'g')} || '（' || g || '）',
             case when g % 4 = 0 then 'rectifying' else 'closed' end,
             date '${sql.raw(y.start)}' + ((g * 41) % ${sql.raw(String(Math.max(1, y.span)))}) + 30,
             case when g % 4 = 0 then null else (date '${sql.raw(y.start)}' + ((g * 41) % ${sql.raw(String(Math.max(1, y.span)))}) + 20)::timestamptz end,
             ${y.userId}::int,
             (date '${sql.raw(y.start)}' + ((g * 41) % ${sql.raw(String(Math.max(1, y.span)))}))::timestamptz + interval '10 hours'
      from generate_series(1, ${sql.raw(String(count))}) g
      returning id, org_id)
    insert into problem_units (problem_id, org_id, sort) select id, org_id, 0 from p`);
}
