import { LEGISLATURE_LEVELS, type LegislatureLevel, shanghaiDate } from './consultation-window.ts';
import type { AdoptionDecision, ModerationStatus, OpinionStatus } from './opinion-lifecycle.ts';

// Counting rules behind the metrics consultation.drafts / .opinions / .adopted (seed 001: "68部…意见建议1094条，
// 其中148条被采纳"):
// - drafts: distinct drafts a point opened for comment, in the year the window opened;
// - opinions: every submission collected, in the year it was submitted, except those that failed moderation;
//   a merged duplicate still counts, because a person did give it;
// - adopted: 采纳 plus 部分采纳, counted in the submission year; a merged duplicate is not counted again, its
//   adoption is recorded once on the opinion it was merged into.

export type ConsultationForStats = {
  draftId: string;
  pointId: string;
  /** 'YYYY-MM-DD', Asia/Shanghai */
  opensOn: string;
  legislatureLevel: LegislatureLevel;
};

export type OpinionForStats = {
  pointId: string;
  submittedAt: Date;
  status: OpinionStatus;
  moderation: ModerationStatus;
  decision: AdoptionDecision | null;
};

export type ConsultationStatsRow = {
  pointId: string;
  year: number;
  drafts: number;
  draftsByLevel: Record<LegislatureLevel, number>;
  opinions: number;
  /** 采纳 + 部分采纳 */
  adopted: number;
  fullyAdopted: number;
  partlyAdopted: number;
  rejected: number;
  /** Opinions whose submitter has been told the result (已反馈). */
  answered: number;
};

/** Whether an opinion counts as adopted in the figures: 采纳 and 部分采纳 both do. */
export function isCountedAsAdopted(opinion: Pick<OpinionForStats, 'status' | 'decision'>): boolean {
  return opinion.status !== 'merged' && (opinion.decision === 'adopted' || opinion.decision === 'partly_adopted');
}

type Bucket = ConsultationStatsRow & { draftIds: Map<string, LegislatureLevel> };

function emptyBucket(pointId: string, year: number): Bucket {
  return {
    pointId,
    year,
    drafts: 0,
    draftsByLevel: { national: 0, provincial: 0, municipal: 0 },
    opinions: 0,
    adopted: 0,
    fullyAdopted: 0,
    partlyAdopted: 0,
    rejected: 0,
    answered: 0,
    draftIds: new Map(),
  };
}

/**
 * Per point and year counts. With `parentOf`, every figure also counts towards each ancestor point (a 立法议事小院
 * towards its 联系点), drafts deduplicated so a draft consulted by a point and its 小院 counts once.
 */
export function consultationStats(input: {
  consultations: readonly ConsultationForStats[];
  opinions: readonly OpinionForStats[];
  parentOf?: (pointId: string) => string | null;
}): ConsultationStatsRow[] {
  const buckets = new Map<string, Bucket>();
  const chainOf = (pointId: string) => {
    const chain = [pointId];
    const seen = new Set(chain);
    for (let p = input.parentOf?.(pointId) ?? null; p !== null && !seen.has(p); p = input.parentOf?.(p) ?? null) {
      chain.push(p);
      seen.add(p);
    }
    return chain;
  };
  const bucketsFor = (pointId: string, year: number) =>
    chainOf(pointId).map((id) => {
      const key = `${id}\u0000${year}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = emptyBucket(id, year);
        buckets.set(key, bucket);
      }
      return bucket;
    });

  for (const c of input.consultations) {
    for (const bucket of bucketsFor(c.pointId, Number(c.opensOn.slice(0, 4))))
      bucket.draftIds.set(c.draftId, c.legislatureLevel);
  }
  for (const o of input.opinions) {
    if (o.moderation === 'blocked') continue;
    const year = Number(shanghaiDate(o.submittedAt).slice(0, 4));
    for (const bucket of bucketsFor(o.pointId, year)) {
      bucket.opinions += 1;
      if (o.status === 'answered') bucket.answered += 1;
      if (o.status === 'merged') continue;
      if (isCountedAsAdopted(o)) bucket.adopted += 1;
      if (o.decision === 'adopted') bucket.fullyAdopted += 1;
      if (o.decision === 'partly_adopted') bucket.partlyAdopted += 1;
      if (o.decision === 'rejected') bucket.rejected += 1;
    }
  }
  return [...buckets.values()]
    .map(({ draftIds, ...row }) => {
      for (const level of draftIds.values()) row.draftsByLevel[level] += 1;
      return { ...row, drafts: draftIds.size };
    })
    .sort((a, b) => a.pointId.localeCompare(b.pointId) || a.year - b.year);
}

/** Sums rows (e.g. all years of one point). Drafts are summed too: pass rows that do not share drafts. */
export function sumConsultationStats(
  rows: readonly ConsultationStatsRow[],
): Omit<ConsultationStatsRow, 'pointId' | 'year'> {
  const total = emptyBucket('', 0);
  for (const row of rows) {
    total.drafts += row.drafts;
    for (const level of LEGISLATURE_LEVELS) total.draftsByLevel[level] += row.draftsByLevel[level];
    total.opinions += row.opinions;
    total.adopted += row.adopted;
    total.fullyAdopted += row.fullyAdopted;
    total.partlyAdopted += row.partlyAdopted;
    total.rejected += row.rejected;
    total.answered += row.answered;
  }
  const { pointId: _p, year: _y, draftIds: _d, ...sums } = total;
  return sums;
}

/** 采纳率 in percent with one decimal (148 / 1094 → 13.5); null when there were no opinions. */
export function adoptionRate(row: Pick<ConsultationStatsRow, 'adopted' | 'opinions'>): number | null {
  if (row.opinions === 0) return null;
  return Math.round((row.adopted / row.opinions) * 1000) / 10;
}
