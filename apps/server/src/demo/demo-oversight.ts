import type { InspectionKeyNode, InspectionMode } from '@fazhi/core/oversight/inspection';
import type { Problem } from '@fazhi/core/oversight/problem';
import {
  applyProblemAction,
  createProblem,
  type ProblemAction,
  reopenOnRecurrence,
} from '@fazhi/core/oversight/problem-lifecycle';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { issueDocNumber, openDocNumberRegister } from '../oversight/oversight.bulletins.service.ts';
import { saveProblem } from '../oversight/oversight.problems.service.ts';
import {
  bulletinEntries,
  bulletins,
  inspections,
  inspectionTargets,
  problems,
  problemUnits,
} from '../oversight/oversight.schema.ts';
import { shanghaiDate } from '../platform/kernel/clock.ts';
import type { DemoContext } from './module-seeds.ts';

const dayMs = 86400000;
const day = shanghaiDate;
const at = (date: string) => new Date(`${date}T02:30:00Z`);

type DemoInspection = {
  title: string;
  mode: InspectionMode;
  keyNode: InspectionKeyNode;
  start: string;
  end: string;
  targets: string[];
  checklist: string[];
};

const inspectionsOf = (year: number): DemoInspection[] => [
  {
    title: `${year}年度法治建设年初部署督查`,
    mode: 'regular_guidance',
    keyNode: 'start',
    start: `${year}-03-10`,
    end: `${year}-03-20`,
    targets: ['区司法局', '区市场监督管理局', '区自然资源局', '区住房和城乡建设局', '元坝镇', '王家镇'],
    checklist: ['年度法治建设工作要点制定和任务分解情况', '党政主要负责人履行第一责任人职责清单', '会前学法计划'],
  },
  {
    title: `${year}年上半年行政执法随机抽查暗访`,
    mode: 'random_unannounced',
    keyNode: 'half',
    start: `${year}-06-15`,
    end: `${year}-06-25`,
    targets: ['区市场监督管理局', '区综合行政执法局', '区教育局', '区自然资源局', '虎跳镇', '昭化镇'],
    checklist: ['行政执法公示、执法全过程记录、重大执法决定法制审核制度落实', '执法案卷规范化', '涉企检查备案'],
  },
  {
    title: `${year}年区人大政协法治政府建设调研视察`,
    mode: 'npc_cppcc_visit',
    keyNode: 'mid',
    start: `${year}-09-08`,
    end: `${year}-09-12`,
    targets: ['区司法局', '区人力资源和社会保障局', '区民政局', '柏林沟镇', '清水镇'],
    checklist: ['重大行政决策合法性审查', '行政复议应诉工作', '公共法律服务体系建设'],
  },
  {
    title: `${year}年度述职述法暨年终法治督察`,
    mode: 'annual_report',
    keyNode: 'end',
    start: `${year}-11-16`,
    end: `${year}-11-30`,
    targets: ['区司法局', '区市场监督管理局', '区公安分局', '区财政局', '磨滩镇', '射箭镇'],
    checklist: ['年度法治建设目标任务完成情况', '督察问题整改销号情况', '党政主要负责人述法准备'],
  },
];

type Step = { on: string; by: 'office' | 'unit'; action: ProblemAction };
type DemoProblem = {
  inspection: number;
  title: string;
  description: string;
  units: string[];
  fixedDeadline?: string;
  steps: (owner: number, unitId: number) => Step[];
  recurOn?: { on: string; reason: string };
};

