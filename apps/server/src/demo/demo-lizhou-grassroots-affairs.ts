import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { idNumberCheckChar } from '@fazhi/core/ledgers/id-number';
import { buildRowSchema } from '@fazhi/core/ledgers/row-schema';
import type { AddRow } from './demo-lizhou-grassroots-figures.ts';

const family = '苟鲜何冉税敬贾文青向';
const given = ['国华', '晓燕', '建军', '淑芬', '志明', '红梅', '永康', '丽萍', '德福', '秋菊', '光辉', '春兰'];
const name = (i: number) => `${family[i % family.length]}${given[(i * 5 + 1) % given.length]}`;
const pad = (v: number) => String(v).padStart(2, '0');
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 矛盾纠纷排查 leads per township and year offset: [found, resolved] — mostly from the grid, most resolved: last
 * year 19 of 22 (86.4 %; 昭化区 74.6 %), this year 12 of 15 (80 %).
 */
export const lizhouLeads: Record<string, [number, number][]> = {
  东坝街道: [
    [9, 8],
    [6, 5],
  ],
  嘉陵街道: [
    [7, 7],
    [5, 4],
  ],
  宝轮镇: [
    [6, 4],
    [4, 3],
  ],
};
const leadSummaries = ['楼上漏水引发邻里争执', '装修噪声扰民', '物业费收缴争议', '工程款结算纠纷', '赡养老人费用分担'];
const leadCategories = ['neighbour', 'neighbour', 'contract', 'labour', 'family'];

/**
 * 安置帮教: people released and received by each 司法所, [year offset, days to hand over (null: not yet), helped].
 * Last year 7 released, 6 handed over within 30 days, 5 helped, none re-offending (昭化区 2); this year 4, 3 on
 * time, 3 helped.
 */
export const lizhouReleased: Record<string, [0 | 1, number | null, boolean][]> = {
  东坝街道: [
    [0, 5, true],
    [0, 12, true],
    [0, 41, false],
    [1, 6, true],
    [1, 9, true],
  ],
  嘉陵街道: [
    [0, 3, true],
    [0, 20, true],
    [1, 15, true],
  ],
  宝轮镇: [
    [0, 8, true],
    [0, 26, false],
    [1, null, false],
  ],
};

/**
 * The district's own work beyond its townships: 矛盾纠纷排查 and 安置帮教 (above), one 民转刑 case last year (not
 * from a mishandled mediation), 三个一 for two projects and a firm, 学法考法 with a lower turnout than 昭化区's, six
 * 应知应会 laws, six 法治副校长, the 五个载体 in its streets, the government lists of 市场监管局 and 住建局, and
 * three 执法监督员 (figures invented). Rows go to the caller's batch; those with computed fields through their schema.
 */
