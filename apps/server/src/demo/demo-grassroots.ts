import { comprehensiveCenterRooms } from '@fazhi/core/grassroots/comprehensive-center-rooms';
import { judicialOfficeFunctions } from '@fazhi/core/grassroots/judicial-office';
import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import type { Executor } from '../db/client.ts';
import {
  judicialOfficeProfiles,
  liaisonAssignments,
  liaisonLeaders,
  liaisonProblems,
  liaisonVisits,
} from '../grassroots/grassroots.schema.ts';
import { ledgerRows } from '../ledgers/ledgers.schema.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import { centerOffices } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

type Row = { typeKey: string; orgId: number; rowDate: string; data: Record<string, unknown> };

const surnames =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const givens = [
  '明',
  '华',
  '强',
  '芳',
  '军',
  '敏',
  '静',
  '丽',
  '勇',
  '艳',
  '杰',
  '涛',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '海燕',
];
const person = (i: number) => `${surnames[(i * 7) % surnames.length]}${givens[(i * 11) % givens.length]}`;
const villageParts = ['新华', '青林', '石桥', '金竹', '白鹤', '龙泉', '双河', '红光', '永丰', '高峰', '杨柳', '民主'];

/** A village's 居民评理说事点 (law_facility row data); 利州区's seed uses it too. */
export const reasoningPoint = (village: string) => ({
  name: `${village}居民评理说事点`,
  facility_type: 'reasoning_point',
  tier: 'village',
  location: `${village}党群服务中心`,
  standardised: true,
});

/**
 * 基层法治 demo data for 昭化区: 12 司法所 with profiles, staff, 法考, ratings and decision attendance; 法治阵地 and
 * the 综治中心 rooms; 63 贫困村 in the 法治惠民“12345”工程 (seed 000); service projects; 普法 responsibility; government
 * lists; four 局党组成员 with liaison points and visits — one quarter left unvisited so it shows as overdue.
 * Set-based: one insert per table.
 */