export async function seedDemoOversight(tx: Executor, ctx: DemoContext) {
  const { year, now } = ctx;
  const today = day(now);
  const clamp = (d: string) => (d < today ? d : day(new Date(now.getTime() - dayMs)));
  const rel = (days: number) => day(new Date(now.getTime() + days * dayMs));
  const office = ctx.userIds.get('office')!;
  const county = ctx.orgIds.get('昭化区')!;
  const unitUser = new Map([
    [ctx.orgIds.get('区司法局')!, ctx.userIds.get('reporter-a')!],
    [ctx.orgIds.get('区市场监督管理局')!, ctx.userIds.get('reporter-b')!],
  ]);
  const deputies = await queryRows<{ id: number; org_id: number }>(
    tx,
    sql`select id, org_id from cadres where not is_principal order by sort`,
  );
  const principals = await queryRows<{ id: number; org_id: number }>(
    tx,
    sql`select id, org_id from cadres where is_principal order by sort`,
  );
  const ownerOf = (orgId: number) =>
    (deputies.find((c) => c.org_id === orgId) ?? principals.find((c) => c.org_id === orgId))!.id;

  const inspectionIds: number[] = [];
  for (const [k, ins] of inspectionsOf(year).entries()) {
    const status = ins.end < today ? 'finished' : ins.start <= today ? 'in_progress' : 'planned';
    const [row] = await tx
      .insert(inspections)
      .values({
        orgId: county,
        year,
        title: ins.title,
        mode: ins.mode,
        keyNode: ins.keyNode,
        startDate: ins.start,
        endDate: ins.end,
        status,
        checklist: ins.checklist.map((content) => ({ content, basis: '《法治政府建设实施纲要》及年度工作要点' })),
        team: [
          { name: '王晓燕', userId: office, orgName: '区委依法治区办', role: 'leader' },
          { name: ['赵志刚', '钱文静', '孙立新', '周海涛'][k]!, orgName: '区司法局', role: 'member' },
          { name: ['吴丽', '郑凯', '冯晓', '陈一鸣'][k]!, orgName: '区委依法治区办', role: 'liaison' },
        ],
        createdBy: office,
        createdAt: at(clamp(ins.start)),
      })
      .returning({ id: inspections.id });
    inspectionIds.push(row!.id);
    await tx
      .insert(inspectionTargets)
      .values(ins.targets.map((t) => ({ inspectionId: row!.id, orgId: ctx.orgIds.get(t)! })));
  }

  const four = (owner: number, deadline: string | undefined, plan: string, measures: string[]) =>
    ({
      type: 'claim',
      unitId: 0,
      fields: { ownerIds: [owner], plan, measures, ...(deadline ? { deadline } : {}) },
    }) as const;
  const claim = (on: string, owner: number, deadline: string | undefined, plan: string, measures: string[]): Step => ({
    on,
    by: 'unit',
    action: four(owner, deadline, plan, measures),
  });
  const apply = (on: string, summary: string): Step => ({ on, by: 'unit', action: { type: 'apply', summary } });
  const pass = (on: string, note = '整改到位，同意销号'): Step => ({
    on,
    by: 'office',
    action: { type: 'verify_pass', note },
  });
  const fail = (on: string, reason: string): Step => ({ on, by: 'office', action: { type: 'verify_fail', reason } });
  const y = (md: string) => `${year}-${md}`;

  const specs: DemoProblem[] = [
    {
      inspection: 0,
      title: '行政规范性文件未全部纳入合法性审查',
      description: '抽查发现2份以部门名义印发的规范性文件未经合法性审查即印发。',
      units: ['区司法局'],
      steps: (o) => [
        claim(y('03-25'), o, y('05-31'), '对本年度印发的规范性文件逐件开展合法性审查回头看，建立审查台账。', [
          '逐件清理规范性文件',
          '建立合法性审查台账',
          '开展专题培训',
        ]),
        apply(y('05-20'), '已完成23件规范性文件审查回头看，补审2件，建立台账并印发审查工作规程。'),
        pass(y('05-28')),
      ],
    },
    {
      inspection: 0,
      title: '执法人员持证上岗信息未及时更新',
      description: '执法证件信息与在岗人员不一致，3名调岗人员证件未注销。',
      units: ['区市场监督管理局'],
      steps: (o) => [
        claim(y('03-28'), o, y('06-30'), '全面核对执法人员信息，办理证件注销和换领。', [
          '核对在岗执法人员',
          '注销调岗人员证件',
          '公示执法人员名单',
        ]),
        apply(y('06-10'), '已注销3人证件，新领证5人，执法人员名单已在政府网站公示。'),
        fail(y('06-15'), '公示名单未包含执法类别和证件有效期，请补充后重新申请。'),
        apply(y('06-25'), '已补充执法类别和证件有效期并重新公示。'),
        pass(y('06-28')),
      ],
    },
    {
      inspection: 0,
      title: '土地执法案件办理超期',
      description: '2起土地违法案件立案后超过法定期限未作出处理决定。',
      units: ['区自然资源局'],
      fixedDeadline: y('07-31'),
      steps: (o) => [
        claim(y('03-30'), o, undefined, '对超期案件逐案分析原因，限期办结并建立案件办理预警机制。', [
          '逐案督办',
          '建立办案期限预警',
        ]),
        apply(y('07-20'), '2起案件已作出处罚决定，建立办案期限三色预警。'),
        pass(y('07-26')),
      ],
      recurOn: { on: y('10-12'), reason: '中期调研视察再次发现1起土地违法案件办理超期，问题反弹。' },
    },
    {
      inspection: 0,
      title: '乡镇法治建设工作台账不完整',
      description: '年度法治建设工作台账缺少第一季度工作记录。',
      units: ['元坝镇'],
      steps: (o) => [
        claim(y('03-26'), o, y('04-30'), '补齐台账并明确专人管理。', ['补录第一季度工作记录', '明确台账管理责任人']),
        apply(y('04-25'), '台账已补齐，明确党政办专人负责。'),
        pass(y('04-29')),
      ],
    },
    {
      inspection: 0,
      title: '村（社区）法律顾问服务记录缺失',
      description: '部分村法律顾问未按月提供服务，服务记录缺失。',
      units: ['王家镇'],
      steps: (o) => [
        claim(y('03-27'), o, y('06-30'), '与律所签订补充协议，落实每月服务制度。', [
          '签订补充协议',
          '建立服务登记簿',
          '每季度通报服务情况',
        ]),
        apply(y('06-20'), '已签订补充协议，服务登记簿覆盖全部村（社区）。'),
        pass(y('06-26')),
      ],
    },
    {
      inspection: 1,
      title: '涉企行政检查未按规定备案',
      description: '暗访发现部分涉企检查未在平台备案，存在多头检查。',
      units: ['区市场监督管理局', '区综合行政执法局'],
      steps: (o) => [
        claim(y('06-28'), o, rel(20), '两单位联合制定涉企检查备案和“综合查一次”工作方案。', [
          '建立联合检查计划',
          '检查事项全部平台备案',
          '开展涉企检查专项清理',
        ]),
        { on: clamp(y('11-10')), by: 'unit', action: { type: 'sign_off', unitId: -1, note: '本单位整改任务已完成' } },
      ],
    },
    {
      inspection: 1,
      title: '学校法治副校长履职不到位',
      description: '3所学校法治副校长本学期未开展法治讲座。',
      units: ['区教育局'],
      steps: (o) => [
        claim(y('06-30'), o, y('09-30'), '制定法治副校长履职清单，纳入学期考核。', [
          '制定履职清单',
          '每学期不少于2次法治讲座',
        ]),
        apply(y('09-20'), '已出台履职清单，3所学校均已补开讲座。'),
        pass(y('09-26')),
      ],
    },
    {
      inspection: 1,
      title: '综合执法全过程记录设备使用率低',
      description: '执法记录仪使用率不足60%。',
      units: ['区综合行政执法局'],
      steps: (o) => [
        claim(y('07-02'), o, y('08-31'), '落实执法记录仪“应用尽用”，纳入执法考评。', [
          '配齐执法记录仪',
          '每周抽查使用情况',
        ]),
        apply(y('08-25'), '记录仪使用率提升至96%，建立每周抽查机制。'),
        pass(y('08-30')),
      ],
    },
    {
      inspection: 1,
      title: '矛盾纠纷排查化解台账更新滞后',
      description: '乡镇矛盾纠纷排查台账近两月未更新。',
      units: ['虎跳镇'],
      steps: (o) => [
        claim(y('07-01'), o, rel(-12), '建立矛盾纠纷周排查、月研判制度。', ['每周排查', '每月研判', '台账动态更新']),
      ],
    },
    {
      inspection: 1,
      title: '古城景区行政执法公示不规范',
      description: '景区执法公示牌信息陈旧，未公示投诉渠道。',
      units: ['昭化镇'],
      steps: (o) => [
        claim(y('07-03'), o, rel(-3), '更新执法公示内容，设置投诉举报渠道。', ['更新公示牌', '公开投诉电话']),
      ],
    },
    {
      inspection: 1,
      title: '矿产资源执法巡查记录不全',
      description: '巡查记录缺少现场照片和处理结果。',
      units: ['区自然资源局'],
      steps: (o) => [
        claim(y('07-05'), o, y('09-30'), '规范巡查记录要素，实行巡查结果闭环。', [
          '统一巡查记录表',
          '照片和处理结果同步归档',
        ]),
        {
          on: y('09-20'),
          by: 'unit',
          action: { type: 'request_deferral', reason: '汛期巡查任务重，需延期完成记录补录。', until: rel(25) },
        },
        { on: y('09-24'), by: 'office', action: { type: 'approve_deferral', note: '同意延期，请按期完成。' } },
      ],
    },
    {
      inspection: 2,
      title: '重大行政决策目录未及时公开',
      description: '年度重大行政决策事项目录未在政府网站公开。',
      units: ['区司法局'],
      steps: (o) => [
        claim(y('09-15'), o, rel(-10), '会同区政府办公室公开决策目录并动态调整。', [
          '报区政府审定目录',
          '在政府网站公开',
        ]),
      ],
    },
    {
      inspection: 2,
      title: '劳动保障监察投诉处理超时',
      description: '部分欠薪投诉未在规定时限内处理。',
      units: ['区人力资源和社会保障局'],
      steps: (o) => [
        claim(y('09-16'), o, rel(5), '建立欠薪投诉限时办结和督办机制。', [
          '梳理未办结投诉',
          '实行限时办结',
          '每周通报',
        ]),
      ],
    },
    {
      inspection: 2,
      title: '养老机构消防和安全监管执法检查频次不足',
      description: '对民办养老机构的执法检查未达到年度计划频次。',
      units: ['区民政局'],
      steps: (o) => [
        claim(y('09-18'), o, rel(12), '制定检查计划，与消防部门联合检查。', ['制定季度检查计划', '开展联合检查']),
        {
          on: clamp(y('11-18')),
          by: 'unit',
          action: { type: 'request_deferral', reason: '需等待消防部门统一安排联合检查。', until: rel(40) },
        },
      ],
    },
    {
      inspection: 2,
      title: '公共法律服务工作站值班制度落实不到位',
      description: '工作站多次无人值守。',
      units: ['柏林沟镇'],
      steps: (o) => [
        claim(y('09-20'), o, y('10-31'), '落实工作站轮流值班，公开值班表。', ['公开值班表', '司法所每月检查']),
        apply(clamp(y('10-28')), '已公开值班表，10月起无空岗。'),
      ],
    },
    {
      inspection: 2,
      title: '人民调解员培训覆盖率不足',
      description: '村级调解员年度培训覆盖率不足70%。',
      units: ['清水镇'],
      steps: (o) => [
        claim(y('09-22'), o, y('11-15'), '分片区组织调解员轮训。', ['分三期轮训', '考核合格后上岗']),
        apply(clamp(y('11-12')), '三期轮训已完成，覆盖率100%。'),
      ],
    },
    {
      inspection: 3,
      title: '行政复议决定履行情况跟踪不到位',
      description: '部分纠错决定履行情况未跟踪反馈。',
      units: ['区司法局'],
      fixedDeadline: rel(30),
      steps: () => [],
    },
    {
      inspection: 3,
      title: '行政执法案卷评查发现程序瑕疵',
      description: '评查发现5份案卷告知程序不完整。',
      units: ['区公安分局'],
      fixedDeadline: rel(35),
      steps: () => [],
    },
    {
      inspection: 3,
      title: '财政资金监管执法信息公开不及时',
      description: '监督检查结果未按规定公开。',
      units: ['区财政局'],
      steps: (o) => [
        claim(clamp(y('11-19')), o, rel(28), '制定公开清单并按季度公开。', ['制定公开清单', '按季度公开检查结果']),
      ],
    },
    {
      inspection: 3,
      title: '乡镇合法性审查人员力量薄弱',
      description: '合法性审查仅1名兼职人员，无法律职业资格。',
      units: ['磨滩镇'],
      steps: () => [],
    },
    {
      inspection: 3,
      title: '市场主体信用修复告知不到位',
      description: '行政处罚决定书未告知信用修复途径。',
      units: ['区市场监督管理局'],
      steps: (o) => [
        claim(clamp(y('11-18')), o, rel(20), '修订处罚文书模板，增加信用修复告知。', [
          '修订文书模板',
          '对已作出决定补充告知',
        ]),
        apply(clamp(y('11-21')), '已修订文书模板，对本年度42件处罚决定补充告知。'),
      ],
    },
  ];

  const byTitle = new Map<string, number>();
  for (const spec of specs) {
    const unitIds = spec.units.map((u) => ctx.orgIds.get(u)!);
    const firstStep = spec.steps(0, 0)[0]?.on;
    const created = clamp(
      firstStep ? day(new Date(at(firstStep).getTime() - 3 * dayMs)) : inspectionsOf(year)[spec.inspection]!.end,
    );
    const inspectionId = inspectionIds[spec.inspection]!;
    const [row] = await tx
      .insert(problems)
      .values({
        orgId: unitIds[0]!,
        issuerOrgId: county,
        inspectionId,
        year,
        title: spec.title,
        description: spec.description,
        deadline: spec.fixedDeadline ?? null,
        isDeadlineFixed: Boolean(spec.fixedDeadline),
        createdBy: office,
        createdAt: at(created),
      })
      .returning({ id: problems.id });
    const id = row!.id;
    byTitle.set(spec.title, id);
    await tx.insert(problemUnits).values(unitIds.map((orgId, sort) => ({ problemId: id, orgId, sort })));
    let problem = createProblem(
      {
        id,
        inspectionId,
        title: spec.title,
        description: spec.description,
        unitIds,
        deadline: spec.fixedDeadline ?? null,
      },
      { by: office, at: at(created) },
    );
    const owner = ownerOf(unitIds[0]!);
    for (const step of spec.steps(owner, unitIds[0]!)) {
      let action = step.action;
      if (action.type === 'claim') action = { ...action, unitId: unitIds[0]! };
      if (action.type === 'sign_off') action = { ...action, unitId: unitIds[action.unitId === -1 ? 0 : 1]! };
      const by = step.by === 'office' ? office : (unitUser.get(unitIds[0]!) ?? 0);
      const result = applyProblemAction(problem, action, { by, at: at(step.on) });
      if (!result.ok) throw new Error(`demo problem “${spec.title}”: ${result.message}`);
      problem = result.problem;
    }
    if (spec.recurOn && problem.status === 'closed') {
      const reason = spec.recurOn.reason;
      const [next] = await tx
        .insert(problems)
        .values({
          orgId: unitIds[0]!,
          issuerOrgId: county,
          inspectionId: inspectionIds[2]!,
          year,
          title: spec.title,
          description: spec.description,
          recurrenceOf: id,
          createdBy: office,
          createdAt: at(clamp(spec.recurOn.on)),
        })
        .returning({ id: problems.id });
      await tx.insert(problemUnits).values(unitIds.map((orgId, sort) => ({ problemId: next!.id, orgId, sort })));
      const result = reopenOnRecurrence(
        problem,
        { newId: next!.id, reason },
        { by: office, at: at(clamp(spec.recurOn.on)) },
      );
      if (!result.ok) throw new Error(result.message);
      problem = result.original;
      let recurrence = result.recurrence;
      const step = claim(clamp(y('10-15')), owner, rel(-9), '开展土地执法案件办理期限专项整治，实行办案期限周通报。', [
        '案件期限周通报',
        '超期案件责任追究',
      ]);
      const claimed = applyProblemAction(recurrence, { ...step.action, unitId: unitIds[0]! } as ProblemAction, {
        by: 0,
        at: at(step.on),
      });
      if (claimed.ok) recurrence = claimed.problem;
      await store(tx, recurrence);
    }
    await store(tx, problem);
  }

  // Issued by the office (区委依法治区办, the 发文机关 of its 落款), its 文号 taken from the office's register as 印发 does.
  await seedBulletin(tx, {
    issuer: ctx.orgIds.get('区委依法治区办')!,
    year,
    prefix: '昭法治办',
    title: `关于${year}年上半年法治督察发现问题整改情况的通报`,
    issuedOn: clamp(y('07-15')),
    createdBy: office,
    entries: [
      {
        orgId: ctx.orgIds.get('区司法局')!,
        stance: 'praise',
        reason: '督察发现问题整改迅速，建立规范性文件审查台账，成效明显',
      },
      {
        orgId: ctx.orgIds.get('元坝镇')!,
        stance: 'praise',
        reason: '按期完成全部问题整改，台账管理规范',
      },
      {
        orgId: ctx.orgIds.get('虎跳镇')!,
        stance: 'criticism',
        reason: '矛盾纠纷排查化解台账长期未更新，整改推进缓慢',
        problemIds: [byTitle.get('矛盾纠纷排查化解台账更新滞后')!],
      },
      {
        orgId: ctx.orgIds.get('区自然资源局')!,
        stance: 'criticism',
        reason: '土地执法案件办理超期，矿产资源巡查记录不全',
        problemIds: [byTitle.get('土地执法案件办理超期')!, byTitle.get('矿产资源执法巡查记录不全')!],
      },
    ],
  });
}

