import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidDate } from './id-number.ts';

/** The definition the arithmetic version replaced: a round trip through the JS Date (UTC). */
const viaDate = (iso: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isValidDate', () => {
  it('agrees with the Date round trip on every day-shaped string', () => {
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(shaped, (iso) => {
        expect(isValidDate(iso)).toBe(viaDate(iso));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on every day of leap and century years, and on near misses', () => {
    for (const year of [0, 1900, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const iso = `${pad(year, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isValidDate(iso), iso).toBe(viaDate(iso));
        }
    for (const s of [
      '2025-3-01',
      ' 2025-03-01',
      '2025-03-01 ',
      '２０２５-03-01',
      '2025/03/01',
      '20250301',
      '',
      '2025-03-0a',
    ])
      expect(isValidDate(s), s).toBe(viaDate(s));
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
  });
});
