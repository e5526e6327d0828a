import { describe, expect, it } from 'vitest';
import { scoreExtraction, tallyLabelledText, textLabelsSchema } from './score-extraction.ts';

describe('scoreExtraction', () => {
  const expected = [
    { start: 0, end: 5, value: 3, unit: '件', metric: 'reconsideration.accepted' as const },
    { start: 6, end: 10, value: 2, unit: '件', metric: 'reconsideration.concluded' as const },
  ];

  it('counts matches by span, value and unit', () => {
    const score = scoreExtraction(expected, [
      { start: 0, end: 5, quantityStart: 3, quantityEnd: 5, value: 3, unit: '件', metric: 'reconsideration.accepted' },
      { start: 6, end: 10, value: 2, unit: '人', metric: null },
      { start: 20, end: 22, value: 7, unit: '件' },
    ]);
    expect(score).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1, metricAccuracy: 1 });
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / 2);
    expect(score.missed).toEqual([expected[1]]);
  });

  it('matches each label once', () => {
    const twice = { start: 0, end: 5, value: 3, unit: '件' };
    const score = scoreExtraction([expected[0]!], [twice, twice]);
    expect(score).toMatchObject({ truePositives: 1, falsePositives: 1 });
  });

  it('scores empty sets as perfect', () => {
    expect(scoreExtraction([], [])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('tracks metric accuracy among matches', () => {
    const score = scoreExtraction(expected, [
      { start: 0, end: 5, value: 3, unit: '件', metric: null },
      { start: 6, end: 10, value: 2, unit: '件', metric: 'reconsideration.concluded' },
    ]);
    expect(score.metricAccuracy).toBe(0.5);
    expect(score.recall).toBe(1);
  });
});

describe('tallyLabelledText', () => {
  const text = '受理12件，审结10件。2023年3月8日印发〔2023〕5号。';
  const labels = textLabelsSchema.parse({
    figures: [
      { at: '受理12件', value: 12, unit: '件', approx: null, metric: 'reconsideration.accepted' },
      { at: '审结10件', value: 10, unit: '件', approx: null, metric: 'reconsideration.concluded' },
    ],
    traps: [{ at: '2023年3月8日' }, { at: '〔2023〕5号' }],
  });

  it('counts found figures, keys given and right, and traps taken', () => {
    const { tally, detail } = tallyLabelledText(text, labels, [
      { start: 0, end: 6, quantityStart: 2, quantityEnd: 6, value: 12, unit: '件', metric: 'reconsideration.accepted' },
      { start: 7, end: 11, quantityStart: 9, quantityEnd: 13, value: 10, unit: '件', metric: 'mediation.cases' },
      { start: 30, end: 32, quantityStart: 30, quantityEnd: 32, value: 5, unit: '号', metric: null },
    ]);
    expect(tally).toEqual({
      texts: 1,
      figures: 2,
      found: 2,
      approxRight: 2,
      keyed: 2,
      keyedRight: 1,
      given: 2,
      givenRight: 1,
      traps: 2,
      trapsTaken: 1,
      unlabelled: 0,
    });
    expect(detail.wrongKey).toEqual([
      { at: '审结10件', expected: 'reconsideration.concluded', actual: 'mediation.cases' },
    ]);
    expect(detail.trapsTaken).toEqual([{ at: '〔2023〕5号', value: 5, unit: '号' }]);
  });

  it('counts a key on an unlabelled figure as given and wrong', () => {
    const { tally } = tallyLabelledText(text, { figures: [], traps: [] }, [
      { start: 0, end: 6, value: 12, unit: '件', metric: 'reconsideration.accepted' },
    ]);
    expect(tally).toMatchObject({ given: 1, givenRight: 0, unlabelled: 1 });
  });

  it('refuses a label that is not in the text', () => {
    const broken = textLabelsSchema.parse({ figures: [{ at: '受理99件', value: 99, unit: '件' }] });
    expect(() => tallyLabelledText(text, broken, [])).toThrow('标注“受理99件”在文本中找不到');
  });
});
