import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonName } from '../shared/mask-name.ts';
import { parseYuanToFen } from './cells.ts';
import { addDays, parseLooseDate } from './dates.ts';
import { defineLedger } from './definition.ts';
import { applyComputed, buildRowSchema } from './row-schema.ts';

describe('money round trip', () => {
  it('any amount in 分 written as 元 with two decimals reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (fen) => {
        expect(parseYuanToFen((fen / 100).toFixed(2))).toBe(fen);
      }),
    );
  });
});

describe('dates', () => {
  it('adds days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-23', 80)).toBe('2026-03-13');
  });

  it('reads the ways people type dates, and refuses impossible ones', () => {
    expect(parseLooseDate('2025/3/1')).toBe('2025-03-01');
    expect(parseLooseDate('2025.03.01')).toBe('2025-03-01');
    expect(parseLooseDate('２０２５年３月１日')).toBe('2025-03-01');
    expect(parseLooseDate('20250301')).toBe('2025-03-01');
    expect(parseLooseDate(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03-01');
    expect(parseLooseDate('2025-02-29')).toBeNull();
    expect(parseLooseDate('三月')).toBeNull();
  });
});

describe('person names', () => {
  it('keeps the surname and the separators', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('王五，赵六')).toBe('王*，赵*');
    expect(maskPersonName('李')).toBe('李*');
  });
});

describe('computed fields', () => {
  const def = defineLedger({
    key: 'visits',
    name: '走访',
    dateField: 'start',
    fields: [
      { key: 'start', label: '开始', kind: 'date', required: true },
      { key: 'end', label: '结束', kind: 'date' },
      { key: 'men', label: '男', kind: 'number', integer: true },
      { key: 'women', label: '女', kind: 'number', integer: true },
      {
        key: 'total',
        label: '合计',
        kind: 'computed',
        resultKind: 'number',
        compute: { op: 'sum', fields: ['men', 'women'] },
      },
      {
        key: 'days',
        label: '天数',
        kind: 'computed',
        resultKind: 'number',
        compute: { op: 'days_between', from: 'start', to: 'end' },
      },
    ],
  });

  it('sums and counts days on write; a computed value sent by the client is ignored', () => {
    const row = buildRowSchema(def).parse({ start: '2025-03-01', end: '2025-03-11', men: 3, women: 4, total: 99 });
    expect(row).toEqual({ start: '2025-03-01', end: '2025-03-11', men: 3, women: 4, total: 7, days: 10 });
  });

  it('leaves a computed value out when its inputs are missing', () => {
    expect(applyComputed(def, { start: '2025-03-01' })).toEqual({ start: '2025-03-01' });
  });
});
