import { describe, expect, it } from 'vitest';
import {
  consultationSchema,
  daysLeft,
  shanghaiDate,
  submissionBlockedReason,
  windowRange,
  windowStatus,
} from './consultation-window.ts';

const window = { opensOn: '2025-03-01', closesOn: '2025-03-31' };

describe('consultation window', () => {
  it('opens at Shanghai midnight and includes the whole closing day', () => {
    const { from, to } = windowRange(window);
    expect(from.toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(to.toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(windowStatus(window, new Date('2025-02-28T15:59:59Z'))).toBe('upcoming');
    expect(windowStatus(window, new Date('2025-02-28T16:00:00Z'))).toBe('open');
    expect(windowStatus(window, new Date('2025-03-31T15:59:59Z'))).toBe('open');
    expect(windowStatus(window, new Date('2025-03-31T16:00:00Z'))).toBe('closed');
  });

  it('tells the public why it cannot comment', () => {
    expect(submissionBlockedReason(window, new Date('2025-02-01T00:00:00Z'))).toBe(
      '征求意见尚未开始，开始日期为2025年3月1日',
    );
    expect(submissionBlockedReason(window, new Date('2025-04-01T00:00:00Z'))).toBe('征求意见已于2025年3月31日截止');
    expect(submissionBlockedReason(window, new Date('2025-03-15T00:00:00Z'))).toBeNull();
  });

  it('counts days left including the closing day', () => {
    expect(daysLeft(window, new Date('2025-03-31T01:00:00Z'))).toBe(1);
    expect(daysLeft(window, new Date('2025-03-30T17:00:00Z'))).toBe(1);
    expect(daysLeft(window, new Date('2025-03-01T00:00:00Z'))).toBe(31);
    expect(daysLeft(window, new Date('2025-04-01T00:00:00Z'))).toBe(0);
    expect(shanghaiDate(new Date('2025-03-30T17:00:00Z'))).toBe('2025-03-31');
  });

  it('validates a consultation with Chinese messages', () => {
    const valid = {
      title: '关于《中华人民共和国某某法（草案）》征求意见',
      draftId: 'd1',
      legislature: '全国人大常委会法制工作委员会',
      legislatureLevel: 'national',
      opensOn: '2025-03-01',
      closesOn: '2025-03-31',
    };
    expect(consultationSchema.safeParse(valid).success).toBe(true);
    const reversed = consultationSchema.safeParse({ ...valid, closesOn: '2025-02-01' });
    expect(reversed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['closesOn', '截止日期不能早于开始日期'],
    ]);
    const bad = consultationSchema.safeParse({
      ...valid,
      legislature: ' ',
      legislatureLevel: 'county',
      opensOn: '2025-02-30', // '2025-3-1' is read as 2025-03-01 by the shared date normaliser; a non-date is not
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      '请填写来文的立法机关',
      '请选择立法机关层级（国家级、省级、市级）',
      '日期格式应为 YYYY-MM-DD，且须是1900年至2100年之间的真实日期',
    ]);
  });
});
