import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from './problem.ts';
import { applyProblemAction, createProblem, type ProblemAction } from './problem-lifecycle.ts';
import { dueProblemReminders } from './reminders.ts';

const ctx = { by: 1, at: new Date('2024-05-01T00:00:00Z') };

function step(p: Problem, a: ProblemAction): Problem {
  const t = applyProblemAction(p, a, ctx);
  if (!t.ok) throw new Error(t.message);
  return t.problem;
}

const problem = step(createProblem({ id: 5, inspectionId: 1, title: '台账不全', unitIds: [101] }, ctx), {
  type: 'claim',
  unitId: 101,
  fields: { ownerIds: [7], plan: '方案', measures: ['措施'], deadline: '2024-06-30' },
});
// The deadline day 2024-06-30 ends at 2024-06-30T16:00Z.
const kindsAt = (iso: string, p: Problem = problem, escalateAfterDays = 3) =>
  dueProblemReminders([p], new Date(iso), { escalateAfterDays }).map((r) => r.kind);

describe('problem reminders', () => {
  it('fires nothing more than 7 days out', () => {
    expect(kindsAt('2024-06-23T15:59:59Z')).toEqual([]);
  });

  it('fires the 7-day notice inside the last week, then the 1-day notice on the deadline day', () => {
    expect(kindsAt('2024-06-23T16:00:00Z')).toEqual(['due_in_7_days']);
    expect(kindsAt('2024-06-29T15:59:59Z')).toEqual(['due_in_7_days']);
    expect(kindsAt('2024-06-29T16:00:00Z')).toEqual(['due_in_1_day']);
    expect(kindsAt('2024-06-30T15:59:59Z')).toEqual(['due_in_1_day']);
  });

  it('is overdue from the end of the deadline day and escalates to the unit leader after N days', () => {
    expect(kindsAt('2024-06-30T16:00:00Z')).toEqual(['overdue']);
    expect(kindsAt('2024-07-03T15:59:59Z')).toEqual(['overdue']);
    const both = dueProblemReminders([problem], new Date('2024-07-03T16:00:00Z'), { escalateAfterDays: 3 });
    expect(both.map((r) => [r.kind, r.audience])).toEqual([
      ['overdue', 'owner'],
      ['escalation', 'unit_leader'],
    ]);
    expect(both[1]?.message).toContain('单位负责人');
    expect(both[0]).toMatchObject({ ownerId: 7, unitIds: [101], deadline: '2024-06-30' });
  });

  it('skips problems awaiting verification or closed, and those without deadline', () => {
    const applied = step(problem, { type: 'apply', summary: '已整改' });
    expect(kindsAt('2024-07-30T00:00:00Z', applied)).toEqual([]);
    const noDeadline = createProblem({ id: 6, inspectionId: 1, title: 'x', unitIds: [1] }, ctx);
    expect(kindsAt('2030-01-01T00:00:00Z', noDeadline)).toEqual([]);
  });

  it('keys are stable across runs and change after an approved deferral', () => {
    const key = (p: Problem, iso: string) => dueProblemReminders([p], new Date(iso))[0]?.key;
    expect(key(problem, '2024-07-01T00:00:00Z')).toBe('oversight:problem:5:overdue:2024-06-30');
    expect(key(problem, '2024-07-02T00:00:00Z')).toBe(key(problem, '2024-07-01T00:00:00Z'));
    let deferred = step(problem, { type: 'request_deferral', reason: '资金未到位', until: '2024-07-31' });
    deferred = step(deferred, { type: 'approve_deferral' });
    expect(kindsAt('2024-07-02T00:00:00Z', deferred)).toEqual([]);
    expect(key(deferred, '2024-08-01T00:00:00Z')).toBe('oversight:problem:5:overdue:2024-07-31');
  });

  it('never yields duplicate keys, whatever the time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 * 24 }), (hours) => {
        const now = new Date(Date.parse('2024-06-01T00:00:00Z') + hours * 3600_000);
        const keys = dueProblemReminders([problem, { ...problem, id: 6 }], now).map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
