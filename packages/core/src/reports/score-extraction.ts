import { type MetricKey, metricKeySchema } from '../metrics/catalogue.ts';
import { z } from '../shared/zod.ts';

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

/**
 * Labels of one evaluation text (`<name>.labels.json` beside `<name>.txt`, see eval/extraction/README.md). A figure
 * or trap is located by `at`, an exact piece of the text (the `occurrence`-th one, counting from 1, when it repeats).
 */
export const textLabelsSchema = z.object({
  basedOn: z.object({ shape: z.string(), url: z.string(), date: z.string() }).partial().optional(),
  figures: z.array(
    z.object({
      at: z.string().min(1),
      occurrence: z.number().int().min(1).optional(),
      value: z.number(),
      unit: z.string(),
      approx: z.string().nullable().optional(),
      metric: metricKeySchema.nullable().optional(),
    }),
  ),
  traps: z.array(z.object({ at: z.string().min(1), occurrence: z.number().int().min(1).optional() })).default([]),
});

export type TextLabels = z.infer<typeof textLabelsSchema>;

/** Counts for one text or a whole corpus; `addTallies` sums them. */
export type CorpusTally = {
  texts: number;
  /** Labelled figures, and those found with the same value and unit. */
  figures: number;
  found: number;
  /** Found figures whose approximation marker (余, 约, 以上 … or none) equals the label. */
  approxRight: number;
  /** Labelled figures with a metric key, and those found with that same key. */
  keyed: number;
  keyedRight: number;
  /** Figures the extractor gave a key (labelled or not), and those whose key is the label's. */
  given: number;
  givenRight: number;
  /** Non-quantities (dates, 文号, ordinals, phone numbers …) labelled as traps, and those read as figures. */
  traps: number;
  trapsTaken: number;
  /** Extracted figures that are neither a labelled figure nor inside a trap. */
  unlabelled: number;
};

export type TallyDetail = {
  missed: { at: string; value: number; unit: string }[];
  wrongApprox: { at: string; expected: string | null; actual: string | null }[];
  wrongKey: { at: string; expected: MetricKey | null; actual: MetricKey | null }[];
  trapsTaken: { at: string; value: number; unit: string }[];
};

export const emptyTally = (): CorpusTally => ({
  texts: 0,
  figures: 0,
  found: 0,
  approxRight: 0,
  keyed: 0,
  keyedRight: 0,
  given: 0,
  givenRight: 0,
  traps: 0,
  trapsTaken: 0,
  unlabelled: 0,
});

export function addTallies(a: CorpusTally, b: CorpusTally): CorpusTally {
  const sum = emptyTally();
  for (const key of Object.keys(sum) as (keyof CorpusTally)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** Where the `occurrence`-th `at` starts in `text`, or -1. */
function locate(text: string, at: string, occurrence = 1): number {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(at, index + 1);
    if (index < 0) return -1;
  }
  return index;
}

/**
 * Scores the figures extracted from one text against its labels. A label matches the first unused figure whose
 * quantity overlaps the label's `at` with the same value and unit. Throws (with the label) when a label's `at` is
 * not in the text, so a broken labels file is never scored as a miss.
 */
export function tallyLabelledText(
  text: string,
  labels: TextLabels,
  extracted: readonly ScoredFigure[],
): { tally: CorpusTally; detail: TallyDetail } {
  const tally = emptyTally();
  const detail: TallyDetail = { missed: [], wrongApprox: [], wrongKey: [], trapsTaken: [] };
  tally.texts = 1;
  const used = new Set<number>();
  const quantity = (f: ScoredFigure) => [f.quantityStart ?? f.start, f.quantityEnd ?? f.end] as const;
  for (const label of labels.figures) {
    const start = locate(text, label.at, label.occurrence);
    if (start < 0) throw new Error(`标注“${label.at}”在文本中找不到`);
    const end = start + label.at.length;
    tally.figures++;
    const expectedKey = label.metric ?? null;
    if (expectedKey) tally.keyed++;
    const index = extracted.findIndex((figure, i) => {
      const [qs, qe] = quantity(figure);
      return (
        !used.has(i) &&
        overlaps(qs, qe, start, end) &&
        sameValue(figure.value, label.value) &&
        figure.unit === label.unit
      );
    });
    if (index < 0) {
      detail.missed.push({ at: label.at, value: label.value, unit: label.unit });
      continue;
    }
    used.add(index);
    tally.found++;
    const figure = extracted[index]!;
    const approx = figure.approx ?? null;
    if (approx === (label.approx ?? null)) tally.approxRight++;
    else detail.wrongApprox.push({ at: label.at, expected: label.approx ?? null, actual: approx });
    const key = figure.metric ?? null;
    if (expectedKey && key === expectedKey) tally.keyedRight++;
    if (key) {
      tally.given++;
      if (key === expectedKey) tally.givenRight++;
    }
    if (key !== expectedKey) detail.wrongKey.push({ at: label.at, expected: expectedKey, actual: key });
  }
  const trapSpans = labels.traps.map((trap) => {
    const start = locate(text, trap.at, trap.occurrence);
    if (start < 0) throw new Error(`陷阱标注“${trap.at}”在文本中找不到`);
    return { at: trap.at, start, end: start + trap.at.length, taken: false };
  });
  tally.traps = trapSpans.length;
  extracted.forEach((figure, i) => {
    if (used.has(i)) return;
    const [qs, qe] = quantity(figure);
    const trap = trapSpans.find((span) => overlaps(qs, qe, span.start, span.end));
    if (figure.metric) tally.given++;
    if (!trap) {
      tally.unlabelled++;
      return;
    }
    if (!trap.taken) {
      trap.taken = true;
      tally.trapsTaken++;
      detail.trapsTaken.push({ at: trap.at, value: figure.value, unit: figure.unit });
    }
  });
  return { tally, detail };
}
