import { buildDemoScheme } from '@fazhi/core/assessment/demo-scheme';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { hashPassword } from '../platform/platform.auth.service.ts';
import { insertSchemeAndRound, leafPoints, leavesOf, publishRound, type Unit } from './demo-assessment.ts';
import { demoCounty, demoPassword } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

/** 利州区's own 考核组: they score the units of 利州区 only. */
export const lizhouAssessors = [
  { username: 'lz-kaohe-1', displayName: '何文静（利州区考核组）' },
  { username: 'lz-kaohe-2', displayName: '唐宏伟（利州区考核组）' },
];

/**
 * How a 利州区 unit did, leaf by leaf; whatever is not listed is full marks (manual leaves scored in full by both
 * assessors, requirements met, metric figures at or above target). The pattern differs from 昭化区: strong on
 * 政务公开, 普法 and 销号, weak on 案卷评查 and, for two units, on 出庭应诉 and 持证上岗. Invented figures.
 */
type Profile = {
  unitType: '执法部门' | '非执法部门';
  /** Manual leaves: the two assessors' scores on the leaf's scale. */
  manual?: Record<string, [number, number]>;
  /** Requirements the assessors found not met. */
  failed?: string[];
  /** Metric figures other than the defaults. */
  metrics?: Record<string, number>;
  records?: { kind: string; title: string }[];
  honours?: { key: string; level: string; title: string }[];
  penalties?: { key: string; level: string; title: string }[];
};

const defaults: Record<string, number> = {
  'plan.closure_rate': 100,
  'consultation.opinions': 6,
  'litigation.head_appearance_rate': 100,
  'enforcement.certified_rate': 100,
  'oversight.rectification_rate': 100,
  'disclosure.timely_rate': 100,
  'publicity.activities': 30,
  'survey.satisfaction_rate': 94,
};

/*
 * Hand-computed results of the finished year (checked in demo-lizhou.test.ts):
 * 公安分局 100 − 2 (出庭 96%) − 1 (复议纠错) − 2 (持证 98%) − 0.9 (案卷 82) − 1 (行政调解 4) = 93.1, +1 市表扬 = 94.1;
 * 市场监管局 100 − 0.25 (公开 9.5/10) − 0.6 (案卷 88) − 2 (败诉) − 3 (权责清单) = 94.15, +3 省示范 = 97.15;
 * 住建局 100 − 0.75 (负责人 4.25) − 1.35 (案卷 73) − 1.5 (双公示 97.5%) − 4 (持证 95%) − 2 (逾期2件) = 90.4,
 *   − 2 市通报批评 = 88.4;
 * 司法局 100 − 0.25 (法治机关 6.75) − 4 (销号率 92%) = 95.75, +2 省经验交流 − 2 (4项任务逾期, 目标任务) = 95.75;
 * 教育局 100 − 2 (普法 6/8) − 3 (意见 2/5) − 0.75 (负责人 5.25) − 5 (合同审查) − 2 (满意度 88%) = 87.25,
 *   +0.5 区表扬 = 87.75.
 */
