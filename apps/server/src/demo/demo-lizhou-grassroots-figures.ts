import {
  type ComprehensiveCenterRoom,
  comprehensiveCenterRooms,
} from '@fazhi/core/grassroots/comprehensive-center-rooms';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { demoCounty, neighbourTownships } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

/** Adds one ledger row (type, org by name, row date, data) to the batch of demo-lizhou-grassroots.ts. */
export type AddRow = (typeKey: string, orgName: string, rowDate: string, data: Record<string, unknown>) => void;

/** Villages with a 法律顾问 contract: only the three 街道/镇 seat communities (昭化区: every village). */
export const lizhouAdviserVillages = ['东坝社区', '嘉陵社区', '宝轮社区'];

const family = '罗钟付邓廖蒲龚谭汪陶';
const given = ['思源', '婉清', '子豪', '静怡', '浩然', '雨桐', '俊杰', '梦瑶', '文轩', '嘉怡', '明远', '若溪'];
const name = (i: number) => `${family[i % family.length]}${given[(i * 7 + 3) % given.length]}`;

/** Drops rows dated after today: a year in progress keeps to the past, whatever day the demo is seeded on. */
export const pastOnly =
  (add: AddRow, today: string): AddRow =>
  (typeKey, orgName, rowDate, data) => {
    if (rowDate <= today) add(typeKey, orgName, rowDate, data);
  };

/**
 * 法考 sittings per 司法所 and year: [sat, passed]. 利州区's young street offices pass more often than 昭化区's
 * last year (6 of 7, 85.7 %; 昭化区 4 of 6), fewer sit this year (1 of 3).
 */
export const lizhouExams: Record<string, [number, number][]> = {
  东坝街道: [
    [3, 3],
    [1, 1],
  ],
  嘉陵街道: [
    [2, 2],
    [1, 0],
  ],
  宝轮镇: [
    [2, 1],
    [1, 0],
  ],
};

/**
 * 所长列席重大决策 per 司法所 and year: [meetings, attended] — the district's weak point: 7 of 12 last year
 * (58.3 %), 5 of 8 this year to October (62.5 %; 昭化区 80.6 %).
 */
export const lizhouDecisions: Record<string, [number, number][]> = {
  东坝街道: [
    [4, 2],
    [3, 2],
  ],
  嘉陵街道: [
    [3, 3],
    [2, 2],
  ],
  宝轮镇: [
    [5, 2],
    [3, 1],
  ],
};
const decisionTopics = [
  '老旧小区改造实施方案',
  '房屋征收补偿安置方案',
  '背街小巷整治项目',
  '社区养老服务站建设',
  '农贸市场迁建',
];

/** 综治中心 rooms per township: 东坝街道 all ten, 嘉陵街道 eight, 宝轮镇 seven and no 人民调解室. */
const roomsWithout = (...missing: ComprehensiveCenterRoom[]) =>
  comprehensiveCenterRooms.filter((r) => !missing.includes(r));
const centerRooms: Record<string, { rooms: string[]; unstaffed: string[] }> = {
  东坝街道: { rooms: roomsWithout(), unstaffed: [] },
  嘉陵街道: { rooms: roomsWithout('legal_training', 'counselling_room'), unstaffed: ['law_books'] },
  宝轮镇: {
    rooms: roomsWithout('legal_training', 'mediation_room', 'counselling_room'),
    unstaffed: ['residents_talk_room', 'law_books'],
  },
};

/** 法治惠民“12345” villages, all in 宝轮镇 (the streets have none): 4 of 6 covered (66.7 %; 昭化区 60 of 63). */
export const lizhouBenefitVillages: { village: string; org: string; covered: boolean }[] = [
  { village: '石龙村', org: '石龙村', covered: true },
  { village: '黄家村', org: '黄家村', covered: false },
  { village: '宝轮镇清江村', org: '宝轮镇', covered: true },
  { village: '宝轮镇紫兰村', org: '宝轮镇', covered: true },
  { village: '宝轮镇寨子村', org: '宝轮镇', covered: false },
  { village: '宝轮镇金鼓村', org: '宝轮镇', covered: true },
];

