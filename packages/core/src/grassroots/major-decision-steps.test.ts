import { describe, expect, it } from 'vitest';
import { rowWarnings } from '../ledgers/row-warnings.ts';
import { majorDecisionRowSteps, majorDecisionWarning } from './major-decision-steps.ts';

const all = {
  title: '城区集中供暖项目',
  public_participation: true,
  expert_argument: true,
  risk_assessment: true,
  legality_reviewed: true,
  collective_discussion: true,
  decided_date: '2025-06-01',
};

describe('五项法定程序 of a 重大行政决策 ledger row', () => {
  it('lists each step done or missing, checked by checkMajorDecision', () => {
    const complete = majorDecisionRowSteps({ ...all, status: 'decided' });
    expect(complete).toMatchObject({ done: 5, missing: [], adoptedIncomplete: false });
    expect(complete.check.isComplete).toBe(true);
    const partial = majorDecisionRowSteps({ ...all, expert_argument: false, legality_reviewed: undefined });
    expect(partial.missing).toEqual(['专家论证', '合法性审查']);
    expect(partial.check.problems).toEqual(['缺少法定程序：专家论证', '缺少法定程序：合法性审查']);
    expect(partial.steps.map((s) => s.done)).toEqual([true, false, true, false, true]);
  });

  it('warns only when a decision is adopted with steps missing', () => {
    expect(majorDecisionWarning({ ...all, status: 'decided' })).toBeNull();
    expect(majorDecisionWarning({ ...all, risk_assessment: false, status: 'in_progress' })).toBeNull();
    expect(majorDecisionWarning({ ...all, risk_assessment: false, status: 'evaluated' })).toBe(
      '“城区集中供暖项目”已作出决策，但缺少法定程序：风险评估',
    );
    expect(rowWarnings('major_decision', { ...all, risk_assessment: false, status: 'decided' })).toHaveLength(1);
    expect(rowWarnings('mediation_case', { status: 'decided' })).toEqual([]);
  });
});
