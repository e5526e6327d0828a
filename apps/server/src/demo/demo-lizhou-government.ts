import type { AddRow } from './demo-lizhou-grassroots-figures.ts';

const family = '庞尹卿蔺桑薛';
const given = ['宏伟', '秀兰', '海燕', '国庆', '振华', '玉梅', '德明', '翠芳'];
const name = (i: number) => `${family[i % family.length]}${given[Math.floor(i / family.length) % given.length]}`;
const pad = (v: number) => String(v).padStart(2, '0');
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const departments = ['利州区公安分局', '利州区市场监督管理局', '利州区住房和城乡建设局'];

/**
 * 行政复议 received by 利州区政府 per year: [received MM-DD, respondent index, acceptance, decision or null (not
 * concluded)]. Last year 5 received, 4 accepted, 3 concluded (2 维持, 1 撤销); this year 3, 2 accepted, 1 维持.
 */
export const lizhouReconsiderations: [string, number, string, string | null][][] = [
  [
    ['02-11', 1, 'accepted', 'maintained'],
    ['04-25', 2, 'accepted', 'revoked'],
    ['07-03', 0, 'not_accepted', null],
    ['09-16', 1, 'accepted', 'maintained'],
    ['12-08', 2, 'accepted', null],
  ],
  [
    ['03-20', 0, 'accepted', 'maintained'],
    ['08-05', 2, 'accepted', null],
    ['10-27', 1, 'not_accepted', null],
  ],
];

/**
 * 行政应诉 per year: [filed MM-DD, defendant index, heard, head appeared]. Last year 6 cases, 5 heard, the head in
 * court at all 5 (昭化区 6 of 7); this year 4, 3 heard, the head at 2.
 */
export const lizhouLitigation: [string, number, boolean, boolean][][] = [
  [
    ['01-22', 2, true, true],
    ['03-14', 1, true, true],
    ['05-30', 0, true, true],
    ['08-19', 2, true, true],
    ['10-10', 1, true, true],
    ['12-02', 0, false, false],
  ],
  [
    ['02-26', 2, true, true],
    ['06-11', 0, true, false],
    ['09-08', 1, true, true],
    ['11-04', 2, false, false],
  ],
];

/** 行政执法人员 per department: [active, expired] (88 active, 4 awaiting renewal). */
export const lizhouOfficers: [number, number][] = [
  [40, 2],
  [30, 1],
  [18, 1],
];

/**
 * 案卷评查 per department and year: [reviewed, unqualified]. 住建局's files are weakest (the 通报 criticises them):
 * 24 reviewed last year, 3 of 住建局's 8 unqualified; 18 this year.
 */
export const lizhouCaseReviews: [number, number][][] = [
  [
    [8, 0],
    [8, 1],
    [8, 3],
  ],
  [
    [6, 0],
    [6, 0],
    [6, 2],
  ],
];

/** 法治示范点 named by year offset from three years back: 4, 3, 3, then 2 this year (stock 10 last year, 12). */
const demoSites: [number, string, string, string][] = [
  [-3, '东坝街道', 'province', 'township'],
  [-3, '东坝社区', 'city', 'village_community'],
  [-3, '利州区市场监督管理局', 'city', 'organ'],
  [-3, '嘉陵社区', 'district', 'village_community'],
  [-2, '嘉陵街道', 'city', 'township'],
  [-2, '凤凰社区', 'district', 'village_community'],
  [-2, '利州区教育局', 'district', 'organ'],
  [-1, '宝轮社区', 'city', 'village_community'],
  [-1, '万缘社区', 'district', 'village_community'],
  [-1, '利州区司法局', 'province', 'organ'],
  [0, '石龙村', 'district', 'village_community'],
  [0, '宝轮镇', 'city', 'township'],
];
const siteLabel: Record<string, string> = {
  township: '法治示范乡镇（街道）',
  village_community: '民主法治示范社区（村）',
  organ: '学法用法示范机关',
};
const authority: Record<string, string> = {
  province: '四川省依法治省办',
  city: '广元市依法治市办',
  district: '利州区委依法治区办',
};

/**
 * 利州区's 法治政府 ledgers (all invented): 规范性文件备案, 行政复议, 行政应诉, 行政执法人员 and 案卷评查, and its
 * 法治示范点. Urban-district pattern: more reconsiderations and suits than 昭化区 per case, heads in court at every
 * hearing last year, weaker 住建局 files.
 */
