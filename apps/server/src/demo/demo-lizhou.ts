import { daysBetween } from '@fazhi/core/ledgers/dates';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { queryOrg } from '../reports/reports.repo.ts';
import { reports } from '../reports/reports.schema.ts';
import { insertComposed } from '../reports/reports.service.ts';
import { seedCadresOf } from './demo-cadres.ts';
import { insertSeries, personName, pick } from './demo-ledgers-sql.ts';
import { seedLizhouAssessment } from './demo-lizhou-assessment.ts';
import { demoCounty } from './demo-org.ts';
import { seedBulletin } from './demo-oversight.ts';
import { demoActor, publishDemoReport } from './demo-reports.ts';
import { seedCountySurveys, type Target } from './demo-survey.ts';
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
  const userId = ctx.userIds.get('lz-office') ?? null;
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
  await seedCadres(tx, ctx);
  await seedSurveys(tx, ctx, userId ?? undefined);
  await seedBulletins(tx, ctx, office, userId!);
  // Last: the report composes the finished year's figures from everything above.
  await seedReport(tx, ctx);
}

/**
 * 关键少数 of 利州区: the district's two leaders and each unit's head and deputy. Fewer 会前学法 (8 months of 12, fewer
 * members present) but higher 述法 评议 scores than 昭化区, and weaker exam results; every principal reports this year.
 */
async function seedCadres(tx: Executor, ctx: DemoContext) {
  const n = demoCounty.neighbour;
  await seedCadresOf(tx, ctx, {
    county: n.name,
    orgNames: [n.name, ...n.units],
    partyOrg: n.name,
    governmentOrg: n.name,
    partyMeeting: '利州区委常委会',
    governmentMeeting: '利州区政府常务会议',
    studyMonths: [0, 1, 2, 4, 6, 8, 9, 11],
    expected: 11,
    attendanceShift: -2,
    idPrefix: '510802',
    phoneBase: 6230000,
    nameOffset: 41,
    panelBase: 82,
    examBase: 62,
    reportsThisYear: 7,
  });
}

/**
 * 满意度测评 of 利州区: its five units, last year's closed survey and this year's open one; 教育局 and 市场监管局 rated
 * highest, 公安分局 and 住建局 lowest (昭化区's levels follow its townships and units).
 */
async function seedSurveys(tx: Executor, ctx: DemoContext, createdBy: number | undefined) {
  const n = demoCounty.neighbour;
  const county = ctx.orgIds.get(n.name)!;
  const targets = await queryRows<Target>(
    tx,
    sql`select id, name, kind from orgs where parent_id = ${county} and kind = 'department' order by id`,
  );
  // Levels by unit: 司法局, 公安分局, 市场监管局, 住建局, 教育局 (the order of demoCounty.neighbour.units).
  await seedCountySurveys(tx, ctx, {
    county,
    countyName: n.name,
    createdBy,
    targets,
    last: { opens: '10-15', closes: '12-10', answers: 240, phonePrefix: '158' },
    current: { openedDaysAgo: 10, closesInDays: 30, answers: 20, phonePrefix: '159' },
    seedOffset: 500,
    levels: [4.1, 3.3, 4.5, 3.1, 4.6],
  });
}

/** 利州区's own 通报 of its finished year: 市场监管局 and 教育局 praised, 住建局 criticised for its open problem. */
async function seedBulletins(tx: Executor, ctx: DemoContext, issuer: number, createdBy: number) {
  const last = ctx.year - 1;
  const id = (name: string) => ctx.orgIds.get(name)!;
  await seedBulletin(tx, {
    issuer,
    year: last,
    prefix: '利法治办',
    title: `关于${last}年度利州区法治建设重点任务推进情况的通报`,
    issuedOn: `${last}-11-20`,
    createdBy,
    entries: [
      { orgId: id('利州区市场监督管理局'), stance: 'praise', reason: '“双随机、一公开”监管全覆盖，处罚信息按期公示' },
      { orgId: id('利州区教育局'), stance: 'praise', reason: '法治副校长配备到位，校园法治课常态开展' },
      { orgId: id('利州区住房和城乡建设局'), stance: 'criticism', reason: '行政执法案卷评查问题较多，整改不到位' },
    ],
  });
}

/**
 * 利州区's government report of the finished year, composed from its own ledgers like 昭化区's, with an opening of its
 * own, published on 28 March.
 */
async function seedReport(tx: Executor, ctx: DemoContext) {
  const last = ctx.year - 1;
  const county = (await queryOrg(tx, ctx.orgIds.get(demoCounty.neighbour.name)!))!;
  const actor = demoActor(ctx, 'lz-office', demoCounty.neighbour.office);
  const id = await insertComposed(tx, actor, county, last, 'government', new Date(`${last}-12-30T10:00:00+08:00`));
  await tx
    .update(reports)
    .set({
      preamble:
        `${last}年，利州区以建设法治城区为主线，把法治政府建设放在城市更新和营商环境优化中统筹推进，` +
        '合法性审查、法律援助和普法宣传力度加大，人民调解和执法案卷质量仍有短板。现将有关情况报告如下。',
    })
    .where(sql`id = ${id}`);
  await publishDemoReport(tx, id, actor.user.id, {
    review: `${ctx.year}-02-06`,
    final: `${ctx.year}-02-16`,
    submit: `${ctx.year}-02-24`,
    publish: `${ctx.year}-03-28`,
  });
}

type Year = { year: number; start: string; span: number; share: number; today: string; userId: number | null };
type Units = { office: number; justice: number; police: number };

async function seedLedgers(tx: Executor, y: Year, u: Units) {
  const Y = sql.raw(String(y.year));
  // 人民调解: ~860 a year at about 94 % (昭化区: more cases, higher rate). Every success ends in an agreement, written
  // for three cases in four (g % 4 = 1, 2, 3: 6,000, 12,000 and 20,000 元, property and contract sums of the city),
  // oral for the fourth; 昭化区 has more cases with an amount but smaller sums.
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
      'agreement_form', case when g % 17 <> 0 then case when g % 4 = 0 then 'oral' else 'written' end end,
      'agreement_amount', case when g % 17 <> 0 and g % 4 <> 0 then (array[600000, 1200000, 2000000])[g % 4] end,
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
      'received_date', to_char(d, 'YYYY-MM-DD'),
      'opinion_count', 1 + (g % 7 = 0)::int)`,
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
