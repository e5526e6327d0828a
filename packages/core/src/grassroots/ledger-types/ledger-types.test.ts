import { describe, expect, it } from 'vitest';
import { builtinLedgerKeys } from '../../ledgers/builtin/index.ts';
import { ledgerDefinitionSchema } from '../../ledgers/definition.ts';
import { facilityTypeInfo } from '../facilities.ts';
import { lawFacility, lawFacilityTypes } from './facilities.ts';
import { grassrootsLedgerSections, grassrootsLedgers } from './index.ts';

describe('grass-roots ledger types', () => {
  it.each(grassrootsLedgers.map((d) => [d.key, d] as const))('%s parses with the engine definition schema', (_, d) => {
    const parsed = ledgerDefinitionSchema.safeParse(JSON.parse(JSON.stringify(d)));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('have unique keys that do not clash with other built-in types', () => {
    const keys = grassrootsLedgers.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    const others = builtinLedgerKeys.filter((k) => !keys.includes(k));
    expect(keys.filter((k) => others.includes(k))).toEqual([]);
  });

  it('point sections at existing engine types for the facts the engine already keeps', () => {
    for (const s of grassrootsLedgerSections)
      for (const k of 'extra' in s ? s.extra : []) expect(builtinLedgerKeys).toContain(k);
  });

  it('offer every facility type except the 公共法律服务 platforms, with the core labels', () => {
    const field = lawFacility.fields.find((f) => f.key === 'facility_type')!;
    expect(field.options!.map((o) => o.label)).toEqual(lawFacilityTypes.map((t) => facilityTypeInfo[t].label));
    expect(lawFacilityTypes).toContain('reasoning_point');
    expect(lawFacilityTypes).not.toContain('pls_station');
  });
});
