import { describe, expect, it } from 'vitest';
import { metricByKey } from '../metrics/catalogue.ts';
import { extractFigures } from './extract-figures.ts';
import { comparisonPhrase, figurePhrase, phrasedMetrics } from './figure-phrases.ts';

describe('figure phrases read back as their metric', () => {
  it.each(phrasedMetrics)('%s', (metric) => {
    const unit = metricByKey.get(metric)!.unit;
    const value = unit === '%' ? 96.5 : 37;
    const text = `全年，${figurePhrase(metric, value)}${comparisonPhrase(value, value - 3, unit)}。`;
    const figures = extractFigures(text).filter((f) => !f.comparison);
    expect(figures, text).toHaveLength(1);
    expect(figures[0]!.metric, text).toBe(metric);
    expect(figures[0]!.value).toBe(unit === '万元' ? value * 10000 : value);
  });

  it('comparisons are worded as changes, and read as comparisons', () => {
    expect(comparisonPhrase(10, 10, '件')).toBe('，与上年持平');
    expect(comparisonPhrase(8, 10, '件')).toBe('，较上年减少2件');
    expect(comparisonPhrase(97.5, 95, '%')).toBe('，较上年提高2.5个百分点');
    expect(comparisonPhrase(5, null, '件')).toBe('');
    const [, change] = extractFigures('调解矛盾纠纷12件，较上年增加3件。');
    expect(change!.comparison).toBe(true);
  });
});
