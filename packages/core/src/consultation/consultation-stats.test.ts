import { describe, expect, it } from 'vitest';
import {
  adoptionRate,
  type ConsultationForStats,
  consultationStats,
  isCountedAsAdopted,
  type OpinionForStats,
  sumConsultationStats,
} from './consultation-stats.ts';

function opinion(partial: Partial<OpinionForStats> = {}): OpinionForStats {
  return {
    pointId: 'point',
    submittedAt: new Date('2024-05-10T02:00:00Z'),
    status: 'answered',
    moderation: 'approved',
    decision: null,
    ...partial,
  };
}

function consultation(partial: Partial<ConsultationForStats> = {}): ConsultationForStats {
  return { draftId: 'd1', pointId: 'point', opensOn: '2024-05-01', legislatureLevel: 'national', ...partial };
}

const parentOf = (id: string) => (id.startsWith('yard') ? 'point' : null);

describe('consultation stats', () => {
  it('counts 采纳 and 部分采纳 as adopted, not 未采纳 or merged duplicates', () => {
    expect(isCountedAsAdopted({ status: 'answered', decision: 'adopted' })).toBe(true);
    expect(isCountedAsAdopted({ status: 'partly_adopted', decision: 'partly_adopted' })).toBe(true);
    expect(isCountedAsAdopted({ status: 'rejected', decision: 'rejected' })).toBe(false);
    expect(isCountedAsAdopted({ status: 'merged', decision: 'adopted' })).toBe(false);
  });

  it('counts per point and year, in Shanghai time', () => {
    const rows = consultationStats({
      consultations: [
        consultation(),
        consultation({ draftId: 'd2', opensOn: '2025-01-05', legislatureLevel: 'provincial' }),
      ],
      opinions: [
        opinion({ decision: 'adopted' }),
        opinion({ decision: 'partly_adopted' }),
        opinion({ decision: 'rejected' }),
        opinion({ status: 'merged', decision: null }),
        opinion({ status: 'submitted', moderation: 'blocked' }),
        opinion({ status: 'submitted', moderation: 'pending_review' }),
        // 2024-12-31 16:30 UTC is already 2025-01-01 in Shanghai.
        opinion({ submittedAt: new Date('2024-12-31T16:30:00Z'), decision: 'adopted' }),
      ],
    });
    expect(rows).toEqual([
      {
        pointId: 'point',
        year: 2024,
        drafts: 1,
        draftsByLevel: { national: 1, provincial: 0, municipal: 0 },
        opinions: 5,
        adopted: 2,
        fullyAdopted: 1,
        partlyAdopted: 1,
        rejected: 1,
        answered: 3,
      },
      {
        pointId: 'point',
        year: 2025,
        drafts: 1,
        draftsByLevel: { national: 0, provincial: 1, municipal: 0 },
        opinions: 1,
        adopted: 1,
        fullyAdopted: 1,
        partlyAdopted: 0,
        rejected: 0,
        answered: 1,
      },
    ]);
  });

  it('rolls 立法议事小院 up into their point without counting a shared draft twice', () => {
    const rows = consultationStats({
      consultations: [
        consultation(),
        consultation({ pointId: 'yard-1' }),
        consultation({ pointId: 'yard-2', draftId: 'd3' }),
      ],
      opinions: [opinion({ pointId: 'yard-1', decision: 'adopted' }), opinion({ pointId: 'yard-2' }), opinion()],
      parentOf,
    });
    const byPoint = Object.fromEntries(rows.map((r) => [r.pointId, [r.drafts, r.opinions, r.adopted]]));
    expect(byPoint).toEqual({ point: [2, 3, 1], 'yard-1': [1, 1, 1], 'yard-2': [1, 1, 0] });
  });

  it('survives a cycle in the point tree', () => {
    const rows = consultationStats({
      consultations: [consultation({ pointId: 'a' })],
      opinions: [],
      parentOf: (id) => (id === 'a' ? 'b' : 'a'),
    });
    expect(rows.map((r) => r.pointId)).toEqual(['a', 'b']);
  });

  it('reproduces the seed figures: 68 drafts, 1094 opinions, 148 adopted', () => {
    const consultations = Array.from({ length: 68 }, (_, i) =>
      consultation({ draftId: `d${i}`, legislatureLevel: (['national', 'provincial', 'municipal'] as const)[i % 3]! }),
    );
    const opinions = Array.from({ length: 1094 }, (_, i) =>
      opinion({ decision: i < 100 ? 'adopted' : i < 148 ? 'partly_adopted' : 'rejected' }),
    );
    const [row] = consultationStats({ consultations, opinions });
    expect(row).toMatchObject({ drafts: 68, opinions: 1094, adopted: 148, fullyAdopted: 100, partlyAdopted: 48 });
    expect(adoptionRate(row!)).toBe(13.5);
    expect(sumConsultationStats([row!, row!])).toMatchObject({ drafts: 136, opinions: 2188, adopted: 296 });
  });

  it('has no adoption rate without opinions', () => {
    expect(adoptionRate({ adopted: 0, opinions: 0 })).toBeNull();
  });
});
