import { describe, expect, it } from 'vitest';
import { extractWorkpoints, type WorkpointOrg } from './workpoints-extract.ts';
import { scoreWorkpoints, workpointLabelsSchema } from './workpoints-extract-score.ts';

const orgs: WorkpointOrg[] = [
  { id: 1, name: '区司法局', shortName: '司法局', kind: 'department' },
  { id: 2, name: '区人民法院', shortName: '区法院', kind: 'department' },
  { id: 3, name: '甲镇', kind: 'township' },
  { id: 4, name: '乙镇', kind: 'township' },
];
const labels = (points: unknown[]) =>
  workpointLabelsSchema.parse({ source: { url: 'u', date: '2026-01-01', shape: 's' }, year: 2026, points });

describe('work-point scoring', () => {
  const text = [
    '一、总体',
    '1.甲事项。（区司法局牵头，各镇配合，6月底前）',
    '2.乙事项。（区法院负责）',
    '3.多出的',
  ].join('\n');
  const proposal = extractWorkpoints(text, orgs, { year: 2026 });

  it('matches points by number and title prefix in order; expands @kind less the lead', () => {
    const s = scoreWorkpoints(
      proposal,
      labels([
        { number: '一、', title: '总体', lead: null, deadline: null },
        { number: '1.', title: '甲事项', lead: '区司法局', assist: ['@township'], deadline: '2026-06-30' },
        { number: '2.', title: '乙 事项', lead: '区人民法院', deadline: '2026-12-31' },
      ]),
      orgs,
    );
    expect(s.points).toEqual({ right: 3, total: 3 });
    expect(s.extra).toBe(1);
    expect(s.leads).toEqual({ right: 2, total: 2 });
    expect(s.assists).toEqual({ right: 2, total: 2 });
    expect(s.deadlines).toEqual({ right: 1, total: 2 });
    expect(s.checks.find((c) => !c.isRight)).toMatchObject({
      kind: 'deadline',
      expected: '2026-12-31',
      actual: '（无）',
    });
  });

  it('a heading lead taken from its children does not count as recognised; "-" expects no lead', () => {
    const s = scoreWorkpoints(
      proposal,
      labels([
        { number: '一、', title: '总体', lead: '区司法局', deadline: null },
        { number: '3.', title: '多出的', lead: '-', deadline: null },
        { number: '4.', title: '没有的', lead: null, deadline: null },
      ]),
      orgs,
    );
    expect(s.points).toEqual({ right: 2, total: 3 });
    expect(s.leads).toEqual({ right: 1, total: 2 });
  });
});
