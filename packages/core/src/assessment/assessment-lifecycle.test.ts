import { describe, expect, it } from 'vitest';
import type { AssessmentEvent, AssessmentRound, TransitionResult } from './assessment-lifecycle.ts';
import { createAssessmentRound, formatShanghai, transition } from './assessment-lifecycle.ts';
import { entry, grading } from './test-factories.ts';

const at = (iso: string) => new Date(iso);
const PUBLISHED = at('2025-01-10T02:00:00Z');
const CLOSES = at('2025-01-17T10:00:00Z');

function apply(round: AssessmentRound, ...events: AssessmentEvent[]): AssessmentRound {
  let current = round;
  for (const event of events) {
    const r = transition(current, event);
    if (!r.ok) throw new Error(r.error.message);
    current = r.round;
  }
  return current;
}

const expectError = (r: TransitionResult, code: string, message: string) => {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toEqual({ code, message });
};

const units = ['u1', 'u2', 'u3', 'u4'];

function published(): AssessmentRound {
  return apply(
    createAssessmentRound(units, grading()),
    { type: 'open_self_assessment', at: at('2024-12-01T00:00:00Z') },
    ...units.map((unitId) => ({ type: 'submit_self_assessment' as const, unitId, at: at('2024-12-10T00:00:00Z') })),
    { type: 'start_review', at: at('2024-12-20T00:00:00Z') },
    { type: 'record_score', entry: entry('u1', 95) },
    { type: 'record_score', entry: entry('u2', 92) },
    { type: 'record_score', entry: entry('u3', 85) },
    { type: 'record_score', entry: entry('u4', 70) },
    { type: 'publish', at: PUBLISHED, appealClosesAt: CLOSES },
  );
}