const profiles: Record<string, Profile> = {
  利州区公安分局: {
    unitType: '执法部门',
    manual: { 'zf-3-3-3': [80, 84], 'zf-4-2': [4, 4] },
    metrics: { 'litigation.head_appearance_rate': 96, 'enforcement.certified_rate': 98 },
    records: [{ kind: 'reconsideration.corrected', title: '行政复议被纠错1件（不予立案决定被撤销）' }],
    honours: [{ key: '通报表扬', level: '市', title: '利州区公安分局反诈普法进楼宇获市级通报表扬' }],
  },
  利州区市场监督管理局: {
    unitType: '执法部门',
    manual: { 'zf-3-2-1': [9, 10], 'zf-3-3-3': [90, 86] },
    failed: ['zf-3-1-1'],
    records: [{ kind: 'litigation.lost', title: '利州区市场监督管理局行政诉讼败诉案件1件' }],
    honours: [{ key: '示范建设', level: '省', title: '利州区市场监督管理局获评省级法治示范创建单位' }],
  },
  利州区住房和城乡建设局: {
    unitType: '执法部门',
    manual: { 'zf-1-1': [4, 4.5], 'zf-3-3-3': [70, 76] },
    metrics: { 'disclosure.timely_rate': 97.5, 'enforcement.certified_rate': 95 },
    records: [
      { kind: 'disclosure.overdue', title: '依申请公开逾期答复（老旧小区改造补助）' },
      { kind: 'disclosure.overdue', title: '依申请公开逾期答复（物业专项维修资金）' },
    ],
    penalties: [
      { key: '法治建设工作被通报批评', level: '市', title: '城市更新项目审批程序不规范被市委依法治市办通报批评' },
    ],
  },
  利州区司法局: {
    unitType: '非执法部门',
    manual: { 'fz-5-3': [6.5, 7] },
    metrics: { 'plan.closure_rate': 92, 'publicity.activities': 40 },
    honours: [{ key: '经验交流', level: '省', title: '利州区“法润城区”楼宇普法做法在全省法治宣传工作会上交流' }],
  },
  利州区教育局: {
    unitType: '非执法部门',
    manual: { 'fz-1-1': [5, 5.5] },
    failed: ['fz-3-1-2'],
    metrics: { 'publicity.activities': 6, 'consultation.opinions': 2, 'survey.satisfaction_rate': 88 },
    honours: [{ key: '通报表扬', level: '区', title: '利州区教育局校园法治课获区级通报表扬' }],
  },
};

/**
 * 利州区's own scheme: the demo scheme under its own name for departments only (its units are all departments), 优秀
 * allowed to half of each group (昭化区: 30 %).
 */
export function buildLizhouScheme(year: number): Scheme {
  const scheme = buildDemoScheme(year);
  return {
    ...scheme,
    templates: scheme.templates.filter((t) => t.unitType !== '乡镇街道'),
    id: `scheme-lizhou-${year}`,
    name: `利州区${year}年度法治建设考核方案`,
    grading: { ...scheme.grading, quotas: [{ grade: '优秀', maxShare: 0.5 }] },
  };
}

/**
 * 利州区's assessment: last year's round scored by its own two assessors and published (final, no appeal); this
 * year's in self-assessment, nothing entered yet. Entries and facts go in one INSERT … SELECT per batch.
 */
