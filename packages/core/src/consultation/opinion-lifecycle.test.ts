import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADOPTION_DECISIONS,
  applyBulkOpinionAction,
  applyOpinionAction,
  availableOpinionActions,
  checkMergeTarget,
  effectiveOpinionState,
  initialOpinionState,
  type OpinionAction,
  type OpinionState,
  submitterStatusLabel,
} from './opinion-lifecycle.ts';

function run(state: OpinionState, ...actions: OpinionAction[]): OpinionState {
  return actions.reduce((s, action) => {
    const result = applyOpinionAction(s, action);
    if (!result.ok) throw new Error(result.message);
    return result.state;
  }, state);
}

const fresh = () => initialOpinionState({ needsReview: false, articleKey: 'a3' });
const forwarded = () => run(fresh(), { type: 'organize', category: '工作机制' }, { type: 'forward' });

function errorOf(state: OpinionState, action: OpinionAction): string {
  const result = applyOpinionAction(state, action);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('opinion lifecycle', () => {
  it('walks 已提交 → 已整理 → 已报送 → 采纳 → 已反馈', () => {
    const state = run(
      fresh(),
      { type: 'organize', category: '工作机制', articleKey: 'a7-1' },
      { type: 'forward' },
      { type: 'decide', decision: 'adopted' },
      { type: 'answer' },
    );
    expect(state).toMatchObject({
      status: 'answered',
      category: '工作机制',
      articleKey: 'a7-1',
      decision: 'adopted',
      reply: '感谢您的参与，您的意见已被采纳。',
    });
  });

  it('requires a reason for 未采纳 and 部分采纳 but not for 采纳', () => {
    expect(errorOf(forwarded(), { type: 'decide', decision: 'rejected' })).toBe('答复“未采纳”时须说明理由');
    expect(errorOf(forwarded(), { type: 'decide', decision: 'partly_adopted', reason: '  ' })).toBe(
      '答复“部分采纳”时须说明理由',
    );
    const rejected = run(
      forwarded(),
      { type: 'decide', decision: 'rejected', reason: '上位法已有规定' },
      { type: 'answer' },
    );
    expect(rejected.reply).toBe('感谢您的参与，您的意见未被采纳。说明：上位法已有规定');
    expect(errorOf(forwarded(), { type: 'decide', decision: 'rejected', reason: '理'.repeat(501) })).toContain('500');
  });

  it('lets a decision be corrected until the submitter is answered, then freezes it', () => {
    const decided = run(forwarded(), { type: 'decide', decision: 'rejected', reason: '不宜写入' });
    const corrected = run(decided, { type: 'decide', decision: 'partly_adopted', reason: '吸收了第二点' });
    expect(corrected).toMatchObject({ status: 'partly_adopted', decisionReason: '吸收了第二点' });
    const answered = run(corrected, { type: 'answer', reply: '已部分吸收，谢谢。' });
    expect(answered.reply).toBe('已部分吸收，谢谢。');
    expect(errorOf(answered, { type: 'decide', decision: 'adopted' })).toBe('该意见已反馈，办理结果不能再修改');
  });

  it('refuses steps out of order with a message naming the current state', () => {
    expect(errorOf(fresh(), { type: 'forward' })).toBe('该意见当前为“已提交”，不能报送，请先整理');
    expect(errorOf(fresh(), { type: 'decide', decision: 'adopted' })).toBe(
      '该意见当前为“已提交”，不能答复采纳情况，须先报送',
    );
    expect(errorOf(forwarded(), { type: 'answer' })).toBe('该意见当前为“已报送”，不能反馈，须先答复采纳情况');
    expect(errorOf(forwarded(), { type: 'organize' })).toBe('该意见当前为“已报送”，不能整理');
    expect(errorOf(forwarded(), { type: 'merge', intoId: 'x' })).toBe('该意见当前为“已报送”，不能合并');
  });

  it('keeps an opinion with sensitive words out of handling until approved', () => {
    const pending = initialOpinionState({ needsReview: true });
    expect(pending.moderation).toBe('pending_review');
    expect(availableOpinionActions(pending)).toEqual(['approve', 'block']);
    expect(errorOf(pending, { type: 'organize' })).toBe('该意见含有敏感词，须先审核通过才能办理');
    const approved = run(pending, { type: 'approve' }, { type: 'organize' });
    expect(approved.status).toBe('organized');
    expect(errorOf(approved, { type: 'approve' })).toBe('该意见已审核通过，无需重复审核');
  });

  it('blocks spam with a reason, and only before it is forwarded', () => {
    const pending = initialOpinionState({ needsReview: true });
    expect(errorOf(pending, { type: 'block', reason: '' })).toBe('审核不通过时须填写理由');
    const blocked = run(pending, { type: 'block', reason: '广告信息' });
    expect(blocked).toMatchObject({ moderation: 'blocked', moderationNote: '广告信息' });
    expect(errorOf(blocked, { type: 'organize' })).toBe('该意见审核未通过，不能继续办理');
    expect(run(blocked, { type: 'approve' }).moderation).toBe('approved');
    expect(errorOf(forwarded(), { type: 'block', reason: '广告' })).toBe('该意见当前为“已报送”，不能审核不通过');
  });

  it('merges a duplicate, which then follows the opinion it was merged into', () => {
    const merged = run(fresh(), { type: 'merge', intoId: 'op-1' });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: 'op-1' });
    expect(errorOf(merged, { type: 'organize' })).toBe('该意见已合并到其他意见，由合并后的意见统一办理');
    const primary = run(forwarded(), { type: 'decide', decision: 'adopted' }, { type: 'answer' });
    expect(effectiveOpinionState(merged, primary)).toMatchObject({ status: 'answered', decision: 'adopted' });
    expect(effectiveOpinionState(primary, null)).toBe(primary);
    expect(availableOpinionActions(merged)).toEqual([]);
  });

  it('checks merge targets', () => {
    expect(checkMergeTarget('a', { id: 'a', state: fresh() })).toBe('不能将意见合并到其自身');
    expect(checkMergeTarget('a', { id: 'b', state: run(fresh(), { type: 'merge', intoId: 'c' }) })).toContain('已合并');
    expect(checkMergeTarget('a', { id: 'b', state: initialOpinionState({ needsReview: true }) })).toContain(
      '尚未审核通过',
    );
    expect(checkMergeTarget('a', { id: 'b', state: fresh() })).toBeNull();
  });

  it('tells the submitter where the opinion stands', () => {
    expect(submitterStatusLabel(initialOpinionState({ needsReview: true }))).toBe('已提交，待审核');
    expect(submitterStatusLabel(forwarded())).toBe('已报送');
    expect(
      submitterStatusLabel(run(initialOpinionState({ needsReview: true }), { type: 'block', reason: '广告' })),
    ).toBe('审核未通过');
  });

  it('keeps its invariants under any sequence of actions', () => {
    const action: fc.Arbitrary<OpinionAction> = fc.oneof(
      fc.constant({ type: 'approve' as const }),
      fc.constantFrom('', '广告').map((reason) => ({ type: 'block' as const, reason })),
      fc.constant({ type: 'organize' as const }),
      fc.constant({ type: 'merge' as const, intoId: 'p' }),
      fc.constant({ type: 'forward' as const }),
      fc
        .tuple(fc.constantFrom(...ADOPTION_DECISIONS), fc.constantFrom(undefined, '', '理由'))
        .map(([decision, reason]) => ({ type: 'decide' as const, decision, reason })),
      fc.constant({ type: 'answer' as const }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(action, { maxLength: 12 }), (needsReview, actions) => {
        let state = initialOpinionState({ needsReview });
        for (const a of actions) {
          const result = applyOpinionAction(state, a);
          if (result.ok) state = result.state;
          else expect(result.message).toMatch(/[\u4e00-\u9fff]/);
        }
        if (state.moderation !== 'approved') expect(['submitted', 'organized']).toContain(state.status);
        if (state.status === 'answered') expect(state.decision).not.toBeNull();
        if (state.decision && state.decision !== 'adopted') expect(state.decisionReason).toBeTruthy();
        if (state.status === 'merged') expect(state.mergedIntoId).toBe('p');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('applyBulkOpinionAction', () => {
  it('answers every selected opinion at once', () => {
    const decide = { type: 'decide', decision: 'rejected', reason: '与上位法不一致' } as const;
    const result = applyBulkOpinionAction(
      [
        { id: '1', state: forwarded() },
        { id: '2', state: forwarded() },
      ],
      decide,
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.states.map((s) => [s.id, s.state.status])).toEqual([
        ['1', 'rejected'],
        ['2', 'rejected'],
      ]);
  });

  it('changes nothing when any opinion cannot take the step, and lists each failure', () => {
    const result = applyBulkOpinionAction(
      [
        { id: '1', state: forwarded() },
        { id: '2', state: fresh() },
        { id: '1', state: forwarded() },
      ],
      { type: 'decide', decision: 'adopted' },
    );
    expect(result).toEqual({
      ok: false,
      message: '所选意见中有2条不能答复采纳情况，均未办理',
      failures: [
        { id: '2', code: 'invalid_transition', message: '该意见当前为“已提交”，不能答复采纳情况，须先报送' },
        { id: '1', code: 'invalid_target', message: '同一条意见被重复选择' },
      ],
    });
  });

  it('refuses an empty selection and merging an opinion into itself', () => {
    expect(applyBulkOpinionAction([], { type: 'forward' })).toMatchObject({ ok: false, message: '请至少选择一条意见' });
    const result = applyBulkOpinionAction([{ id: 'x', state: fresh() }], { type: 'merge', intoId: 'x' });
    expect(result.ok).toBe(false);
  });
});
