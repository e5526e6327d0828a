import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traditionalItem } from './fixtures/sample-texts.ts';
import { normalizeReportText, normalizeText } from './normalize.ts';
import { toOriginalSpan } from './text-map.ts';

describe('normalizeText', () => {
  it('converts Traditional to Simplified', () => {
    expect(normalizeText('法治是中國式現代化的重要保障')).toBe('法治是中国式现代化的重要保障');
    expect(normalizeText('矛盾糾紛化解率')).toBe('矛盾纠纷化解率');
  });

  it('maps legal terms OpenCC leaves in their Taiwanese form', () => {
    expect(normalizeText('行政覆議案件')).toBe('行政复议案件');
    expect(normalizeText('覆核')).toBe('复核');
    expect(normalizeText('全覆蓋')).toBe('全覆盖');
  });

  it('folds full-width digits and punctuation', () => {
    expect(normalizeText('共受理１２３件，办结９９件（含）％')).toBe('共受理123件,办结99件(含)%');
    expect(normalizeText('a\u3000b')).toBe('a b');
  });

  it('drops pinyin glosses scraped pages put after characters', () => {
    expect(normalizeText('現(xiàn)代化')).toBe('现代化');
    expect(normalizeText('1+3+N(2020)(qq)')).toBe('1+3+N(2020)(qq)');
  });

  it('drops single spaces between Han characters but keeps column gaps', () => {
    expect(normalizeText('人民调解 室142个')).toBe('人民调解室142个');
    expect(normalizeText('调解纠纷  2197')).toBe('调解纠纷  2197');
  });

  it('repairs the mis-decoded 。科 some scraped pages carry', () => {
    expect(normalizeText('统筹推进??茖W(xué)立法')).toBe('统筹推进。科学立法');
  });
});

describe('normalizeReportText offsets', () => {
  it('maps every character of a Traditional-character item back to where it came from', () => {
    const mapped = normalizeReportText(traditionalItem);
    expect(mapped.text).not.toMatch(/[國會為](?!\()/);
    for (const probe of ['化解率99.6%', '1094条', '148条', '出庭应诉率100%']) {
      const at = mapped.text.indexOf(probe);
      expect(at).toBeGreaterThanOrEqual(0);
      const span = toOriginalSpan(mapped, at, at + probe.length);
      const digits = probe.replace(/\D/g, '');
      expect(traditionalItem.slice(span.start, span.end).replace(/\D/g, '')).toBe(digits);
    }
  });

  it('keeps offsets monotonic and inside the input for any text', () => {
    const alphabet = fc.constantFrom(...'國會議覆議現(xiàn)１２３，。 人民调解 室a萬億\n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const input = chars.join('');
        const mapped = normalizeReportText(input);
        expect(mapped.starts).toHaveLength(mapped.text.length);
        for (let i = 0; i < mapped.text.length; i++) {
          expect(mapped.starts[i]!).toBeGreaterThanOrEqual(i > 0 ? mapped.starts[i - 1]! : 0);
          expect(mapped.ends[i]!).toBeLessThanOrEqual(input.length);
          expect(mapped.starts[i]!).toBeLessThan(mapped.ends[i]!);
        }
      }),
    );
  });

  it('is the identity on plain Simplified text', () => {
    const text = '2021年全年收到行政复议申请5件,审结4件。';
    const mapped = normalizeReportText(text);
    expect(mapped.text).toBe(text);
    expect(toOriginalSpan(mapped, 3, 8)).toEqual({ start: 3, end: 8 });
  });
});
