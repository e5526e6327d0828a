import {
  type AssessmentEvent,
  type AssessmentRound,
  createAssessmentRound,
  transition,
} from '@fazhi/core/assessment/assessment-lifecycle';
import { buildDemoScheme } from '@fazhi/core/assessment/demo-scheme';
import { toRankingEntry } from '@fazhi/core/assessment/ranking';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { sql } from 'drizzle-orm';
import { lifecycleGroups } from '../assessment/assessment.ranking-groups.service.ts';
import { writeSnapshot } from '../assessment/assessment.results.repo.ts';
import {
  assessmentAppeals,
  assessmentFacts,
  assessmentReviewScores,
  assessmentRounds,
  assessmentSchemes,
  assessmentSelfEntries,
  assessmentUnits,
} from '../assessment/assessment.schema.ts';
import { scoreUnits } from '../assessment/assessment.scoring.service.ts';
import { type Executor, queryRows } from '../db/client.ts';
import { hashPassword } from '../platform/platform.auth.service.ts';
import { users } from '../platform/platform.schema.ts';
import { demoCounty, demoPassword } from './demo-org.ts';
import type { DemoContext } from './module-seeds.ts';

/** 考核组 accounts: they score every unit of the county. */
export const demoAssessors = [
  { username: 'kaohe-1', displayName: '陈志明（考核组）' },
  { username: 'kaohe-2', displayName: '周雪梅（考核组）' },
];

const dayMs = 86400000;

