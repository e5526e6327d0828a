import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFourOnes } from './four-ones.ts';
import { problemActionSchema } from './problem.schemas.ts';
import { type Problem, type ProblemContext, problemStatuses } from './problem.ts';
import { daysOverdue, effectiveDeadline, isOverdue } from './problem-deadline.ts';
import {
  applyProblemAction,
  createProblem,
  missingSignOffs,
  type ProblemAction,
  reopenOnRecurrence,
} from './problem-lifecycle.ts';

const at = (iso: string): ProblemContext => ({ by: 1, at: new Date(iso) });
const ctx = at('2024-05-01T02:00:00Z');
const complete = {
  ownerIds: [7],
  plan: '制定专项整改方案',
  measures: ['建立台账', '每周调度'],
  deadline: '2024-06-30',
};

function must(problem: Problem, action: ProblemAction, c: ProblemContext = ctx): Problem {
  const t = applyProblemAction(problem, action, c);
  if (!t.ok) throw new Error(t.message);
  return t.problem;
}

function newProblem(unitIds: readonly number[] = [101], deadline: string | null = null): Problem {
  return createProblem({ id: 1, inspectionId: 9, title: '行政执法案卷不规范', unitIds, deadline }, ctx);
}

function rectifying(unitIds: readonly number[] = [101]): Problem {
  return must(newProblem(unitIds), { type: 'claim', unitId: unitIds[0]!, fields: complete });
}

describe('四个一 gate', () => {
  it('names every missing item in Chinese', () => {
    const issues = checkFourOnes({ ownerIds: [], plan: ' ', measures: [], deadline: null });
    expect(issues.map((i) => i.item)).toEqual(['owner', 'plan', 'measures', 'deadline']);
    expect(issues.map((i) => i.message).join()).toMatch(/责任人.*整改方案.*整改措施.*整改时限/);
  });

  it('accepts exactly one owner and refuses two', () => {
    expect(checkFourOnes(complete)).toEqual([]);
    expect(checkFourOnes({ ...complete, ownerIds: [7, 7] })).toEqual([]);
    expect(checkFourOnes({ ...complete, ownerIds: [7, 8] })[0]?.message).toContain('只能有一人');
  });

  it('treats blank measures as none and rejects impossible dates', () => {
    expect(checkFourOnes({ ...complete, measures: ['  '] })[0]?.item).toBe('measures');
    expect(checkFourOnes({ ...complete, deadline: '2024-02-30' })[0]?.message).toContain('有效日期');
  });

  it('blocks 认领 until complete, listing what is missing', () => {
    const t = applyProblemAction(newProblem(), { type: 'claim', unitId: 101, fields: { ownerIds: [7] } }, ctx);
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.code).toBe('four_ones_incomplete');
    expect(t.message).toContain('整改方案');
    expect(t.details).toHaveLength(3);
  });

  it('lets a unit save a partial draft before claiming, then claim with the rest', () => {
    let p = must(newProblem(), { type: 'set_four_ones', fields: { ownerIds: [7], plan: '方案' } });
    expect(p.status).toBe('unclaimed');
    p = must(p, { type: 'claim', unitId: 101, fields: { measures: ['措施一'], deadline: '2024-06-30' } });
    expect(p.status).toBe('rectifying');
    expect(p.fourOnes).toEqual({ ownerId: 7, plan: '方案', measures: ['措施一'], deadline: '2024-06-30' });
    expect(p.claimedByUnitId).toBe(101);
  });

  it('refuses two owners even in a draft, and refuses a claim by another unit', () => {
    expect(applyProblemAction(newProblem(), { type: 'set_four_ones', fields: { ownerIds: [7, 8] } }, ctx).ok).toBe(
      false,
    );
    const t = applyProblemAction(newProblem(), { type: 'claim', unitId: 999, fields: complete }, ctx);
    expect(t).toMatchObject({ ok: false, code: 'not_responsible_unit' });
  });

  it('keeps the four items while rectifying: removing the plan is refused, editing measures is fine', () => {
    const p = rectifying();
    expect(applyProblemAction(p, { type: 'set_four_ones', fields: { plan: '' } }, ctx)).toMatchObject({ ok: false });
    expect(must(p, { type: 'set_four_ones', fields: { measures: ['新措施'] } }).fourOnes.measures).toEqual(['新措施']);
  });

  it('locks a running deadline: it moves only through a deferral', () => {
    const t = applyProblemAction(rectifying(), { type: 'set_four_ones', fields: { deadline: '2024-12-31' } }, ctx);
    expect(t).toMatchObject({ ok: false, code: 'deadline_locked' });
  });

  it('locks a deadline the office fixed, even before claiming', () => {
    const p = newProblem([101], '2024-06-30');
    expect(applyProblemAction(p, { type: 'set_four_ones', fields: { deadline: '2024-09-30' } }, ctx)).toMatchObject({
      ok: false,
      code: 'deadline_locked',
    });
    const claimed = must(p, { type: 'claim', unitId: 101, fields: { ...complete, deadline: undefined } });
    expect(claimed.fourOnes.deadline).toBe('2024-06-30');
  });
});

