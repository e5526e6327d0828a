import { describe, expect, it } from 'vitest';
import { periodRange, periodSchema, previousYearPeriod } from './period.ts';

describe('period', () => {
  it('accepts the four period forms and rejects others with a Chinese message', () => {
    for (const p of ['2024', '2024-H1', '2024-Q3', '2024-03']) expect(periodSchema.safeParse(p).success).toBe(true);
    const bad = periodSchema.safeParse('2024-13');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('期间格式');
  });

  it('maps a quarter to its Shanghai-calendar range', () => {
    const { from, to } = periodRange('2024-Q3');
    expect(from.toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(to.toISOString()).toBe('2024-09-30T16:00:00.000Z');
  });

  it('a year spans twelve months and H2 starts in July', () => {
    expect(periodRange('2024').to.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(periodRange('2024-H2').from.toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(previousYearPeriod('2024-Q3')).toBe('2023-Q3');
  });
});
