import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkComprehensiveCenterRooms, comprehensiveCenterRooms } from './comprehensive-center-rooms.ts';
import { coverage, isTermActive, serviceCircleCoverage, termCoverage, termsExpiringWithin } from './coverage.ts';
import { facilityCoverage, facilityTypeInfo, facilityTypesForTier, missingInGroup } from './facilities.ts';
import { inclusiveRegulationListLabels } from './inclusive-regulation-lists.ts';
import { checkMajorDecision, majorDecisionSteps, type StepRecord } from './major-decision-steps.ts';
import { threeOnesServiceGaps } from './service-projects.ts';

describe('facilities', () => {
  it('groups 两室 and 五个载体 and offers types by tier', () => {
    expect(Object.values(facilityTypeInfo).filter((f) => f.group === '五个载体')).toHaveLength(5);
    expect(facilityTypesForTier('county')).toContain('legal_aid_center');
    expect(facilityTypesForTier('village')).not.toContain('legal_aid_center');
    expect(facilityTypesForTier('village')).toContain('legal_aid_contact_point');
    expect(missingInGroup('两室', 'village', ['mediation_room'])).toEqual(['法治宣传室']);
    expect(missingInGroup('五个载体', 'county', [])).toEqual([
      '法治文化广场',
      '法治文化长廊',
      '法治文化墙',
      '法治宣传专栏',
    ]);
  });
});

describe('综治中心 rooms', () => {
  it('separates rooms not set up from rooms without staff', () => {
    const rooms = comprehensiveCenterRooms
      .filter((r) => r !== 'police_room')
      .map((room) => ({ room, isStaffed: room !== 'counselling_room' }));
    expect(checkComprehensiveCenterRooms(rooms)).toEqual({
      total: 10,
      working: 8,
      notSetUp: ['社区警务室'],
      unstaffed: ['心理疏导室'],
      isStandard: false,
    });
    const all = comprehensiveCenterRooms.map((room) => ({ room, isStaffed: true }));
    expect(checkComprehensiveCenterRooms(all).isStandard).toBe(true);
  });
});

describe('coverage', () => {
  it('counts only listed targets and lists the uncovered', () => {
    expect(coverage([1, 2, 3, 4], [2, 4, 9])).toEqual({ covered: 2, total: 4, rate: 0.5, uncovered: [1, 3] });
    expect(coverage([], [1]).rate).toBeNull();
  });

  it('never exceeds 100% and never goes negative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), fc.array(fc.integer({ min: 0, max: 30 })), (l, c) => {
        const r = coverage(l, c);
        expect(r.covered + r.uncovered.length).toBe(r.total);
        if (r.rate !== null) expect(r.rate).toBeGreaterThanOrEqual(0);
        if (r.rate !== null) expect(r.rate).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('1-hour service circle: ≤ 60 minutes is covered, unknown is not', () => {
    const r = serviceCircleCoverage([
      { id: 1, minutesToNearestPoint: 60 },
      { id: 2, minutesToNearestPoint: 61 },
      { id: 3, minutesToNearestPoint: null },
      { id: 4, minutesToNearestPoint: 15 },
    ]);
    expect(r).toEqual({ covered: 2, total: 4, rate: 0.5, uncovered: [2, 3] });
  });

  it('village adviser contracts count only while in force, in Shanghai days', () => {
    const term = { targetId: 1, startDate: '2024-01-01', endDate: '2024-12-31' };
    expect(isTermActive(term, new Date('2023-12-31T16:00:00Z'))).toBe(true);
    expect(isTermActive(term, new Date('2023-12-31T15:59:59Z'))).toBe(false);
    expect(isTermActive(term, new Date('2024-12-31T15:59:59Z'))).toBe(true);
    expect(isTermActive(term, new Date('2024-12-31T16:00:00Z'))).toBe(false);
    const terms = [
      term,
      { targetId: 2, startDate: '2023-01-01', endDate: '2023-12-31' },
      { targetId: 3, startDate: '2024-06-01', endDate: null },
    ];
    expect(termCoverage([1, 2, 3], terms, new Date('2024-07-01'))).toMatchObject({ covered: 2, uncovered: [2] });
    expect(termsExpiringWithin(terms, new Date('2024-12-10T00:00:00Z'), 30).map((t) => t.targetId)).toEqual([1]);
    expect(termsExpiringWithin(terms, new Date('2024-10-01T00:00:00Z'), 30)).toEqual([]);
  });
});

describe('重大行政决策 five steps', () => {
  const all = (): StepRecord[] =>
    majorDecisionSteps.map((step, i) => ({ step, doneOn: `2024-03-0${i + 1}`, isLawful: true }));

  it('is complete with all five steps in order', () => {
    expect(checkMajorDecision(all())).toEqual({ isComplete: true, problems: [] });
  });

  it('names missing steps in Chinese', () => {
    const r = checkMajorDecision(
      all().filter((s) => s.step !== 'public_participation' && s.step !== 'risk_assessment'),
    );
    expect(r.problems).toEqual(['缺少法定程序：公众参与', '缺少法定程序：风险评估']);
  });

  it('allows exempting expert and risk steps with a reason, never legality review', () => {
    const records = all().map((s) =>
      s.step === 'expert_argumentation' || s.step === 'legality_review'
        ? { ...s, doneOn: null, exemptReason: '不涉及专业技术问题' }
        : s,
    );
    expect(checkMajorDecision(records).problems).toEqual(['合法性审查是必经程序，不得免除']);
    const noReason = all().map((s) => (s.step === 'risk_assessment' ? { ...s, doneOn: null, exemptReason: ' ' } : s));
    expect(checkMajorDecision(noReason).problems).toEqual(['缺少法定程序：风险评估']);
  });

  it('refuses an unlawful review or a discussion before the review', () => {
    const unlawful = all().map((s) => (s.step === 'legality_review' ? { ...s, isLawful: false } : s));
    expect(checkMajorDecision(unlawful).problems).toEqual(['合法性审查认为不合法的，不得提交集体讨论']);
    const inverted = all().map((s) => (s.step === 'collective_discussion' ? { ...s, doneOn: '2024-03-01' } : s));
    expect(checkMajorDecision(inverted).problems).toEqual(['集体讨论决定早于合法性审查，程序倒置']);
  });
});

describe('shared enums and the 三个一 service mechanism', () => {
  it('labels the 四张清单', () => {
    expect(Object.values(inclusiveRegulationListLabels).map((l) => l.slice(0, 2))).toEqual([
      '不予',
      '从轻',
      '减轻',
      '免予',
    ]);
  });

  it('names each missing element of 一个服务对象、一个工作队伍、一套服务方案', () => {
    expect(threeOnesServiceGaps({ target: '某民营企业', team: ['律师甲'], plan: '法律体检方案' })).toEqual([]);
    expect(threeOnesServiceGaps({ target: ' ', team: [' '], plan: '' })).toHaveLength(3);
  });
});

describe('facility coverage', () => {
  it('counts places with at least one facility of the type (居民评理说事点全覆盖)', () => {
    const facilities = [
      { orgId: 1, type: 'reasoning_point' as const },
      { orgId: 1, type: 'reasoning_point' as const },
      { orgId: 2, type: 'law_library' as const },
      { orgId: 3, type: 'reasoning_point' as const },
    ];
    expect(facilityCoverage([1, 2, 3], facilities, 'reasoning_point')).toEqual({
      covered: 2,
      total: 3,
      rate: 2 / 3,
      uncovered: [2],
    });
  });
});
