import { describe, expect, it } from 'vitest';
import { dateSchema, dbIdParam, numberInput, phoneInput } from './fields.ts';
import {
  normaliseDateText,
  normaliseIdInput,
  normaliseNumberInput,
  normalisePhoneText,
  parseNumberText,
} from './normalise-input.ts';

describe('parseNumberText', () => {
  it.each([
    ['3', 3],
    ['３', 3],
    ['１２０', 120],
    ['１２.５', 12.5],
    ['1,234', 1234],
    ['1，234', 1234],
    ['１，２３４．５', 1234.5],
    [' 42 ', 42],
    ['42\u3000', 42],
    ['12%', 12],
    ['12％', 12],
    ['-3', -3],
    ['－３', -3],
    ['负三', -3],
    ['+7', 7],
    ['一百二十', 120],
    ['一百二十三', 123],
    ['两千零五', 2005],
    ['十二', 12],
    ['三点五', 3.5],
    ['零', 0],
    ['〇', 0],
    ['壹佰贰拾', 120],
    ['1.2万', 12000],
    ['1.2万', 12000],
    ['三万五千', 35000],
    ['一亿二千万', 120000000],
  ])('%s → %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '3天', '1e5', 'Infinity', 'NaN', '--3', '3-', '12%%', '%', '万', '1.2.3'])(
    'refuses %j',
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );

  it('leaves what it cannot read for the schema to refuse, and non-strings alone', () => {
    expect(normaliseNumberInput('abc')).toBe('abc');
    expect(normaliseNumberInput('')).toBe('');
    expect(normaliseNumberInput(5)).toBe(5);
    expect(normaliseNumberInput(null)).toBeNull();
    expect(normaliseNumberInput(true)).toBe(true);
    expect(normaliseNumberInput('３')).toBe(3);
  });
});

describe('normaliseDateText', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025-3-1', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025.03.01', '2025-03-01'],
    ['２０２５－０３－０１', '2025-03-01'],
    ['２０２５年３月１日', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['2025年12月31号', '2025-12-31'],
    ['二〇二五年三月一日', '2025-03-01'],
    ['二零二五年十二月三十一日', '2025-12-31'],
    [' 2025-03-01 ', '2025-03-01'],
  ])('%s → %s', (text, iso) => {
    expect(normaliseDateText(text)).toBe(iso);
  });

  it('passes what is not a date through (NFKC only), so the calendar check refuses it', () => {
    expect(normaliseDateText('明天')).toBe('明天');
    expect(normaliseDateText('2025-02-30')).toBe('2025-02-30');
    expect(normaliseDateText('二〇二五年')).toBe('二〇二五年');
    expect(normaliseDateText('20250301')).toBe('20250301');
  });
});

describe('normalisePhoneText', () => {
  it.each([
    ['13908121234', '13908121234'],
    ['１３９０８１２１２３４', '13908121234'],
    ['139 0812 1234', '13908121234'],
    ['139-0812-1234', '13908121234'],
    ['+86 139 0812 1234', '+8613908121234'],
    ['0839-1234567', '0839-1234567'],
    ['０８３９－１２３４５６７', '0839-1234567'],
    ['（0839）1234567', '0839-1234567'],
    ['(0839) 1234567', '0839-1234567'],
    ['08391234567', '08391234567'],
  ])('%s → %s', (text, phone) => {
    expect(normalisePhoneText(text)).toBe(phone);
  });

  it('does not read Chinese numerals in a phone', () => {
    expect(normalisePhoneText('一三九')).toBe('一三九');
  });
});

describe('ids stay strict', () => {
  it('reads full-width digits but never a Chinese numeral', () => {
    expect(normaliseIdInput('１２')).toBe('12');
    expect(normaliseIdInput('一')).toBe('一');
    expect(dbIdParam().safeParse('１２')).toMatchObject({ success: true, data: 12 });
    expect(dbIdParam().safeParse('12')).toMatchObject({ success: true, data: 12 });
    for (const bad of ['一', '十二', 'abc', '1.5', '1e20', '', '0', '-1'])
      expect(dbIdParam().safeParse(bad).success, bad).toBe(false);
    expect(dbIdParam().safeParse('一').error?.issues[0]?.message).toBe('编号不正确');
  });
});

describe('the shared zod field helpers', () => {
  it('numberInput reads full-width digits and Chinese numerals, and keeps the message for the rest', () => {
    const s = numberInput('人数');
    expect(s.parse('３')).toBe(3);
    expect(s.parse('一百二十')).toBe(120);
    expect(s.parse(7)).toBe(7);
    expect(s.safeParse('很多').error?.issues[0]?.message).toBe('人数应为数字');
  });

  it('dateSchema reads the written forms of a date and still refuses an impossible one', () => {
    const s = dateSchema('学法日期');
    expect(s.parse('２０２５年３月１日')).toBe('2025-03-01');
    expect(s.parse('2025/3/1')).toBe('2025-03-01');
    expect(s.safeParse('2025-02-30').error?.issues[0]?.message).toBe(
      '学法日期格式应为 YYYY-MM-DD，且须是1900年至2100年之间的真实日期',
    );
  });

  it('phoneInput stores the normal form and refuses what is not a phone', () => {
    const s = phoneInput('联系电话');
    expect(s.parse('１３９ ０８１２ １２３４')).toBe('13908121234');
    expect(s.safeParse('12345').error?.issues[0]?.message).toBe('联系电话应为手机号或座机号（如 0839-1234567）');
  });
});
