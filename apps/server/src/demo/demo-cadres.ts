import { defaultFirstResponsibleDuties } from '@fazhi/core/cadres/cadre.schemas';
import { cadreArchives, cadres, lawExams, lawReports, preMeetingStudies } from '../cadres/cadres.schema.ts';
import type { Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { centerOffices, memberUnits } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段';
const givens = [
  '建华',
  '志强',
  '明',
  '晓东',
  '丽华',
  '国庆',
  '海燕',
  '伟',
  '红梅',
  '军',
  '文斌',
  '雪梅',
  '正平',
  '德明',
  '春燕',
  '永刚',
  '光荣',
  '秀英',
  '振宇',
  '慧',
  '涛',
  '建军',
  '玉兰',
  '俊杰',
  '立新',
  '静',
  '学文',
  '长青',
  '小平',
  '敏',
];

export type DemoCadre = { id: number; name: string; orgName: string; position: string; isPrincipal: boolean };

/** Positions by unit: the principal (党政主要负责人) and one deputy who owns problems in the demo. */
function positionsOf(orgName: string, county: string): [string, string][] {
  if (orgName === county)
    return [
      ['区委书记', 'p'],
      ['区长', 'p'],
    ];
  if (orgName.endsWith('镇'))
    return [
      ['党委书记', 'p'],
      ['镇长', 'p'],
      ['副镇长', 'd'],
    ];
  const head = orgName.includes('办公室') ? '主任' : orgName.includes('部') || orgName.includes('委') ? '部长' : '局长';
  const principal = orgName.endsWith('政法委')
    ? '书记'
    : orgName.includes('法院')
      ? '院长'
      : orgName.includes('检察院')
        ? '检察长'
        : head;
  return [
    [principal, 'p'],
    [`副${principal}`, 'd'],
  ];
}

/** How one county's 关键少数 look in the demo: whose cadres, where its meetings sit, and its level of results. */
export type CadreYear = {
  county: string;
  /** The county first, then its units and townships, each with a principal and a deputy (townships two principals). */
  orgNames: string[];
  /** The units recording the 党委常委会 and 政府常务会议 studies, and the meetings' names. */
  partyOrg: string;
  governmentOrg: string;
  partyMeeting: string;
  governmentMeeting: string;
  /** Months (0–11) with a 会前学法 each year, members expected and a level of attendance added to the base 9. */
  studyMonths: number[];
  expected: number;
  attendanceShift: number;
  /** First digits of ID numbers and phones; where names start in the list (each county its own people). */
  idPrefix: string;
  phoneBase: number;
  nameOffset: number;
  /** 述法 评议 base score, exam base score, and how many principals report this year. */
  panelBase: number;
  examBase: number;
  reportsThisYear: number;
};

/** Seeds leading cadres, two years of 会前学法, 述法 with 评议 scores, exams and 法治档案. */
export async function seedDemoCadres(tx: Executor, ctx: DemoContext) {
  await seedCadresOf(tx, ctx, {
    county: '昭化区',
    orgNames: [
      '昭化区',
      ...memberUnits.map((u) => u.name),
      ...centerOffices.flatMap((c) => c.townships.map((t) => t.name)),
    ],
    partyOrg: '区委办公室',
    governmentOrg: '区政府办公室',
    partyMeeting: '区委常委会',
    governmentMeeting: '区政府常务会议',
    studyMonths: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    expected: 11,
    attendanceShift: 0,
    idPrefix: '510811',
    phoneBase: 8120000,
    nameOffset: 0,
    panelBase: 78,
    examBase: 70,
    reportsThisYear: 14,
  });
}

export async function seedCadresOf(tx: Executor, ctx: DemoContext, c0: CadreYear) {
  const values: (typeof cadres.$inferInsert)[] = [];
  let n = 0;
  for (const orgName of c0.orgNames) {
    for (const [position, kind] of positionsOf(orgName, c0.county)) {
      const k = n + c0.nameOffset;
      const name = `${surnames[(k * 7) % surnames.length]}${givens[(k * 11) % givens.length]}`;
      const birth = `19${66 + (k % 24)}${String((k % 12) + 1).padStart(2, '0')}${String((k % 27) + 1).padStart(2, '0')}`;
      values.push({
        orgId: ctx.orgIds.get(orgName)!,
        name,
        position,
        isPrincipal: kind === 'p',
        idNumber: `${c0.idPrefix}${birth}${String(100 + n).slice(-3)}${n % 10}`,
        phone: `139${String(c0.phoneBase + n * 37).padStart(8, '0')}`,
        sort: n,
      });
      n++;
    }
  }
  const rows = await tx.insert(cadres).values(values).returning({ id: cadres.id, orgId: cadres.orgId });
  const orgNameById = new Map([...ctx.orgIds].map(([name, id]) => [id, name]));
  const list: DemoCadre[] = rows.map((r, i) => ({
    id: r.id,
    name: values[i]!.name,
    orgName: orgNameById.get(r.orgId)!,
    position: values[i]!.position,
    isPrincipal: values[i]!.isPrincipal!,
  }));
  const principals = list.filter((c) => c.isPrincipal);
  const countyLeaders = list.filter((c) => c.orgName === c0.county);
  const officeUser = ctx.userIds.get('office')!;

  const laws = [
    ['中华人民共和国宪法'],
    ['中华人民共和国行政复议法'],
    ['中华人民共和国行政处罚法'],
    ['优化营商环境条例'],
    ['中华人民共和国民法典（合同编）'],
    ['重大行政决策程序暂行条例'],
    ['中华人民共和国安全生产法'],
    ['中华人民共和国数据安全法', '中华人民共和国个人信息保护法'],
    ['中华人民共和国信访工作条例'],
    ['中华人民共和国土地管理法'],
    ['中华人民共和国食品安全法'],
    ['中华人民共和国保守国家秘密法'],
  ];
  const today = shanghaiToday(ctx.now);
  const studies: (typeof preMeetingStudies.$inferInsert)[] = [];
  for (const year of [ctx.year - 1, ctx.year]) {
    for (const m of c0.studyMonths) {
      const date = `${year}-${String(m + 1).padStart(2, '0')}-${m % 2 ? '18' : '09'}`;
      if (date > today) continue;
      const isParty = m % 2 === 0;
      const attendeeCount = 9 + c0.attendanceShift + (m % 3 === 0 ? 1 : 0) + (m % 4 === 0 ? 1 : 0);
      const attendees = principals.filter((_, i) => (i + m) % 3 !== 0).slice(0, 9);
      studies.push({
        orgId: ctx.orgIds.get(isParty ? c0.partyOrg : c0.governmentOrg)!,
        date,
        meetingKind: isParty ? 'party_standing' : 'government_executive',
        meetingName: `${isParty ? c0.partyMeeting : c0.governmentMeeting}${year}年第${Math.floor(m / 2) + 1 + (isParty ? 0 : 1)}次会议`,
        laws: laws[m]!,
        lecturer: m % 3 === 0 ? '区司法局局长' : m % 3 === 1 ? '区法律顾问团律师' : '区人民法院法官',
        expectedCount: c0.expected,
        attendeeCount,
        // County leaders can also be principals of a unit: each cadre is listed once.
        attendeeIds: [...new Set([...countyLeaders, ...attendees].map((c) => c.id))].slice(
          0,
          Math.min(9, attendeeCount),
        ),
        createdBy: officeUser,
      });
    }
  }
  await tx.insert(preMeetingStudies).values(studies);

  const reports: (typeof lawReports.$inferInsert)[] = [];
  for (const [i, c] of principals.entries()) {
    const base = c0.panelBase + ((i * 13) % 19);
    const panel = [0, 1, 2, 3, 4, 5, 6].map((k) => Math.min(100, base + ((k * 5 + i) % 9) - 3));
    const survey = { satisfied: 30 + (i % 12), basicallySatisfied: 8 + (i % 5), dissatisfied: i % 4 };
    const orgId = ctx.orgIds.get(c.orgName)!;
    const summary = `${c.orgName}${c.position}${c.name}${'{Y}'}年度履行推进法治建设第一责任人职责情况报告：亲自部署年度法治建设重点工作，亲自过问重大行政决策合法性审查，落实会前学法制度，推动行政执法“三项制度”全面落实。`;
    reports.push({
      orgId,
      cadreId: c.id,
      year: ctx.year - 1,
      form: i % 3 === 0 ? 'on_site' : 'written',
      date: `${ctx.year - 1}-12-${String(16 + (i % 10)).padStart(2, '0')}`,
      summary: summary.replace('{Y}', String(ctx.year - 1)),
      panelScores: panel,
      survey: i % 2 === 0 ? survey : null,
    });
    if (i < c0.reportsThisYear)
      reports.push({
        orgId,
        cadreId: c.id,
        year: ctx.year,
        form: i % 2 === 0 ? 'on_site' : 'written',
        date: `${ctx.year}-11-${String(5 + (i % 12)).padStart(2, '0')}`,
        summary: summary.replace('{Y}', String(ctx.year)),
        panelScores: i < 11 ? panel.map((s) => Math.max(55, s - 2 + (i % 4))) : [],
        survey: i % 3 === 0 ? { ...survey, dissatisfied: survey.dissatisfied + 2 } : null,
      });
  }
  await tx.insert(lawReports).values(reports);

  const exams: (typeof lawExams.$inferInsert)[] = [];
  for (const [i, c] of list.entries()) {
    const orgId = ctx.orgIds.get(c.orgName)!;
    exams.push({
      orgId,
      cadreId: c.id,
      year: ctx.year - 1,
      examName: `${ctx.year - 1}年度领导干部学法用法考试`,
      date: `${ctx.year - 1}-10-26`,
      score: c0.examBase + ((i * 7) % 29),
    });
    exams.push({
      orgId,
      cadreId: c.id,
      year: ctx.year,
      examName: `${ctx.year}年度领导干部学法用法考试`,
      date: `${ctx.year}-10-24`,
      score: i === 9 ? null : i === 17 ? 56 : c0.examBase - 2 + ((i * 5) % 31),
    });
  }
  // 任前考法: two deputies sat the exam before promotion last year (one passed at the second try)
  const deputies = list.filter((c) => !c.isPrincipal);
  for (const [k, c] of deputies.slice(0, 2).entries()) {
    const orgId = ctx.orgIds.get(c.orgName)!;
    const sitting = (date: string, score: number) => ({
      orgId,
      cadreId: c.id,
      kind: 'pre_promotion',
      year: ctx.year - 1,
      examName: '拟提拔领导干部任前法律知识考试',
      date,
      score,
    });
    exams.push(sitting(`${ctx.year - 1}-0${4 + k}-12`, k === 0 ? 88 : 54));
    if (k === 1) exams.push(sitting(`${ctx.year - 1}-06-20`, 76));
  }
  await tx.insert(lawExams).values(exams);

  const duties = (done: boolean) =>
    defaultFirstResponsibleDuties.map((title, k) => ({
      title,
      status: done ? 'done' : k < 4 ? 'done' : 'in_progress',
      note: done ? '已按要求履行' : k < 4 ? '已履行，相关会议纪要存档' : '年内持续推进',
    }));
  await tx.insert(cadreArchives).values([
    ...principals.map((c) => ({
      cadreId: c.id,
      year: ctx.year - 1,
      orgId: ctx.orgIds.get(c.orgName)!,
      duties: duties(true),
      filedOn: `${ctx.year}-01-15`,
      updatedBy: officeUser,
    })),
    ...principals.slice(0, 8).map((c) => ({
      cadreId: c.id,
      year: ctx.year,
      orgId: ctx.orgIds.get(c.orgName)!,
      duties: duties(false),
      filedOn: null,
      updatedBy: officeUser,
    })),
  ]);
}
