import { type AddRow, lizhouAdviserVillages } from './demo-lizhou-grassroots-figures.ts';
import { neighbourTownships } from './demo-org.ts';

const family = '雍蹇郝符昝母';
const given = ['立新', '慧敏', '正清', '玉霞', '庆丰', '雪芹', '兴旺', '美玲'];
const name = (i: number) => `${family[i % family.length]}${given[(i * 3 + 2) % given.length]}`;
const pad = (v: number) => String(v).padStart(2, '0');

/**
 * 重大行政决策 of 利州区政府 per year: [title, decided date (MM-DD), step left out or null, status]. Its strong point:
 * last year 5 of 6 with all five 法定程序 (83.3 %; 昭化区 3 of 5, 60 %), this year 2 of 3.
 */
export const lizhouDecisions: [string, string, string | null, string][][] = [
  [
    ['城市更新三年行动计划', '03-18', null, 'decided'],
    ['中心城区公共停车场收费标准调整', '05-09', null, 'decided'],
    ['嘉陵江滨江绿道建设方案', '06-20', null, 'evaluated'],
    ['老旧小区加装电梯财政补助办法', '08-14', null, 'decided'],
    ['中心城区中小学布局调整方案', '10-22', null, 'decided'],
    ['农贸市场迁建方案', '12-05', 'risk_assessment', 'decided'],
  ],
  [
    ['生活垃圾分类收运体系建设方案', '04-16', null, 'decided'],
    ['城区内涝治理工程实施方案', '07-09', null, 'decided'],
    ['养老服务设施布局规划', '11-12', 'public_participation', 'in_progress'],
  ],
];

/**
 * 法治培训 per year: [title, month, organiser, audiences, attendees, form]. Its weak point: fewer, smaller sessions
 * than 昭化区 (last year 8 sessions, 742 人次; 昭化区 12 and 1604), this year 6 and 505.
 */
export const lizhouTrainings: [string, number, string, string[], number, string][][] = [
  [
    ['领导干部学法专题讲座', 2, '利州区委依法治区办', ['leaders'], 96, 'lecture'],
    ['行政执法人员执法规范化培训', 3, '利州区司法局', ['enforcement'], 58, 'class'],
    ['机关干部民法典专题培训', 4, '利州区委依法治区办', ['civil_servants'], 132, 'online'],
    ['社区“法律明白人”骨干培训班', 6, '利州区司法局', ['village_cadres', 'legal_literates'], 75, 'class'],
    ['公务员宪法学习专题讲座', 7, '利州区委依法治区办', ['civil_servants'], 110, 'lecture'],
    ['司法所业务能力提升培训', 9, '利州区司法局', ['judicial'], 64, 'class'],
    ['国家工作人员网络学法专题', 10, '利州区委依法治区办', ['civil_servants', 'leaders'], 140, 'online'],
    ['行政复议应诉实务培训', 11, '利州区司法局', ['enforcement', 'civil_servants'], 67, 'class'],
  ],
  [
    ['领导干部学法专题讲座', 3, '利州区委依法治区办', ['leaders'], 88, 'lecture'],
    ['行政执法人员执法规范化培训', 4, '利州区司法局', ['enforcement'], 62, 'class'],
    ['机关干部优化营商环境条例培训', 5, '利州区委依法治区办', ['civil_servants'], 120, 'online'],
    ['社区“法律明白人”骨干培训班', 7, '利州区司法局', ['village_cadres', 'legal_literates'], 71, 'class'],
    ['公务员行政处罚法专题讲座', 9, '利州区委依法治区办', ['civil_servants'], 105, 'lecture'],
    ['司法所业务能力提升培训', 11, '利州区司法局', ['judicial'], 59, 'class'],
  ],
];

/**
 * 公共法律服务平台: the district centre, a 工作站 in each street and town, 工作室 in the four communities (万缘社区's
 * opened this May; none in the two villages). 法律援助联络点 in five 社区/村 (not 万缘社区 or 石龙村): minutes from the
 * farthest household, 黄家村's beyond the one-hour circle.
 */
const plsRooms: [string, string][] = [
  ['东坝社区', '2021-04-12'],
  ['凤凰社区', '2021-04-12'],
  ['嘉陵社区', '2021-09-07'],
  ['宝轮社区', '2022-03-15'],
];
export const lizhouAidPoints: Record<string, number> = {
  东坝社区: 15,
  凤凰社区: 20,
  嘉陵社区: 25,
  宝轮社区: 30,
  黄家村: 80,
};

/**
 * 人民调解: a committee in each street, town and village plus two professional ones (物业, 医疗), 5 mediators on a
 * street/town committee, 3 on a village one, 4 on a professional one (12 committees, 44 mediators).
 */
const professional = ['物业纠纷', '医疗纠纷'];

/**
 * 利州区's 重大行政决策, 法治培训, 公共法律服务平台 and 法律援助联络点, the 村（居）法律顾问 of its three seat
 * communities, its 人民调解 committees and mediators, and 法律援助 services by month (all invented). Figures differ
 * from 昭化区's: stronger on the decisions' 法定程序, weaker on training.
 */