export async function seedLizhouAssessment(tx: Executor, ctx: DemoContext) {
  const county = ctx.orgIds.get(demoCounty.neighbour.name)!;
  const office = ctx.orgIds.get(demoCounty.neighbour.office)!;
  const officeUser = ctx.userIds.get('office') ?? null;
  const passwordHash = await hashPassword(demoPassword);
  const assessors = await queryRows<{ id: number }>(
    tx,
    sql`insert into users (username, display_name, role, data_scope, org_id, scope_org_id, password_hash)
        select a.username, a.display_name, 'assessor', 'subtree', ${office}::int, ${county}::int, ${passwordHash}
        from jsonb_to_recordset(${JSON.stringify(lizhouAssessors.map((a) => ({ username: a.username, display_name: a.displayName })))}::jsonb)
          as a(username text, display_name text)
        returning id`,
  );
  const units: Unit[] = Object.entries(profiles).map(([name, p]) => ({
    orgId: ctx.orgIds.get(name)!,
    name,
    unitType: p.unitType,
  }));
  const previous = ctx.year - 1;
  const scheme = buildLizhouScheme(previous);
  const { schemeId, schemeUpdatedAt, roundId } = await insertSchemeAndRound(
    tx,
    county,
    scheme,
    units,
    officeUser!,
    'final',
  );
  const submittedAt = new Date(Date.UTC(previous, 11, 12, 2));
  type Entry = { org_id: number; indicator_id: string; value: number | null; passed: boolean | null; note: string };
  type Review = Entry & { assessor_id: number };
  type Fact = { org_id: number; kind: string; key: string; title: string; value: number | null; level: string | null };
  const self: Entry[] = [];
  const review: Review[] = [];
  const facts: Fact[] = [];
  for (const unit of units) {
    const p = profiles[unit.name]!;
    const metricKeys = new Set<string>();
    for (const leaf of leavesOf(scheme, unit.unitType)) {
      const base = { org_id: unit.orgId, indicator_id: leaf.id };
      if (leaf.rule.kind === 'manual') {
        const max = leaf.rule.scaleMax ?? leafPoints(scheme, unit.unitType, leaf.id);
        self.push({ ...base, value: max, passed: null, note: '已按要求落实，材料见台账' });
        const given = p.manual?.[leaf.id] ?? [max, max];
        for (const [k, a] of assessors.entries()) {
          const value = given[k]!;
          review.push({ ...base, assessor_id: a.id, value, passed: null, note: value < max ? '抽查材料有缺项' : '' });
        }
      } else if (leaf.rule.kind === 'requirement') {
        self.push({ ...base, value: null, passed: true, note: '已达标' });
        if (p.failed?.includes(leaf.id)) {
          for (const a of assessors) {
            review.push({ ...base, assessor_id: a.id, value: null, passed: false, note: '现场核查未达到要求' });
          }
        }
      } else if (leaf.rule.kind === 'metric' || leaf.rule.kind === 'metric_ratio') {
        metricKeys.add(leaf.rule.metricKey);
      }
    }
    for (const key of metricKeys) {
      const value = p.metrics?.[key] ?? defaults[key];
      if (value === undefined) throw new Error(`利州区 demo: no figure for ${key}`);
      facts.push({ org_id: unit.orgId, kind: 'metric', key, title: '', value, level: null });
    }
    for (const r of p.records ?? [])
      facts.push({ org_id: unit.orgId, kind: 'record', key: r.kind, title: r.title, value: null, level: null });
    for (const h of p.honours ?? []) facts.push({ org_id: unit.orgId, kind: 'honour', ...h, value: null });
    for (const x of p.penalties ?? []) facts.push({ org_id: unit.orgId, kind: 'penalty', ...x, value: null });
  }
  const at = submittedAt.toISOString();
  await tx.execute(sql`
    insert into assessment_self_entries (round_id, org_id, indicator_id, value, passed, note, updated_at)
    select ${roundId}::int, e.org_id, e.indicator_id, e.value, e.passed, e.note, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(self)}::jsonb)
      as e(org_id int, indicator_id text, value double precision, passed boolean, note text)`);
  await tx.execute(sql`
    insert into assessment_review_scores (round_id, org_id, indicator_id, assessor_id, value, passed, note, updated_at)
    select ${roundId}::int, e.org_id, e.indicator_id, e.assessor_id, e.value, e.passed, e.note, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(review)}::jsonb)
      as e(org_id int, indicator_id text, assessor_id int, value double precision, passed boolean, note text)`);
  await tx.execute(sql`
    insert into assessment_facts (round_id, org_id, kind, key, title, value, level, created_by)
    select ${roundId}::int, f.org_id, f.kind, f.key, f.title, f.value, f.level, ${officeUser}::int
    from jsonb_to_recordset(${JSON.stringify(facts)}::jsonb)
      as f(org_id int, kind text, key text, title text, value double precision, level text)`);
  await tx.execute(sql`update assessment_units set submitted_at = ${at}::timestamptz where round_id = ${roundId}`);
  const { publishedAt, appealClosesAt } = await publishRound(tx, {
    roundId,
    county,
    year: previous,
    scheme,
    schemeId,
    schemeUpdatedAt,
    units,
    submittedAt,
  });
  await tx.execute(sql`update assessment_rounds set published_at = ${publishedAt.toISOString()}::timestamptz,
      appeal_closes_at = ${appealClosesAt.toISOString()}::timestamptz,
      finalized_at = ${new Date(appealClosesAt.getTime() + 2 * 86400000).toISOString()}::timestamptz, result_seq = 1
      where id = ${roundId}`);
  // This year's round, opened for self-assessment.
  await insertSchemeAndRound(tx, county, buildLizhouScheme(ctx.year), units, officeUser!, 'self_assessment');
}
