import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodOf } from '../shared/shanghai-calendar.ts';
import {
  type LiaisonAssignment,
  type LiaisonVisit,
  liaisonRate,
  liaisonReminders,
  liaisonYearStatuses,
  periodLabel,
} from './liaison-obligation.ts';
import { buildLiaisonYearReport } from './liaison-report.ts';

const quarterly: LiaisonAssignment = {
  id: 1,
  leaderId: 5,
  pointId: 50,
  obligation: { every: 'quarter', times: 1 },
  startDate: '2024-01-01',
  endDate: null,
};
let nextId = 1;
const visit = (iso: string, over: Partial<LiaisonVisit> = {}): LiaisonVisit => ({
  id: nextId++,
  leaderId: 5,
  pointId: 50,
  visitedAt: new Date(iso),
  ...over,
});
const statusOf = (visits: LiaisonVisit[], now: string, a = quarterly, year = 2024) =>
  liaisonYearStatuses(a, visits, year, new Date(now)).map((s) => [s.period, s.done, s.status]);

describe('Shanghai quarter boundaries', () => {
  it('puts 2024-03-31T17:00Z in Q2: it is already 1 April in Shanghai', () => {
    expect(periodOf(new Date('2024-03-31T17:00:00Z'), 'quarter')).toBe('2024-Q2');
    expect(periodOf(new Date('2024-03-31T15:59:59Z'), 'quarter')).toBe('2024-Q1');
    expect(periodOf(new Date('2024-03-31T16:00:00Z'), 'quarter')).toBe('2024-Q2');
    expect(periodOf(new Date('2023-12-31T16:30:00Z'), 'year')).toBe('2024');
    expect(periodOf(new Date('2024-01-31T16:00:00Z'), 'month')).toBe('2024-02');
  });

  it('so a late-night visit on 31 March (Shanghai 1 April) does not fulfil Q1', () => {
    expect(statusOf([visit('2024-03-31T17:00:00Z')], '2024-04-15T00:00:00Z')).toEqual([
      ['2024-Q1', 0, 'overdue'],
      ['2024-Q2', 1, 'done'],
      ['2024-Q3', 0, 'upcoming'],
      ['2024-Q4', 0, 'upcoming'],
    ]);
    expect(statusOf([visit('2024-03-31T15:00:00Z')], '2024-04-15T00:00:00Z')[0]).toEqual(['2024-Q1', 1, 'done']);
  });

  it('Q1 is due until the Shanghai quarter ends, then overdue', () => {
    expect(statusOf([], '2024-03-31T15:59:59Z')[0]).toEqual(['2024-Q1', 0, 'due']);
    expect(statusOf([], '2024-03-31T16:00:00Z')[0]).toEqual(['2024-Q1', 0, 'overdue']);
  });
});

describe('liaison obligation', () => {
  it('counts only the assigned leader at the assigned point', () => {
    const s = statusOf(
      [visit('2024-02-01T02:00:00Z', { leaderId: 6 }), visit('2024-02-01T02:00:00Z', { pointId: 51 })],
      '2024-05-01T00:00:00Z',
    );
    expect(s[0]).toEqual(['2024-Q1', 0, 'overdue']);
  });

  it('supports monthly and N-per-year obligations', () => {
    const monthly = { ...quarterly, obligation: { every: 'month' as const, times: 1 } };
    const m = liaisonYearStatuses(monthly, [visit('2024-01-10T02:00:00Z')], 2024, new Date('2024-02-15T00:00:00Z'));
    expect(m.slice(0, 3).map((s) => s.status)).toEqual(['done', 'due', 'upcoming']);
    expect(m).toHaveLength(12);
    const yearly = { ...quarterly, obligation: { every: 'year' as const, times: 3 } };
    const y = liaisonYearStatuses(
      yearly,
      [visit('2024-02-01T02:00:00Z'), visit('2024-06-01T02:00:00Z')],
      2024,
      new Date('2025-01-02T00:00:00Z'),
    );
    expect(y).toMatchObject([{ period: '2024', required: 3, done: 2, status: 'overdue' }]);
  });

  it('prorates a start inside a period: 1 Feb owes Q1, 15 March does not; a yearly duty shrinks', () => {
    const feb = { ...quarterly, startDate: '2024-02-01' };
    expect(statusOf([], '2024-05-01T00:00:00Z', feb)[0]).toEqual(['2024-Q1', 0, 'overdue']);
    const mid = { ...quarterly, startDate: '2024-03-15' };
    expect(statusOf([], '2024-05-01T00:00:00Z', mid)[0]?.[0]).toBe('2024-Q2');
    const yearly = { ...quarterly, startDate: '2024-07-01', obligation: { every: 'year' as const, times: 4 } };
    expect(liaisonYearStatuses(yearly, [], 2024, new Date('2024-08-01'))[0]?.required).toBe(2);
  });

  it('stops at the end date and ignores visits outside the assignment', () => {
    const ended = { ...quarterly, endDate: '2024-06-30' };
    const s = liaisonYearStatuses(ended, [visit('2024-08-01T02:00:00Z')], 2024, new Date('2024-12-01'));
    expect(s.map((x) => x.period)).toEqual(['2024-Q1', '2024-Q2']);
    const late = { ...quarterly, startDate: '2024-02-01' };
    expect(statusOf([visit('2024-01-20T02:00:00Z')], '2024-05-01T00:00:00Z', late)[0]).toEqual([
      '2024-Q1',
      0,
      'overdue',
    ]);
  });

  it('rates done vs due over finished or fulfilled periods only; extra visits do not carry over', () => {
    const visits = [visit('2024-01-10T02:00:00Z'), visit('2024-02-10T02:00:00Z'), visit('2024-08-10T02:00:00Z')];
    const s = liaisonYearStatuses(quarterly, visits, 2024, new Date('2024-08-20T00:00:00Z'));
    expect(s.map((x) => x.status)).toEqual(['done', 'overdue', 'done', 'upcoming']);
    expect(liaisonRate(s)).toEqual({ required: 3, done: 2, rate: 2 / 3 });
    const current = liaisonYearStatuses(quarterly, [], 2024, new Date('2024-02-01'));
    expect(liaisonRate(current)).toEqual({ required: 0, done: 0, rate: null });
  });
});