type BulletinEntry = { orgId: number; stance: 'praise' | 'criticism'; reason: string; problemIds?: number[] };

/**
 * A county office's 通报 (level county, copied to the city office), its 文号 taken from the office's register (opened
 * with the county's prefix) as 印发 does, and its entries.
 */
export async function seedBulletin(
  tx: Executor,
  b: {
    issuer: number;
    year: number;
    prefix: string;
    title: string;
    issuedOn: string;
    createdBy: number;
    entries: BulletinEntry[];
  },
) {
  await openDocNumberRegister(tx, b.issuer, b.year, b.prefix);
  const [bulletin] = await tx
    .insert(bulletins)
    .values({
      orgId: b.issuer,
      year: b.year,
      title: b.title,
      docNo: await issueDocNumber(tx, b.issuer, b.year),
      cc: '市委依法治市办',
      level: 'county',
      issuedOn: b.issuedOn,
      createdBy: b.createdBy,
    })
    .returning({ id: bulletins.id });
  await tx.insert(bulletinEntries).values(b.entries.map((e) => ({ ...e, bulletinId: bulletin!.id })));
}

/** Writes a problem built by the core lifecycle (row fields, sign-offs, deferrals, history) over its inserted row. */
async function store(tx: Executor, problem: Problem) {
  const before = {
    problem: { ...problem, signOffs: [], deferrals: [], history: [] },
    orgId: 0,
    issuerOrgId: 0,
    year: 0,
    version: 1,
    inspectionTitle: null,
    units: [],
    owner: null,
    createdAt: '',
    actorNames: new Map<number, string>(),
    eventAttachments: [],
  };
  await saveProblem(tx, before, problem);
}
