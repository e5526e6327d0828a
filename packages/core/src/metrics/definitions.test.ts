import { describe, expect, it } from 'vitest';
import { builtinLedgers } from '../ledgers/builtin/index.ts';
import { reservedFieldKeys } from '../ledgers/definition.ts';
import { periodRange } from '../shared/period.ts';
import { metricKeys } from './catalogue.ts';
import { aggregateParts, ledgerComputations, metricComputations, registryByKey } from './definitions.ts';
import { periodDates, periodLabel } from './period-dates.ts';
import { computeRate } from './rate.ts';

describe('metric definitions', () => {
  it('read only built-in ledger types and their fields', () => {
    const byKey = new Map(builtinLedgers.map((d) => [d.key, d]));
    for (const { key, ledger, computation } of ledgerComputations()) {
      const def = byKey.get(ledger);
      expect(def, `${key} reads ledger ${ledger}`).toBeDefined();
      const fields = new Set([...def!.fields.map((f) => f.key), ...reservedFieldKeys]);
      const used = [
        ...(computation.filters ?? []).map((f) => f.field),
        ...(computation.kind === 'sum' || computation.kind === 'distinct' ? [computation.field] : []),
        ...(computation.dateField ? [computation.dateField] : []),
      ];
      for (const field of used) expect(fields.has(field), `${key}: ${ledger}.${field}`).toBe(true);
    }
  });

  it('uses period-bound filters (in force at the end) only in distinct metrics, on date fields', () => {
    const byKey = new Map(builtinLedgers.map((d) => [d.key, d]));
    for (const [key, c] of Object.entries(metricComputations)) {
      if (c.kind === 'rate' || c.kind === 'difference') continue;
      for (const f of c.filters ?? []) {
        if (f.op !== 'in_force') continue;
        expect(c.kind, key).toBe('distinct');
        if (c.source.kind === 'ledger')
          expect(byKey.get(c.source.ledger)?.fields.find((x) => x.key === f.field)?.kind, key).toBe('date');
      }
    }
  });

  it('compares enum filters against option keys the ledger defines', () => {
    const byKey = new Map(builtinLedgers.map((d) => [d.key, d]));
    for (const { key, ledger, computation } of ledgerComputations()) {
      for (const f of computation.filters ?? []) {
        const field = byKey.get(ledger)?.fields.find((x) => x.key === f.field);
        if (f.op === 'has') expect(field?.kind, `${key}: ${f.field} is a multi-select`).toBe('multi_enum');
        if (field?.kind !== 'enum' && field?.kind !== 'multi_enum') continue;
        const options = new Set(field.options?.map((o) => o.key));
        const values = f.op === 'in' ? f.values : f.op === 'eq' || f.op === 'ne' || f.op === 'has' ? [f.value] : [];
        for (const v of values) expect(options.has(String(v)), `${key}: ${f.field} = ${v}`).toBe(true);
      }
    }
  });

  it('builds every rate and difference from registered parts, and covers the catalogue', () => {
    for (const [key, c] of Object.entries(metricComputations)) {
      if (c.kind === 'rate') {
        expect(registryByKey.get(key)?.unit).toBe('%');
        expect(registryByKey.has(c.numerator) && registryByKey.has(c.denominator)).toBe(true);
      }
      expect(aggregateParts(key as never).every((p) => metricComputations[p] && registryByKey.has(p))).toBe(true);
    }
    for (const key of metricKeys) expect(registryByKey.has(key)).toBe(true);
  });
});

describe('periods as Shanghai calendar dates', () => {
  it('gives half-open date ranges and months', () => {
    expect(periodDates('2024')).toMatchObject({ from: '2024-01-01', to: '2025-01-01' });
    expect(periodDates('2024').months).toHaveLength(12);
    expect(periodDates('2024-H2')).toEqual({
      from: '2024-07-01',
      to: '2025-01-01',
      months: ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'],
    });
    expect(periodDates('2024-Q1')).toEqual({
      from: '2024-01-01',
      to: '2024-04-01',
      months: ['2024-01', '2024-02', '2024-03'],
    });
    expect(periodDates('2024-12')).toEqual({ from: '2024-12-01', to: '2025-01-01', months: ['2024-12'] });
  });

  it('reads an internal month range (same period last year)', () => {
    expect(periodDates('2025-01..2025-11')).toMatchObject({ from: '2025-01-01', to: '2025-12-01' });
    expect(periodDates('2025-01..2025-11').months).toHaveLength(11);
  });

  it('agrees with periodRange at Shanghai midnight', () => {
    for (const p of ['2024', '2024-H1', '2024-Q3', '2024-02', '2024-12']) {
      const { from, to } = periodRange(p);
      const dates = periodDates(p);
      // Shanghai midnight of the first day is 16:00 UTC of the day before.
      expect(new Date(from.getTime() + 8 * 3600_000).toISOString().slice(0, 10)).toBe(dates.from);
      expect(new Date(to.getTime() + 8 * 3600_000).toISOString().slice(0, 10)).toBe(dates.to);
    }
  });

  it('labels periods in Chinese', () => {
    expect(['2024', '2024-H1', '2024-Q3', '2024-03'].map(periodLabel)).toEqual([
      '2024年',
      '2024年上半年',
      '2024年第三季度',
      '2024年3月',
    ]);
  });
});

describe('rates from parts', () => {
  it('is a percent with one decimal, null with a Chinese note when undefined', () => {
    expect(computeRate(1, 3)).toEqual({ value: 33.3, note: null });
    expect(computeRate(0, 0)).toEqual({ value: null, note: '分母为 0，比率无意义' });
    expect(computeRate(null, 4).value).toBeNull();
  });
});