export function addLizhouAffairs(add: AddRow, year: number) {
  let n = 0;
  const parsed = (typeKey: string, data: Record<string, unknown>) => {
    const result = buildRowSchema(builtinLedger(typeKey)!).safeParse(data);
    if (!result.success) throw new Error(`demo ${typeKey}: ${result.error.message}`);
    return result.data as Record<string, unknown>;
  };
  for (const [t, [township, years]] of Object.entries(lizhouLeads).entries())
    years.forEach(([found, resolved], y) => {
      for (let k = 0; k < found; k++) {
        const day = `${year - 1 + y}-${pad(1 + ((k * 3 + y + t * 2) % 10))}-${pad(5 + ((k * 7 + t * 4) % 20))}`;
        const done = k < resolved;
        const topic = (k + t * 2) % leadSummaries.length;
        add('dispute_lead', township, day, {
          source: (k + t) % 3 === 2 ? 'hotline' : 'grid',
          category: leadCategories[topic],
          summary: `${township}${leadSummaries[topic]}`,
          risk: k % 4 === 3 ? 'medium' : 'low',
          status: done ? 'resolved' : k % 2 === 0 ? 'in_progress' : 'transferred',
          ...(done ? { resolved_date: addDays(day, 2 + (k % 9)) } : {}),
        });
      }
    });
  add('civil_criminal_case', '宝轮镇', `${year - 1}-08-22`, {
    case_name: '因宅基地边界争执引发的故意毁坏财物案',
    origin: '宅基地边界争执，双方未申请调解',
    screened_before: false,
    improper_handling: false,
  });
  for (const [township, people] of Object.entries(lizhouReleased))
    for (const [y, days, helped] of people) {
      n++;
      const released = `${year - 1 + y}-${pad(2 + ((n * 3) % 8))}-${pad(4 + ((n * 5) % 20))}`;
      const first17 = `510802${1970 + ((n * 7) % 30)}${pad(1 + (n % 12))}${pad(1 + ((n * 3) % 28))}${String(200 + n)}`;
      add(
        'released_person',
        `${township}司法所`,
        released,
        parsed('released_person', {
          name: name(n),
          id_number: first17 + idNumberCheckChar(first17),
          release_date: released,
          prison: ['四川省广元监狱', '四川省川北监狱'][n % 2],
          ...(days === null ? {} : { received_date: addDays(released, days) }),
          helped,
          placement: helped ? ['employed', 'self_employed'][n % 2] : 'none',
          reoffended: false,
        }),
      );
    }
  const threeOnes: [string, string, number][] = [
    ['利州区老旧小区综合改造项目', 'key_project', 0],
    ['广元市利州区嘉川电子科技有限公司', 'private_firm', 0],
    ['利州区城北片区棚户区改造项目', 'key_project', 1],
  ];
  for (const [i, [target, kind, y]] of threeOnes.entries())
    add('three_ones_service', '利州区司法局', `${year - 1 + y}-${pad(3 + i * 2)}-16`, {
      target,
      target_kind: kind,
      team: `${name(30 + i)}、${name(31 + i)}`,
      plan: '配备律师和司法所干部，提供合同审查、合规体检和纠纷化解服务',
      status: 'serving',
    });
  for (const [y, required, participants, passed] of [
    [0, 1460, 1391, 1352],
    [1, 1485, 1452, 1430],
  ] as const)
    add('law_exam', '利州区委依法治区办', `${year - 1 + y}-07-0${8 + y}`, {
      title: `${year - 1 + y}年度利州区国家工作人员学法考法`,
      required,
      participants,
      passed,
    });
  [
    '中华人民共和国宪法',
    '中华人民共和国民法典',
    '中华人民共和国行政处罚法',
    '中华人民共和国行政诉讼法',
    '中华人民共和国公职人员政务处分法',
    '优化营商环境条例',
  ].forEach((law, i) => {
    add('must_know_law', '利州区委依法治区办', `${year}-01-2${i % 3}`, {
      law_name: law,
      audience: i < 4 ? 'all_cadres' : i === 4 ? 'leaders' : 'enforcement',
    });
  });
  ['东坝小学', '嘉陵第一小学', '宝轮中学', '利州中学', '东城实验学校', '宝轮小学'].forEach((school, i) => {
    const unit = ['利州区公安分局', '利州区司法局', '利州区教育局'][i % 3]!;
    add('vice_principal', unit, `${year - 1}-09-0${1 + (i % 3)}`, {
      name: name(40 + i),
      school: `广元市利州区${school}`,
      work_unit: unit,
      end_date: `${year + 1}-08-31`,
    });
  });
  // 五个载体 in the streets (the town has none yet) and a 法治图书室 in each street.
  const carriers: [string, string, string][] = [
    ['东坝街道', 'culture_square', '东坝法治文化广场'],
    ['东坝街道', 'culture_wall', '东坝社区法治文化墙'],
    ['嘉陵街道', 'culture_corridor', '嘉陵江畔法治文化长廊'],
    ['嘉陵街道', 'book_corner', '万缘社区法治图书角'],
    ['东坝街道', 'law_library', '东坝街道法治图书室'],
    ['嘉陵街道', 'law_library', '嘉陵街道法治图书室'],
  ];
  for (const [i, [place, type, label]] of carriers.entries())
    add('law_facility', place, `${year - 2}-${pad(5 + i)}-12`, {
      name: label,
      facility_type: type,
      tier: 'township',
      location: `${place}${type === 'law_library' ? '文化站' : '滨江路'}`,
      standardised: true,
    });
  const powers: [string, string, string][] = [
    ['利州区市场监督管理局', '对销售不符合食品安全标准食品的处罚', 'penalty'],
    ['利州区市场监督管理局', '特种设备使用登记', 'licensing'],
    ['利州区住房和城乡建设局', '商品房预售许可', 'licensing'],
    ['利州区住房和城乡建设局', '对物业服务企业的监督检查', 'inspection'],
  ];
  for (const [unit, item, kind] of powers)
    add('power_list_entry', unit, `${year - 1}-04-15`, {
      item_name: item,
      power_kind: kind,
      basis: '相关法律法规规定',
    });
  const lists: [string, string][] = [
    ['no_penalty', '首次未按规定亮照经营且及时改正'],
    ['lighter_penalty', '配合查处如实陈述违法事实'],
    ['no_coercion', '违法情节轻微且能及时消除危害'],
  ];
  for (const [list, matter] of lists)
    add('inclusive_list_item', '利州区市场监督管理局', `${year - 1}-05-20`, {
      list,
      matter,
      basis: '《中华人民共和国行政处罚法》第三十三条',
    });
  ['嘉陵文具店', '东坝早餐店', '凤凰干洗店', '宝轮农资经营部', '万缘便利店'].forEach((party, i) => {
    const y = i < 2 ? 0 : 1;
    add('inclusive_case', '利州区市场监督管理局', `${year - 1 + y}-${pad(4 + i)}-18`, {
      case_no: `利市监不罚〔${year - 1 + y}〕${i + 1}号`,
      list: 'no_penalty',
      matter: lists[0]![1],
      party: `广元市利州区${party}`,
      outcome: '责令改正，不予行政处罚',
    });
  });
  ['区人大代表', '区政协委员', '社区居民代表'].forEach((unit, i) => {
    add('enforcement_supervisor', '利州区司法局', `${year - 1}-06-1${i}`, {
      name: name(50 + i),
      work_unit: unit,
      end_date: `${year + 1}-06-09`,
    });
  });
}
