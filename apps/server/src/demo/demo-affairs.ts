import { builtinLedger } from '@fazhi/core/ledgers/builtin/index';
import { idNumberCheckChar } from '@fazhi/core/ledgers/id-number';
import { buildRowSchema, type LedgerData } from '@fazhi/core/ledgers/row-schema';
import type { Executor } from '../db/client.ts';
import { ledgerRows } from '../ledgers/ledgers.schema.ts';
import { centerOffices } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

type Row = { typeKey: string; orgId: number; rowDate: string; data: LedgerData };

const surnames = '蒲苟母何向任鲜侯岳杜文伏官兰敬谯庞龚路封闵韦';
const givens = ['德明', '秀兰', '长青', '玉梅', '建平', '春燕', '国强', '小军', '建英', '大勇', '兴', '丽', '军', '红'];
const person = (i: number) => `${surnames[(i * 5) % surnames.length]}${givens[(i * 3) % givens.length]}`;
const pad = (n: number) => String(n).padStart(2, '0');
/** A day of a month in the demo's past: months 1–10 of the current year, so a year in progress stays in the past. */
const day = (y: number, month: number, d: number) => `${y}-${pad(month)}-${pad(Math.min(d, 28))}`;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo rows for the issue-18 business ledgers of 昭化区, last year complete and this year to October: 信访 (most
 * concluded within 60 days, a few repeat), 政务公开 (双公示 mostly on time), 安置帮教 by 司法所, the legal-service
 * register with its annual assessment and complaints, 矛盾纠纷排查 by township with two 民转刑 cases, and the
 * 普法志愿者/乡贤/农村知客 rosters leaving some villages uncovered. Every row passes the ledger's own row schema
 * (computed fields included). Invented figures.
 */
