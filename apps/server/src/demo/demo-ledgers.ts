import { daysBetween } from '@fazhi/core/ledgers/dates';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { seedDemoCases } from './demo-ledgers-cases.ts';
import { idNumberSql, insertSeries, personName, pick, villagePool } from './demo-ledgers-sql.ts';
import { centerOffices, memberUnits } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

export type LedgerSeedYear = {
  year: number;
  start: string;
  /** Days of the year the rows may fall on (the whole year, or up to today for the current year). */
  span: number;
  /** Share of a full year's volume (1 for the previous year). */
  share: number;
  today: string;
};

export type LedgerSeedOrgs = {
  townships: number[];
  villages: number[];
  judicialOffices: number[];
  departments: number[];
  justice: number;
  id: (name: string) => number;
};

/**
 * A year of business ledgers for 昭化区, previous year complete and the current one up to today, at the orders of
 * magnitude of a county's annual report (seed 004): ~2000 disputes mediated at ~99 %, 361 legal-aid cases, 172 + 65
 * + 32 legality reviews, 3 reconsiderations, 9 litigation cases, corrections 139 / 133 / 192 … Set-based: one
 * INSERT … SELECT generate_series per batch.
 */
export async function seedDemoLedgers(tx: Executor, ctx: DemoContext) {
  const id = (name: string) => {
    const v = ctx.orgIds.get(name);
    if (v === undefined) throw new Error(`demo org missing: ${name}`);
    return v;
  };
  const townshipNames = centerOffices.flatMap((c) => c.townships.map((t) => t.name));
  const orgs: LedgerSeedOrgs = {
    townships: townshipNames.map(id),
    villages: centerOffices.flatMap((c) => c.townships.flatMap((t) => t.villages.map(id))),
    judicialOffices: townshipNames.map((t) => id(`${t}司法所`)),
    departments: memberUnits.map((u) => id(u.name)),
    justice: id('区司法局'),
    id,
  };
  const userId = ctx.userIds.get('office') ?? null;
  const today = shanghaiToday(ctx.now);
  const years: LedgerSeedYear[] = [ctx.year - 1, ctx.year].map((year) => {
    const start = `${year}-01-01`;
    const full = daysBetween(start, `${year + 1}-01-01`);
    const span = Math.min(full, Math.max(1, daysBetween(start, today) + 1));
    return { year, start, span, share: span / full, today };
  });
  await seedStructure(tx, orgs, userId, years[0]!);
  for (const y of years) {
    await seedMediation(tx, orgs, userId, y);
    await seedLegalAid(tx, orgs, userId, y);
    await seedLegality(tx, orgs, userId, y);
    await seedPublicity(tx, orgs, userId, y);
    await seedDemoCases(tx, orgs, userId, y, y.year === ctx.year);
  }
}

