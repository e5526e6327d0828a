import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures } from './extract-figures.ts';
import { type LabelledFigure, locate } from './fixtures/labelled-figure.ts';
import { seed003Figures } from './fixtures/seed-003.ts';
import { seed004Figures } from './fixtures/seed-004.ts';
import { type ExtractionScore, scoreExtraction } from './score-extraction.ts';

const seeds = new URL('../../../../../shared/seeds/', import.meta.url);
const readSeed = (name: string) => readFileSync(new URL(name, seeds), 'utf8');

const labelled: readonly { name: string; file: string; figures: readonly LabelledFigure[] }[] = [
  { name: '003', file: '003_577adbcf672b5a2c.txt', figures: seed003Figures },
  { name: '004', file: '004_94ac708e86507105.txt', figures: seed004Figures },
];

function describeMisses(text: string, score: ExtractionScore): string[] {
  return [
    ...score.missed.map((label) => `missed ${text.slice(label.start, label.end)} = ${label.value}${label.unit}`),
    ...score.spurious.map((figure) => `spurious ${figure.value}${figure.unit} at ${figure.start}`),
  ];
}

describe('figure extraction on the hand-labelled seeds', () => {
  const results = labelled.map(({ name, file, figures }) => {
    const text = readSeed(file);
    const expected = locate(text, figures);
    const actual = extractFigures(text);
    return { name, text, expected, actual, score: scoreExtraction(expected, actual) };
  });

  it.each(results.map((result) => [result.name, result] as const))('seed %s: every figure found', (_, result) => {
    expect(describeMisses(result.text, result.score)).toEqual([]);
  });

  it('reaches 0.9 precision and recall for value + unit over both seeds', () => {
    // Spans are per seed; offset the second seed so the two can be scored as one set.
    let offset = 0;
    const shiftedExpected = [];
    const shiftedActual = [];
    for (const result of results) {
      shiftedExpected.push(...result.expected.map((l) => ({ ...l, start: l.start + offset, end: l.end + offset })));
      shiftedActual.push(
        ...result.actual.map((f) => ({
          ...f,
          start: f.start + offset,
          end: f.end + offset,
          quantityStart: f.quantityStart + offset,
          quantityEnd: f.quantityEnd + offset,
        })),
      );
      offset += result.text.length + 1;
    }
    const score = scoreExtraction(shiftedExpected, shiftedActual);
    console.log(
      `seed fixtures (${shiftedExpected.length} labelled figures): precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}, ` +
        `metric accuracy ${score.metricAccuracy.toFixed(3)}, approx accuracy ${score.approxAccuracy.toFixed(3)}`,
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.metricAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
