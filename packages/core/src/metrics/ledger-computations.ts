import type { FieldFilter, MetricComputation, MetricSource } from './definitions.ts';

// Building blocks for modules' ledger metrics (`<module>/metrics.ts`), written once.

/** A ledger type as a metric's source. */
export const ledgerSource = (key: string): MetricSource => ({ kind: 'ledger', ledger: key });

/** Rows of a ledger dated within the period (a flow), optionally filtered. */
export const ledgerFlow = (key: string, ...filters: FieldFilter[]): MetricComputation => ({
  kind: 'count',
  source: ledgerSource(key),
  ...(filters.length ? { filters } : {}),
});

/** Rows of a ledger standing at the end of the period (a stock), optionally filtered. */
export const ledgerStock = (key: string, ...filters: FieldFilter[]): MetricComputation => ({
  kind: 'count',
  source: ledgerSource(key),
  window: 'cumulative',
  ...(filters.length ? { filters } : {}),
});
