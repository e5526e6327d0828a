import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { buildRowSchema } from '@fazhi/core/ledgers/row-schema';
import type { AddRow } from './demo-lizhou-grassroots-figures.ts';

const family = '岑覃晏甘祁柴';
const given = ['桂英', '永贵', '素珍', '学军', '凤琴', '正兵', '淑华', '福林'];
const name = (i: number) => `${family[i % family.length]}${given[Math.floor(i / family.length) % given.length]}`;
const pad = (v: number) => String(v).padStart(2, '0');
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 信访 per unit and year: [month, days to conclude (null: open), classified, repeat]. Last year 12 received, all
 * concluded, 10 within 60 days (83.3 %; 昭化区 93.3 %), 11 classified, 2 repeat; this year 7, 6 concluded, 5 on time.
 */
export const lizhouPetitions: Record<string, [number, number | null, boolean, boolean][][]> = {
  利州区司法局: [
    [
      [2, 18, true, false],
      [3, 25, true, false],
      [5, 70, true, true],
      [6, 30, true, false],
      [8, 22, true, false],
      [10, 40, false, false],
    ],
    [
      [2, 20, true, false],
      [4, 33, true, false],
      [7, null, true, false],
    ],
  ],
  东坝街道: [
    [
      [1, 15, true, false],
      [4, 28, true, true],
      [9, 35, true, false],
    ],
    [
      [3, 27, true, true],
      [6, 19, true, false],
    ],
  ],
  嘉陵街道: [
    [
      [3, 20, true, false],
      [7, 65, true, false],
    ],
    [[5, 45, true, false]],
  ],
  宝轮镇: [[[11, 26, true, false]], [[8, 80, false, false]]],
};

/** 双公示 months published late per department and year offset: 住建局 lags (last year 32 of 36 on time, 88.9 %). */
const lateDual: Record<string, [string, number][][]> = {
  利州区市场监督管理局: [[['penalty', 5]], []],
  利州区住房和城乡建设局: [
    [
      ['permit', 3],
      ['permit', 7],
      ['permit', 11],
    ],
    [
      ['permit', 3],
      ['permit', 7],
    ],
  ],
};
/** 依申请公开 per department and year: [days to answer, corrected]; 住建局's second answer last year came late. */
const requests: Record<string, [number, boolean][][]> = {
  利州区市场监督管理局: [
    [
      [10, false],
      [14, false],
    ],
    [[12, false]],
  ],
  利州区住房和城乡建设局: [
    [
      [15, false],
      [35, true],
      [18, false],
    ],
    [
      [11, false],
      [16, false],
    ],
  ],
};

/**
 * 利州区's 信访 and 政务公开 rows (all invented), each parsed by its type's row schema so computed fields (办结天数)
 * are stored as entered rows would be.
 */
export function addLizhouOversight(add: AddRow, year: number) {
  const parsed: AddRow = (typeKey, org, rowDate, data) => {
    const result = buildRowSchema(builtinLedger(typeKey)!).safeParse(data);
    if (!result.success) throw new Error(`demo ${typeKey}: ${result.error.message}`);
    add(typeKey, org, rowDate, result.data as Record<string, unknown>);
  };
  const matters = ['小区停车位产权争议', '拆迁安置房交付延迟', '物业服务收费异议', '农民工工资拖欠', '噪声扰民投诉'];
  let n = 0;
  for (const [unit, years] of Object.entries(lizhouPetitions))
    years.forEach((list, offset) => {
      const y = year - 1 + offset;
      for (const [month, days, classified, repeat] of list) {
        n++;
        const received = `${y}-${pad(month)}-${pad(4 + ((n * 5) % 20))}`;
        parsed('petition_case', unit, received, {
          received_date: received,
          petitioner: name(n),
          channel: ['visit', 'letter', 'online', 'phone'][n % 4],
          matter: matters[n % matters.length],
          classified,
          ...(classified ? { route: ['petition', 'litigation', 'administrative'][n % 3] } : {}),
          ...(days === null ? {} : { concluded_date: addDays(received, days) }),
          repeat,
        });
      }
    });
  for (const [d, dept] of Object.keys(lateDual).entries())
    for (const offset of [0, 1]) {
      const y = year - 1 + offset;
      const months = offset === 0 ? 12 : 10;
      for (let m = 1; m <= months; m++) {
        const published = `${y}-${pad(m)}-${pad(6 + d)}`;
        parsed('disclosure_item', dept, published, {
          published_date: published,
          title: `${dept.slice(3)}${y}年第${m}期政策解读`,
          category: 'policy',
        });
        for (const category of d === 0 ? ['permit', 'penalty'] : ['permit']) {
          const decided = `${y}-${pad(m)}-${pad(12 + d)}`;
          const late = lateDual[dept]![offset]!.some(([c, lm]) => c === category && lm === m);
          const on = addDays(decided, late ? 16 : 3);
          parsed('disclosure_item', dept, on, {
            published_date: on,
            title: `${category === 'permit' ? '行政许可' : '行政处罚'}决定信息（${y}-${m}）`,
            category,
            decided_date: decided,
            timely: !late,
          });
        }
      }
      requests[dept]![offset]!.forEach(([days, corrected], k) => {
        n++;
        const received = `${y}-${pad(2 + k * 3)}-${pad(9 + d)}`;
        parsed('disclosure_request', dept, received, {
          received_date: received,
          applicant: name(n),
          content: ['申请公开房屋征收补偿方案', '申请公开食品抽检结果', '申请公开施工许可审批材料'][(k + d) % 3],
          answered_date: addDays(received, days),
          answered_on_time: days <= 20,
          result: ['disclosed', 'partly', 'disclosed'][k % 3],
          corrected,
        });
      });
    }
}