/** Organisations, rosters and platforms: rows dated when each was set up (before the demo years). */
async function seedStructure(tx: Executor, o: LedgerSeedOrgs, userId: number | null, prev: LedgerSeedYear) {
  const grass = [...o.townships, ...o.villages];
  const before = `${prev.year - 8}-01-01`;
  const span = 365 * 7;
  const committeeNames = sql`o.name || '人民调解委员会'`;
  await insertSeries(tx, {
    type: 'mediation_org',
    count: grass.length,
    orgIds: grass,
    start: before,
    span,
    userId,
    data: sql`jsonb_build_object('name', ${committeeNames}, 'org_kind', 'committee',
      'star_level', ${pick(['three', 'four', 'two', 'five', 'three', 'none'], 'g')}, 'established_date', d,
      'mediator_count', 5 + g % 9, 'standardised', g % 5 <> 0)`,
    dateExpr: `(date '${before}' + ((g * 7919) % ${span}))`,
  });
  // Rooms: one row per room; org = township (g mod 12 via the org picker is not unique by name, so name by g).
  const townshipArray = `'{${o.townships.join(',')}}'::int[]`;
  await tx.execute(sql`
    insert into ledger_rows (type_key, org_id, row_date, data, created_by)
    select 'mediation_org', t.id, ${before}::date + (g * 7919 % ${span}), jsonb_build_object(
      'name', t.name || ${pick(villagePool, 'g / 12')} || '村人民调解室', 'org_kind', 'room', 'established_date',
      to_char(${before}::date + (g * 7919 % ${span}), 'YYYY-MM-DD'), 'mediator_count', 3 + g % 4, 'standardised', g % 7 <> 0), ${userId}
    from generate_series(1, 142) g join orgs t on t.id = (${sql.raw(townshipArray)})[1 + g % 12]`);
  await insertSeries(tx, {
    type: 'mediation_org',
    count: 6,
    orgIds: [o.justice],
    start: before,
    span,
    userId,
    data: sql`jsonb_build_object('name', '昭化区' || ${pick(['医疗纠纷', '道路交通事故', '劳动争议', '婚姻家庭', '物业纠纷', '消费纠纷'], 'g')} || '人民调解委员会',
      'org_kind', 'professional', 'star_level', 'four', 'established_date', d, 'mediator_count', 6 + g, 'standardised', true)`,
  });
  await insertSeries(tx, {
    type: 'mediator',
    count: 420,
    orgIds: grass,
    start: before,
    span,
    userId,
    data: sql`jsonb_build_object('name', ${personName('g')}, 'gender', case when g % 3 = 0 then 'female' else 'male' end,
      'phone', '139' || lpad((8100000 + g * 13)::text, 8, '0'), 'full_time', g <= 17, 'appointed_date', d,
      'committee_name', o.name || '人民调解委员会',
      'education', ${pick(['college', 'high_school', 'high_school', 'other'], 'g')}, 'qualified_lawyer', g % 25 = 0)`,
  });
  // Public legal service: 1 centre, a station per township, rooms in villages.
  await insertSeries(tx, {
    type: 'pls_facility',
    count: 1,
    orgIds: [o.justice],
    start: before,
    span: 1,
    userId,
    data: sql`jsonb_build_object('name', '昭化区公共法律服务中心', 'facility_type', 'center', 'established_date', d,
      'staff_count', 12, 'standardised', true, 'address', '昭化区元坝镇政务服务中心一楼')`,
  });
  await insertSeries(tx, {
    type: 'pls_facility',
    count: o.townships.length,
    orgIds: o.townships,
    start: before,
    span,
    userId,
    dateExpr: `(date '${before}' + 400 + g * 30)`,
    data: sql`jsonb_build_object('name', o.name || '公共法律服务工作站', 'facility_type', 'station',
      'established_date', d, 'staff_count', 3 + g % 3, 'standardised', true)`,
  });
  await tx.execute(sql`
    insert into ledger_rows (type_key, org_id, row_date, data, created_by)
    select 'pls_facility', t.id, ${before}::date + 700 + g * 5, jsonb_build_object(
      'name', t.name || ${pick(villagePool, 'g / 12')} || '村公共法律服务室', 'facility_type', 'room',
      'established_date', to_char(${before}::date + 700 + g * 5, 'YYYY-MM-DD'), 'staff_count', 1 + g % 2, 'standardised', g % 9 <> 0), ${userId}
    from generate_series(1, 190) g join orgs t on t.id = (${sql.raw(townshipArray)})[1 + g % 12]`);
  await insertSeries(tx, {
    type: 'pls_person',
    count: 49,
    orgIds: grass,
    start: before,
    span,
    userId,
    data: sql`jsonb_build_object('name', ${personName('g + 500')}, 'phone', '138' || lpad((2300000 + g * 17)::text, 8, '0'),
      'role', 'village_adviser', 'appointed_date', d, 'village', o.name,
      'profession', case when g % 4 = 0 then 'grassroots_worker' else 'lawyer' end, 'trained', true)`,
  });
  await insertSeries(tx, {
    type: 'pls_person',
    count: 360,
    orgIds: o.villages,
    start: before,
    span,
    userId,
    data: sql`jsonb_build_object('name', ${personName('g + 900')}, 'phone', '137' || lpad((5600000 + g * 19)::text, 8, '0'),
      'role', 'legal_literate', 'appointed_date', d, 'village', o.name,
      'profession', ${pick(['cadre', 'villager', 'villager', 'other'], 'g')}, 'trained', g % 6 <> 0)`,
  });
  // Enforcement officers of the enforcing departments, certificates issued over the years; 65 sat last year's exam.
  const enforcers = [
    '区公安分局',
    '区市场监督管理局',
    '区自然资源局',
    '区住房和城乡建设局',
    '区综合行政执法局',
    '区人力资源和社会保障局',
    '区教育局',
    '区民政局',
    '区财政局',
  ].map(o.id);
  await insertSeries(tx, {
    type: 'enforcement_officer',
    count: 213,
    orgIds: enforcers,
    start: before,
    span,
    userId,
    data: sql`jsonb_build_object('name', ${personName('g + 1500')}, 'id_number', ${idNumberSql('510811', 213)},
      'cert_no', '川' || lpad((51081100 + g)::text, 10, '0'), 'cert_type', case when g % 20 = 0 then 'supervision' else 'administrative' end,
      'enforcement_field', ${pick(['治安管理', '市场监管', '自然资源', '城乡建设', '城市管理', '劳动保障', '教育', '民政', '财政'], '(g * 37) % 9')},
      'issued_date', d, 'expiry_date', to_char(d + 365 * 6, 'YYYY-MM-DD'),
      'exam_date', case when g <= 65 then '${sql.raw(`${prev.year}-09-20`)}' end,
      'exam_score', case when g <= 65 then 62 + (g * 7) % 37 end, 'exam_passed', case when g <= 65 then true end,
      'status', 'active')`,
  });
}

