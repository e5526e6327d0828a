import { type ExtractedFigure, extractFigures } from './extract-figures.ts';
import { figureMetricInfo, findTemplateFigures, type ReportFigureKey } from './figure-phrases.ts';

/** A figure placed by composing: which metric, for which org and period, and its value when composed. */
export type FigureSlot = {
  id: string;
  section: string;
  metric: ReportFigureKey;
  orgId: number;
  period: string;
  value: number;
  unit: string;
  /** Last year's value, for the comparison. */
  previous: number | null;
  /** The phrase as composed (调解矛盾纠纷12件); found in the text, the figure is still live. */
  phrase: string;
};

/** The value the ledgers hold for a metric (registry or accepted history), in the metric's unit. */
export type LedgerValue = { metric: ReportFigureKey; value: number; unit: string };

export type LiveFigure = { slotId: string; metric: ReportFigureKey; start: number; end: number; value: number };

export type FigureMismatch = {
  metric: ReportFigureKey;
  metricName: string;
  /** The phrase in the text and where it is. */
  text: string;
  start: number;
  end: number;
  stated: number;
  statedUnit: string;
  approx: string | null;
  ledger: number;
  ledgerUnit: string;
};

/** Where each slot's phrase still stands in the text (first occurrence at or after the previous one). */
export function findLiveFigures(text: string, slots: readonly FigureSlot[]): LiveFigure[] {
  const live: LiveFigure[] = [];
  for (const slot of slots) {
    const start = text.indexOf(slot.phrase);
    if (start < 0) continue;
    live.push({ slotId: slot.id, metric: slot.metric, start, end: start + slot.phrase.length, value: slot.value });
  }
  return live.sort((a, b) => a.start - b.start);
}

/** A stated value in the metric's unit: extraction multiplies 万元 out to 元. */
function inMetricUnit(figure: ExtractedFigure, metricUnit: string): number | null {
  if (metricUnit === '万元' && figure.unit === '元') return figure.value / 10_000;
  if (metricUnit === figure.unit) return figure.value;
  // 名/人, 件/起 are the same count in reports.
  const sameCount = [
    ['人', '名'],
    ['件', '起'],
  ].some((pair) => pair.includes(metricUnit) && pair.includes(figure.unit));
  return sameCount ? figure.value : null;
}

/** Whether a stated figure agrees with the ledger value, allowing for its approximation marker and rounding. */
export function agrees(stated: number, approx: string | null, ledger: number, unit: string): boolean {
  const tolerance = unit === '%' ? (Number.isInteger(stated) ? 0.5 : 0.05) : 1e-9;
  if (!approx) return Math.abs(stated - ledger) <= tolerance;
  if (['余', '超', '超过', '以上', '多'].includes(approx))
    return ledger >= stated - tolerance && ledger <= stated * 1.5;
  if (['近', '将近', '接近'].includes(approx)) return ledger <= stated + tolerance && ledger >= stated * 0.8;
  return Math.abs(stated - ledger) <= Math.max(tolerance, Math.abs(ledger) * 0.1);
}

/**
 * Figures in the text whose metric the ledgers know and whose value disagrees: comparisons (较上年增加…), ranges,
 * shares and breakdowns of another metric are not levels and are left alone. Catalogue figures are found by
 * extraction; grass-roots figures by their phrase template (and extraction's reading of those words is ignored).
 */
export function findFigureMismatches(text: string, ledger: readonly LedgerValue[]): FigureMismatch[] {
  const byMetric = new Map<string, LedgerValue>(ledger.map((l) => [l.metric, l]));
  const mismatches: FigureMismatch[] = [];
  const templated = findTemplateFigures(text);
  for (const figure of templated) {
    const known = byMetric.get(figure.metric);
    if (!known || agrees(figure.value, null, known.value, known.unit)) continue;
    mismatches.push({
      metric: figure.metric,
      metricName: figureMetricInfo(figure.metric).name,
      text: figure.text,
      start: figure.start,
      end: figure.end,
      stated: figure.value,
      statedUnit: known.unit,
      approx: null,
      ledger: known.value,
      ledgerUnit: known.unit,
    });
  }
  const inTemplate = (start: number, end: number) => templated.some((t) => start < t.end && end > t.start);
  for (const figure of extractFigures(text)) {
    if (!figure.metric || figure.comparison || figure.upper !== undefined) continue;
    if (inTemplate(figure.start, figure.end)) continue;
    const known = byMetric.get(figure.metric);
    if (!known) continue;
    const stated = inMetricUnit(figure, known.unit);
    if (stated === null || agrees(stated, figure.approx, known.value, known.unit)) continue;
    mismatches.push({
      metric: figure.metric,
      metricName: figureMetricInfo(figure.metric).name,
      text: figure.text,
      start: figure.start,
      end: figure.end,
      stated,
      statedUnit: known.unit,
      approx: figure.approx,
      ledger: known.value,
      ledgerUnit: known.unit,
    });
  }
  return mismatches.sort((a, b) => a.start - b.start);
}
