import { describe, expect, it } from 'vitest';
import { registryByKey, registryMetrics } from './definitions.ts';
import { changeTone, changeToneWord, metricPolarity } from './polarity.ts';

describe('metric polarity', () => {
  it('classifies every registry metric, and the registry carries it', () => {
    for (const m of registryMetrics) {
      expect(['higher', 'lower', 'neutral'], m.key).toContain(m.polarity);
      expect(m.polarity, m.key).toBe(metricPolarity[m.key]);
    }
    expect(Object.keys(metricPolarity).sort()).toEqual(registryMetrics.map((m) => m.key).sort());
  });

  it('counts success, completion and coverage rates as higher-better', () => {
    for (const m of registryMetrics) {
      if (m.kind !== 'rate') continue;
      const bad = /纠错率|重复信访率|重新犯罪率/.test(m.name);
      expect(m.polarity, `${m.key} ${m.name}`).toBe(bad ? 'lower' : 'higher');
    }
  });

  it('counts 民转刑, 重复信访, re-offending and overdue as lower-better, plain volumes as neutral', () => {
    for (const key of [
      'grassroots.civil_criminal_cases',
      'grassroots.civil_criminal_improper',
      'petitions.repeat',
      'petitions.repeat_rate',
      'grassroots.released_reoffended',
      'grassroots.reoffending_rate',
      'grassroots.liaison_overdue',
      'reconsideration.correction_rate',
    ] as const)
      expect(registryByKey.get(key)?.polarity, key).toBe('lower');
    for (const key of ['mediation.cases', 'legal_aid.cases', 'publicity.activities', 'petitions.received'] as const)
      expect(registryByKey.get(key)?.polarity, key).toBe('neutral');
    const lower = registryMetrics.filter((m) => m.polarity === 'lower').map((m) => m.key);
    const neutral = registryMetrics.filter((m) => m.polarity === 'neutral').length;
    expect(lower.sort()).toEqual([
      'disclosure.requests_corrected',
      'grassroots.civil_criminal_cases',
      'grassroots.civil_criminal_improper',
      'grassroots.liaison_overdue',
      'grassroots.released_reoffended',
      'grassroots.reoffending_rate',
      'legal_services.complaints',
      'petitions.repeat',
      'petitions.repeat_rate',
      'reconsideration.corrected',
      'reconsideration.correction_rate',
    ]);
    expect(neutral).toBeGreaterThan(registryMetrics.filter((m) => m.kind !== 'rate').length / 2);
  });

  it('reads a fall of a lower-better metric as good and a fall of a success rate as bad', () => {
    expect(changeTone('lower', -12.5)).toBe('good');
    expect(changeTone('lower', 3)).toBe('bad');
    expect(changeTone('higher', -1.2)).toBe('bad');
    expect(changeTone('higher', 0.4)).toBe('good');
    expect(changeTone('neutral', -40)).toBe('neutral');
    expect(changeTone('higher', 0)).toBe('flat');
    expect(changeTone('lower', null)).toBe('flat');
    expect([changeToneWord('good'), changeToneWord('bad'), changeToneWord('neutral')]).toEqual(['向好', '需关注', '']);
  });
});