/** 利州区's law firms (4 lawyers each), and its other legal-service institutions with their practitioners. */
const lizhouFirms = [
  '四川利州律师事务所',
  '广元嘉陵江律师事务所',
  '四川凤台律师事务所',
  '广元东坝律师事务所',
  '四川宝轮律师事务所',
];
const lizhouInstitutions: [string, string, string, number][] = [
  ['notary_office', '广元市利州区公证处', 'notary', 3],
  ['grassroots_office', '东坝法律服务所', 'grassroots_worker', 2],
  ['grassroots_office', '宝轮法律服务所', 'grassroots_worker', 2],
  ['appraisal_org', '利州司法鉴定所', 'appraiser', 2],
];
/**
 * 投诉 per year: [month, days to handle (null: open), on time]. Its weak point: last year 6 handled, 4 on time
 * (66.7 %; 昭化区 80 %); this year 4 received, 3 handled on time.
 */
export const lizhouComplaints: [number, number | null, boolean][][] = [
  [
    [1, 25, true],
    [3, 75, false],
    [5, 40, true],
    [7, 68, false],
    [9, 30, true],
    [11, 20, true],
  ],
  [
    [2, 28, true],
    [5, 35, true],
    [8, 22, true],
    [10, null, false],
  ],
];

/**
 * 利州区's legal-service register (9 institutions; 20 lawyers, 3 notaries, 4 基层法律服务工作者, 2 鉴定人, one lawyer
 * suspended), its annual assessment of all 38 in April of each year (2 failed last year, 1 this year) and complaints.
 */
export function addLizhouLegalServices(add: AddRow, year: number) {
  const parsed: AddRow = (typeKey, org, rowDate, data) => {
    const result = buildRowSchema(builtinLedger(typeKey)!).safeParse(data);
    if (!result.success) throw new Error(`demo ${typeKey}: ${result.error.message}`);
    add(typeKey, org, rowDate, result.data as Record<string, unknown>);
  };
  const register: { subject: string; name: string; institution?: string }[] = [];
  for (const f of lizhouFirms) {
    register.push({ subject: 'law_firm', name: f });
    for (let k = 0; k < 4; k++) register.push({ subject: 'lawyer', name: name(register.length + 60), institution: f });
  }
  for (const [subject, org, person, count] of lizhouInstitutions) {
    register.push({ subject, name: org });
    for (let k = 0; k < count; k++)
      register.push({ subject: person, name: name(register.length + 60), institution: org });
  }
  const suspended = 2;
  register.forEach((r, k) => {
    // 15 digits, as 昭化区's: an 11-digit number would read as a mobile phone left in plain text.
    const licence = `${r.institution ? '15' : '31'}0802${2008 + (k % 15)}${String(10000 + k)}`;
    const licensed = `${2008 + (k % 15)}-${pad(1 + (k % 12))}-15`;
    parsed('legal_service_register', '利州区司法局', licensed, {
      subject: r.subject,
      name: r.name,
      licence_no: licence,
      ...(r.institution ? { institution: r.institution } : {}),
      licensed_date: licensed,
      status: k === suspended ? 'suspended' : 'active',
    });
    for (const y of [year - 1, year]) {
      // Failed: the suspended lawyer both years, a 宝轮 基层法律服务工作者 last year.
      const failed = k === suspended || (y === year - 1 && k === 33);
      const assessed = `${y}-04-2${y % 2}`;
      parsed('legal_service_assessment', '利州区司法局', assessed, {
        assessed_date: assessed,
        subject: r.subject,
        name: r.name,
        licence_no: licence,
        result: failed ? 'fail' : k % 5 === 0 ? 'excellent' : 'pass',
      });
    }
  });
  lizhouComplaints.forEach((list, offset) => {
    const y = year - 1 + offset;
    list.forEach(([month, days, onTime], k) => {
      const received = `${y}-${pad(month)}-1${k}`;
      const target = register[1 + ((k * 7 + offset) % (register.length - 1))]!;
      parsed('legal_service_complaint', '利州区司法局', received, {
        received_date: received,
        subject: target.subject,
        respondent: target.name,
        complainant: name(k + 90 + offset * 6),
        matter: [
          '代理费收取不透明',
          '未按约定出庭',
          '公证办理超期',
          '服务态度生硬',
          '鉴定意见异议',
          '未及时告知案件进展',
        ][k],
        ...(days === null
          ? {}
          : {
              handled_date: addDays(received, days),
              handled_on_time: onTime,
              outcome: ['criticised', 'unfounded', 'mediated', 'penalised', 'unfounded', 'criticised'][k],
            }),
      });
    });
  });
}
