import { type AssessorSheet, combineAssessorSheets } from '@fazhi/core/assessment/assessors';
import type { Aggregation } from '@fazhi/core/assessment/scheme.schemas';
import type {
  Honour,
  ManualInput,
  Penalty,
  RequirementCheck,
  UnitInputs,
  UnitRecord,
} from '@fazhi/core/assessment/unit-inputs.schemas';
import { registryByKey } from '@fazhi/core/metrics/definitions';
import type { Executor } from '../db/client.ts';
import {
  type EntryRow,
  type FactRow,
  queryReviewScores,
  queryRoundFacts,
  querySelfEntries,
  type ReviewRow,
} from './assessment.entries.repo.ts';
import { ledgerHonoursSource } from './assessment.ledger-source.service.ts';
import { metricsRegistrySource, oversightSource, planSource } from './assessment.module-sources.service.ts';

/** What a score line points at: a hand-entered fact, a ledger row, an oversight problem, a self-assessment entry. */
export type SourceRef = { id: string; origin: string; title: string; evidenceIds: number[] };

/** One source's facts for one unit; the scorer never learns which source they came from. */
export type UnitContribution = {
  orgId: number;
  metrics?: Record<string, number>;
  manual?: Record<string, ManualInput>;
  checks?: Record<string, RequirementCheck>;
  records?: UnitRecord[];
  honours?: Honour[];
  penalties?: Penalty[];
  refs?: SourceRef[];
};

export type GatherContext = {
  db: Executor;
  roundId: number;
  year: number;
  /** The county running the round. */
  ownerOrgId: number;
  orgIds: readonly number[];
  stage: 'self' | 'review';
  aggregation: Aggregation;
  /** Metric keys the scheme's rules read. */
  metricKeys?: readonly string[];
};

/** A place facts come from. Ledgers, oversight and the metrics registry plug in here as they appear. */
export type InputSource = { name: string; gather: (ctx: GatherContext) => Promise<UnitContribution[]> };

/**
 * Sources other modules provide, read before the hand-entered facts (which win on the same metric key, so the office
 * can correct a figure). Append here; the honours ledger is read when the ledgers module holds it.
 */
export const externalInputSources: InputSource[] = [
  ledgerHonoursSource,
  metricsRegistrySource,
  oversightSource,
  planSource,
];

export type GatheredUnit = { inputs: UnitInputs; refs: Map<string, SourceRef> };

/** Everything the scorer needs for the given units: external sources, hand-entered facts, self or review entries. */
export async function gatherInputs(ctx: GatherContext): Promise<Map<number, GatheredUnit>> {
  const sources = [...externalInputSources, handEnteredSource, entriesSource];
  const results = await Promise.all(sources.map((s) => s.gather(ctx)));
  const byOrg = new Map<number, GatheredUnit>();
  for (const orgId of ctx.orgIds) byOrg.set(orgId, { inputs: {}, refs: new Map() });
  for (const contributions of results) {
    for (const c of contributions) {
      const unit = byOrg.get(c.orgId);
      if (unit) mergeContribution(unit, c);
    }
  }
  return byOrg;
}

export function mergeContribution(unit: GatheredUnit, c: UnitContribution) {
  const into = unit.inputs;
  if (c.metrics) into.metrics = { ...into.metrics, ...c.metrics };
  if (c.manual) into.manual = { ...into.manual, ...c.manual };
  if (c.checks) into.checks = { ...into.checks, ...c.checks };
  if (c.records?.length) into.records = [...(into.records ?? []), ...c.records];
  if (c.honours?.length) into.honours = [...(into.honours ?? []), ...c.honours];
  if (c.penalties?.length) into.penalties = [...(into.penalties ?? []), ...c.penalties];
  for (const ref of c.refs ?? []) unit.refs.set(ref.id, ref);
}

export const factSourceId = (id: number) => `fact-${id}`;

/** Facts the office, assessors or the unit entered by hand for this round. */
export const handEnteredSource: InputSource = {
  name: '手工录入',
  gather: async ({ db, roundId, orgIds }) => {
    if (orgIds.length === 0) return [];
    const rows = await queryRoundFacts(db, roundId, orgIds);
    const byOrg = new Map<number, GatheredUnit>();
    for (const row of rows) {
      let unit = byOrg.get(row.org_id);
      if (!unit) {
        unit = { inputs: {}, refs: new Map() };
        byOrg.set(row.org_id, unit);
      }
      addFact(unit, row);
    }
    return [...byOrg].map(([orgId, unit]) => ({ orgId, ...unit.inputs, refs: [...unit.refs.values()] }));
  },
};

/** One fact into a unit's inputs, in place (a unit may carry dozens of metric figures). */
export function addFact(unit: GatheredUnit, row: FactRow) {
  const c = factToContribution(row);
  const into = unit.inputs;
  if (c.metrics) into.metrics = Object.assign(into.metrics ?? {}, c.metrics);
  if (c.records) into.records = [...(into.records ?? []), ...c.records];
  if (c.honours) into.honours = [...(into.honours ?? []), ...c.honours];
  if (c.penalties) into.penalties = [...(into.penalties ?? []), ...c.penalties];
  for (const ref of c.refs ?? []) unit.refs.set(ref.id, ref);
}

/** A metric key as users read it: the registry's Chinese name (a key outside the registry stays as typed). */
function metricName(key: string): string {
  return registryByKey.get(key)?.name ?? key;
}