async function seedMediation(tx: Executor, o: LedgerSeedOrgs, userId: number | null, y: LedgerSeedYear) {
  const count = Math.round(2040 * y.share);
  const recent = `d > date '${y.today}' - 20`;
  await insertSeries(tx, {
    type: 'mediation_case',
    count,
    orgIds: [...o.townships, ...o.villages, ...o.judicialOffices],
    start: y.start,
    span: y.span,
    userId,
    data: sql`jsonb_build_object(
      'case_no', '昭调〔${sql.raw(String(y.year))}〕' || lpad(g::text, 4, '0') || '号',
      'dispute_type', ${pick(['neighbourhood', 'marriage_family', 'land', 'neighbourhood', 'property', 'debt', 'marriage_family', 'damage', 'contract', 'labour', 'traffic', 'land', 'medical', 'other'], '(g * 13) % 14')},
      'parties', ${personName('g')} || '、' || ${personName('g * 3 + 1')},
      'party_phone', '135' || lpad((1000000 + g * 4099 % 8999999)::text, 8, '0'),
      'received_date', to_char(d, 'YYYY-MM-DD'),
      'result', case when ${sql.raw(recent)} and g % 3 = 0 then 'ongoing' when g % 100 = 0 then 'failed' else 'success' end,
      'concluded_date', case when ${sql.raw(recent)} and g % 3 = 0 then null
                             else to_char(least(d + (g % 12), date '${sql.raw(y.today)}'), 'YYYY-MM-DD') end,
      'agreement_form', case when g % 100 <> 0 then case when g % 10 < 6 then 'written' else 'oral' end end,
      'agreement_amount', case when g % 100 <> 0 and g % 10 < 6 then (800 + (g * 7919) % 20000) * 100 end,
      'mediator_name', ${personName('g % 60 + 2000')},
      'mediator_full_time', g % 100 < 45,
      'summary', '双方因' || ${pick(['相邻通行', '赡养费用', '土地边界', '房屋漏水', '借款归还', '务工报酬', '交通事故赔偿', '婚姻财产'], 'g')} || '发生纠纷，经调解员多次走访调解。')`,
  });
}