/**
 * 法律服务“四项行动” by 司法所 township, year offset (0 last year, 1 this year), action and people served: more
 * activities than 昭化区 and in both years (last year 8 serving 545, this year 6 serving 372).
 */
export const lizhouFourActions: { township: string; y: 0 | 1; action: string; title: string; served: number }[] = [
  { township: '东坝街道', y: 0, action: 'contract_review', title: '社区物业服务合同集中审核', served: 64 },
  { township: '嘉陵街道', y: 0, action: 'contract_review', title: '居民小区公共收益合同审核', served: 58 },
  { township: '东坝街道', y: 0, action: 'theme_education', title: '“法治进楼栋”主题宣讲', served: 120 },
  { township: '宝轮镇', y: 0, action: 'theme_education', title: '“法律进乡村”院坝课堂', served: 86 },
  { township: '宝轮镇', y: 0, action: 'poor_household_rights', title: '脱贫户务工权益法律服务', served: 42 },
  { township: '嘉陵街道', y: 0, action: 'poor_household_rights', title: '困难群众法律帮扶接待日', served: 37 },
  { township: '东坝街道', y: 0, action: 'legal_aid_coverage', title: '法律援助进社区集中受理', served: 78 },
  { township: '宝轮镇', y: 0, action: 'legal_aid_coverage', title: '农民工讨薪法律援助专场', served: 60 },
  { township: '嘉陵街道', y: 1, action: 'contract_review', title: '老旧小区改造协议审核', served: 51 },
  { township: '东坝街道', y: 1, action: 'theme_education', title: '“民法典进家庭”主题宣讲', served: 96 },
  { township: '宝轮镇', y: 1, action: 'theme_education', title: '乡村振兴法治夜校', served: 74 },
  { township: '宝轮镇', y: 1, action: 'poor_household_rights', title: '脱贫户土地流转法律咨询', served: 33 },
  { township: '东坝街道', y: 1, action: 'legal_aid_coverage', title: '法律援助便民服务日', served: 69 },
  { township: '嘉陵街道', y: 1, action: 'legal_aid_coverage', title: '残疾人法律援助上门服务', served: 49 },
];

/**
 * “谁执法谁普法”责任清单 of 利州区's units, by year offset: all 6 done last year (100 %), 4 of 5 this year (80 %;
 * 昭化区 6 of 7).
 */
export const lizhouDuties: { unit: string; y: 0 | 1; law: string; audience: string; done: boolean }[] = [
  { unit: '利州区市场监督管理局', y: 0, law: '中华人民共和国消费者权益保护法', audience: '商户、消费者', done: true },
  { unit: '利州区市场监督管理局', y: 0, law: '中华人民共和国广告法', audience: '广告经营者', done: true },
  { unit: '利州区公安分局', y: 0, law: '中华人民共和国反电信网络诈骗法', audience: '社区居民、老年人', done: true },
  { unit: '利州区住房和城乡建设局', y: 0, law: '物业管理条例', audience: '物业企业、业主委员会', done: true },
  { unit: '利州区教育局', y: 0, law: '中华人民共和国预防未成年人犯罪法', audience: '中小学生', done: true },
  { unit: '利州区司法局', y: 0, law: '中华人民共和国法律援助法', audience: '困难群众', done: true },
  { unit: '利州区市场监督管理局', y: 1, law: '中华人民共和国产品质量法', audience: '生产企业', done: true },
  { unit: '利州区公安分局', y: 1, law: '中华人民共和国治安管理处罚法', audience: '社区居民', done: true },
  { unit: '利州区住房和城乡建设局', y: 1, law: '城市房地产开发经营管理条例', audience: '房地产开发企业', done: false },
  { unit: '利州区教育局', y: 1, law: '中华人民共和国家庭教育促进法', audience: '家长', done: true },
  { unit: '利州区司法局', y: 1, law: '中华人民共和国人民调解法', audience: '人民调解员', done: true },
];

/**
 * 乡贤 and 农村知客 of the villages: an urban district with few — 乡贤 only in 石龙村 (2) and 黄家村 (1), 2 of 7
 * villages (28.6 %; 昭化区 45.8 %); 农村知客 in 宝轮社区, 石龙村 and 黄家村, one each, plus one off the register in
 * 黄家村: 3 of 7 (42.9 %; 昭化区 33.3 %).
 */
