import { describe, expect, it } from 'vitest';
import {
  examPassRate,
  functionsCompleteness,
  judicialOfficeFunctions,
  qualificationSummary,
  ratingInForce,
  ratingLabel,
  standardisationRatingSchema,
} from './judicial-office.ts';

describe('司法所 profile', () => {
  it('has ten default functions and names the missing ones', () => {
    expect(judicialOfficeFunctions).toHaveLength(10);
    const c = functionsCompleteness(judicialOfficeFunctions.filter((f) => f !== 'community_corrections'));
    expect(c).toEqual({ total: 10, performed: 9, missing: ['社区矫正'], isComplete: false });
    expect(functionsCompleteness([...judicialOfficeFunctions, 'unknown']).isComplete).toBe(true);
  });

  it('accepts a local checklist', () => {
    expect(
      functionsCompleteness(
        ['a'],
        [
          { code: 'a', label: '甲' },
          { code: 'b', label: '乙' },
        ],
      ).missing,
    ).toEqual(['乙']);
  });

  it('computes the qualified share of staff (全所11人，已通过7人) and a year’s exam pass rate', () => {
    const staff = [
      ...Array.from({ length: 7 }, (_, i) => ({ name: `甲${i}`, hasLegalQualification: true })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `乙${i}`, hasLegalQualification: false })),
    ];
    expect(qualificationSummary(staff)).toEqual({ staffCount: 11, qualifiedCount: 7, qualifiedShare: 7 / 11 });
    expect(qualificationSummary([]).qualifiedShare).toBeNull();
    const sat = [
      { name: '甲', hasLegalQualification: true, examAttempts: [{ year: 2020, passed: true }] },
      {
        name: '乙',
        hasLegalQualification: false,
        examAttempts: [
          { year: 2020, passed: false },
          { year: 2021, passed: false },
        ],
      },
      { name: '丙', hasLegalQualification: false },
    ];
    expect(examPassRate(sat, 2020)).toEqual({ sat: 2, passed: 1, rate: 0.5 });
    expect(examPassRate(sat, 2019)).toEqual({ sat: 0, passed: 0, rate: null });
  });

  it('picks the rating in force and labels it', () => {
    const ratings = [
      { year: 2021, level: 'city' as const, stars: 4 },
      { year: 2023, level: 'county' as const, stars: 5 },
      { year: 2023, level: 'province' as const, stars: 5 },
    ];
    expect(ratingInForce(ratings, 2022)).toEqual(ratings[0]);
    const current = ratingInForce(ratings, 2024);
    expect(current && ratingLabel(current)).toBe('2023年省级五星级司法所');
    expect(ratingInForce(ratings, 2020)).toBeNull();
    expect(
      standardisationRatingSchema.safeParse({ year: 2023, level: 'province', stars: 6 }).error?.issues[0]?.message,
    ).toBe('星级为1至5星');
  });
});
