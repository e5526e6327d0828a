import { formatPoints } from './format.ts';
import { toCents } from './rounding.ts';
import type { Grading } from './scheme.schemas.ts';
import type { TieBreak } from './scheme-constants.ts';

export type RankingEntry = {
  unitId: string;
  total: number;
  baseScore: number;
  bonus: number;
  deductions: number;
  /** Best grade allowed after a veto (一票否决); null when none. */
  gradeCap: string | null;
};

export type RankedUnit = RankingEntry & { rank: number };

export type GradedUnit = RankedUnit & {
  /** The ranking group (组别) the rank and quotas are counted in; '' when the round ranks all units together. */
  group: string;
  /** Grade from the score bands alone. */
  bandGrade: string;
  grade: string;
  /** Why the grade differs from bandGrade, in order applied. */
  gradeNotes: string[];
};

/** The figures ranking needs from a unit's score (see score-unit.ts). */
export function toRankingEntry(
  unitId: string,
  score: {
    total: number;
    baseScore: number;
    bonus: { awarded: number };
    deductions: { applied: number };
    gradeCap: string | null;
  },
): RankingEntry {
  return {
    unitId,
    total: score.total,
    baseScore: score.baseScore,
    bonus: score.bonus.awarded,
    deductions: score.deductions.applied,
    gradeCap: score.gradeCap,
  };
}

/** Total descending, then the configured tie-breaks; 0 means a true tie (shared rank). */
export function compareEntries(a: RankingEntry, b: RankingEntry, tieBreak: readonly TieBreak[]): number {
  const byTotal = toCents(b.total) - toCents(a.total);
  if (byTotal !== 0) return byTotal;
  for (const key of tieBreak) {
    const diff =
      key === 'base_score_desc'
        ? toCents(b.baseScore) - toCents(a.baseScore)
        : key === 'bonus_desc'
          ? toCents(b.bonus) - toCents(a.bonus)
          : toCents(a.deductions) - toCents(b.deductions);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Standard competition ranking (1, 2, 2, 4): units equal on the total and every tie-break share a rank.
 * Within a shared rank the list is ordered by unit id, only so that output is stable.
 */
export function rankUnits(entries: readonly RankingEntry[], tieBreak: readonly TieBreak[]): RankedUnit[] {
  const sorted = [...entries].sort(
    (a, b) => compareEntries(a, b, tieBreak) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  const ranked: RankedUnit[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const isTied = previous !== undefined && compareEntries(previous, entry, tieBreak) === 0;
    ranked.push({ ...entry, rank: isTied ? previous.rank : i + 1 });
  });
  return ranked;
}

/** The grade of the first band whose minimum the score reaches; below all bands, the last grade. */
export function gradeByBands(total: number, bands: Grading['bands']): string {
  const cents = toCents(total);
  for (const band of bands) if (cents >= toCents(band.minScore)) return band.grade;
  return bands[bands.length - 1]!.grade;
}

/**
 * Grades in three steps: score bands; then vetoes cap the grade; then quotas, best grade first.
 * A quota allows floor(n × maxShare) units, n being all units ranked together (one group). Units beyond it drop to the
 * next grade, lowest ranked first, and may cascade into that grade's quota.
 * Ties at the quota boundary: units sharing the rank that straddles the limit all drop together, so a quota
 * is never exceeded and equal units are never split by an arbitrary key (the quota may be under-filled).
 */
export function assignGrades(ranked: readonly RankedUnit[], grading: Grading, group = ''): GradedUnit[] {
  const order = grading.bands.map((b) => b.grade);
  const graded: GradedUnit[] = ranked.map((unit) => {
    const bandGrade = gradeByBands(unit.total, grading.bands);
    const notes: string[] = [];
    let index = order.indexOf(bandGrade);
    const capIndex = unit.gradeCap === null ? -1 : order.indexOf(unit.gradeCap);
    if (capIndex > index) {
      notes.push(`因一票否决，等次由“${bandGrade}”调整为“${order[capIndex]}”`);
      index = capIndex;
    }
    return { ...unit, group, bandGrade, grade: order[index]!, gradeNotes: notes };
  });
  const n = graded.length;
  for (let g = 0; g < order.length - 1; g++) {
    const grade = order[g]!;
    const quota = grading.quotas.find((q) => q.grade === grade);
    if (!quota) continue;
    const limit = Math.floor(n * quota.maxShare + 1e-9);
    const holders = graded.filter((u) => u.grade === grade);
    if (holders.length <= limit) continue;
    let keep = limit;
    while (keep > 0 && holders[keep - 1]!.rank === holders[keep]!.rank) keep--;
    const next = order[g + 1]!;
    const share = `${formatPoints(quota.maxShare * 100)}%`;
    const scope = group ? `${groupLabel(group)}${n}个单位限${limit}个` : `${n}个单位限${limit}个`;
    for (const unit of holders.slice(keep)) {
      const isBoundaryTie = keep < limit && unit.rank === holders[keep]!.rank;
      const tie = isBoundaryTie ? '；与名额边界单位同分，同分单位一并调整' : '';
      unit.gradeNotes.push(
        `“${grade}”等次不超过${share}（${scope}），${group ? '组内' : ''}排名第${unit.rank}，调整为“${next}”${tie}`,
      );
      unit.grade = next;
    }
  }
  return graded;
}

/** How a group is named in sentences: "乡镇街道" → "乡镇街道组"; a name already ending in 组 is kept. */
export const groupLabel = (group: string) => (group.endsWith('组') ? group : `${group}组`);

/** A unit's placing in words: "乡镇街道组第2名，良好" (or "第2名，良好" when the round ranks all units together). */
export const placingText = (group: string, rank: number, grade: string) =>
  `${group ? groupLabel(group) : ''}第${rank}名，${grade}`;

/** Rank then grade a group of units assessed together (one unit type, one scheme). */
export function rankAndGrade(entries: readonly RankingEntry[], grading: Grading, group = ''): GradedUnit[] {
  return assignGrades(rankUnits(entries, grading.tieBreak), grading, group);
}
