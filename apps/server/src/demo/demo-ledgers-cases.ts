import { addDays } from '@fazhi/core/ledgers/dates';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { LedgerSeedOrgs, LedgerSeedYear } from './demo-ledgers.ts';
import { idNumberSql, insertRows, insertSeries, personName, pick } from './demo-ledgers-sql.ts';

const clamp = (date: string, today: string) => (date > today ? today : date);

/** Small-count ledgers written case by case, and the corrections and meeting registers. */
export async function seedDemoCases(
  tx: Executor,
  o: LedgerSeedOrgs,
  userId: number | null,
  y: LedgerSeedYear,
  isCurrent: boolean,
) {
  const Y = y.year;
  const d = (md: string) => clamp(`${Y}-${md}`, y.today);
  const within = (md: string) => `${Y}-${md}` <= y.today;

  // 行政复议: last year 3 received (1 maintained, 1 not accepted, 1 still running into this year).
  const reconsideration = isCurrent
    ? [
        within('03-20') && {
          orgId: o.id('区政府办公室'),
          data: {
            case_no: `昭府复〔${Y}〕1号`,
            applicant: '何德明',
            respondent: '区综合行政执法局',
            matter: 'penalty',
            received_date: d('02-10'),
            acceptance: 'accepted',
            accepted_date: d('02-14'),
            concluded_date: d('03-20'),
            decision: 'revoked',
          },
        },
        within('04-08') && {
          orgId: o.id('区政府办公室'),
          data: {
            case_no: `昭府复〔${Y}〕2号`,
            applicant: '蒲小琴',
            respondent: '区人力资源和社会保障局',
            matter: 'compensation',
            received_date: d('04-03'),
            acceptance: 'accepted',
            accepted_date: d('04-08'),
            extension_days: 30,
          },
        },
      ]
    : [
        {
          orgId: o.id('区政府办公室'),
          data: {
            case_no: `昭府复〔${Y}〕1号`,
            applicant: '苟成林',
            respondent: '区自然资源局',
            matter: 'registration',
            received_date: `${Y}-04-11`,
            acceptance: 'accepted',
            accepted_date: `${Y}-04-15`,
            concluded_date: `${Y}-06-10`,
            decision: 'maintained',
          },
        },
        {
          orgId: o.id('区政府办公室'),
          data: {
            case_no: `昭府复〔${Y}〕2号`,
            applicant: '罗桂英',
            respondent: '区市场监督管理局',
            matter: 'information',
            received_date: `${Y}-08-02`,
            acceptance: 'not_accepted',
          },
        },
        {
          orgId: o.id('区政府办公室'),
          data: {
            case_no: `昭府复〔${Y}〕3号`,
            applicant: '王建国',
            respondent: '区住房和城乡建设局',
            matter: 'coercion',
            received_date: `${Y}-12-18`,
            acceptance: 'accepted',
            accepted_date: `${Y}-12-23`,
            suspended_days: 20,
          },
        },
      ];
  const rec = reconsideration.filter((r) => r !== false) as unknown as {
    orgId: number;
    data: Record<string, string | number>;
  }[];
  for (const r of rec) {
    if (typeof r.data.accepted_date === 'string')
      r.data.due_date = addDays(
        r.data.accepted_date,
        60 + Number(r.data.extension_days ?? 0) + Number(r.data.suspended_days ?? 0),
      );
  }
  await insertRows(tx, 'reconsideration_case', userId, rec, 'received_date');

  // 行政应诉: 9 a year — 2 dismissed, 5 awaiting judgment, 2 awaiting hearing; heads appear at most hearings.
  const defendants = [
    '区自然资源局',
    '区市场监督管理局',
    '区人力资源和社会保障局',
    '区综合行政执法局',
    '区公安分局',
    '区住房和城乡建设局',
  ];
  await insertSeries(tx, {
    type: 'litigation_case',
    count: Math.round(9 * y.share),
    orgIds: defendants.map(o.id),
    start: y.start,
    span: Math.max(1, y.span - 30),
    userId,
    data: sql`jsonb_build_object('case_no', '（${sql.raw(String(Y))}）川0811行初' || (10 + g) || '号',
      'plaintiff', ${personName('g + 6000')}, 'defendant', o.name,
      'cause', ${pick(['不服行政处罚', '土地征收补偿', '工伤认定', '政府信息公开', '房屋拆除', '行政强制'], 'g')},
      'filed_date', to_char(d, 'YYYY-MM-DD'), 'trial_level', 'first',
      'hearing_date', case when g <= 7 then to_char(least(d + 25, date '${sql.raw(y.today)}'), 'YYYY-MM-DD') end,
      'head_appeared', case when g <= 7 then g <> 4 end,
      'head_name', case when g <= 7 and g <> 4 then ${personName('g + 6100')} end,
      'result', case when g <= 2 then 'dismissed_suit' when g <= 7 then 'pending_judgment' else 'pending_hearing' end,
      'concluded_date', case when g <= 2 then to_char(least(d + 40, date '${sql.raw(y.today)}'), 'YYYY-MM-DD') end)`,
  });

  await insertSeries(tx, {
    type: 'enforcement_case_review',
    count: Math.round(40 * y.share),
    orgIds: [o.justice],
    start: `${Y}-01-01`,
    span: y.span,
    userId,
    data: sql`jsonb_build_object('case_no', '评〔${sql.raw(String(Y))}〕' || g || '号',
      'case_title', ${pick(['无证经营案', '违法占地案', '拖欠工资案', '违章搭建案', '销售过期食品案', '噪声扰民案'], 'g')} || '（' || g || '）',
      'enforcing_agency', ${pick(['区市场监督管理局', '区自然资源局', '区人力资源和社会保障局', '区综合行政执法局', '区公安分局'], 'g')},
      'review_date', to_char(d, 'YYYY-MM-DD'), 'review_kind', case when g % 3 = 0 then 'spot' else 'centralised' end,
      'grade', case when g <= 3 then 'excellent' when g % 13 = 0 then 'unqualified' else 'qualified' end,
      'score', case when g <= 3 then 93 + g else 70 + (g * 7) % 20 end, 'issues_found', (g * 3) % 5, 'recommended', g <= 3)`,
  });

  await seedCorrections(tx, o, userId, y, isCurrent);
  await seedMeetingsAndHonours(tx, o, userId, y, isCurrent);
}

