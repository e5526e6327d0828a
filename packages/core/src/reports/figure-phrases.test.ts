import { describe, expect, it } from 'vitest';
import { metricByKey } from '../metrics/catalogue.ts';
import { registryByKey } from '../metrics/definitions.ts';
import { extractFigures } from './extract-figures.ts';
import {
  comparisonPhrase,
  figurePhrase,
  findTemplateFigures,
  grassrootsFigureKeys,
  isTemplateFigureKey,
  ledgerFigureKeys,
  phrasedMetrics,
  type ReportFigureKey,
} from './figure-phrases.ts';

const catalogueKeys = phrasedMetrics.filter((m) => !isTemplateFigureKey(m));
const sample = (metric: ReportFigureKey) => (registryByKey.get(metric)!.unit === '%' ? 96.5 : 37);

describe('figure phrases read back as their metric', () => {
  it.each(catalogueKeys)('%s', (metric) => {
    const unit = metricByKey.get(metric as never)!.unit;
    const value = sample(metric);
    const text = `全年，${figurePhrase(metric, value)}${comparisonPhrase(value, value - 3, unit)}。`;
    const figures = extractFigures(text).filter((f) => !f.comparison);
    expect(figures, text).toHaveLength(1);
    expect(figures[0]!.metric, text).toBe(metric);
    expect(figures[0]!.value).toBe(unit === '万元' ? value * 10000 : value);
  });

  it.each([...grassrootsFigureKeys, ...ledgerFigureKeys])('%s (registry, by its template)', (metric) => {
    const unit = registryByKey.get(metric)!.unit;
    const value = sample(metric);
    const text = `全年，${figurePhrase(metric, value)}${comparisonPhrase(value, value - 3, unit)}。`;
    expect(findTemplateFigures(text)).toMatchObject([{ metric, value }]);
    // A hand-typed number in the same words is still read as this figure.
    const edited = text.replace(String(value), '12');
    expect(findTemplateFigures(edited)).toMatchObject([{ metric, value: 12 }]);
  });

  it('every template figure key is a registry key outside the catalogue and has a phrase', () => {
    for (const key of [...grassrootsFigureKeys, ...ledgerFigureKeys]) {
      expect(registryByKey.has(key), key).toBe(true);
      expect(metricByKey.has(key as never), key).toBe(false);
      expect(phrasedMetrics).toContain(key);
    }
  });

  it('rates are written with one decimal', () => {
    expect(figurePhrase('grassroots.liaison_rate', 93.75)).toBe('挂点联系走访完成率93.8%');
    expect(figurePhrase('grassroots.adviser_coverage_rate', 100)).toBe('“一村（居）一法律顾问”覆盖率100.0%');
    expect(figurePhrase('grassroots.liaison_due', 48)).toBe('挂点联系应走访48次');
  });

  it('comparisons are worded as changes, and read as comparisons', () => {
    expect(comparisonPhrase(10, 10, '件')).toBe('，与上年持平');
    expect(comparisonPhrase(8, 10, '件')).toBe('，较上年减少2件');
    expect(comparisonPhrase(97.5, 95, '%')).toBe('，较上年提高2.5个百分点');
    expect(comparisonPhrase(75, 100, '%')).toBe('，较上年下降25.0个百分点');
    expect(comparisonPhrase(5, null, '件')).toBe('');
    const [, change] = extractFigures('调解矛盾纠纷12件，较上年增加3件。');
    expect(change!.comparison).toBe(true);
  });

  it('sets a running year beside the same days of last year, and says so', () => {
    expect(comparisonPhrase(75, 100, '%', '上年同期')).toBe('，较上年同期下降25.0个百分点');
    expect(comparisonPhrase(10, 10, '件', '上年同期')).toBe('，与上年同期持平');
    const [, change] = extractFigures('调解矛盾纠纷12件，较上年同期减少3件。');
    expect(change!.comparison).toBe(true);
  });
});
