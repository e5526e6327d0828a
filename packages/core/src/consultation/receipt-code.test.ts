import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReceiptCode,
  generateReceiptCode,
  isValidReceiptCode,
  normalizeReceiptCode,
  RECEIPT_ALPHABET,
} from './receipt-code.ts';

const bytes = fc.uint8Array({ minLength: 8, maxLength: 32 });

describe('receipt codes', () => {
  it('are ten unambiguous symbols that always validate', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const code = generateReceiptCode(random);
        expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
        expect(isValidReceiptCode(code)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(RECEIPT_ALPHABET).not.toMatch(/[01ILO]/);
    expect(RECEIPT_ALPHABET).toHaveLength(31);
  });

  it('are deterministic in the random bytes', () => {
    const random = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(generateReceiptCode(random)).toBe(generateReceiptCode(random));
    expect(generateReceiptCode(new Uint8Array(8))).toMatch(/^2{9}2$/);
  });

  it('catch any single wrong symbol', () => {
    fc.assert(
      fc.property(bytes, fc.nat(9), fc.nat(30), (random, position, shift) => {
        const code = generateReceiptCode(random);
        const index = RECEIPT_ALPHABET.indexOf(code[position]!);
        const wrong = RECEIPT_ALPHABET[(index + shift + 1) % 31]!;
        if (wrong === code[position]) return;
        expect(isValidReceiptCode(code.slice(0, position) + wrong + code.slice(position + 1))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('catch any swap of two different neighbours', () => {
    fc.assert(
      fc.property(bytes, fc.nat(8), (random, position) => {
        const code = generateReceiptCode(random);
        const [a, b] = [code[position]!, code[position + 1]!];
        if (a === b) return;
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(isValidReceiptCode(swapped)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('accept what people type and read aloud', () => {
    const code = generateReceiptCode(new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2, 1]));
    const formatted = formatReceiptCode(code);
    expect(formatted).toMatch(/^.{5}-.{5}$/);
    expect(normalizeReceiptCode(` ${formatted.toLowerCase()} `)).toBe(code);
    const fullWidth = Array.from(code, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(normalizeReceiptCode(fullWidth)).toBe(code);
    expect(normalizeReceiptCode('ABC')).toBeNull();
    expect(normalizeReceiptCode('0000000000')).toBeNull();
  });

  it('refuse too little randomness', () => {
    expect(() => generateReceiptCode(new Uint8Array(7))).toThrow('至少需要8字节');
  });
});