export function factToContribution(r: FactRow): UnitContribution {
  const id = factSourceId(r.id);
  const ref: SourceRef = { id, origin: '手工录入', title: r.title || r.key, evidenceIds: r.evidence_ids ?? [] };
  const level = (r.level ?? undefined) as Honour['level'] | undefined;
  const count = r.count ?? undefined;
  switch (r.kind) {
    case 'metric':
      // Metric lines point at the metric key, so the ref of a hand-entered figure is keyed the same way.
      return {
        orgId: r.org_id,
        metrics: { [r.key]: r.value ?? 0 },
        refs: [{ ...ref, id: r.key, title: `${metricName(r.key)} = ${r.value ?? 0}` }],
      };
    case 'record':
      return {
        orgId: r.org_id,
        records: [
          {
            id,
            kind: r.key,
            title: r.title,
            ...(r.indicator_id ? { indicatorId: r.indicator_id } : {}),
            ...(count ? { count } : {}),
          },
        ],
        refs: [ref],
      };
    case 'honour':
      return {
        orgId: r.org_id,
        honours: [
          {
            id,
            category: r.key as Honour['category'],
            level: level ?? '区',
            title: r.title,
            ...(r.matter_id ? { matterId: r.matter_id } : {}),
          },
        ],
        refs: [ref],
      };
    default:
      return {
        orgId: r.org_id,
        penalties: [{ id, kind: r.key, title: r.title, ...(level ? { level } : {}), ...(count ? { count } : {}) }],
        refs: [ref],
      };
  }
}

export type { EntryRow, FactRow, ReviewRow };

/**
 * The unit's self-assessment (stage self), or the assessors' review combined by the scheme's aggregation (stage
 * review). A requirement no assessor judged keeps the unit's own check; evidence always comes from the unit.
 */
export const entriesSource: InputSource = {
  name: '自评与考核组评分',
  gather: async ({ db, roundId, orgIds, stage, aggregation }) => {
    if (orgIds.length === 0) return [];
    const [selfRows, reviewRows] = await Promise.all([
      querySelfEntries(db, roundId, orgIds),
      stage === 'review' ? queryReviewScores(db, roundId, orgIds) : Promise.resolve([]),
    ]);
    return buildEntryContributions(selfRows, reviewRows, stage, aggregation);
  },
};

export function buildEntryContributions(
  selfRows: readonly EntryRow[],
  reviewRows: readonly ReviewRow[],
  stage: 'self' | 'review',
  aggregation: Aggregation,
): UnitContribution[] {
  const units = new Map<number, UnitContribution & { manual: Record<string, ManualInput> }>();
  const unit = (orgId: number) => {
    let u = units.get(orgId);
    if (!u) {
      u = { orgId, manual: {}, checks: {}, refs: [] };
      units.set(orgId, u);
    }
    return u;
  };
  const evidenceOf = new Map<string, string[]>();
  for (const r of selfRows) {
    const u = unit(r.org_id);
    const evidence = r.evidence_ids?.length ? r.evidence_ids.map(String) : [];
    if (evidence.length) evidenceOf.set(`${r.org_id}:${r.indicator_id}`, evidence);
    const withEvidence = evidence.length ? { evidenceIds: evidence } : {};
    const note = r.note ? { note: r.note } : {};
    if (r.passed !== null) u.checks![r.indicator_id] = { passed: r.passed, ...note, ...withEvidence };
    if (stage === 'self' && r.value !== null) {
      u.manual[r.indicator_id] = { value: r.value, basis: '单位自评', ...note, ...withEvidence };
    }
  }
  if (stage === 'review') {
    const sheets = new Map<number, Map<number, AssessorSheet>>();
    const verdicts = new Map<string, { passed: number; failed: number; notes: string[] }>();
    for (const r of reviewRows) {
      if (r.value !== null) {
        const perUnit = sheets.get(r.org_id) ?? new Map<number, AssessorSheet>();
        sheets.set(r.org_id, perUnit);
        const sheet = perUnit.get(r.assessor_id) ?? { assessorId: String(r.assessor_id), scores: {} };
        perUnit.set(r.assessor_id, sheet);
        sheet.scores[r.indicator_id] = { value: r.value, ...(r.note ? { note: r.note } : {}) };
      }
      if (r.passed !== null) {
        const key = `${r.org_id}:${r.indicator_id}`;
        const v = verdicts.get(key) ?? { passed: 0, failed: 0, notes: [] };
        if (r.passed) v.passed++;
        else v.failed++;
        if (r.note) v.notes.push(r.note);
        verdicts.set(key, v);
      }
    }
    for (const [orgId, perUnit] of sheets) {
      const manual = combineAssessorSheets([...perUnit.values()], aggregation);
      for (const [indicatorId, input] of Object.entries(manual)) {
        const evidence = evidenceOf.get(`${orgId}:${indicatorId}`);
        unit(orgId).manual[indicatorId] = { ...input, ...(evidence?.length ? { evidenceIds: evidence } : {}) };
      }
    }
    for (const [key, v] of verdicts) {
      const [orgText, indicatorId] = key.split(':') as [string, string];
      const evidence = evidenceOf.get(key);
      // A requirement passes when at least half of the assessors who judged it say so.
      unit(Number(orgText)).checks![indicatorId] = {
        passed: v.passed >= v.failed,
        ...(v.notes.length ? { note: `考核组意见：${[...new Set(v.notes)].join('；')}` } : {}),
        ...(evidence?.length ? { evidenceIds: evidence } : {}),
      };
    }
  }
  return [...units.values()];
}
