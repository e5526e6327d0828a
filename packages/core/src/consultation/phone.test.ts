import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, mobileSchema, normalizeMobile } from './phone.ts';

describe('mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['＋８６１３８１２３４５６７８', '13812345678'],
    ['008613812345678', '13812345678'],
  ])('%s is read as %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
    expect(mobileSchema.parse(input)).toBe(expected);
  });

  it.each(['12812345678', '1381234567', '138123456789', '0411-12345678', 'abc', ''])('rejects %s', (input) => {
    const result = mobileSchema.safeParse(input);
    expect(result.error?.issues[0]?.message).toBe('请填写正确的11位手机号码');
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('１３８１２３４５６７８')).toBe('138****5678');
    expect(maskPhone('123')).toBe('***');
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
      }),
    );
  });

  it('masks names for the public list', () => {
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('李雷')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
  });
});