describe('liaison reminders', () => {
  it('reminds near the end of a period and when overdue, with stable keys', () => {
    const nearEnd = liaisonYearStatuses(quarterly, [], 2024, new Date('2024-03-20T00:00:00Z'));
    const r1 = liaisonReminders(nearEnd, new Date('2024-03-20T00:00:00Z'));
    expect(r1).toEqual([
      {
        key: 'grassroots:liaison:5:50:2024-Q1:due_soon',
        kind: 'due_soon',
        leaderId: 5,
        pointId: 50,
        period: '2024-Q1',
        message: '2024年第一季度即将结束，挂点联系走访尚差1次，请按时走访',
      },
    ]);
    const early = new Date('2024-02-01T00:00:00Z');
    expect(liaisonReminders(liaisonYearStatuses(quarterly, [], 2024, early), early)).toEqual([]);
    const after = new Date('2024-04-02T00:00:00Z');
    const r2 = liaisonReminders(liaisonYearStatuses(quarterly, [], 2024, after), after);
    expect(r2.map((r) => r.key)).toEqual(['grassroots:liaison:5:50:2024-Q1:overdue']);
    // The quarter is over: the reminder says so and does not ask to make it up (a visit now counts for Q2).
    expect(r2[0]?.message).toBe(
      '2024年第一季度已结束，挂点联系走访少1次，记为未完成；此后的走访计入当期，请按当期要求走访',
    );
    expect(r2[0]?.message).not.toContain('补');
  });

  it('is idempotent: the same inputs at any later time of the period give the same keys, never duplicates', () => {
    const visits = [visit('2024-05-05T02:00:00Z')];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 }), (hours) => {
        const now = new Date(Date.parse('2024-01-01T00:00:00Z') + hours * 3600_000);
        const statuses = [quarterly, { ...quarterly, id: 2 }].flatMap((a) => liaisonYearStatuses(a, visits, 2024, now));
        const keys = liaisonReminders(statuses, now).map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const k of keys) expect(k).toMatch(/^grassroots:liaison:5:50:2024-Q[1-4]:(due_soon|overdue)$/);
        expect(keys.some((k) => k.includes('Q2'))).toBe(false);
      }),
    );
  });

  it('labels periods in Chinese', () => {
    expect(['2024', '2024-Q3', '2024-H1', '2024-03'].map(periodLabel)).toEqual([
      '2024年',
      '2024年第三季度',
      '2024年上半年',
      '2024年3月',
    ]);
  });
});

describe('yearly liaison report', () => {
  it('summarises each point, the visits with findings, and the totals', () => {
    const second: LiaisonAssignment = { ...quarterly, id: 2, pointId: 60, startDate: '2024-04-01' };
    const other: LiaisonAssignment = { ...quarterly, id: 3, leaderId: 9 };
    const visits = [
      visit('2024-02-01T02:00:00Z', { findings: '调解室台账不全', suggestions: '增配调解员' }),
      visit('2024-05-01T02:00:00Z'),
      visit('2024-05-02T02:00:00Z', { pointId: 60 }),
      visit('2023-11-01T02:00:00Z'),
    ];
    const report = buildLiaisonYearReport(
      5,
      2024,
      [quarterly, second, other],
      visits,
      new Date('2025-01-05T00:00:00Z'),
    );
    expect(report.points.map((p) => [p.pointId, p.obligation, p.overduePeriods])).toEqual([
      [50, '每季度至少走访1次', ['2024-Q3', '2024-Q4']],
      [60, '每季度至少走访1次', ['2024-Q3', '2024-Q4']],
    ]);
    expect(report.points[0]?.visits[0]).toMatchObject({ findings: '调解室台账不全', suggestions: '增配调解员' });
    expect(report.points[0]?.visits).toHaveLength(2);
    expect(report.totals).toEqual({ required: 7, done: 3, rate: 3 / 7, visits: 3, overduePeriods: 4 });
  });
});

describe('yearly liaison report with a re-assigned point', () => {
  it('shows the point once, with the periods of both assignments and each visit once', () => {
    const first: LiaisonAssignment = { ...quarterly, endDate: '2024-06-30' };
    const again: LiaisonAssignment = { ...quarterly, id: 7, startDate: '2024-10-01' };
    const visits = [visit('2024-02-01T02:00:00Z'), visit('2024-11-01T02:00:00Z')];
    const report = buildLiaisonYearReport(5, 2024, [first, again], visits, new Date('2025-01-05T00:00:00Z'));
    expect(report.points).toHaveLength(1);
    expect(report.points[0]?.periods.map((p) => [p.period, p.status])).toEqual([
      ['2024-Q1', 'done'],
      ['2024-Q2', 'overdue'],
      ['2024-Q4', 'done'],
    ]);
    expect(report.totals).toMatchObject({ required: 3, done: 2, visits: 2, overduePeriods: 1 });
  });
});
