import { describe, expect, it } from 'vitest';
import { factToContribution } from './assessment.inputs.service.ts';
import { sourceLabel } from './assessment.module-sources.service.ts';

/** A score line's source is named in Chinese: no metric key and no `problem:<id>` reaches the reader. */
describe('score line sources read in Chinese', () => {
  const fact = {
    id: 7,
    org_id: 3,
    kind: 'metric',
    key: 'plan.closure_rate',
    level: null,
    title: '',
    value: 94.5,
    count: null,
    indicator_id: null,
    matter_id: null,
    evidence_ids: [],
  };

  it('a hand-entered metric figure is titled with the metric’s name', () => {
    expect(factToContribution(fact).refs).toEqual([
      { id: 'plan.closure_rate', origin: '手工录入', title: '目标任务销号率 = 94.5', evidenceIds: [] },
    ]);
  });

  it('a key outside the registry stays as typed', () => {
    expect(factToContribution({ ...fact, key: 'custom.figure', value: 3 }).refs?.[0]?.title).toBe('custom.figure = 3');
  });

  it('oversight sources are named 问题 / 通报 with their number', () => {
    expect(['problem:13', 'bulletin:5'].map(sourceLabel)).toEqual(['问题（编号13）', '通报（编号5）']);
  });
});
