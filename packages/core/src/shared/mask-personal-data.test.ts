import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonal } from './mask-personal-data.ts';

describe('maskPersonal — the one masking rule', () => {
  it('ID numbers keep the first 4 and last 4 characters', () => {
    expect(maskPersonal('id', '51081119800101123X')).toBe('5108**********123X');
    expect(maskPersonal('id', '510811800101123')).toBe('5108*******1123');
    expect(maskPersonal('id', '1234567')).toBe('*******');
  });

  it('phones keep their prefix and last 4 digits', () => {
    expect(maskPersonal('phone', '13812345678')).toBe('138****5678');
    expect(maskPersonal('phone', '+8613812345678')).toBe('+86138****5678');
    expect(maskPersonal('phone', '0839-5551234')).toBe('0839-***1234');
  });

  it('names keep their first character; several names are masked one by one', () => {
    expect(maskPersonal('name', '张三')).toBe('张*');
    expect(maskPersonal('name', '欧阳娜娜')).toBe('欧***');
    expect(maskPersonal('name', '张三、李四')).toBe('张*、李*');
  });

  it('keeps the length of an ID number and never shows its middle', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskPersonal('id', id);
        return m.length === id.length && m.slice(4, -4) === '*'.repeat(10);
      }),
    );
  });
});