describe('assessment lifecycle', () => {
  it('runs 方案 → 自评 → 审核评分 → 公示 → 申诉 → 终定', () => {
    const round = published();
    expect(round.status).toBe('publicity');
    expect(round.results.map((r) => [r.unitId, r.rank, r.grade])).toEqual([
      ['u1', 1, '优秀'],
      ['u2', 2, '良好'],
      ['u3', 3, '良好'],
      ['u4', 4, '一般'],
    ]);
    const final = apply(
      round,
      { type: 'close_publicity', at: CLOSES },
      { type: 'finalize', at: at('2025-01-20T00:00:00Z') },
    );
    expect(final.status).toBe('final');
    expect(final.finalizedAt).toEqual(at('2025-01-20T00:00:00Z'));
  });

  it('the scheme can be revised only while it is a draft', () => {
    const draft = createAssessmentRound(units, grading());
    const revised = apply(draft, { type: 'revise_scheme', grading: grading({ tieBreak: ['bonus_desc'] }) });
    expect(revised.grading.tieBreak).toEqual(['bonus_desc']);
    const started = apply(draft, { type: 'open_self_assessment', at: PUBLISHED });
    expectError(
      transition(started, { type: 'revise_scheme', grading: grading() }),
      'frozen',
      '考核方案已启用，不得修改；如需调整，请另行发布新版本方案',
    );
  });

  it('self-assessment guards: stage, scope, duplicates and missing units', () => {
    const draft = createAssessmentRound(['u1', 'u2'], grading());
    expectError(
      transition(draft, { type: 'submit_self_assessment', unitId: 'u1', at: PUBLISHED }),
      'invalid_transition',
      '当前处于“方案”阶段，不能提交自评',
    );
    expectError(
      transition(createAssessmentRound([], grading()), { type: 'open_self_assessment', at: PUBLISHED }),
      'incomplete',
      '尚未确定参加考核的单位，不能启动自评',
    );
    const open = apply(
      draft,
      { type: 'open_self_assessment', at: PUBLISHED },
      { type: 'submit_self_assessment', unitId: 'u1', at: PUBLISHED },
    );
    expectError(
      transition(open, { type: 'submit_self_assessment', unitId: 'x', at: PUBLISHED }),
      'out_of_scope',
      '该单位不在本次考核范围内',
    );
    expectError(
      transition(open, { type: 'submit_self_assessment', unitId: 'u1', at: PUBLISHED }),
      'duplicate',
      '该单位已提交自评，请勿重复提交',
    );
    expectError(transition(open, { type: 'start_review', at: PUBLISHED }), 'incomplete', '尚有1个单位未提交自评：u2');
    expect(apply(open, { type: 'start_review', at: PUBLISHED, allowMissing: true }).status).toBe('review');
  });

  it('cannot publish before every unit is scored, nor with a window that closes before it opens', () => {
    const review = apply(
      createAssessmentRound(['u1', 'u2'], grading()),
      { type: 'open_self_assessment', at: PUBLISHED },
      { type: 'start_review', at: PUBLISHED, allowMissing: true },
      { type: 'record_score', entry: entry('u1', 90) },
    );
    expectError(
      transition(review, { type: 'publish', at: PUBLISHED, appealClosesAt: CLOSES }),
      'incomplete',
      '尚有1个单位未评分：u2',
    );
    const scored = apply(review, { type: 'record_score', entry: entry('u2', 80) });
    expectError(
      transition(scored, { type: 'publish', at: CLOSES, appealClosesAt: PUBLISHED }),
      'invalid_transition',
      '申诉截止时间应晚于公示时间',
    );
    expectError(
      transition(scored, { type: 'record_score', entry: entry('x', 80) }),
      'out_of_scope',
      '该单位不在本次考核范围内',
    );
  });

  it('published scores are frozen', () => {
    const round = published();
    expectError(
      transition(round, { type: 'record_score', entry: entry('u4', 99) }),
      'frozen',
      '考核结果已公示，成绩已冻结，只能通过申诉处理调整',
    );
    const appeal = apply(round, { type: 'close_publicity', at: CLOSES });
    expectError(
      transition(appeal, { type: 'record_score', entry: entry('u4', 99) }),
      'frozen',
      '考核结果已公示，成绩已冻结，只能通过申诉处理调整',
    );
  });

  it('appeals are accepted only within the window, inclusive of its closing time', () => {
    const round = published();
    const filed = apply(round, {
      type: 'file_appeal',
      appealId: 'a1',
      unitId: 'u3',
      reason: '普法活动台账漏计',
      at: CLOSES,
    });
    expect(filed.appeals).toHaveLength(1);
    expectError(
      transition(round, {
        type: 'file_appeal',
        appealId: 'a2',
        unitId: 'u3',
        reason: '理由',
        at: at('2025-01-17T10:00:01Z'),
      }),
      'window_closed',
      '申诉期已于2025年1月17日18:00截止，不再受理申诉',
    );
    expectError(
      transition(round, {
        type: 'file_appeal',
        appealId: 'a2',
        unitId: 'u3',
        reason: '理由',
        at: at('2025-01-01T00:00:00Z'),
      }),
      'window_closed',
      '考核结果尚未公示，不能提出申诉',
    );
    const closed = apply(round, { type: 'close_publicity', at: CLOSES });
    expectError(
      transition(closed, { type: 'file_appeal', appealId: 'a2', unitId: 'u3', reason: '理由', at: CLOSES }),
      'window_closed',
      '申诉期已截止，不再受理申诉',
    );
  });

  it('an appeal needs a reason, a unit in the results and a fresh id', () => {
    const round = apply(published(), {
      type: 'file_appeal',
      appealId: 'a1',
      unitId: 'u3',
      reason: '漏计',
      at: PUBLISHED,
    });
    const ev = { type: 'file_appeal' as const, appealId: 'a2', unitId: 'u3', reason: '漏计', at: PUBLISHED };
    expectError(transition(round, { ...ev, reason: '  ' }), 'reason_required', '申诉须写明理由');
    expectError(transition(round, { ...ev, unitId: 'x' }), 'out_of_scope', '该单位不在本次考核范围内');
    expectError(transition(round, { ...ev, appealId: 'a1' }), 'duplicate', '该申诉已登记，请勿重复提交');
  });

  it('publicity cannot close before the window ends', () => {
    expectError(
      transition(published(), { type: 'close_publicity', at: PUBLISHED }),
      'invalid_transition',
      '公示期至2025年1月17日18:00，尚未结束',
    );
  });

  it('an upheld appeal changes the score and re-ranks; a rejected one keeps everything', () => {
    const round = apply(
      published(),
      { type: 'file_appeal', appealId: 'a1', unitId: 'u3', reason: '普法活动台账漏计', at: PUBLISHED },
      { type: 'file_appeal', appealId: 'a2', unitId: 'u4', reason: '对扣分有异议', at: PUBLISHED },
      { type: 'close_publicity', at: CLOSES },
    );
    expectError(transition(round, { type: 'finalize', at: CLOSES }), 'incomplete', '尚有2件申诉未处理，不能终定');
    const decided = apply(
      round,
      {
        type: 'decide_appeal',
        appealId: 'a1',
        outcome: 'upheld',
        reason: '经核实台账，补计普法活动3场',
        at: CLOSES,
        revised: entry('u3', 93),
      },
      { type: 'decide_appeal', appealId: 'a2', outcome: 'rejected', reason: '扣分依据充分', at: CLOSES },
    );
    expect(decided.results.map((r) => [r.unitId, r.rank])).toEqual([
      ['u1', 1],
      ['u3', 2],
      ['u2', 3],
      ['u4', 4],
    ]);
    expect(decided.appeals[0]?.decision).toMatchObject({
      outcome: 'upheld',
      before: { total: 85 },
      after: { total: 93 },
    });
    expect(decided.appeals[1]?.decision).toMatchObject({ outcome: 'rejected', reason: '扣分依据充分' });
    expect(decided.results.find((r) => r.unitId === 'u4')?.total).toBe(70);
    expect(apply(decided, { type: 'finalize', at: CLOSES }).status).toBe('final');
  });

  it('deciding an appeal needs a reason, a revised score when upheld, and happens once', () => {
    const round = apply(published(), {
      type: 'file_appeal',
      appealId: 'a1',
      unitId: 'u3',
      reason: '漏计',
      at: PUBLISHED,
    });
    const ev = {
      type: 'decide_appeal' as const,
      appealId: 'a1',
      outcome: 'upheld' as const,
      reason: '核实无误',
      at: PUBLISHED,
    };
    expectError(transition(round, { ...ev, reason: '' }), 'reason_required', '申诉处理须说明理由');
    expectError(transition(round, ev), 'incomplete', '支持申诉的，须给出调整后的成绩');
    expectError(transition(round, { ...ev, revised: entry('u1', 99) }), 'out_of_scope', '调整后的成绩与申诉单位不一致');
    expectError(transition(round, { ...ev, appealId: 'nope' }), 'not_found', '未找到该申诉');
    const once = apply(round, { ...ev, outcome: 'rejected' });
    expectError(transition(once, ev), 'duplicate', '该申诉已处理，不能重复处理');
  });

  it('final results are frozen against every event', () => {
    const final = apply(published(), { type: 'close_publicity', at: CLOSES }, { type: 'finalize', at: CLOSES });
    const events: AssessmentEvent[] = [
      { type: 'record_score', entry: entry('u1', 1) },
      { type: 'file_appeal', appealId: 'x', unitId: 'u1', reason: '理由', at: CLOSES },
      { type: 'decide_appeal', appealId: 'x', outcome: 'rejected', reason: '理由', at: CLOSES },
      { type: 'revise_scheme', grading: grading() },
      { type: 'finalize', at: CLOSES },
    ];
    for (const event of events) expectError(transition(final, event), 'frozen', '考核结果已终定，不得修改');
  });

  it('finalizing straight from publicity is refused; transitions never mutate the round', () => {
    const round = published();
    const snapshot = structuredClone(round);
    expectError(
      transition(round, { type: 'finalize', at: CLOSES }),
      'invalid_transition',
      '当前处于“公示”阶段，不能终定考核结果',
    );
    transition(round, { type: 'file_appeal', appealId: 'a1', unitId: 'u3', reason: '漏计', at: PUBLISHED });
    expect(round).toEqual(snapshot);
  });

  it('formats dates in Asia/Shanghai', () => {
    expect(formatShanghai(at('2024-12-31T16:05:00Z'))).toBe('2025年1月1日00:05');
  });
});