/**
 * 社区矫正: last year received 139, released 133, 192 on the register at 31 Dec (186 carried in). This year's
 * volume follows the days elapsed. Subjects spread over the 司法所.
 */
async function seedCorrections(
  tx: Executor,
  o: LedgerSeedOrgs,
  userId: number | null,
  y: LedgerSeedYear,
  isCurrent: boolean,
) {
  const Y = y.year;
  const type = 'corrections_subject';
  const base = (area: string, offset: number, count: number) =>
    sql`'name', ${personName(`g + ${offset}`)}, 'id_number', ${idNumberSql(area, count)}, 'gender', case when g % 6 = 0 then 'female' else 'male' end,
      'correction_type', ${pick(['probation', 'probation', 'probation', 'parole', 'control', 'medical_parole'], 'g')},
      'supervision_level', ${pick(['normal', 'normal', 'strict', 'lenient'], 'g')}, 'e_monitored', g % 4 = 0`;
  if (!isCurrent) {
    // Carried in: received the year before last; 110 released last year, 40 more this year (by today).
    const start = `${Y - 1}-01-01`;
    await insertSeries(tx, {
      type,
      count: 186,
      orgIds: o.judicialOffices,
      start,
      span: 365,
      userId,
      data: sql`jsonb_build_object(${base('510811', 7000, 186)}, 'received_date', to_char(d, 'YYYY-MM-DD'),
        'term_end_date', to_char(case when g <= 110 then date '${sql.raw(`${Y}-01-01`)}' + (g * 3) when g <= 150 then date '${sql.raw(`${Y + 1}-01-10`)}' + (g - 110) * 7 else date '${sql.raw(`${Y + 2}-03-01`)}' + g end, 'YYYY-MM-DD'),
        'released_date', case when g <= 110 then to_char(date '${sql.raw(`${Y}-01-01`)}' + (g * 3), 'YYYY-MM-DD')
                              when g <= 150 and date '${sql.raw(`${Y + 1}-01-10`)}' + (g - 110) * 7 <= date '${sql.raw(y.today)}' then to_char(date '${sql.raw(`${Y + 1}-01-10`)}' + (g - 110) * 7, 'YYYY-MM-DD') end,
        'release_kind', case when g <= 110 or (g <= 150 and date '${sql.raw(`${Y + 1}-01-10`)}' + (g - 110) * 7 <= date '${sql.raw(y.today)}') then 'expired' end)`,
    });
    // Received last year: 139, of which 23 short terms released within the year.
    await insertSeries(tx, {
      type,
      count: 139,
      orgIds: o.judicialOffices,
      start: `${Y}-01-01`,
      span: 365,
      userId,
      dateExpr: `(case when g <= 23 then date '${Y}-01-01' + g * 5 else date '${Y}-01-01' + ((g * 7919) % 365) end)`,
      data: sql`jsonb_build_object(${base('510812', 8000, 139)}, 'received_date', to_char(d, 'YYYY-MM-DD'),
        'term_end_date', to_char(case when g <= 23 then d + 180 else d + 540 + g end, 'YYYY-MM-DD'),
        'released_date', case when g <= 23 then to_char(d + 180, 'YYYY-MM-DD') end,
        'release_kind', case when g <= 23 then 'expired' end)`,
    });
  } else {
    const count = Math.round(139 * y.share);
    await insertSeries(tx, {
      type,
      count,
      orgIds: o.judicialOffices,
      start: y.start,
      span: y.span,
      userId,
      data: sql`jsonb_build_object(${base('510821', 9000, count)}, 'received_date', to_char(d, 'YYYY-MM-DD'),
        'term_end_date', to_char(d + 365 + g * 3, 'YYYY-MM-DD'))`,
    });
  }
  // Monthly supervision per 司法所 (16 on the register each): phone location above 95 %.
  const months = Math.min(12, Math.floor((y.span - 1) / 30.5));
  await insertSeries(tx, {
    type: 'corrections_location',
    count: months * o.judicialOffices.length,
    orgIds: o.judicialOffices,
    start: y.start,
    span: y.span,
    userId,
    dateExpr: `(date '${y.start}' + ((g - 1) / ${o.judicialOffices.length}) * interval '1 month' + interval '27 days')`,
    data: sql`jsonb_build_object('month_date', to_char(d, 'YYYY-MM-DD'), 'active_count', 16, 'located_count', 16 - (g % 5 = 0)::int,
      'visits', 2 + g % 3, 'education_sessions', (g % 18 = 0)::int)`,
  });
}