export function addLizhouPlatforms(add: AddRow, year: number) {
  const county = '利州区';
  lizhouDecisions.forEach((list, offset) => {
    const y = year - 1 + offset;
    for (const [title, day, missing, status] of list) {
      const steps = ['public_participation', 'expert_argument', 'risk_assessment', 'legality_reviewed'];
      add('major_decision', county, `${y}-${day}`, {
        title: `${y}年利州区${title}`,
        decision_agency: '利州区人民政府',
        in_catalogue: true,
        ...Object.fromEntries(steps.map((s) => [s, s !== missing])),
        collective_discussion: true,
        status,
      });
    }
  });
  lizhouTrainings.forEach((list, offset) => {
    const y = year - 1 + offset;
    for (const [title, month, organiser, audiences, attendees, form] of list)
      add('law_training', organiser, `${y}-${pad(month)}-${pad(6 + (month % 5) * 3)}`, {
        title: `${y}年${title}`,
        organiser,
        audiences,
        attendees,
        form,
        hours: form === 'lecture' ? 3 : 6,
      });
  });

  add('pls_facility', '利州区司法局', '2019-06-18', {
    name: '利州区公共法律服务中心',
    facility_type: 'center',
    staff_count: 9,
    standardised: true,
    address: '利州区政务服务中心二楼',
  });
  neighbourTownships.forEach((t, i) => {
    add('pls_facility', t.name, `2020-0${3 + i * 2}-10`, {
      name: `${t.name}公共法律服务工作站`,
      facility_type: 'station',
      staff_count: 3 - (i === 2 ? 1 : 0),
      standardised: i !== 2,
    });
  });
  for (const [v, day] of [...plsRooms, ['万缘社区', `${year}-05-20`] as [string, string]])
    add('pls_facility', v, day, {
      name: `${v}公共法律服务工作室`,
      facility_type: 'room',
      staff_count: 1,
      standardised: true,
    });
  for (const [v, minutes] of Object.entries(lizhouAidPoints))
    add('law_facility', v, `${year - 3}-06-01`, {
      name: `${v}法律援助联络点`,
      facility_type: 'legal_aid_contact_point',
      tier: 'village',
      location: `${v}党群服务中心`,
      service_minutes: minutes,
      standardised: minutes <= 60,
    });
  lizhouAdviserVillages.forEach((v, i) => {
    add('pls_person', v, `${year - 3}-0${2 + i}-01`, {
      name: name(i),
      phone: `136${String(82100000 + i * 41).padStart(8, '0')}`,
      role: 'village_adviser',
      village: v,
      profession: 'lawyer',
      trained: true,
    });
  });

  let m = 0;
  const committee = (org: string, committeeName: string, mediators: number, kind: string, star: string) => {
    add('mediation_org', org, '2018-03-01', {
      name: committeeName,
      org_kind: kind,
      star_level: star,
      mediator_count: mediators,
      standardised: star !== 'none',
    });
    for (let k = 0; k < mediators; k++) {
      m++;
      add('mediator', org, `2018-0${1 + (m % 9)}-15`, {
        name: `${family[m % family.length]}${given[Math.floor(m / family.length) % given.length]}`,
        gender: m % 2 === 0 ? 'female' : 'male',
        phone: `135${String(82300000 + m * 29).padStart(8, '0')}`,
        full_time: k === 0 && kind !== 'committee',
        committee_name: committeeName,
        education: k % 3 === 2 ? 'high_school' : 'college',
        qualified_lawyer: kind === 'professional' && k === 0,
      });
    }
  };
  neighbourTownships.forEach((t, i) => {
    committee(t.name, `${t.name}人民调解委员会`, 5, 'committee', ['four', 'three', 'three'][i]!);
    t.villages.forEach((v, k) => {
      committee(v, `${v}人民调解委员会`, 3, 'committee', k === 0 ? 'three' : k === 1 ? 'two' : 'none');
    });
  });
  for (const p of professional) committee('利州区司法局', `利州区${p}人民调解委员会`, 4, 'professional', 'four');

  // 法律援助 services by month: walk-in visits 320 + 10 × month, the 12348 line 180 + 5 × month (last year 4620 +
  // 2550 = 7170 人次).
  for (const y of [year - 1, year])
    for (let mo = 1; mo <= 12; mo++) {
      const visits = 320 + 10 * mo;
      const calls = 180 + 5 * mo;
      add('legal_aid_service', '利州区司法局', `${y}-${pad(mo)}-15`, {
        channel: 'visit',
        persons: visits,
        consultations: visits - 20,
        criminal_help: 20,
      });
      add('legal_aid_service', '利州区司法局', `${y}-${pad(mo)}-15`, {
        channel: 'hotline',
        persons: calls,
        consultations: calls,
        criminal_help: 0,
      });
    }
}
