import { combineSortedValues } from '@fazhi/core/assessment/assessors';
import type { Aggregation } from '@fazhi/core/assessment/scheme.schemas';
import type { Honour } from '@fazhi/core/assessment/unit-inputs.schemas';
import type { EntryRow, FactRow, GatheredUnit, ReviewRow } from './assessment.inputs.service.ts';
import { factSourceId } from './assessment.inputs.service.ts';

/*
 * Inputs for bulk scoring (a province's rounds at once): the same figures as gatherInputs/buildEntryContributions
 * at stage review, without notes, evidence or source titles, which only explanations read. A unit that views its
 * score is re-scored through gatherInputs with every explanation; a server test checks both give the same totals.
 */

const scratch: number[] = [0];

/** Self checks, then the assessors' scores combined by the scheme's aggregation and their pass/fail verdicts. */
export function addReviewEntriesBulk(
  units: ReadonlyMap<number, GatheredUnit>,
  selfRows: readonly EntryRow[],
  reviewRows: readonly ReviewRow[],
  aggregation: Aggregation,
) {
  for (const r of selfRows) {
    if (r.passed === null) continue;
    const unit = units.get(r.org_id);
    if (!unit) continue;
    unit.inputs.checks ??= {};
    unit.inputs.checks[r.indicator_id] = { passed: r.passed };
  }
  // Rows come grouped by unit; within a unit, values and verdicts are collected per indicator.
  let orgId = -1;
  let values = new Map<string, number | number[]>();
  let verdicts = new Map<string, number>();
  const flush = () => {
    const unit = units.get(orgId);
    if (!unit) return;
    if (values.size) {
      unit.inputs.manual ??= {};
      for (const [indicatorId, v] of values) {
        let sorted: number[];
        if (typeof v === 'number') {
          scratch[0] = v;
          sorted = scratch;
        } else {
          sorted = v.sort((a, b) => a - b);
        }
        const value = combineSortedValues(sorted, aggregation);
        if (value !== null) unit.inputs.manual[indicatorId] = { value };
      }
    }
    if (verdicts.size) {
      unit.inputs.checks ??= {};
      // A requirement passes when at least half of the assessors who judged it say so.
      for (const [indicatorId, balance] of verdicts) unit.inputs.checks[indicatorId] = { passed: balance >= 0 };
    }
  };
  for (const r of reviewRows) {
    if (r.org_id !== orgId) {
      flush();
      orgId = r.org_id;
      values = new Map();
      verdicts = new Map();
    }
    if (r.value !== null) {
      const seen = values.get(r.indicator_id);
      if (seen === undefined) values.set(r.indicator_id, r.value);
      else if (typeof seen === 'number') values.set(r.indicator_id, [seen, r.value]);
      else seen.push(r.value);
    }
    if (r.passed !== null) verdicts.set(r.indicator_id, (verdicts.get(r.indicator_id) ?? 0) + (r.passed ? 1 : -1));
  }
  flush();
}

/** One hand-entered fact into a unit's inputs, figures only (addFact also keeps its source for explanations). */
export function addFactBulk(unit: GatheredUnit, r: FactRow) {
  const into = unit.inputs;
  const count = r.count ?? undefined;
  switch (r.kind) {
    case 'metric':
      into.metrics ??= {};
      into.metrics[r.key] = r.value ?? 0;
      return;
    case 'record':
      into.records ??= [];
      into.records.push({
        id: factSourceId(r.id),
        kind: r.key,
        title: r.title,
        ...(r.indicator_id ? { indicatorId: r.indicator_id } : {}),
        ...(count ? { count } : {}),
      });
      return;
    case 'honour':
      into.honours ??= [];
      into.honours.push({
        id: factSourceId(r.id),
        category: r.key as Honour['category'],
        level: (r.level ?? '区') as Honour['level'],
        title: r.title,
        ...(r.matter_id ? { matterId: r.matter_id } : {}),
      });
      return;
    default:
      into.penalties ??= [];
      into.penalties.push({
        id: factSourceId(r.id),
        kind: r.key,
        title: r.title,
        ...(r.level ? { level: r.level as Honour['level'] } : {}),
        ...(count ? { count } : {}),
      });
  }
}