async function seedMeetingsAndHonours(
  tx: Executor,
  o: LedgerSeedOrgs,
  userId: number | null,
  y: LedgerSeedYear,
  isCurrent: boolean,
) {
  const Y = y.year;
  type M = { orgId: number; data: Record<string, string | number | boolean | undefined> };
  const meetings: M[] = [];
  const add = (md: string, org: string, data: Record<string, string | number | boolean | undefined>) => {
    if (`${Y}-${md}` <= y.today) meetings.push({ orgId: o.id(org), data: { meeting_date: `${Y}-${md}`, ...data } });
  };
  add('02-26', '区委全面依法治区委员会', {
    meeting_kind: 'committee',
    title: `区委全面依法治区委员会${Y}年第一次会议`,
    chair: '区委书记',
    special_study: true,
    attendees: 42,
  });
  add('12-20', '区委全面依法治区委员会', {
    meeting_kind: 'committee',
    title: `区委全面依法治区委员会${Y}年第二次会议`,
    chair: '区委书记',
    special_study: true,
    attendees: 40,
  });
  for (const [i, g] of ['执法协调小组', '司法协调小组', '守法普法协调小组'].entries()) {
    add(`03-1${i + 2}`, '区委依法治区办', {
      meeting_kind: 'coord_group',
      title: `${g}${Y}年第一次会议`,
      attendees: 18,
    });
    add(`09-1${i + 2}`, '区委依法治区办', {
      meeting_kind: 'coord_group',
      title: `${g}${Y}年第二次会议`,
      attendees: 17,
    });
  }
  for (const md of ['01-15', '04-20', '07-18', '10-22'])
    add(md, '区委依法治区办', {
      meeting_kind: 'office',
      title: `区委依法治区办主任会议（${md.slice(0, 2)}月）`,
      attendees: 9,
    });
  for (const [i, md] of ['01-28', '04-15', '07-29', '11-18'].entries())
    add(md, '区委办公室', {
      meeting_kind: 'standing_committee',
      title: `区委常委会${Y}年第${i + 3}次会议`,
      chair: '区委书记',
      special_study: i % 2 === 0,
      attendees: 13,
    });
  for (let m = 1; m <= 12; m++)
    add(`${String(m).padStart(2, '0')}-1${m % 9}`, '区政府办公室', {
      meeting_kind: 'executive',
      title: `区政府第${m + (Y % 10) * 12}次常务会议`,
      chair: '区长',
      special_study: m === 6 || m === 11,
      attendees: 21,
    });
  await insertRows(tx, 'meeting', userId, meetings, 'meeting_date');

  const honours: M[] = [];
  const honour = (md: string, data: Record<string, string>) => {
    if (`${Y}-${md}` <= y.today)
      honours.push({ orgId: o.id(data.recipient ?? '区委依法治区办'), data: { awarded_date: `${Y}-${md}`, ...data } });
  };
  if (!isCurrent) {
    honour('03-10', {
      title: '依法治区工作部署走在全市前列',
      category: 'commendation',
      level: 'city',
      issuing_authority: '广元市委依法治市办',
      document_no: `广法办〔${Y}〕12号`,
      recipient: '区委依法治区办',
    });
    honour('05-22', {
      title: '在全市全面依法治市推进会上作交流发言',
      category: 'experience',
      level: 'city',
      issuing_authority: '广元市委全面依法治市委员会',
      recipient: '区委依法治区办',
    });
    honour('06-30', {
      title: '“枫桥经验”矛盾不上交试点工作',
      category: 'commendation',
      level: 'central',
      issuing_authority: '司法部',
      document_no: `司办通〔${Y}〕45号`,
      recipient: '区司法局',
    });
    honour('08-16', {
      title: '市委主要领导对依法治区工作作出肯定性批示',
      category: 'instruction',
      level: 'city',
      issuing_authority: '中共广元市委',
      recipient: '区委依法治区办',
    });
    honour('10-12', {
      title: '全省第二批省级法治示范区',
      category: 'demonstration',
      level: 'province',
      issuing_authority: '四川省委依法治省办',
      document_no: `川法办〔${Y}〕30号`,
      recipient: '区委依法治区办',
    });
    honour('11-05', {
      title: '全省“八五”普法中期先进集体',
      category: 'commendation',
      level: 'province',
      issuing_authority: '四川省司法厅',
      recipient: '区司法局',
    });
    honour('12-08', {
      title: '公共法律服务体系建设经验交流',
      category: 'experience',
      level: 'province',
      issuing_authority: '四川省司法厅',
      recipient: '区司法局',
    });
  } else {
    honour('03-18', {
      title: '行政复议规范化建设示范单位',
      category: 'demonstration',
      level: 'city',
      issuing_authority: '广元市司法局',
      recipient: '区司法局',
    });
    honour('04-25', {
      title: '法治政府建设年度报告公开工作',
      category: 'commendation',
      level: 'city',
      issuing_authority: '广元市委依法治市办',
      recipient: '区委依法治区办',
    });
  }
  await insertRows(tx, 'honour', userId, honours, 'awarded_date');
}
