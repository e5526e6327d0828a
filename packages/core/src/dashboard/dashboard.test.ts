import { describe, expect, it } from 'vitest';
import { periodDates, periodLabel, sameDaysLastYear } from '../metrics/period-dates.ts';
import { runningMonth, throughLabel, yearComparison, yearOnYear } from './dashboard.ts';

describe('running periods (fixed clock)', () => {
  it('compares the running year with 1 January up to the same day of last year', () => {
    expect(yearComparison(2026, '2026-11-23')).toEqual({
      period: '2025-01-01..2025-11-23',
      label: '上年同期',
      through: '2026-11-23',
    });
    expect(throughLabel('2026-11-23')).toBe('截至11月23日');
    expect(periodDates('2025-01-01..2025-11-23')).toEqual({
      from: '2025-01-01',
      to: '2025-11-24',
      months: [
        '2025-01',
        '2025-02',
        '2025-03',
        '2025-04',
        '2025-05',
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
      ],
      partial: { from: '2025-11-01', to: '2025-11-24' },
    });
    expect(periodLabel('2025-01-01..2025-11-23')).toBe('2025年1月1日至11月23日');
  });

  it('compares a finished or future year with the whole year before', () => {
    expect(yearComparison(2025, '2026-11-23')).toEqual({ period: '2024', label: '上年', through: null });
    expect(yearComparison(2027, '2026-11-23')).toEqual({ period: '2026', label: '上年', through: null });
  });

  it('labels the running month 截至N日 and compares it with the same days of that month last year', () => {
    expect(runningMonth(2026, '2026-12-06')).toEqual({
      month: '2026-12',
      day: 6,
      label: '截至6日',
      previous: '2025-12-01..2025-12-06',
    });
    expect(periodDates('2025-12-01..2025-12-06')).toEqual({
      from: '2025-12-01',
      to: '2025-12-07',
      months: [],
      partial: { from: '2025-12-01', to: '2025-12-07' },
    });
    expect(periodLabel('2025-12-01..2025-12-06')).toBe('2025年12月1日至6日');
    expect(runningMonth(2025, '2026-12-06')).toBeNull();
  });

  it('falls back to 28 February for a leap day, and a month cut on its last day is whole', () => {
    expect(sameDaysLastYear('2028-02-29', 'year')).toBe('2027-01-01..2027-02-28');
    expect(periodDates('2027-01-01..2027-02-28')).toEqual({
      from: '2027-01-01',
      to: '2027-03-01',
      months: ['2027-01', '2027-02'],
    });
    expect(periodDates('2025-12-01..2025-12-31')).toEqual({
      from: '2025-12-01',
      to: '2026-01-01',
      months: ['2025-12'],
    });
  });

  it('states change in percent for counts and in points for rates', () => {
    expect(yearOnYear(12, 16, false)).toBe(-25);
    expect(yearOnYear(80.5, 90, true)).toBe(-9.5);
    expect(yearOnYear(3, 0, false)).toBeNull();
  });
});