export async function seedAffairs(tx: Executor, ctx: DemoContext) {
  const { orgIds, year } = ctx;
  const id = (name: string) => {
    const v = orgIds.get(name);
    if (v === undefined) throw new Error(`demo org missing: ${name}`);
    return v;
  };
  const townships = centerOffices.flatMap((c) => c.townships);
  const rows: Row[] = [];
  const add = (typeKey: string, orgName: string, data: Record<string, unknown>) => {
    const def = builtinLedger(typeKey)!;
    const parsed = buildRowSchema(def).safeParse(data);
    if (!parsed.success) throw new Error(`demo ${typeKey}: ${parsed.error.message}`);
    const stored = parsed.data as LedgerData;
    rows.push({ typeKey, orgId: id(orgName), rowDate: String(stored[def.dateField]), data: stored });
  };
  const years = [year - 1, year];
  let n = 0;

  // 信访: 区司法局 and every township; concluded mostly within 60 days.
  const matters = [
    '征地补偿标准异议',
    '劳务报酬拖欠',
    '宅基地界址争议',
    '低保资格认定',
    '物业服务纠纷',
    '医疗费用报销',
  ];
  const routes = ['petition', 'litigation', 'administrative', 'reconsideration', 'arbitration'];
  for (const y of years) {
    const months = y === year ? 10 : 12;
    ['区司法局', ...townships.map((t) => t.name)].forEach((unit, u) => {
      const count = unit === '区司法局' ? 6 : 1 + ((u + y) % 3);
      for (let k = 0; k < count; k++) {
        n++;
        const received = day(y, 1 + ((k * 4 + u) % months), 3 + ((n * 7) % 24));
        const open = y === year && k === count - 1 && u % 3 === 0;
        const classified = n % 9 !== 0;
        add('petition_case', unit, {
          received_date: received,
          petitioner: person(n),
          channel: ['visit', 'letter', 'online', 'phone'][n % 4],
          matter: matters[n % matters.length],
          classified,
          ...(classified ? { route: routes[n % routes.length] } : {}),
          ...(open ? {} : { concluded_date: addDays(received, n % 11 === 0 ? 75 : 20 + (n % 35)) }),
          repeat: n % 7 === 0,
        });
      }
    });
  }

  // 政务公开: 主动公开 by the departments; 双公示 (许可、处罚) mostly within 7 working days; 依申请公开.
  const departments = ['区市场监督管理局', '区综合行政执法局', '区自然资源局', '区住房和城乡建设局', '区司法局'];
  for (const y of years) {
    const months = y === year ? 10 : 12;
    departments.forEach((dept, d) => {
      for (let m = 1; m <= months; m++) {
        n++;
        add('disclosure_item', dept, {
          published_date: day(y, m, 5 + d),
          title: `${dept.slice(1)}${y}年第${m}期工作动态`,
          category: m % 4 === 0 ? 'plan' : 'policy',
        });
        for (const category of d < 3 ? ['permit', 'penalty'] : ['permit']) {
          n++;
          const decided = day(y, m, 10 + d);
          const late = n % 13 === 0;
          add('disclosure_item', dept, {
            published_date: addDays(decided, late ? 15 : 3 + (n % 4)),
            title: `${category === 'permit' ? '行政许可' : '行政处罚'}决定信息（${y}-${m}-${d + 1}）`,
            category,
            decided_date: decided,
            timely: !late,
          });
        }
      }
      for (let k = 0; k < 2 + (d % 2); k++) {
        n++;
        const received = day(y, 2 + k * 3, 8 + d);
        add('disclosure_request', dept, {
          received_date: received,
          applicant: person(n),
          content: ['申请公开项目审批文件', '申请公开征收补偿方案', '申请公开执法检查结果'][k % 3],
          answered_date: addDays(received, n % 10 === 0 ? 35 : 12 + (n % 10)),
          answered_on_time: n % 10 !== 0,
          result: ['disclosed', 'partly', 'not_exist', 'disclosed'][n % 4],
          corrected: n % 17 === 0,
        });
      }
    });
  }

  // 安置帮教: released prisoners received by each 司法所.
  townships.forEach((t, i) => {
    for (const y of years) {
      for (let k = 0; k < 1 + ((i + y) % 3); k++) {
        n++;
        const release = day(y, 1 + ((k * 5 + i) % (y === year ? 9 : 12)), 6 + (n % 20));
        const taken = n % 6 !== 0;
        const reoffended = n % 19 === 0;
        add('released_person', `${t.name}司法所`, {
          name: person(n + 40),
          id_number: ((first17: string) => first17 + idNumberCheckChar(first17))(
            `510812${1960 + (n % 40)}${pad(1 + (n % 12))}${pad(1 + (n % 28))}${String(100 + n).slice(-3)}`,
          ),
          release_date: release,
          prison: ['四川省广元监狱', '四川省川北监狱', '四川省女子监狱'][n % 3],
          ...(taken ? { received_date: addDays(release, n % 8 === 0 ? 40 : 2 + (n % 20)) } : {}),
          helped: taken && n % 5 !== 0,
          placement: ['employed', 'farming', 'self_employed', 'welfare', 'none'][n % 5],
          reoffended,
          ...(reoffended ? { reoffended_date: addDays(release, 120) } : {}),
        });
      }
    }
  });

  // 法律服务: the register of the county, last year's annual assessment, complaints.
  const firms = ['嘉陵律师事务所', '昭化古城律师事务所', '葭萌律师事务所'];
  const register: { subject: string; name: string; licence: string; institution: string }[] = [
    ...firms.map((f, k) => ({ subject: 'law_firm', name: f, licence: `31510800${k + 1}00000`, institution: f })),
    { subject: 'notary_office', name: '广元市昭化区公证处', licence: '51080000200001', institution: '' },
    { subject: 'grassroots_office', name: '元坝法律服务所', licence: '51080000300001', institution: '' },
    { subject: 'appraisal_org', name: '昭化司法鉴定所', licence: '51080000400001', institution: '' },
  ];
  for (let k = 0; k < 14; k++)
    register.push({
      subject: k < 9 ? 'lawyer' : k < 11 ? 'notary' : k < 13 ? 'grassroots_worker' : 'appraiser',
      name: person(k + 200),
      licence: `151082${2010 + k}1${String(1000 + k)}`,
      institution: k < 9 ? firms[k % 3]! : k < 11 ? '广元市昭化区公证处' : k < 13 ? '元坝法律服务所' : '昭化司法鉴定所',
    });
  register.forEach((r, k) => {
    add('legal_service_register', '区司法局', {
      subject: r.subject,
      name: r.name,
      licence_no: r.licence,
      ...(r.institution ? { institution: r.institution } : {}),
      licensed_date: day(2010 + (k % 14), 1 + (k % 12), 10),
      status: k === 8 ? 'suspended' : 'active',
    });
    add('legal_service_assessment', '区司法局', {
      assessed_date: `${year - 1}-04-20`,
      subject: r.subject,
      name: r.name,
      licence_no: r.licence,
      result: k === 8 ? 'fail' : k % 4 === 0 ? 'excellent' : k % 7 === 3 ? 'basic' : 'pass',
    });
  });
  for (const y of years)
    for (let k = 0; k < (y === year ? 3 : 5); k++) {
      n++;
      const received = day(y, 2 + k * 2, 9);
      const done = !(y === year && k === 2);
      add('legal_service_complaint', '区司法局', {
        received_date: received,
        subject: register[6 + k]!.subject,
        respondent: register[6 + k]!.name,
        complainant: person(n + 80),
        matter: ['收费不透明', '未按约出庭', '服务态度生硬', '公证办理超期', '鉴定意见异议'][k],
        ...(done
          ? {
              handled_date: addDays(received, k === 3 ? 70 : 30 + k * 5),
              handled_on_time: k !== 3,
              outcome: ['criticised', 'penalised', 'unfounded', 'mediated', 'unfounded'][k],
            }
          : {}),
      });
    }

  // 矛盾纠纷排查 by township; 民转刑: one last year, one this year.
  const categories = ['family', 'neighbour', 'land', 'labour', 'contract', 'other'];
  const summaries = [
    '赡养费分担争执',
    '排水沟占道纠纷',
    '承包地边界争议',
    '务工工资结算纠纷',
    '借款逾期未还',
    '红白喜事噪音',
  ];
  townships.forEach((t, i) => {
    for (const y of years) {
      for (let k = 0; k < 4 + ((i * 3 + y) % 5); k++) {
        n++;
        const found = day(y, 1 + ((k * 3 + i) % (y === year ? 10 : 12)), 4 + (n % 22));
        const status = n % 4 === 3 ? (n % 8 === 3 ? 'transferred' : 'in_progress') : 'resolved';
        add('dispute_lead', t.name, {
          found_date: found,
          source: ['grid', 'visit', 'hotline', 'petition', 'mediation'][n % 5],
          category: categories[n % 6],
          summary: summaries[n % 6],
          risk: ['low', 'low', 'medium', 'high'][n % 4],
          status,
          ...(status === 'resolved' ? { resolved_date: addDays(found, 3 + (n % 25)) } : {}),
        });
      }
    }
  });
  add('civil_criminal_case', '王家镇', {
    case_date: `${year - 1}-07-16`,
    case_name: '因承包地界址纠纷引发的故意伤害案',
    origin: '承包地界址争议，调解未果后激化',
    screened_before: true,
    improper_handling: true,
  });
  add('civil_criminal_case', '红岩镇', {
    case_date: `${year}-04-03`,
    case_name: '因借款纠纷引发的非法拘禁案',
    origin: '民间借贷逾期',
    screened_before: false,
    improper_handling: false,
  });

  // Rosters on the villages: 普法志愿者 in most, 乡贤 in about half, 农村知客 in a third.
  const villages = townships.flatMap((t) => t.villages);
  villages.forEach((v, i) => {
    const roster = (typeKey: string, people: number, specialty: string) => {
      for (let k = 0; k < people; k++) {
        n++;
        add(typeKey, v, {
          name: person(n + 300),
          gender: n % 2 === 0 ? 'male' : 'female',
          joined_date: day(year - 2 + (k % 3 === 2 ? 1 : 0), 1 + ((i + k) % 10), 12),
          specialty,
          active: n % 11 !== 0,
        });
      }
    };
    if (i % 6 !== 5) roster('law_volunteer', 1 + (i % 3), ['法律咨询', '普法宣讲', '人民调解'][i % 3]!);
    if (i % 2 === 0) roster('village_sage', 1 + (i % 2), ['退休教师', '返乡企业家', '老党员'][i % 3]!);
    if (i % 3 === 0) roster('village_host', 1, ['红白喜事理事', '邻里说和'][i % 2]!);
  });

  const actor = ctx.userIds.get('office') ?? null;
  await tx.insert(ledgerRows).values(rows.map((r) => ({ ...r, createdBy: actor })));
}
