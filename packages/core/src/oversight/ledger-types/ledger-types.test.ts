import { describe, expect, it } from 'vitest';
import { builtinLedger } from '../../ledgers/builtin/index.ts';
import { isPersonalField, ledgerDefinitionSchema } from '../../ledgers/definition.ts';
import { registryByKey } from '../../metrics/definitions.ts';
import { oversightMetrics } from '../metrics.ts';
import { oversightLedgers } from './index.ts';

describe('信访、政务公开 and legal-service ledger types', () => {
  it.each(oversightLedgers.map((d) => [d.key, d] as const))('%s parses with the engine definition schema', (_, d) => {
    const parsed = ledgerDefinitionSchema.safeParse(JSON.parse(JSON.stringify(d)));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(builtinLedger(d.key)).toBe(d);
  });

  it('mark petitioners, applicants, complainants and released prisoners as personal', () => {
    const personal = (key: string) =>
      builtinLedger(key)!
        .fields.filter((f) => isPersonalField(f))
        .map((f) => f.key);
    expect(personal('petition_case')).toEqual(['petitioner', 'id_number', 'phone']);
    expect(personal('disclosure_request')).toEqual(['applicant', 'phone']);
    expect(personal('legal_service_complaint')).toEqual(['complainant', 'phone']);
    expect(personal('released_person')).toEqual(['name', 'id_number', 'phone']);
  });

  it('give every metric a computation, and the demo scheme’s 双公示 key a source', () => {
    for (const m of oversightMetrics) expect(registryByKey.get(m.key)?.computation, m.key).not.toBeNull();
    expect(registryByKey.get('disclosure.timely_rate')).toMatchObject({
      unit: '%',
      computation: { kind: 'rate', numerator: 'disclosure.dual_timely', denominator: 'disclosure.dual' },
    });
  });
});
