import type { AppealCorrection } from '@fazhi/core/assessment/api.schemas';
import { type CompiledScheme, compileScheme } from '@fazhi/core/assessment/compile-scheme';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { scoreUnit, type UnitScore } from '@fazhi/core/assessment/score-unit';
import type { Executor } from '../db/client.ts';
import type { RoundRow } from './assessment.access.service.ts';
import { queryUpheldCorrections } from './assessment.appeals.repo.ts';
import { type GatheredUnit, gatherInputs, type SourceRef } from './assessment.inputs.service.ts';

const compiledCache = new Map<string, CompiledScheme>();

/** Compile a stored scheme once per version of its definition. */
export function compiledOf(schemeId: number, updatedAt: Date | string, definition: unknown): CompiledScheme {
  const key = `${schemeId}:${new Date(updatedAt).getTime()}`;
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileScheme(definition as Scheme);
    if (compiledCache.size > 200) compiledCache.clear();
    compiledCache.set(key, compiled);
  }
  return compiled;
}

export type ScoredUnit = { orgId: number; unitType: string; score: UnitScore; refs: Map<string, SourceRef> };

/**
 * Score units of a round from whatever sources hold their inputs. Stage self: the unit's own claims; stage review:
 * the assessors' combined scores, with the corrections of upheld appeals applied.
 */
export async function scoreUnits(
  db: Executor,
  round: Pick<RoundRow, 'id' | 'year' | 'org_id' | 'scheme_id' | 'scheme_updated_at' | 'definition'>,
  units: readonly { org_id: number; unit_type: string }[],
  stage: 'self' | 'review',
): Promise<ScoredUnit[]> {
  const compiled = compiledOf(round.scheme_id, round.scheme_updated_at, round.definition);
  const orgIds = units.map((u) => u.org_id);
  const gathered = await gatherInputs({
    db,
    roundId: round.id,
    year: round.year,
    ownerOrgId: round.org_id,
    orgIds,
    stage,
    aggregation: compiled.scheme.aggregation,
    metricKeys: metricKeysOf(compiled),
  });
  if (stage === 'review') {
    for (const [orgId, corrections] of await upheldCorrections(db, round.id, orgIds)) {
      const unit = gathered.get(orgId);
      if (unit) for (const c of corrections) applyCorrection(unit, c);
    }
  }
  return units.map((u) => {
    const unit = gathered.get(u.org_id)!;
    return {
      orgId: u.org_id,
      unitType: u.unit_type,
      score: scoreUnit(compiled, u.unit_type, unit.inputs),
      refs: unit.refs,
    };
  });
}

async function upheldCorrections(db: Executor, roundId: number, orgIds: readonly number[]) {
  const rows = await queryUpheldCorrections(db, roundId, orgIds);
  const map = new Map<number, AppealCorrection[]>();
  for (const r of rows) map.set(r.org_id, [...(map.get(r.org_id) ?? []), r.corrections]);
  return map;
}

/** An upheld appeal's corrections, applied over the review inputs of its unit. */
export function applyCorrection(unit: GatheredUnit, c: AppealCorrection) {
  const inputs = unit.inputs;
  for (const leaf of c.leaves) {
    const note = leaf.note ? { note: leaf.note } : {};
    if (leaf.value !== null && leaf.value !== undefined) {
      const evidence = inputs.manual?.[leaf.indicatorId]?.evidenceIds;
      inputs.manual = {
        ...inputs.manual,
        [leaf.indicatorId]: {
          value: leaf.value,
          basis: '申诉复核调整',
          ...note,
          ...(evidence ? { evidenceIds: evidence } : {}),
        },
      };
    }
    if (leaf.passed !== null && leaf.passed !== undefined) {
      const evidence = inputs.checks?.[leaf.indicatorId]?.evidenceIds;
      inputs.checks = {
        ...inputs.checks,
        [leaf.indicatorId]: {
          passed: leaf.passed,
          note: `申诉复核调整${leaf.note ? `：${leaf.note}` : ''}`,
          ...(evidence ? { evidenceIds: evidence } : {}),
        },
      };
    }
  }
  if (Object.keys(c.metrics).length) inputs.metrics = { ...inputs.metrics, ...c.metrics };
  if (c.dropSourceIds.length) {
    const drop = new Set(c.dropSourceIds);
    inputs.records = inputs.records?.filter((r) => !drop.has(r.id));
    inputs.honours = inputs.honours?.filter((h) => !drop.has(h.id));
    inputs.penalties = inputs.penalties?.filter((p) => !drop.has(p.id));
  }
}

/** The metric keys a scheme's rules read, so metric sources fetch only those. */
export function metricKeysOf(compiled: CompiledScheme): string[] {
  const keys = new Set<string>();
  for (const template of compiled.templates.values()) {
    for (const node of template.nodes) {
      if (node.rule?.kind === 'metric' || node.rule?.kind === 'metric_ratio') keys.add(node.rule.metricKey);
    }
  }
  return [...keys];
}