async function seedLegalAid(tx: Executor, o: LedgerSeedOrgs, userId: number | null, y: LedgerSeedYear) {
  const today = `date '${y.today}'`;
  await insertSeries(tx, {
    type: 'legal_aid_case',
    count: Math.round(361 * y.share),
    orgIds: [o.justice],
    start: y.start,
    span: y.span,
    userId,
    data: sql`jsonb_build_object(
      'case_no', '昭援〔${sql.raw(String(y.year))}〕' || g || '号',
      'applicant', ${personName('g + 3000')},
      'phone', '136' || lpad((3000000 + g * 577)::text, 8, '0'),
      'application_date', to_char(d, 'YYYY-MM-DD'),
      'case_type', ${pick(['civil', 'criminal', 'civil', 'civil', 'criminal', 'administrative', 'civil', 'other'], 'g')},
      'aid_form', ${pick(['agency', 'defence', 'non_litigation', 'agency', 'defence', 'agency', 'mediation', 'duty_lawyer'], 'g')},
      'status', case when d + 60 <= ${sql.raw(today)} then 'concluded' else 'accepted' end,
      'accepted_date', to_char(least(d + 2, ${sql.raw(today)}), 'YYYY-MM-DD'),
      'concluded_date', case when d + 60 <= ${sql.raw(today)} then to_char(d + 30 + g % 30, 'YYYY-MM-DD') end,
      'lawyer', ${personName('g % 25 + 4000')},
      'special_group', ${pick(['none', 'migrant_worker', 'none', 'elderly', 'minor', 'none', 'disabled', 'woman'], 'g * 3')},
      'recovered_amount', case when g % 3 = 0 then (2000 + g * 397 % 60000) * 100 end)`,
  });
  // Services: monthly, by channel at the centre, and a workstation line per 司法所; only months already over.
  const months = Math.min(12, Math.floor((y.span - 1) / 30.5));
  if (months <= 0) return;
  const channels = ['visit', 'hotline', 'online'];
  await insertSeries(tx, {
    type: 'legal_aid_service',
    count: months * channels.length,
    orgIds: [o.justice],
    start: y.start,
    span: y.span,
    userId,
    dateExpr: `(date '${y.start}' + ((g - 1) / 3) * interval '1 month' + interval '27 days')`,
    data: sql`jsonb_build_object('service_date', to_char(d, 'YYYY-MM-DD'), 'channel', ${pick(channels, 'g - 1')},
      'persons', ${sql.raw(`('{400,300,150}'::int[])[1 + (g - 1) % 3]`)} + g % 17, 'consultations', ${sql.raw(`('{360,290,150}'::int[])[1 + (g - 1) % 3]`)},
      'criminal_help', case when (g - 1) % 3 = 0 then 12 + g % 3 end)`,
  });
  await insertSeries(tx, {
    type: 'legal_aid_service',
    count: months * o.judicialOffices.length,
    orgIds: o.judicialOffices,
    start: y.start,
    span: y.span,
    userId,
    dateExpr: `(date '${y.start}' + ((g - 1) / ${o.judicialOffices.length}) * interval '1 month' + interval '27 days')`,
    data: sql`jsonb_build_object('service_date', to_char(d, 'YYYY-MM-DD'), 'channel', 'workstation', 'persons', 14 + g % 7,
      'consultations', 12 + g % 5)`,
  });
}

async function seedLegality(tx: Executor, o: LedgerSeedOrgs, userId: number | null, y: LedgerSeedYear) {
  const n = (full: number) => Math.round(full * y.share);
  const [topics, contracts, docs] = [n(172), n(65), n(32)];
  const units = memberUnits.map((u) => u.name);
  await insertSeries(tx, {
    type: 'legality_review',
    count: topics + contracts + docs,
    orgIds: [o.justice],
    start: y.start,
    span: y.span,
    userId,
    data: sql`jsonb_build_object(
      'review_kind', case when g <= ${sql.raw(String(topics))} then 'meeting_topic' when g <= ${sql.raw(String(topics + contracts))} then 'contract' else 'normative_doc' end,
      'title', case when g <= ${sql.raw(String(topics))} then '关于' || ${pick(['调整城乡居民医保缴费标准', '实施老旧小区改造', '规范农村宅基地审批', '设立产业发展基金', '推进乡村振兴项目', '优化营商环境若干措施', '加强森林防火', '城区停车管理'], 'g')} || '的议题'
                   when g <= ${sql.raw(String(topics + contracts))} then ${pick(['道路改建工程施工合同', '政府和社会资本合作项目协议', '国有土地使用权出让合同', '污水处理特许经营协议', '物业服务采购合同'], 'g')} || '（第' || g || '号）'
                   else '昭化区' || ${pick(['农村集体资产管理办法', '城市绿化管理规定', '困难群众救助实施细则', '行政执法公示办法', '重大行政决策程序规定'], 'g')} || '（送审稿）' end,
      'submitting_unit', ${pick(units, 'g')},
      'received_date', to_char(d, 'YYYY-MM-DD'),
      'completed_date', to_char(least(d + 3 + g % 5, date '${sql.raw(y.today)}'), 'YYYY-MM-DD'),
      'opinion_letter', g % 17 < 5,
      'opinion_count', 1 + (g % 9 = 0)::int,
      'contract_amount', case when g > ${sql.raw(String(topics))} and g <= ${sql.raw(String(topics + contracts))} then (200000 + g * 7919 % 5000000) * 100 end,
      'conclusion', case when g % 11 = 0 then 'legal_with_changes' else 'legal' end)`,
  });
  await insertSeries(tx, {
    type: 'normative_doc_filing',
    count: n(7) + n(4),
    orgIds: [o.id('区政府办公室')],
    start: y.start,
    span: y.span,
    userId,
    data: sql`jsonb_build_object(
      'doc_no', case when g <= ${sql.raw(String(n(7)))} then '昭府规〔${sql.raw(String(y.year))}〕' || g || '号' else '昭执备〔${sql.raw(String(y.year))}〕' || g || '号' end,
      'title', case when g <= ${sql.raw(String(n(7)))} then '昭化区' || ${pick(['城乡规划管理办法', '农村人居环境整治实施意见', '政府投资项目管理办法', '行政规范性文件管理办法', '社会救助管理办法', '扬尘污染防治规定', '殡葬管理办法'], 'g')}
                    else '重大行政' || case when g % 2 = 0 then '处罚' else '强制' end || '决定备案（' || g || '）' end,
      'doc_kind', case when g <= ${sql.raw(String(n(7)))} then 'normative' when g % 2 = 0 then 'penalty' else 'coercion' end,
      'issuing_agency', '昭化区人民政府', 'issued_date', to_char(d, 'YYYY-MM-DD'),
      'filed_date', to_char(least(d + 10 + g % 15, date '${sql.raw(y.today)}'), 'YYYY-MM-DD'),
      'on_time', true, 'result', 'approved')`,
  });
  await insertSeries(tx, {
    type: 'major_decision',
    count: n(5),
    orgIds: [o.id('区政府办公室')],
    start: y.start,
    span: y.span,
    userId,
    data: sql`jsonb_build_object('title', '${sql.raw(String(y.year))}年' || ${pick(['城区集中供暖项目', '农村供水保障工程', '义务教育学校布局调整', '公共停车收费标准调整', '生活垃圾分类实施方案'], 'g - 1')},
      'decision_agency', '昭化区人民政府', 'in_catalogue', true, 'public_participation', true, 'expert_argument', g % 2 = 1,
      'risk_assessment', true, 'legality_reviewed', true, 'collective_discussion', true, 'decided_date', to_char(d, 'YYYY-MM-DD'),
      'status', case when d < date '${sql.raw(y.today)}' - 90 then 'decided' else 'in_progress' end)`,
  });
}