export const lizhouRosters: {
  type: 'village_sage' | 'village_host';
  village: string;
  specialty: string;
  active: boolean;
}[] = [
  { type: 'village_sage', village: '石龙村', specialty: '退休法官', active: true },
  { type: 'village_sage', village: '石龙村', specialty: '返乡创业人员', active: true },
  { type: 'village_sage', village: '黄家村', specialty: '老村干部', active: true },
  { type: 'village_host', village: '宝轮社区', specialty: '红白理事会成员', active: true },
  { type: 'village_host', village: '石龙村', specialty: '邻里调处', active: true },
  { type: 'village_host', village: '黄家村', specialty: '红白理事会成员', active: true },
  { type: 'village_host', village: '黄家村', specialty: '邻里调处', active: false },
];

/**
 * 利州区's 司法所 and township figures beyond staff and 阵地: 法考, 规范化评定, 列席重大决策, 综治中心 and their
 * room lists, 法治惠民“12345”, 四项行动, 普法责任清单, 乡贤 and 农村知客 — a pattern of its own (invented figures).
 */
export function addLizhouFigures(add: AddRow, year: number) {
  let n = 0;
  const pad = (v: number) => String(v).padStart(2, '0');
  for (const t of neighbourTownships) {
    const office = `${t.name}司法所`;
    lizhouExams[t.name]!.forEach(([sat, passed], y) => {
      for (let k = 0; k < sat; k++)
        add('jo_exam_attempt', office, `${year - 1 + y}-09-${pad(13 + y * 7 + (k % 2))}`, {
          name: name(n++),
          passed: k < passed,
        });
    });
    lizhouDecisions[t.name]!.forEach(([meetings, attended], y) => {
      for (let m = 0; m < meetings; m++) {
        const present = m < attended;
        add('jo_decision_attendance', office, `${year - 1 + y}-${pad(2 + m * 2)}-${pad(16 + m)}`, {
          topic: `${t.name}${decisionTopics[m % decisionTopics.length]}`,
          attended: present,
          ...(present ? { opinion: '提出合法性审查意见2条，建议补充风险评估', opinion_adopted: true } : {}),
        });
      }
    });
    add('law_facility', t.name, `${year - 2}-06-18`, {
      name: `${t.name}综治中心`,
      facility_type: 'comprehensive_center',
      tier: 'township',
      location: `${t.name}便民服务中心`,
      standardised: t.name !== '宝轮镇',
    });
    const c = centerRooms[t.name]!;
    add('center_room', t.name, `${year - 1}-04-08`, {
      center_name: `${t.name}综治中心`,
      rooms: c.rooms,
      staffed_rooms: c.rooms.filter((r) => !c.unstaffed.includes(r)),
    });
  }
  // 规范化评定: 东坝街道 province five stars, 嘉陵街道 city four stars, 宝轮镇 the district's three stars.
  add('jo_rating', '东坝街道司法所', `${year - 2}-12-18`, { level: 'province', stars: 5, title: '四川省五星级司法所' });
  add('jo_rating', '嘉陵街道司法所', `${year - 1}-12-16`, { level: 'city', stars: 4, title: '广元市四星级司法所' });
  add('jo_rating', '宝轮镇司法所', `${year - 1}-12-16`, { level: 'county', stars: 3, title: '利州区三星级司法所' });
  for (const v of lizhouBenefitVillages)
    add('benefit_village', v.org, `${year - 2}-04-10`, {
      village: v.village,
      covered: v.covered,
      team_leader: name(n++),
      measures: v.covered ? '律师和司法所干部每季度入村开展法律服务' : '法律服务队伍尚未落实入村服务',
    });
  for (const [i, a] of lizhouFourActions.entries())
    add('four_actions', a.township, `${year - 1 + a.y}-${pad(3 + (i % 8))}-${pad(10 + (i % 9))}`, {
      action: a.action,
      title: a.title,
      beneficiaries: a.served,
    });
  for (const [i, d] of lizhouDuties.entries())
    add('publicity_duty', d.unit, `${year - 1 + d.y}-03-${pad(2 + i)}`, {
      law_name: d.law,
      audience: d.audience,
      measures: '结合执法办案开展以案释法和进社区宣传',
      person_in_charge: name(n++),
      done: d.done,
    });
  for (const [i, r] of lizhouRosters.entries())
    add(r.type, r.village, `${year - 2}-${pad(4 + i)}-20`, {
      name: name(n++),
      gender: i % 2 === 0 ? 'male' : 'female',
      specialty: r.specialty,
      active: r.active,
    });
}