export function addLizhouGovernment(add: AddRow, year: number) {
  const county = '利州区';
  for (const y of [year - 1, year]) {
    const docs = y < year ? 6 : 4;
    for (let k = 1; k <= docs; k++) {
      const issued = `${y}-${pad(k * 2)}-${pad(5 + k)}`;
      const normative = k <= docs - 2;
      add('normative_doc_filing', county, addDays(issued, 12 + k), {
        doc_no: normative ? `利府规〔${y}〕${k}号` : `利执备〔${y}〕${k}号`,
        title: normative
          ? `利州区${['城市道路挖掘管理办法', '物业服务企业信用管理办法', '历史建筑保护实施细则', '公共租赁住房管理办法'][k - 1]}`
          : `重大行政${k % 2 === 0 ? '处罚' : '强制'}决定备案（${y}-${k}）`,
        doc_kind: normative ? 'normative' : k % 2 === 0 ? 'penalty' : 'coercion',
        issuing_agency: '利州区人民政府',
        issued_date: issued,
        on_time: true,
        result: 'approved',
      });
    }
  }
  lizhouReconsiderations.forEach((list, offset) => {
    const y = year - 1 + offset;
    list.forEach(([day, respondent, acceptance, decision], k) => {
      const received = `${y}-${day}`;
      const accepted = addDays(received, 5);
      add('reconsideration_case', county, received, {
        case_no: `利府复〔${y}〕${k + 1}号`,
        applicant: name(k + offset * 5),
        respondent: departments[respondent]!,
        matter: ['penalty', 'licence', 'coercion'][respondent]!,
        acceptance,
        ...(acceptance === 'accepted' ? { accepted_date: accepted, due_date: addDays(accepted, 60) } : {}),
        ...(decision ? { concluded_date: addDays(accepted, 45), decision } : {}),
      });
    });
  });
  lizhouLitigation.forEach((list, offset) => {
    const y = year - 1 + offset;
    list.forEach(([day, defendant, heard, head], k) => {
      const filed = `${y}-${day}`;
      add('litigation_case', departments[defendant]!, filed, {
        case_no: `（${y}）川0802行初${20 + k}号`,
        plaintiff: name(k + 12 + offset * 6),
        defendant: departments[defendant]!,
        cause: ['不服行政处罚', '房屋征收补偿', '政府信息公开', '行政强制拆除', '工伤认定', '行政许可'][k]!,
        trial_level: 'first',
        ...(heard
          ? { hearing_date: addDays(filed, 28), head_appeared: head, ...(head ? { head_name: name(k + 30) } : {}) }
          : {}),
        result: heard ? 'pending_judgment' : 'pending_hearing',
      });
    });
  });
  let n = 0;
  lizhouOfficers.forEach(([active, expired], d) => {
    for (let k = 0; k < active + expired; k++) {
      n++;
      // Certificates of the expired ones ran out last year.
      const issued = `${k < active ? year - 4 + (k % 3) : year - 7}-${pad(1 + (k % 12))}-20`;
      add('enforcement_officer', departments[d]!, issued, {
        name: name(n + 40),
        cert_no: `川${String(51080200 + n).padStart(10, '0')}`,
        cert_type: k === 0 ? 'supervision' : 'administrative',
        enforcement_field: ['治安管理', '市场监管', '城乡建设'][d]!,
        expiry_date: addDays(issued, 365 * 6),
        status: k < active ? 'active' : 'expired',
      });
    }
  });
  lizhouCaseReviews.forEach((list, offset) => {
    const y = year - 1 + offset;
    list.forEach(([reviewed, unqualified], d) => {
      for (let k = 0; k < reviewed; k++) {
        const grade = k < unqualified ? 'unqualified' : k % 3 === 0 ? 'excellent' : 'qualified';
        add('enforcement_case_review', county, `${y}-${pad(3 + k)}-${pad(10 + d * 5)}`, {
          case_no: `利执评〔${y}〕${d + 1}${pad(k + 1)}号`,
          case_title: `${departments[d]!.slice(3)}${['行政处罚', '行政强制', '行政检查'][k % 3]}案卷（${k + 1}）`,
          enforcing_agency: departments[d]!,
          review_kind: k % 2 === 0 ? 'centralised' : 'spot',
          grade,
          score: grade === 'unqualified' ? 55 + k : grade === 'excellent' ? 92 + (k % 5) : 78 + (k % 9),
          issues_found: grade === 'unqualified' ? 4 : grade === 'excellent' ? 0 : 1,
          recommended: grade === 'excellent',
        });
      }
    });
  });
  demoSites.forEach(([offset, org, level, type], k) => {
    const y = year + offset;
    add('demo_site', org, `${y}-${pad(4 + (k % 6))}-18`, {
      name: `${y}年${org}${siteLabel[type]}`,
      level,
      site_type: type,
      naming_authority: authority[level],
      seven_entries: k % 2 === 0,
    });
  });
}

/**
 * 利州区's meetings on rule of law per year: [MM-DD, org, kind, title, special study]. Fewer than 昭化区 (its
 * 委员会 meets once a year): 4 委员会/协调小组 meetings and 4 专题研究 last year, 4 and 3 this year.
 */
const lizhouMeetings = (y: number): [string, string, string, string, boolean][] => [
  ['03-06', '利州区委依法治区办', 'committee', `利州区委全面依法治区委员会${y}年会议`, true],
  ['05-12', '利州区委依法治区办', 'coord_group', `执法协调小组${y}年会议`, false],
  ['05-13', '利州区委依法治区办', 'coord_group', `司法协调小组${y}年会议`, false],
  ['05-14', '利州区委依法治区办', 'coord_group', `守法普法协调小组${y}年会议`, false],
  ['02-10', '利州区委依法治区办', 'office', `利州区委依法治区办${y}年第一次主任会议`, false],
  ['08-12', '利州区委依法治区办', 'office', `利州区委依法治区办${y}年第二次主任会议`, false],
  ['04-08', '利州区', 'standing_committee', `利州区委常委会${y}年第8次会议`, true],
  ['10-14', '利州区', 'standing_committee', `利州区委常委会${y}年第26次会议`, false],
  ['06-17', '利州区', 'executive', `利州区政府${y}年第12次常务会议`, true],
  ['11-11', '利州区', 'executive', `利州区政府${y}年第23次常务会议`, y % 2 === 1],
];

export function addLizhouMeetings(add: AddRow, year: number) {
  for (const y of [year - 1, year])
    for (const [day, org, kind, title, special] of lizhouMeetings(y))
      add('meeting', org, `${y}-${day}`, {
        meeting_kind: kind,
        title,
        ...(kind === 'standing_committee' || kind === 'committee' ? { chair: '区委书记' } : {}),
        ...(kind === 'executive' ? { chair: '区长' } : {}),
        special_study: special,
        attendees: kind === 'committee' ? 36 : kind === 'coord_group' ? 15 : kind === 'office' ? 8 : 19,
      });
}
