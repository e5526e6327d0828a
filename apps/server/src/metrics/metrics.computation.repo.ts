import type { AggregateComputation, FieldFilter } from '@fazhi/core/metrics/definitions';
import { literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

/** One filter as SQL text on the source row `r`; `periodEnd` (exclusive, YYYY-MM-DD) for period-bound filters. */
export function filterSql(adapter: SourceAdapter, filter: FieldFilter, periodEnd?: string): string {
  switch (filter.op) {
    case 'eq':
      return `${adapter.text(filter.field)} = ${literal(String(filter.value))}`;
    case 'ne':
      return `${adapter.text(filter.field)} is distinct from ${literal(String(filter.value))}`;
    case 'in':
      return `${adapter.text(filter.field)} in (${filter.values.map((v) => literal(String(v))).join(', ')})`;
    case 'gt':
      return `${adapter.number(filter.field)} > ${literal(filter.value)}`;
    case 'gte':
      return `${adapter.number(filter.field)} >= ${literal(filter.value)}`;
    case 'lt':
      return `${adapter.number(filter.field)} < ${literal(filter.value)}`;
    case 'lte':
      return `${adapter.number(filter.field)} <= ${literal(filter.value)}`;
    case 'present':
      return `coalesce(${adapter.text(filter.field)}, '') <> ''`;
    case 'true':
      return `${adapter.text(filter.field)} = 'true'`;
    case 'in_force': {
      if (!periodEnd) throw new Error(`in_force on ${filter.field} needs the period (distinct metrics only)`);
      return `(coalesce(${adapter.text(filter.field)}, '') = '' or ${adapter.date(filter.field)} >= ${literal(periodEnd)}::date - 1)`;
    }
    case 'has': {
      if (!adapter.list) throw new Error(`${adapter.name} has no multi-select field ${filter.field}`);
      return `coalesce(${adapter.list(filter.field)} @> jsonb_build_array(${literal(filter.value)}::text), false)`;
    }
  }
}

/** Every condition a row must meet to count for the computation (source, filters, a date to place it). */
export function conditionSql(adapter: SourceAdapter, c: AggregateComputation, periodEnd?: string): string {
  return [
    adapter.where,
    ...(c.filters ?? []).map((f) => filterSql(adapter, f, periodEnd)),
    `${dateSql(adapter, c)} is not null`,
  ]
    .map((s) => `(${s})`)
    .join(' and ');
}

export function dateSql(adapter: SourceAdapter, c: AggregateComputation): string {
  return adapter.date(c.dateField);
}

/** What one row contributes: 1 for a count, the field for a sum (distinct is not additive: raw path only). */
export function contributionSql(adapter: SourceAdapter, c: AggregateComputation): string {
  if (c.kind === 'sum') return `coalesce(${adapter.number(c.field)}, 0)`;
  return '1';
}