/** 利州区's own dimension set (like 昭化区's in seed-demo.ts): 层级, 行业, 协调小组 and two 中心司法所 areas. */
const centers = [
  { name: '东坝中心司法所片区', townships: ['东坝街道', '嘉陵街道'] },
  { name: '宝轮中心司法所片区', townships: ['宝轮镇'] },
];
const units: { name: string; groups: string[]; sectors: string[] }[] = [
  { name: '利州区司法局', groups: ['司法协调小组', '守法普法协调小组'], sectors: ['机关'] },
  { name: '利州区公安分局', groups: ['执法协调小组', '司法协调小组'], sectors: ['单位'] },
  { name: '利州区市场监督管理局', groups: ['执法协调小组'], sectors: ['企业'] },
  { name: '利州区住房和城乡建设局', groups: ['执法协调小组'], sectors: ['企业'] },
  { name: '利州区教育局', groups: ['守法普法协调小组'], sectors: ['学校'] },
];

/**
 * Tags 利州区's units with dimensions it owns: its five departments (区级部门, groups, sectors — 执法协调小组 makes
 * 公安, 市场监管 and 住建 its 执法部门), its streets and town (乡镇（街道）, 中心司法所 area), their 司法所 (area) and
 * villages (村（社区）, 社区 or 乡村). Two inserts.
 */
export async function seedLizhouDimensions(tx: Executor, ctx: DemoContext) {
  const id = (org: string) => ctx.orgIds.get(org)!;
  const owner = id(demoCounty.neighbour.name);
  const wanted: [string, string][] = [
    ...['区级部门', '乡镇（街道）', '村（社区）'].map((n): [string, string] => ['tier', n]),
    ...['执法协调小组', '司法协调小组', '守法普法协调小组'].map((n): [string, string] => ['coord_group', n]),
    ...['机关', '学校', '社区', '乡村', '企业', '单位'].map((n): [string, string] => ['sector', n]),
    ...centers.map((c): [string, string] => ['center_office', c.name]),
  ];
  const rows = await queryRows<{ id: number; kind: string; name: string }>(
    tx,
    sql`insert into dimensions (owner_org_id, kind, name, sort)
        select ${owner}::int, d.kind, d.name, d.sort
        from jsonb_to_recordset(${JSON.stringify(wanted.map(([kind, n], sort) => ({ kind, name: n, sort })))}::jsonb)
          as d(kind text, name text, sort int)
        returning id, kind, name`,
  );
  const dim = (kind: string, n: string) => rows.find((r) => r.kind === kind && r.name === n)!.id;
  const links: { org_id: number; dimension_id: number }[] = [];
  const link = (org: string, kind: string, n: string) => links.push({ org_id: id(org), dimension_id: dim(kind, n) });
  for (const u of units) {
    link(u.name, 'tier', '区级部门');
    for (const g of u.groups) link(u.name, 'coord_group', g);
    for (const s of u.sectors) link(u.name, 'sector', s);
  }
  for (const c of centers)
    for (const township of c.townships) {
      link(township, 'tier', '乡镇（街道）');
      link(township, 'center_office', c.name);
      link(`${township}司法所`, 'center_office', c.name);
      for (const v of neighbourTownships.find((t) => t.name === township)!.villages) {
        link(v, 'tier', '村（社区）');
        link(v, 'sector', v.endsWith('社区') ? '社区' : '乡村');
      }
    }
  await tx.execute(sql`insert into org_dimensions (org_id, dimension_id)
    select l.org_id, l.dimension_id from jsonb_to_recordset(${JSON.stringify(links)}::jsonb)
      as l(org_id int, dimension_id int)`);
}
