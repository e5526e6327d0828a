import { describe, expect, it } from 'vitest';
import { builtinLedger } from '../ledgers/builtin/index.ts';
import { fieldByKey, reservedFieldKeys } from '../ledgers/definition.ts';
import { registryByKey } from '../metrics/definitions.ts';
import { tableSources } from '../metrics/sources.ts';
import {
  grassrootsComputations,
  grassrootsDashboardMetrics,
  grassrootsMetrics,
  townshipReportMetrics,
} from './metrics.ts';

describe('grass-roots metrics', () => {
  it('are in the registry with a computation', () => {
    for (const m of grassrootsMetrics) expect(registryByKey.get(m.key)?.computation).not.toBeNull();
    for (const k of [...townshipReportMetrics, ...grassrootsDashboardMetrics]) expect(registryByKey.has(k)).toBe(true);
  });

  it('read ledger types and fields that exist, with the kind each filter needs', () => {
    for (const [key, c] of Object.entries(grassrootsComputations)) {
      if (c.kind === 'rate') {
        expect(registryByKey.has(c.numerator), key).toBe(true);
        expect(registryByKey.has(c.denominator), key).toBe(true);
        continue;
      }
      if (c.kind === 'difference') {
        expect(registryByKey.has(c.minuend), key).toBe(true);
        expect(registryByKey.has(c.subtrahend), key).toBe(true);
        continue;
      }
      if (c.source.kind === 'table') {
        const fields = Object.keys(tableSources[c.source.table].fields);
        for (const f of c.filters ?? []) expect(fields, `${key} ${f.field}`).toContain(f.field);
        if (c.kind === 'sum') expect(fields, key).toContain(c.field);
        continue;
      }
      const def = c.source.kind === 'ledger' ? builtinLedger(c.source.ledger) : undefined;
      expect(def, key).toBeDefined();
      if (c.kind === 'sum') expect(fieldByKey(def!, c.field)?.kind, key).toBe('number');
      for (const f of c.filters ?? []) {
        if (reservedFieldKeys.includes(f.field)) continue;
        const field = fieldByKey(def!, f.field);
        expect(field, `${key} ${f.field}`).toBeDefined();
        if (f.op === 'has') {
          expect(field!.kind).toBe('multi_enum');
          expect(field!.options!.map((o) => o.key)).toContain(f.value);
        }
        if (f.op === 'true') expect(field!.kind).toBe('boolean');
        if (f.op === 'in') for (const v of f.values) expect(field!.options!.map((o) => o.key)).toContain(v);
      }
    }
  });
});
