import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isChineseNumeral, parseNumeral, parseNumeralScaled } from './numerals.ts';

const DIGITS = '零一二三四五六七八九';
const PLACES = ['', '十', '百', '千'];

/** Writes 0 < n < 10^12 the way a report would (一万零五, 一亿二千万), to check parsing against. */
function toChinese(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  const scales = ['', '万', '亿', '万亿'];
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (out !== '' && (group < 1000 || pendingZero)) out += '零';
    pendingZero = false;
    let groupText = '';
    let zero = false;
    for (let p = 3; p >= 0; p--) {
      const digit = Math.floor(group / 10 ** p) % 10;
      if (digit === 0) {
        zero = groupText !== '';
        continue;
      }
      if (zero) groupText += '零';
      zero = false;
      groupText += DIGITS[digit]! + PLACES[p]!;
    }
    out += groupText + scales[g]!;
  }
  return out;
}

describe('parseNumeral', () => {
  it.each([
    ['123', 123],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['12.5', 12.5],
    ['0.5', 0.5],
    ['１２３', 123],
    ['１，２３４', 1234],
    ['一百二十三', 123],
    ['两千零五', 2005],
    ['二〇一九', 2019],
    ['二零二零', 2020],
    ['贰拾万', 200000],
    ['壹佰零伍', 105],
    ['十', 10],
    ['十五', 15],
    ['一十五', 15],
    ['二十', 20],
    ['一百零一', 101],
    ['一千零一十', 1010],
    ['一万零五', 10005],
    ['两万三', 23000],
    ['两万三千', 23000],
    ['一百一', 110],
    ['三千五', 3500],
    ['万五', 15000],
    ['十万', 100000],
    ['十一万', 110000],
    ['四十万零三百', 400300],
    ['一千二百万', 12000000],
    ['一亿', 100000000],
    ['一亿二千万', 120000000],
    ['三亿五千万', 350000000],
    ['一亿零五百万', 105000000],
    ['一亿二', 120000000],
    ['一万亿', 1000000000000],
    ['十二万三千四百五十六', 123456],
    ['九千九百九十九', 9999],
    ['1.2万', 12000],
    ['1.19万', 11900],
    ['3万', 30000],
    ['1095.63万', 10956300],
    ['4.52万', 45200],
    ['1.5亿', 150000000],
    ['1亿2000万', 120000000],
    ['3万5000', 35000],
    ['三点五', 3.5],
    ['九十九点六', 99.6],
    ['零', 0],
    ['两', 2],
    ['廿三', 23],
    ['1千', 1000],
    ['萬', null],
    ['一百二十萬', 1200000],
    ['兩千', 2000],
  ])('%s → %s', (text, expected) => {
    expect(parseNumeral(text)).toBe(expected);
  });

  it.each(['', 'abc', '万', '亿万', '人民', '百姓'])('rejects %j', (text) => {
    expect(parseNumeral(text)).toBeNull();
  });

  it('parses every integer written in Chinese', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (n) => {
        expect(parseNumeral(toChinese(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses every integer written with thousands separators or full-width digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseNumeral(n.toLocaleString('en-US'))).toBe(n);
        const fullWidth = String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(parseNumeral(fullWidth)).toBe(n);
      }),
    );
  });

  it('scales decimals by 万 without floating-point error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, '0')}万`;
        expect(parseNumeral(text)).toBe(whole * 10000 + cents * 100);
      }),
    );
  });

  it('writes the Chinese forms the property test relies on', () => {
    expect(toChinese(10005)).toBe('一万零五');
    expect(toChinese(120000000)).toBe('一亿二千万');
    expect(toChinese(100000001)).toBe('一亿零一');
  });
});

describe('parseNumeralScaled', () => {
  it('multiplies exactly by powers of ten', () => {
    expect(parseNumeralScaled('1095.63', 4)).toBe(10956300);
    expect(parseNumeralScaled('1464', 4)).toBe(14640000);
    expect(parseNumeralScaled('0.07', 8)).toBe(7000000);
    expect(parseNumeralScaled('三', 4)).toBe(30000);
  });
});

describe('isChineseNumeral', () => {
  it('tells Chinese numerals from Arabic ones', () => {
    expect(isChineseNumeral('一百二十')).toBe(true);
    expect(isChineseNumeral('1.2万')).toBe(false);
    expect(isChineseNumeral('１２')).toBe(false);
  });
});