/** A stable pseudo-random number in [0, 1) from a text, so the demo is the same on every seed. */
function unitRandom(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

export type Unit = { orgId: number; name: string; unitType: string };

/**
 * 昭化区: last year's assessment scored by two assessors, published, one appeal rejected, final; this year's
 * scheme in self-assessment with 区司法局 halfway through.
 */
export async function seedAssessment(tx: Executor, ctx: DemoContext) {
  const county = ctx.orgIds.get(demoCounty.county.name)!;
  const office = ctx.orgIds.get(demoCounty.county.office)!;
  const passwordHash = await hashPassword(demoPassword);
  const assessorIds: number[] = [];
  for (const a of demoAssessors) {
    const [row] = await tx
      .insert(users)
      .values({ ...a, role: 'assessor', dataScope: 'subtree', orgId: office, scopeOrgId: county, passwordHash })
      .returning({ id: users.id });
    assessorIds.push(row!.id);
  }
  const officeUser = ctx.userIds.get('office')!;
  const previous = ctx.year - 1;
  const units = await unitsOf(tx, county);
  await seedFinalRound(tx, { county, year: previous, units, assessorIds, officeUser, now: ctx.now });
  await seedOpenRound(tx, { county, year: ctx.year, units, officeUser, reporter: ctx.userIds.get('reporter-a')! });
}

async function unitsOf(tx: Executor, county: number): Promise<Unit[]> {
  const rows = await queryRows<{ id: number; name: string; kind: string; enforcement: boolean }>(
    tx,
    sql`select o.id, o.name, o.kind, exists (select 1 from org_dimensions od join dimensions d on d.id = od.dimension_id
          where od.org_id = o.id and d.name = '执法协调小组') as enforcement
        from orgs o where o.parent_id = ${county} and o.kind in ('township', 'department') order by o.sort, o.id`,
  );
  return rows.map((r) => ({
    orgId: r.id,
    name: r.name,
    unitType: r.kind === 'township' ? '乡镇街道' : r.enforcement ? '执法部门' : '非执法部门',
  }));
}

export async function insertSchemeAndRound(
  tx: Executor,
  county: number,
  scheme: Scheme,
  units: Unit[],
  officeUser: number,
  status: string,
) {
  const [s] = await tx
    .insert(assessmentSchemes)
    .values({
      orgId: county,
      year: scheme.year,
      version: 1,
      name: scheme.name,
      definition: scheme,
      createdBy: officeUser,
    })
    .returning({ id: assessmentSchemes.id, updatedAt: assessmentSchemes.updatedAt });
  const [r] = await tx
    .insert(assessmentRounds)
    .values({ orgId: county, schemeId: s!.id, year: scheme.year, name: scheme.name, status, createdBy: officeUser })
    .returning({ id: assessmentRounds.id });
  await tx.insert(assessmentUnits).values(units.map((u) => ({ roundId: r!.id, orgId: u.orgId, unitType: u.unitType })));
  return { schemeId: s!.id, schemeUpdatedAt: s!.updatedAt, roundId: r!.id };
}

export function leavesOf(scheme: Scheme, unitType: string) {
  const out: {
    id: string;
    name: string;
    rule: NonNullable<Scheme['templates'][number]['indicators'][number]['rule']>;
  }[] = [];
  const visit = (nodes: Scheme['templates'][number]['indicators']) => {
    for (const n of nodes) {
      if (n.children?.length) visit(n.children);
      else if (n.rule) out.push({ id: n.id, name: n.name, rule: n.rule });
    }
  };
  visit(scheme.templates.find((t) => t.unitType === unitType)!.indicators);
  return out;
}

const metricValue = (key: string, r: number) => {
  if (key.endsWith('_rate')) return Math.round((92 + r * 8) * 10) / 10;
  return Math.round(4 + r * 24);
};

/** Facts a unit's year produced: metric figures, a few problems, honours and penalties. */
function factsFor(roundId: number, unit: Unit, scheme: Scheme, index: number, officeUser: number) {
  const facts: (typeof assessmentFacts.$inferInsert)[] = [];
  const metricKeys = new Set<string>();
  for (const leaf of leavesOf(scheme, unit.unitType)) {
    if (leaf.rule.kind === 'metric' || leaf.rule.kind === 'metric_ratio') metricKeys.add(leaf.rule.metricKey);
  }
  for (const key of metricKeys) {
    facts.push({
      roundId,
      orgId: unit.orgId,
      kind: 'metric',
      key,
      title: '',
      value: metricValue(key, unitRandom(`${unit.name}${key}`)),
      createdBy: officeUser,
    });
  }
  const add = (kind: string, key: string, title: string, extra: Partial<typeof assessmentFacts.$inferInsert> = {}) =>
    facts.push({ roundId, orgId: unit.orgId, kind, key, title, createdBy: officeUser, ...extra });
  if (index % 4 === 1)
    add('record', 'litigation.lost', `${unit.name}行政诉讼败诉案件（〔${scheme.year}〕川08行终${10 + index}号）`);
  if (index % 5 === 2) add('record', 'disclosure.overdue', '依申请公开逾期答复1件');
  if (index === 7) add('record', 'enforcement.serious_violation', '违法强制拆除被市政府通报批评');
  if (index % 3 === 0) add('honour', '通报表扬', `${unit.name}法治宣传工作获市级通报表扬`, { level: '市' });
  if (index % 6 === 1) add('honour', '示范建设', `${unit.name}获评省级法治示范创建单位`, { level: '省' });
  if (index % 5 === 3)
    add('penalty', '法治建设工作被通报批评', '法治建设工作被市委依法治市办通报批评', { level: '市' });
  // 交办任务落实不力 is not entered by hand: it comes from the units' late target tasks (assessment planSource).
  return facts;
}

async function seedFinalRound(
  tx: Executor,
  o: { county: number; year: number; units: Unit[]; assessorIds: number[]; officeUser: number; now: Date },
) {
  const scheme = buildDemoScheme(o.year);
  const { schemeId, schemeUpdatedAt, roundId } = await insertSchemeAndRound(
    tx,
    o.county,
    scheme,
    o.units,
    o.officeUser,
    'final',
  );
  const submittedAt = new Date(Date.UTC(o.year, 11, 10, 2));
  const selfRows: (typeof assessmentSelfEntries.$inferInsert)[] = [];
  const reviewRows: (typeof assessmentReviewScores.$inferInsert)[] = [];
  const facts: (typeof assessmentFacts.$inferInsert)[] = [];
  o.units.forEach((unit, index) => {
    facts.push(...factsFor(roundId, unit, scheme, index, o.officeUser));
    for (const leaf of leavesOf(scheme, unit.unitType)) {
      const r = unitRandom(`${unit.name}${leaf.id}`);
      if (leaf.rule.kind === 'manual') {
        const points = leafPoints(scheme, unit.unitType, leaf.id);
        const max = leaf.rule.scaleMax ?? points;
        selfRows.push({
          roundId,
          orgId: unit.orgId,
          indicatorId: leaf.id,
          value: max,
          note: '已按要求落实',
          updatedAt: submittedAt,
        });
        o.assessorIds.forEach((assessorId, k) => {
          const share = 0.78 + 0.22 * unitRandom(`${unit.name}${leaf.id}${k}`);
          reviewRows.push({
            roundId,
            orgId: unit.orgId,
            indicatorId: leaf.id,
            assessorId,
            value: Math.round(max * share * 2) / 2,
            note: share < 0.85 ? '台账资料不够完整' : '',
          });
        });
      } else if (leaf.rule.kind === 'requirement') {
        selfRows.push({
          roundId,
          orgId: unit.orgId,
          indicatorId: leaf.id,
          passed: true,
          note: '已达标',
          updatedAt: submittedAt,
        });
        if (r < 0.12) {
          for (const assessorId of o.assessorIds) {
            reviewRows.push({
              roundId,
              orgId: unit.orgId,
              indicatorId: leaf.id,
              assessorId,
              passed: false,
              note: '抽查发现佐证材料不全',
            });
          }
        }
      }
    }
  });
  await tx.insert(assessmentSelfEntries).values(selfRows);
  await tx.insert(assessmentReviewScores).values(reviewRows);
  if (facts.length) await tx.insert(assessmentFacts).values(facts);
  await tx.execute(
    sql`update assessment_units set submitted_at = ${submittedAt.toISOString()}::timestamptz where round_id = ${roundId}`,
  );

  const { publishedAt, appealClosesAt } = await publishRound(tx, {
    roundId,
    county: o.county,
    year: o.year,
    scheme,
    schemeId,
    schemeUpdatedAt,
    units: o.units,
    submittedAt,
  });
  const appellant = o.units.find((u) => u.name === '区市场监督管理局') ?? o.units[0]!;
  const filedAt = new Date(publishedAt.getTime() + 2 * dayMs);
  await tx.insert(assessmentAppeals).values({
    roundId,
    orgId: appellant.orgId,
    reason: '行政执法案卷评查扣分偏多，申请复核',
    filedAt,
    outcome: 'rejected',
    decisionReason: '经复核，案卷评查扣分依据充分，维持原评分',
    decidedBy: o.officeUser,
    decidedAt: new Date(filedAt.getTime() + 3 * dayMs),
  });
  await tx.execute(sql`update assessment_rounds set published_at = ${publishedAt.toISOString()}::timestamptz,
      appeal_closes_at = ${appealClosesAt.toISOString()}::timestamptz,
      finalized_at = ${new Date(appealClosesAt.getTime() + 3 * dayMs).toISOString()}::timestamptz, result_seq = 1
      where id = ${roundId}`);
}

/** Score the review entries and publish the round through the same core lifecycle and snapshot writer the API uses. */
export async function publishRound(
  tx: Executor,
  o: {
    roundId: number;
    county: number;
    year: number;
    scheme: Scheme;
    schemeId: number;
    schemeUpdatedAt: Date;
    units: Unit[];
    submittedAt: Date;
  },
) {
  const { roundId, scheme, schemeId, schemeUpdatedAt, submittedAt } = o;
  const round = {
    id: roundId,
    year: o.year,
    org_id: o.county,
    scheme_id: schemeId,
    scheme_updated_at: schemeUpdatedAt,
    definition: scheme,
  };
  const scored = await scoreUnits(
    tx,
    round,
    o.units.map((u) => ({ org_id: u.orgId, unit_type: u.unitType })),
    'review',
  );
  const publishedAt = new Date(Date.UTC(o.year + 1, 0, 10, 2));
  const appealClosesAt = new Date(publishedAt.getTime() + 7 * dayMs);
  const unitIds = o.units.map((u) => String(u.orgId));
  // Ranked and graded per group (one per template / unit type), as the API publishes.
  const groups = lifecycleGroups(
    { definition: scheme, ranking_groups: null },
    o.units.map((u) => ({ org_id: u.orgId, unit_type: u.unitType })),
  );
  let core: AssessmentRound = { ...createAssessmentRound(unitIds, scheme.grading), groups };
  const step = (event: AssessmentEvent) => {
    const result = transition(core, event);
    if (!result.ok) throw new Error(result.error.message);
    core = result.round;
  };
  step({ type: 'open_self_assessment', at: submittedAt });
  for (const unitId of unitIds) step({ type: 'submit_self_assessment', unitId, at: submittedAt });
  step({ type: 'start_review', at: submittedAt });
  for (const s of scored) step({ type: 'record_score', entry: toRankingEntry(String(s.orgId), s.score) });
  step({ type: 'publish', at: publishedAt, appealClosesAt });
  await writeSnapshot(tx, roundId, 1, core.results, new Map(scored.map((s) => [s.orgId, s.score])));
  return { publishedAt, appealClosesAt };
}

export function leafPoints(scheme: Scheme, unitType: string, id: string): number {
  let found = 0;
  const visit = (nodes: Scheme['templates'][number]['indicators']) => {
    for (const n of nodes) {
      if (n.id === id) found = n.points ?? 0;
      if (n.children) visit(n.children);
    }
  };
  visit(scheme.templates.find((t) => t.unitType === unitType)!.indicators);
  return found;
}

async function seedOpenRound(
  tx: Executor,
  o: { county: number; year: number; units: Unit[]; officeUser: number; reporter: number },
) {
  const scheme = buildDemoScheme(o.year);
  const { roundId } = await insertSchemeAndRound(tx, o.county, scheme, o.units, o.officeUser, 'self_assessment');
  const justice = o.units.find((u) => u.name === '区司法局');
  if (!justice) return;
  const leaves = leavesOf(scheme, justice.unitType).filter(
    (l) => l.rule.kind === 'manual' || l.rule.kind === 'requirement',
  );
  await tx.insert(assessmentSelfEntries).values(
    leaves.slice(0, 3).map((leaf) => ({
      roundId,
      orgId: justice.orgId,
      indicatorId: leaf.id,
      ...(leaf.rule.kind === 'manual'
        ? { value: leaf.rule.scaleMax ?? leafPoints(scheme, justice.unitType, leaf.id) }
        : { passed: true }),
      note: '已按要求落实，材料见台账',
      updatedBy: o.reporter,
    })),
  );
}