describe('销号 and verification', () => {
  it('walks 待认领 → 整改中 → 申请销号 → 已销号 with history', () => {
    let p = rectifying();
    p = must(p, { type: 'apply', summary: '已完成案卷整改' });
    expect(p.status).toBe('applied');
    p = must(p, { type: 'verify_pass', note: '整改到位' }, at('2024-06-01T00:00:00Z'));
    expect(p.status).toBe('closed');
    expect(p.closedAt?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(p.history.map((e) => e.type)).toEqual(['created', 'claimed', 'applied', 'verified_pass']);
    expect(p.history.map((e) => e.to)).toEqual(['unclaimed', 'rectifying', 'applied', 'closed']);
  });

  it('needs a rectification summary to apply', () => {
    expect(applyProblemAction(rectifying(), { type: 'apply', summary: ' ' }, ctx)).toMatchObject({
      ok: false,
      message: '申请销号须填写整改情况说明',
    });
  });

  it('验收不通过 needs a reason and returns to 整改中', () => {
    const applied = must(rectifying(), { type: 'apply', summary: '已整改' });
    expect(applyProblemAction(applied, { type: 'verify_fail', reason: '' }, ctx)).toMatchObject({ ok: false });
    const back = must(applied, { type: 'verify_fail', reason: '佐证材料不足' });
    expect(back.status).toBe('rectifying');
    expect(back.history.at(-1)).toMatchObject({ type: 'verified_fail', note: '佐证材料不足', from: 'applied' });
    expect(must(back, { type: 'apply', summary: '补充材料' }).status).toBe('applied');
  });

  it('refuses actions out of state with the current state named', () => {
    const t = applyProblemAction(newProblem(), { type: 'apply', summary: 'x' }, ctx);
    expect(t).toMatchObject({ ok: false, code: 'invalid_state', message: expect.stringContaining('待认领') });
    expect(applyProblemAction(rectifying(), { type: 'verify_pass' }, ctx)).toMatchObject({ ok: false });
  });

  it('a closed problem is locked against every action', () => {
    const closed = must(must(rectifying(), { type: 'apply', summary: '已整改' }), { type: 'verify_pass' });
    const actions: ProblemAction[] = [
      { type: 'set_four_ones', fields: { plan: 'x' } },
      { type: 'claim', unitId: 101 },
      { type: 'apply', summary: 'x' },
      { type: 'verify_fail', reason: 'x' },
      { type: 'request_deferral', reason: 'x', until: '2025-01-01' },
    ];
    for (const a of actions) expect(applyProblemAction(closed, a, ctx).ok).toBe(false);
  });
});

describe('joint 销号', () => {
  const units = [101, 102, 103];

  it('requires every unit to sign off before applying, naming the units still missing', () => {
    let p = rectifying(units);
    p = must(p, { type: 'sign_off', unitId: 101 });
    const t = applyProblemAction(p, { type: 'apply', summary: '联合整改完成' }, ctx);
    expect(t).toMatchObject({ ok: false, code: 'sign_off_missing', details: ['102', '103'] });
    expect(missingSignOffs(p)).toEqual([102, 103]);
    p = must(must(p, { type: 'sign_off', unitId: 102 }), { type: 'sign_off', unitId: 103, note: '已完成' });
    p = must(must(p, { type: 'apply', summary: '联合整改完成' }), { type: 'verify_pass' });
    expect(p.status).toBe('closed');
  });

  it('refuses double and foreign sign-offs, and sign-off on a single-unit problem', () => {
    const p = must(rectifying(units), { type: 'sign_off', unitId: 101 });
    expect(applyProblemAction(p, { type: 'sign_off', unitId: 101 }, ctx)).toMatchObject({ code: 'already_signed' });
    expect(applyProblemAction(p, { type: 'sign_off', unitId: 555 }, ctx)).toMatchObject({
      code: 'not_responsible_unit',
    });
    expect(applyProblemAction(rectifying(), { type: 'sign_off', unitId: 101 }, ctx).ok).toBe(false);
  });

  it('a failed verification clears sign-offs so every unit signs again', () => {
    let p = rectifying([101, 102]);
    p = must(must(p, { type: 'sign_off', unitId: 101 }), { type: 'sign_off', unitId: 102 });
    p = must(must(p, { type: 'apply', summary: '完成' }), { type: 'verify_fail', reason: '102单位未整改到位' });
    expect(p.signOffs).toEqual([]);
    expect(applyProblemAction(p, { type: 'apply', summary: '完成' }, ctx)).toMatchObject({ code: 'sign_off_missing' });
  });
});

describe('复发', () => {
  it('registers a new linked problem and keeps the original closed, history on both sides', () => {
    const closed = must(must(rectifying(), { type: 'apply', summary: '已整改' }), {
      type: 'verify_pass',
    });
    const r = reopenOnRecurrence(closed, { newId: 2, reason: '回头看发现问题反弹' }, at('2024-09-01T00:00:00Z'));
    if (!r.ok) throw new Error(r.message);
    expect(r.original.status).toBe('closed');
    expect(r.original.closedAt).toEqual(closed.closedAt);
    expect(r.original.recurrenceIds).toEqual([2]);
    expect(r.original.history.at(-1)).toMatchObject({
      type: 'recurred',
      relatedProblemId: 2,
      note: '回头看发现问题反弹',
    });
    expect(r.recurrence).toMatchObject({
      id: 2,
      status: 'unclaimed',
      recurrenceOf: 1,
      unitIds: [101],
      inspectionId: 9,
    });
    expect(r.recurrence.fourOnes).toEqual({ ownerId: null, plan: '', measures: [], deadline: null });
    expect(r.recurrence.history[0]).toMatchObject({ type: 'created_as_recurrence', relatedProblemId: 1 });
  });

  it('needs a reason and a closed original', () => {
    expect(reopenOnRecurrence(rectifying(), { newId: 2, reason: '复发' }, ctx)).toMatchObject({ ok: false });
    const closed = must(must(rectifying(), { type: 'apply', summary: '已整改' }), { type: 'verify_pass' });
    expect(reopenOnRecurrence(closed, { newId: 2, reason: ' ' }, ctx)).toMatchObject({ code: 'reason_required' });
  });
});

describe('deferral and overdue', () => {
  const endOfDeadlineDay = new Date('2024-06-30T16:00:00Z'); // 2024-07-01 00:00 Shanghai

  it('is overdue exactly when the Shanghai deadline day has ended', () => {
    const p = rectifying();
    expect(isOverdue(p, new Date(endOfDeadlineDay.getTime() - 1))).toBe(false);
    expect(isOverdue(p, endOfDeadlineDay)).toBe(true);
    expect(daysOverdue(p, endOfDeadlineDay)).toBe(1);
    expect(daysOverdue(p, new Date('2024-07-03T16:00:00Z'))).toBe(4);
  });

  it('an unclaimed problem without deadline is never overdue; one applied for 销号 is not either', () => {
    expect(isOverdue(newProblem(), new Date('2030-01-01'))).toBe(false);
    expect(isOverdue(newProblem([101], '2024-01-01'), new Date('2024-03-01'))).toBe(true);
    const applied = must(rectifying(), { type: 'apply', summary: '已整改' });
    expect(isOverdue(applied, new Date('2030-01-01'))).toBe(false);
  });

  it('an approved deferral moves the deadline; after it expires the problem is overdue again', () => {
    let p = must(rectifying(), { type: 'request_deferral', reason: '需待资金下达', until: '2024-08-31' });
    expect(effectiveDeadline(p)).toBe('2024-06-30');
    expect(isOverdue(p, endOfDeadlineDay)).toBe(true); // pending changes nothing
    p = must(p, { type: 'approve_deferral', note: '同意' });
    expect(effectiveDeadline(p)).toBe('2024-08-31');
    expect(isOverdue(p, endOfDeadlineDay)).toBe(false);
    expect(isOverdue(p, new Date('2024-08-31T15:59:59Z'))).toBe(false);
    expect(isOverdue(p, new Date('2024-08-31T16:00:00Z'))).toBe(true);
    expect(p.deferrals[0]).toMatchObject({ status: 'approved', decidedBy: 1, decisionNote: '同意' });
  });

  it('a rejected deferral leaves the original deadline and needs a reason', () => {
    const p = must(rectifying(), { type: 'request_deferral', reason: '人手不足', until: '2024-08-31' });
    expect(applyProblemAction(p, { type: 'reject_deferral', reason: '' }, ctx)).toMatchObject({ ok: false });
    const rejected = must(p, { type: 'reject_deferral', reason: '理由不充分' });
    expect(effectiveDeadline(rejected)).toBe('2024-06-30');
    expect(rejected.history.at(-1)?.type).toBe('deferral_rejected');
  });

  it('validates deferral requests', () => {
    const p = rectifying();
    const req = (reason: string, until: string) =>
      applyProblemAction(p, { type: 'request_deferral', reason, until }, ctx);
    expect(req('', '2024-08-31')).toMatchObject({ code: 'reason_required' });
    expect(req('理由', '2024-06-30')).toMatchObject({
      code: 'invalid_deferral',
      message: expect.stringContaining('2024-06-30'),
    });
    expect(req('理由', '2024-13-01')).toMatchObject({ code: 'invalid_deferral' });
    const pending = must(p, { type: 'request_deferral', reason: '理由', until: '2024-08-31' });
    expect(applyProblemAction(pending, { type: 'request_deferral', reason: '再延', until: '2024-09-30' }, ctx).ok).toBe(
      false,
    );
    expect(applyProblemAction(p, { type: 'approve_deferral' }, ctx)).toMatchObject({ code: 'no_pending_deferral' });
  });

  it('a second deferral must go beyond the first approved one', () => {
    let p = must(rectifying(), { type: 'request_deferral', reason: '一', until: '2024-08-31' });
    p = must(p, { type: 'approve_deferral' });
    expect(applyProblemAction(p, { type: 'request_deferral', reason: '二', until: '2024-07-31' }, ctx).ok).toBe(false);
    p = must(must(p, { type: 'request_deferral', reason: '二', until: '2024-10-31' }), { type: 'approve_deferral' });
    expect(effectiveDeadline(p)).toBe('2024-10-31');
  });
});

describe('properties', () => {
  const actionArb: fc.Arbitrary<ProblemAction> = fc.oneof(
    fc.record({
      type: fc.constant('set_four_ones' as const),
      fields: fc.record(
        {
          ownerIds: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
          plan: fc.constantFrom('', '方案'),
          measures: fc.array(fc.constantFrom('', '措施'), { maxLength: 2 }),
          deadline: fc.constantFrom(null, '2024-06-30', '2024-07-31'),
        },
        { requiredKeys: [] },
      ),
    }),
    fc.record({
      type: fc.constant('claim' as const),
      unitId: fc.constantFrom(101, 102, 999),
      fields: fc.constant(complete),
    }),
    fc.record({ type: fc.constant('sign_off' as const), unitId: fc.constantFrom(101, 102) }),
    fc.record({ type: fc.constant('apply' as const), summary: fc.constantFrom('', '已整改') }),
    fc.constant({ type: 'verify_pass' as const }),
    fc.record({ type: fc.constant('verify_fail' as const), reason: fc.constantFrom('', '不到位') }),
    fc.record({
      type: fc.constant('request_deferral' as const),
      reason: fc.constantFrom('', '理由'),
      until: fc.constantFrom('2024-08-31', '2024-12-31'),
    }),
    fc.constant({ type: 'approve_deferral' as const }),
    fc.record({ type: fc.constant('reject_deferral' as const), reason: fc.constantFrom('', '不同意') }),
  );

  it('any action sequence keeps the invariants: 四个一 complete beyond 待认领, closed only with all sign-offs', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom([101], [101, 102]), fc.array(actionArb, { maxLength: 25 }), (units, actions) => {
        // Claiming first (and signing off twice) makes the later states reachable often enough to be tested.
        let p = newProblem(units);
        const start: ProblemAction[] = [
          { type: 'claim', unitId: 101, fields: complete },
          { type: 'sign_off', unitId: 101 },
          { type: 'sign_off', unitId: 102 },
        ];
        for (const a of [...start, ...actions]) {
          const before = structuredClone(p);
          const t = applyProblemAction(p, a, ctx);
          expect(p).toEqual(before); // never mutates
          if (!t.ok) {
            expect(t.message).toMatch(/[\u4e00-\u9fa5]/);
            continue;
          }
          p = t.problem;
          reached.add(p.status);
          expect(problemStatuses).toContain(p.status);
          if (p.status !== 'unclaimed')
            expect(checkFourOnes({ ...p.fourOnes, ownerIds: [p.fourOnes.ownerId!] })).toEqual([]);
          if (p.status === 'closed') expect(missingSignOffs(p)).toEqual([]);
          expect(p.deferrals.filter((d) => d.status === 'pending').length).toBeLessThanOrEqual(1);
        }
        expect(p.history[0]?.type).toBe('created');
        for (let i = 1; i < p.history.length; i++) expect(p.history[i]?.from).toBe(p.history[i - 1]?.to);
      }),
      { numRuns: 300 },
    );
    expect([...reached].sort()).toEqual(['applied', 'closed', 'rectifying']);
  });
});

describe('problemActionSchema', () => {
  it('parses a claim and reports Chinese messages naming the field', () => {
    expect(problemActionSchema.parse({ type: 'claim', unitId: 3, fields: { ownerIds: [1] } })).toMatchObject({
      type: 'claim',
    });
    const bad = problemActionSchema.safeParse({ type: 'verify_fail', reason: '  ' });
    expect(bad.error?.issues[0]?.message).toBe('请填写审核意见');
    const deferral = problemActionSchema.safeParse({ type: 'request_deferral', reason: '理由', until: '8月31日' });
    expect(deferral.error?.issues[0]?.message).toContain('YYYY-MM-DD');
  });
});
