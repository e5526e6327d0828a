import type { MetricKey } from '../metrics/catalogue.ts';

/** A hand-labelled figure: where it is in the text (any span containing its quantity), and what it says. */
export type ExpectedFigure = {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  readonly approx?: string | null;
  readonly metric?: MetricKey | null;
};

/** The parts of an extracted figure that scoring looks at. */
export type ScoredFigure = {
  readonly value: number;
  readonly unit: string;
  readonly start: number;
  readonly end: number;
  readonly quantityStart?: number;
  readonly quantityEnd?: number;
  readonly approx?: string | null;
  readonly metric?: MetricKey | null;
};

export type ExtractionScore = {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Of the figures found, the share that are labelled figures with the same value and unit. */
  readonly precision: number;
  /** Of the labelled figures, the share found with the same value and unit. */
  readonly recall: number;
  readonly f1: number;
  /** Among matched figures, the share whose metric (null included) equals the label. */
  readonly metricAccuracy: number;
  /** Among matched figures, the share whose approximation marker equals the label. */
  readonly approxAccuracy: number;
  readonly missed: readonly ExpectedFigure[];
  readonly spurious: readonly ScoredFigure[];
};

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * Scores extracted figures against labelled ones. A figure matches a label when its quantity lies in the label's
 * span and value and unit are equal; each label matches at most one figure.
 */
export function scoreExtraction(expected: readonly ExpectedFigure[], actual: readonly ScoredFigure[]): ExtractionScore {
  const used = new Set<number>();
  const missed: ExpectedFigure[] = [];
  let metricHits = 0;
  let approxHits = 0;
  for (const label of expected) {
    const index = actual.findIndex(
      (figure, i) =>
        !used.has(i) &&
        overlaps(figure.quantityStart ?? figure.start, figure.quantityEnd ?? figure.end, label.start, label.end) &&
        sameValue(figure.value, label.value) &&
        figure.unit === label.unit,
    );
    if (index < 0) {
      missed.push(label);
      continue;
    }
    used.add(index);
    const figure = actual[index]!;
    if ((figure.metric ?? null) === (label.metric ?? null)) metricHits++;
    if ((figure.approx ?? null) === (label.approx ?? null)) approxHits++;
  }
  const truePositives = used.size;
  const spurious = actual.filter((_, i) => !used.has(i));
  const precision = ratio(truePositives, actual.length);
  const recall = ratio(truePositives, expected.length);
  return {
    truePositives,
    falsePositives: spurious.length,
    falseNegatives: missed.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    metricAccuracy: ratio(metricHits, truePositives),
    approxAccuracy: ratio(approxHits, truePositives),
    missed,
    spurious,
  };
}
