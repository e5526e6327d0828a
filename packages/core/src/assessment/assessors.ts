import { formatPoints } from './format.ts';
import { fromCents, toCents } from './rounding.ts';
import type { Aggregation } from './scheme.schemas.ts';
import type { ManualInput } from './unit-inputs.schemas.ts';

export type AssessorScore = { assessorId: string; value: number; note?: string; evidenceIds?: string[] };

export type CombinedScore = {
  /** Rounded half up to 2 decimals; null when nobody scored. */
  value: number | null;
  method: Aggregation['method'];
  used: AssessorScore[];
  dropped: AssessorScore[];
  explanation: string;
};

const METHOD_LABELS: Record<Aggregation['method'], string> = {
  mean: '取平均分',
  trimmed_mean: '去掉一个最高分和一个最低分后取平均分',
  median: '取中位数',
};

/**
 * Combine several assessors' scores for one indicator. Trimmed mean drops one highest and one lowest
 * only when at least trimMinCount assessors scored, otherwise it falls back to the plain mean.
 * Equal values are ordered by assessor id, so the same sheets always drop the same people.
 */
export function combineAssessorScores(scores: readonly AssessorScore[], aggregation: Aggregation): CombinedScore {
  const sorted = [...scores].sort((a, b) => a.value - b.value || (a.assessorId < b.assessorId ? -1 : 1));
  const n = sorted.length;
  const value = combineSortedValues(
    sorted.map((s) => s.value),
    aggregation,
  );
  if (value === null) {
    return { value: null, method: aggregation.method, used: [], dropped: [], explanation: '尚无考核人员评分' };
  }
  const list = sorted.map((s) => formatPoints(s.value)).join('、');
  if (aggregation.method === 'median') {
    return {
      value,
      method: 'median',
      used: sorted,
      dropped: [],
      explanation: `${n}名考核人员评分${list}，${METHOD_LABELS.median}${formatPoints(value)}分`,
    };
  }
  const isTrimmed = isTrimmedBy(aggregation, n);
  const used = isTrimmed ? sorted.slice(1, -1) : sorted;
  const dropped = isTrimmed ? [sorted[0]!, sorted[n - 1]!] : [];
  let how = METHOD_LABELS.mean;
  if (isTrimmed) {
    how = `去掉一个最高分${formatPoints(sorted[n - 1]!.value)}、一个最低分${formatPoints(sorted[0]!.value)}后取平均分`;
  } else if (aggregation.method === 'trimmed_mean') {
    how = `不足${aggregation.trimMinCount}人，不去极值，取平均分`;
  }
  return {
    value,
    method: isTrimmed ? 'trimmed_mean' : 'mean',
    used,
    dropped,
    explanation: `${n}名考核人员评分${list}，${how}${formatPoints(value)}分`,
  };
}

const isTrimmedBy = (aggregation: Aggregation, n: number) =>
  aggregation.method === 'trimmed_mean' && n >= Math.max(3, aggregation.trimMinCount);

/**
 * The combined value alone, rounded half up to 2 decimals, from scores sorted ascending (null when there are none).
 * combineAssessorScores explains this value; bulk scoring calls it directly, so both always agree.
 */
export function combineSortedValues(sorted: readonly number[], aggregation: Aggregation): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (aggregation.method === 'median') {
    const mid = Math.floor(n / 2);
    return fromCents(toCents(n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2));
  }
  const isTrimmed = isTrimmedBy(aggregation, n);
  const from = isTrimmed ? 1 : 0;
  const to = isTrimmed ? n - 1 : n;
  let sum = 0;
  for (let i = from; i < to; i++) sum += sorted[i]!;
  return fromCents(toCents(sum / (to - from)));
}

/** One assessor's sheet: indicator id → score. */
export type AssessorSheet = { assessorId: string; scores: Record<string, Omit<AssessorScore, 'assessorId'>> };

/** Combine whole sheets into the manual inputs of scoreUnit; each carries its combination as the basis. */
export function combineAssessorSheets(
  sheets: readonly AssessorSheet[],
  aggregation: Aggregation,
): Record<string, ManualInput> {
  const byIndicator = new Map<string, AssessorScore[]>();
  for (const sheet of sheets) {
    for (const [indicatorId, score] of Object.entries(sheet.scores)) {
      const list = byIndicator.get(indicatorId) ?? [];
      list.push({ ...score, assessorId: sheet.assessorId });
      byIndicator.set(indicatorId, list);
    }
  }
  const manual: Record<string, ManualInput> = {};
  for (const [indicatorId, scores] of byIndicator) {
    const combined = combineAssessorScores(scores, aggregation);
    if (combined.value === null) continue;
    const evidenceIds = [...new Set(scores.flatMap((s) => s.evidenceIds ?? []))].sort();
    const notes = combined.used.flatMap((s) => (s.note ? [s.note] : []));
    manual[indicatorId] = {
      value: combined.value,
      basis: combined.explanation,
      ...(notes.length ? { note: [...new Set(notes)].join('；') } : {}),
      ...(evidenceIds.length ? { evidenceIds } : {}),
    };
  }
  return manual;
}
