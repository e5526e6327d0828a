import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinLedgers } from './builtin/index.ts';
import { inputFields, type LedgerDefinition, type LedgerField } from './definition.ts';
import { idNumberCheckChar } from './id-number.ts';
import { buildFastRowCheck } from './row-fast-check.ts';
import { buildRowSchema } from './row-schema.ts';

const twinKinds: string[] = [
  'text',
  'person_name',
  'number',
  'money',
  'date',
  'enum',
  'boolean',
  'org',
  'attachment',
  'id_number',
  'phone',
];
const blank = fc.constantFrom(undefined, null, '', '   ');
const junk = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.double(), fc.boolean(), blank);
const validId = fc.integer({ min: 0, max: 9999 }).map((n) => {
  const head = `51082119850301${String(n).padStart(3, '0')}`;
  return head + idNumberCheckChar(head);
});
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Values a parsed spreadsheet cell can hand over for a field: mostly valid ones, some near misses and junk. */
function valueFor(f: LedgerField): fc.Arbitrary<unknown> {
  const [valid, nearMiss]: [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>] = (() => {
    switch (f.kind) {
      case 'text':
      case 'person_name':
        return [
          fc.string({ minLength: 1, maxLength: 8 }).map((s) => ` ${s}x `),
          fc.string({ minLength: 199, maxLength: 210 }),
        ];
      case 'number':
        return [
          fc.integer({ min: f.min ?? 0, max: f.max ?? 500 }),
          fc.oneof(fc.double({ min: -5, max: 500, noNaN: true }), fc.constant(Number.NaN), fc.constant(-1)),
        ];
      case 'money':
        return [fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(1.5, -3, 2e15)];
      case 'date':
        return [
          day,
          fc.oneof(
            fc.constant('2026-02-30'),
            day.map((d) => ` ${d}`),
          ),
        ];
      case 'enum':
        return [fc.constantFrom(...(f.options ?? []).map((o) => o.key)), fc.constant('nope')];
      case 'boolean':
        return [fc.boolean(), fc.constant('true')];
      case 'org':
      case 'attachment':
        return [fc.integer({ min: 1, max: 50 }), fc.constantFrom(1.5, 0, -2)];
      case 'id_number':
        return [
          fc.oneof(
            validId,
            validId.map((v) => ` ${v.toLowerCase()} `),
          ),
          fc.constant('510821198503011234'),
        ];
      case 'phone':
        return [
          fc.constantFrom('13800138000', ' 0839-1234567 ', '138 0013 8000', '+8613800138000'),
          fc.constant('12345'),
        ];
      default:
        return [junk, junk];
    }
  })();
  return fc.oneof(
    { arbitrary: valid, weight: 20 },
    { arbitrary: blank, weight: f.required ? 1 : 4 },
    { arbitrary: nearMiss, weight: 1 },
    { arbitrary: junk, weight: 1 },
  );
}

const rowFor = (def: LedgerDefinition) =>
  fc.record(Object.fromEntries(inputFields(def).map((f) => [f.key, valueFor(f)])), { requiredKeys: [] });

describe('fast row check (accept-only twin of the row schema)', () => {
  for (const def of builtinLedgers) {
    it(`${def.name}: accepts exactly the rows the schema accepts, with the same stored data`, () => {
      const fast = buildFastRowCheck(def);
      if (!fast) {
        // Only a kind the twin does not know (added since) sends a whole type to the schema.
        expect(inputFields(def).some((f) => !twinKinds.includes(f.kind))).toBe(true);
        return;
      }
      const schema = buildRowSchema(def);
      let accepted = 0;
      fc.assert(
        fc.property(rowFor(def), (input) => {
          const parsed = schema.safeParse(input);
          const quick = fast(input as Record<string, unknown>);
          if (parsed.success) {
            accepted++;
            expect(quick).toEqual(parsed.data);
          } else expect(quick).toBeNull();
        }),
        { numRuns: 600 },
      );
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it('a definition with a field kind it does not know leaves every row to the schema', () => {
    const def = builtinLedgers[0]!;
    const odd = { ...def, fields: [...def.fields, { ...def.fields[0]!, key: 'odd_kind', kind: 'tags' }] };
    expect(buildFastRowCheck(odd as unknown as LedgerDefinition)).toBeNull();
  });
});

describe('行政复议 60-day clock with absurd input', () => {
  it('refuses a suspension of millions of days with a message naming the field instead of throwing', () => {
    const def = builtinLedgers.find((d) => d.key === 'reconsideration_case')!;
    const row = {
      case_no: '复-1',
      applicant: '张三',
      respondent: '区市场监督管理局',
      matter: 'penalty',
      received_date: '2026-01-05',
      acceptance: 'pending',
      accepted_date: '2026-01-06',
      suspended_days: 2244591833200359,
    };
    const parsed = buildRowSchema(def).safeParse(row);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('中止天数');
    expect(buildFastRowCheck(def)!(row)).toBeNull();
  });
});