async function seedPublicity(tx: Executor, o: LedgerSeedOrgs, userId: number | null, y: LedgerSeedYear) {
  await insertSeries(tx, {
    type: 'publicity_activity',
    count: Math.round(186 * y.share),
    orgIds: [o.justice, ...o.departments, ...o.townships],
    start: y.start,
    span: y.span,
    userId,
    data: sql`jsonb_build_object(
      'title', case when g <= 22 then '“法治周周行”走进' || ${pick(villagePool, 'g')} || '村' else ${pick(['宪法宣传周集中宣传', '民法典进万家', '反诈普法讲座', '安全生产法宣讲', '青少年法治教育课', '农民工讨薪维权普法', '禁毒知识宣传', '消费者权益日宣传'], 'g')} end,
      'activity_date', to_char(d, 'YYYY-MM-DD'),
      'sector', ${pick(['village', 'community', 'school', 'organ', 'enterprise', 'unit', 'temple', 'village', 'community', 'school'], 'g')},
      'form', ${pick(['lecture', 'campaign', 'campaign', 'exhibition', 'performance', 'online', 'training'], 'g * 3')},
      'participants', 40 + (g * 7919) % 560, 'weekly_tour', g <= 22, 'materials', 100 + (g * 31) % 900,
      'location', ${pick(villagePool, 'g * 5')} || '村文化广场')`,
  });
  await insertSeries(tx, {
    type: 'demo_site',
    count: y.share < 1 ? 6 : 87,
    orgIds: [...o.villages, ...o.townships, ...o.departments],
    start: y.start,
    span: y.span,
    userId,
    data: sql`jsonb_build_object(
      'name', '${sql.raw(String(y.year))}年' || o.name ||
        case when g <= 3 then '省级' when g <= 15 then '市级' else '区级' end ||
        case (g % 3) when 0 then '法治示范乡镇' when 1 then '民主法治示范村（社区）' else '学法用法示范机关' end || '（' || g || '）',
      'level', case when g <= 3 then 'province' when g <= 15 then 'city' else 'district' end,
      'site_type', case (g % 3) when 0 then 'township' when 1 then 'village_community' else 'organ' end,
      'named_date', to_char(d, 'YYYY-MM-DD'),
      'naming_authority', case when g <= 3 then '四川省依法治省办' when g <= 15 then '广元市依法治市办' else '昭化区委依法治区办' end,
      'seven_entries', g % 2 = 0)`,
  });
}