export async function seedGrassroots(tx: Executor, ctx: DemoContext) {
  const { orgIds, year, now } = ctx;
  const id = (name: string) => {
    const v = orgIds.get(name);
    if (v === undefined) throw new Error(`demo org missing: ${name}`);
    return v;
  };
  const townships = centerOffices.flatMap((c) => c.townships);
  const rows: Row[] = [];
  // The row date is the definition's own date field: a row carries it in its data too, as a form would.
  const add = (typeKey: string, orgName: string, rowDate: string, data: Record<string, unknown>): void => {
    const dateField = builtinLedger(typeKey)?.dateField;
    rows.push({ typeKey, orgId: id(orgName), rowDate, data: dateField ? { [dateField]: rowDate, ...data } : data });
  };
  let n = 0;

  // 司法所: profile, staff, exams, ratings, decision attendance.
  const profiles = townships.map((t, i) => ({
    orgId: id(`${t.name}司法所`),
    functions: judicialOfficeFunctions.filter((_, k) => !(i % 5 === 3 && k >= 8) && !(i === 7 && k === 3)),
    note: '',
  }));
  townships.forEach((t, i) => {
    const office = `${t.name}司法所`;
    const staff = 3 + (i % 3);
    for (let s = 0; s < staff; s++) {
      n++;
      add('jo_staff', office, `${year - 3 + (s % 3)}-0${1 + (s % 9)}-10`, {
        name: person(n),
        position: s === 0 ? 'director' : s === 1 && staff > 3 ? 'deputy' : 'staff',
        has_qualification: (s + i) % 3 !== 2,
        active: true,
      });
    }
    for (let e = 0; e < 1 + (i % 2); e++)
      add('jo_exam_attempt', office, `${year - (e % 2)}-09-${String(14 + e).padStart(2, '0')}`, {
        name: person(n - e),
        passed: (i + e) % 3 !== 0,
      });
    if (i % 3 === 0)
      add('jo_rating', office, `${year - 1 - (i % 2)}-12-20`, {
        level: i % 2 === 0 ? 'province' : 'city',
        stars: 5 - (i % 4),
        title: i % 2 === 0 ? '四川省五星级司法所' : '广元市四星级司法所',
      });
    for (let m = 0; m < 2 + (i % 3); m++)
      add('jo_decision_attendance', office, `${year}-0${2 + m * 2}-1${m}`, {
        topic: ['乡镇集镇改造项目', '土地流转方案', '产业园区招商合同', '安置房分配办法'][m]!,
        attended: (i + m) % 5 !== 4,
        opinion: '提出合法性审查意见3条',
        opinion_adopted: true,
      });
  });

  // 法治阵地: county carriers and the legal-aid centre, per township the 两室, a station and a 综治中心,
  // per village a 评理说事点 (one village still without) and a 法治宣传专栏.
  add('law_facility', '区司法局', `${year - 3}-06-01`, {
    name: '昭化区法律援助中心',
    facility_type: 'legal_aid_center',
    tier: 'county',
    location: '昭化区元坝镇政务服务中心',
    standardised: true,
  });
  add('law_facility', '区司法局', `${year - 2}-09-01`, {
    name: '昭化古城法治文化广场',
    facility_type: 'culture_square',
    tier: 'county',
    location: '昭化古城',
    standardised: true,
  });
  add('law_facility', '区司法局', `${year - 1}-05-01`, {
    name: '嘉陵江法治文化长廊',
    facility_type: 'culture_corridor',
    tier: 'county',
    location: '元坝镇滨江路',
    standardised: true,
  });
  townships.forEach((t, i) => {
    const place = t.name;
    const built = `${year - 2 + (i % 2)}-0${1 + (i % 9)}-15`;
    add('law_facility', place, built, {
      name: `${place}法治宣传室`,
      facility_type: 'publicity_room',
      tier: 'township',
      location: `${place}人民政府`,
      standardised: true,
    });
    add('law_facility', place, built, {
      name: `${place}人民调解室`,
      facility_type: 'mediation_room',
      tier: 'township',
      location: `${place}人民政府`,
      standardised: i !== 5,
    });
    add('law_facility', place, built, {
      name: `${place}法律援助工作站`,
      facility_type: 'legal_aid_station',
      tier: 'township',
      location: `${place}便民服务中心`,
      service_minutes: 25 + ((i * 17) % 50),
      standardised: true,
    });
    add('law_facility', place, built, {
      name: `${place}综治中心`,
      facility_type: 'comprehensive_center',
      tier: 'township',
      location: `${place}人民政府`,
      standardised: i % 4 !== 1,
    });
    if (i % 2 === 0)
      add('law_facility', place, built, {
        name: `${place}法治图书室`,
        facility_type: 'law_library',
        tier: 'township',
        location: `${place}文化站`,
        standardised: true,
      });
    t.villages.forEach((v, k) => {
      if (!(i === 11 && k === 1)) add('law_facility', v, built, reasoningPoint(v));
      add('law_facility', v, built, {
        name: `${v}法治宣传专栏`,
        facility_type: 'culture_column',
        tier: 'village',
        location: `${v}党群服务中心`,
        standardised: true,
      });
      add('law_facility', v, built, {
        name: `${v}法律援助联络点`,
        facility_type: 'legal_aid_contact_point',
        tier: 'village',
        location: `${v}党群服务中心`,
        service_minutes: 20 + ((i + k) % 3) * 15,
      });
    });
  });
  const rooms = [
    'center_office',
    'grid_management',
    'pls_room',
    'mediation_room',
    'residents_talk_room',
    'law_books',
    'counselling_room',
    'video_monitoring',
    'legal_training',
    'police_room',
  ];
  // 综治中心 checklists of four townships: from all ten rooms down to seven; 卫子镇 has a room without staff.
  for (const [i, t] of townships.slice(0, 4).entries()) {
    const setUp = comprehensiveCenterRooms.filter((r) => rooms.slice(0, 10 - i).includes(r));
    add('center_room', t.name, `${year - 1}-03-01`, {
      center_name: `${t.name}综治中心`,
      rooms: setUp,
      staffed_rooms: setUp.filter((_, k) => !(i === 1 && k === 7)),
    });
  }

  // 法治惠民“12345”: the 63 贫困村 of seed 000, on their townships; 60 covered so far.
  for (let v = 0; v < 63; v++) {
    const t = townships[v % 12]!;
    const name =
      v < 24 ? t.villages[Math.floor(v / 12) % 2]! : `${t.name.replace('镇', '')}${villageParts[Math.floor(v / 12)]}村`;
    add('benefit_village', v < 24 ? name : t.name, `${year - 2}-03-01`, {
      village: name,
      covered: v % 21 !== 20,
      team_leader: person(v + 40),
      measures: '法治扶贫队伍每季度入村开展法律服务',
    });
  }
  ['contract_review', 'theme_education', 'poor_household_rights', 'legal_aid_coverage'].forEach((action, i) => {
    for (let k = 0; k < 3; k++)
      add('four_actions', townships[(i * 3 + k) % 12]!.name, `${year}-0${2 + k * 3}-0${1 + i}`, {
        action,
        title: ['审核村级合同', '“法律进乡村”主题教育', '贫困户维权法律服务', '法律援助应援尽援'][i]!,
        beneficiaries: 30 + i * 12 + k * 7,
      });
  });
  [
    ['昭化古城文旅项目', 'key_project'],
    ['元坝物流园建设项目', 'key_project'],
    ['广元市昭化区猕猴桃合作社', 'private_firm'],
    ['四川柏林沟农业开发有限公司', 'private_firm'],
  ].forEach(([target, kind], i) => {
    add('three_ones_service', '区司法局', `${year - 1 + (i % 2)}-04-1${i}`, {
      target,
      target_kind: kind,
      team: `${person(i + 60)}、${person(i + 61)}、${person(i + 62)}`,
      plan: '一对一提供合同审查、风险防控和纠纷化解法律服务',
      status: 'serving',
    });
  });
  // 一村（居）一法律顾问: a one-year contract per village, last year and renewed this year.
  for (const y of [year - 1, year])
    townships.forEach((t, i) => {
      t.villages.forEach((v, k) => {
        add('adviser_contract', v, `${y}-01-01`, {
          adviser: person(i * 2 + k + 80 + (year - y) * 7),
          firm: ['四川昭化律师事务所', '广元嘉陵律师事务所', '四川利州律师事务所'][(i + year - y) % 3],
          village: v,
          start_date: `${y}-01-01`,
          end_date: `${y}-12-31`,
          duties: '每月到村服务不少于1次，审核村规民约和村级合同，参与矛盾纠纷化解',
        });
      });
    });

  // 普法 responsibility.
  const duties: [string, string, string][] = [
    ['区市场监督管理局', '中华人民共和国食品安全法', '食品生产经营者'],
    ['区市场监督管理局', '优化营商环境条例', '市场主体'],
    ['区公安分局', '中华人民共和国道路交通安全法', '驾驶人、中小学生'],
    ['区自然资源局', '中华人民共和国土地管理法', '农村群众'],
    ['区人力资源和社会保障局', '保障农民工工资支付条例', '建筑企业、农民工'],
    ['区教育局', '中华人民共和国未成年人保护法', '中小学生、家长'],
    ['区民政局', '中华人民共和国民法典（婚姻家庭编）', '城乡居民'],
  ];
  duties.forEach(([dept, law, audience], i) => {
    add('publicity_duty', dept, `${year}-02-2${i % 8}`, {
      law_name: law,
      audience,
      measures: '开展专题宣传和以案释法',
      person_in_charge: person(i + 90),
      done: i % 4 !== 3,
    });
  });
  [
    '中华人民共和国宪法',
    '中华人民共和国民法典',
    '中华人民共和国行政处罚法',
    '中华人民共和国行政许可法',
    '中华人民共和国行政复议法',
    '中华人民共和国监察法',
    '中国共产党纪律处分条例',
    '重大行政决策程序暂行条例',
  ].forEach((law, i) => {
    add('must_know_law', '区委依法治区办', `${year}-01-15`, {
      law_name: law,
      audience: i < 6 ? 'all_cadres' : 'leaders',
    });
  });
  add('law_exam', '区委依法治区办', `${year}-06-20`, {
    title: `${year}年度国家工作人员学法考法`,
    required: 1860,
    participants: 1812,
    passed: 1790,
  });
  add('law_exam', '区委依法治区办', `${year - 1}-06-18`, {
    title: `${year - 1}年度国家工作人员学法考法`,
    required: 1822,
    participants: 1801,
    passed: 1786,
  });
  // 法治培训: one session a month (12 期 last year, about 1 500 人次, like a county report), this year up to today;
  // the enforcement staff's law course of 65 people as in seed 004.
  const trainings: [string, string, string[], number, string][] = [
    ['领导干部学法专题讲座', '区委依法治区办', ['leaders'], 120, 'lecture'],
    ['行政执法人员法律知识培训', '区司法局', ['enforcement'], 65, 'class'],
    ['村（社区）“法律明白人”培训班', '区司法局', ['village_cadres', 'legal_literates'], 180, 'class'],
    ['公务员民法典专题培训', '区委依法治区办', ['civil_servants'], 210, 'online'],
    ['乡镇司法所业务培训', '区司法局', ['judicial'], 48, 'class'],
    ['行政复议应诉能力培训', '区司法局', ['enforcement', 'civil_servants'], 86, 'class'],
  ];
  const today = shanghaiToday(now);
  for (const y of [year - 1, year])
    for (let m = 1; m <= 12; m++) {
      const day = `${y}-${String(m).padStart(2, '0')}-${String(8 + ((m * 5) % 19)).padStart(2, '0')}`;
      if (day > today) continue;
      const [title, organiser, audiences, attendees, form] = trainings[(m + y) % trainings.length]!;
      add('law_training', organiser, day, {
        title: `${y}年${title}（第${Math.ceil(m / 2)}期）`,
        organiser,
        audiences,
        attendees: attendees + ((m * 7) % 30),
        form,
        hours: form === 'lecture' ? 3 : 8,
      });
    }

  ['昭化区元坝小学', '昭化区卫子初级中学', '昭化区王家小学', '昭化中学'].forEach((school, i) => {
    add('vice_principal', i < 2 ? '区公安分局' : '区司法局', `${year - 1}-09-01`, {
      name: person(i + 100),
      school,
      work_unit: i < 2 ? '区公安分局' : '区司法局',
      end_date: `${year + 1}-08-31`,
    });
  });

  // Government lists.
  const powers: [string, string, string][] = [
    ['区市场监督管理局', '食品经营许可', 'licensing'],
    ['区市场监督管理局', '对未取得食品经营许可从事食品经营活动的处罚', 'penalty'],
    ['区自然资源局', '对非法占用土地的处罚', 'penalty'],
    ['区住房和城乡建设局', '建筑工程施工许可', 'licensing'],
    ['区综合行政执法局', '对擅自占用城市道路的处罚', 'penalty'],
    ['区人力资源和社会保障局', '劳动保障监察检查', 'inspection'],
  ];
  powers.forEach(([dept, item, kind]) => {
    add('power_list_entry', dept, `${year - 1}-03-01`, {
      item_name: item,
      power_kind: kind,
      basis: '相关法律法规规定',
    });
  });
  const lists: [string, string][] = [
    ['no_penalty', '首次未按规定公示营业执照且及时改正'],
    ['no_penalty', '首次未按规定办理备案且及时改正'],
    ['lighter_penalty', '主动消除或减轻违法行为危害后果'],
    ['mitigated_penalty', '受他人胁迫或诱骗实施违法行为'],
    ['no_coercion', '违法行为轻微且无转移证据可能'],
  ];
  lists.forEach(([list, matter]) => {
    add('inclusive_list_item', '区市场监督管理局', `${year - 1}-07-01`, {
      list,
      matter,
      basis: '《中华人民共和国行政处罚法》第三十二条、第三十三条',
    });
  });
  [0, 1, 2].forEach((i) => {
    add('inclusive_case', '区市场监督管理局', `${year}-0${3 + i * 2}-12`, {
      case_no: `昭市监不罚〔${year}〕${i + 1}号`,
      list: lists[i * 2]![0],
      matter: lists[i * 2]![1],
      party: `广元市昭化区${['便民超市', '青林餐馆', '金竹农资店'][i]}`,
      outcome: '责令改正，不予行政处罚',
    });
  });
  for (let i = 0; i < 5; i++)
    add('enforcement_supervisor', '区司法局', `${year - 1}-05-10`, {
      name: person(i + 120),
      work_unit: ['区人大代表', '区政协委员', '律师', '企业代表', '村（社区）干部'][i],
      end_date: `${year + 1}-05-09`,
    });

  const actor = ctx.userIds.get('office') ?? null;
  await tx.insert(ledgerRows).values(rows.map((r) => ({ ...r, createdBy: actor })));
  await tx.insert(judicialOfficeProfiles).values(profiles.map((p) => ({ ...p, updatedBy: actor })));

  // Liaison points: four 局党组成员 of 区司法局, three 司法所 each, at least once a quarter since last year.
  const bureau = id('区司法局');
  const leaders = await tx
    .insert(liaisonLeaders)
    .values([
      { orgId: bureau, name: '何志刚', title: '党组书记、局长' },
      { orgId: bureau, name: '罗晓梅', title: '党组成员、副局长' },
      { orgId: bureau, name: '蒋文斌', title: '党组成员、副局长' },
      { orgId: bureau, name: '唐丽君', title: '党组成员、政治处主任' },
    ])
    .returning({ id: liaisonLeaders.id });
  const assignments = leaders.flatMap((l, i) =>
    townships.slice(i * 3, i * 3 + 3).map((t) => ({
      orgId: id(`${t.name}司法所`),
      leaderId: l.id,
      every: 'quarter',
      times: 1,
      startDate: `${year - 1}-01-01`,
      createdBy: actor,
    })),
  );
  await tx.insert(liaisonAssignments).values(assignments);
  const visits: (typeof liaisonVisits.$inferInsert)[] = [];
  for (const [a, assignment] of assignments.entries())
    for (const y of [year - 1, year])
      for (let q = 0; q < 4; q++) {
        const day = `${y}-${String(q * 3 + 2).padStart(2, '0')}-${String(10 + (a % 15)).padStart(2, '0')}`;
        if (day > today) continue;
        // 罗晓梅 missed 柏林沟镇司法所 last quarter: that quarter shows as overdue.
        const lastEnded = y === year && q === Math.floor((Number(today.slice(5, 7)) - 1) / 3) - 1;
        if (a === 4 && lastEnded) continue;
        visits.push({
          orgId: assignment.orgId,
          leaderId: assignment.leaderId,
          visitedAt: new Date(`${day}T02:00:00Z`),
          peopleMet: '司法所全体干部、村（社区）调解员代表',
          problemsHeard:
            a % 4 === 1 && q === 1
              ? '司法所辅助人员不足，社区矫正和调解工作压力大；部分村法律顾问到村服务次数偏少'
              : '',
          followUp:
            a % 4 === 1 && q === 1
              ? '已协调区司法局统筹招录辅助人员，督促律所落实驻村服务'
              : '了解工作开展情况，提出规范化建设要求',
          createdBy: actor,
        });
      }
  const visitIds = await tx
    .insert(liaisonVisits)
    .values(visits)
    .returning({ id: liaisonVisits.id, orgId: liaisonVisits.orgId, problemsHeard: liaisonVisits.problemsHeard });
  const heard = visitIds.filter((v) => v.problemsHeard);
  if (heard.length)
    await tx.insert(liaisonProblems).values(
      heard.slice(0, 2).map((v) => ({
        visitId: v.id,
        orgId: v.orgId,
        title: '司法所辅助人员不足',
        description: v.problemsHeard,
        createdBy: actor,
      })),
    );
}
