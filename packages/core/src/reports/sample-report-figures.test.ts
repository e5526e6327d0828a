import { describe, expect, it } from 'vitest';
import { extractFigures } from './extract-figures.ts';
import { locate } from './fixtures/labelled-figure.ts';
import { sampleReportFigures } from './fixtures/sample-report-figures.ts';
import { sampleCountyReport } from './sample-report.ts';
import { scoreExtraction } from './score-extraction.ts';

/**
 * A regression test of figure extraction on the project's own sample report (every figure labelled by hand).
 * The accuracy measured on published reports is a benchmark, not a test: it needs texts the repository does not
 * carry (see docs/benchmarks.md).
 */
describe('figure extraction on the sample county report', () => {
  const text = sampleCountyReport(2024);
  const expected = locate(text, sampleReportFigures);
  const actual = extractFigures(text);
  const score = scoreExtraction(expected, actual);

  it('finds every labelled figure with its value, unit and approximation marker, and nothing else', () => {
    expect(score.missed.map((l) => text.slice(l.start, l.end))).toEqual([]);
    expect(score.spurious.map((f) => `${f.value}${f.unit} at ${f.start}`)).toEqual([]);
    for (const label of expected) {
      const found = actual.find((f) => f.start < label.end && f.end > label.start)!;
      expect(
        { value: found.value, unit: found.unit, approx: found.approx },
        text.slice(label.start, label.end),
      ).toEqual({
        value: label.value,
        unit: label.unit,
        approx: label.approx,
      });
    }
  });

  it('maps figures to metrics as labelled, except the known disagreements listed here', () => {
    const disagreements = expected.flatMap((label) => {
      const found = actual.find((f) => f.start < label.end && f.end > label.start)!;
      const metric = found.metric ?? null;
      return metric === label.metric
        ? []
        : [`${text.slice(label.start, label.end)}: ${metric} (label ${label.metric})`];
    });
    // Update this list when extraction improves (a fixed entry disappears) or regresses (a new one appears).
    expect(disagreements).toEqual(['12个问题: oversight.rectified (label oversight.problems)']);
    expect(score.metricAccuracy).toBeCloseTo(31 / 32, 5);
  });
});
