// A receipt code is read aloud over the phone and typed from a slip of paper: 31 symbols without 0/O, 1/I/L,
// nine random symbols and one check symbol. 31 is prime, so the weighted check catches any single wrong symbol
// and any swap of two neighbours.
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = RECEIPT_ALPHABET.length;
const PAYLOAD_LENGTH = 9;
export const RECEIPT_CODE_LENGTH = PAYLOAD_LENGTH + 1;
// 10 * 28 ≡ 1 (mod 31)
const INVERSE_OF_TEN = 28;

function weightedSum(values: number[]): number {
  return values.reduce((sum, v, i) => (sum + (i + 1) * v) % BASE, 0);
}

function checkValue(payload: number[]): number {
  // Chosen so that the weighted sum over all ten positions is 0 (mod 31).
  return (((BASE - weightedSum(payload)) % BASE) * INVERSE_OF_TEN) % BASE;
}

/**
 * Makes a code from at least 8 random bytes (crypto.getRandomValues on either side). The bytes are read as one
 * big number, so the bias of reducing it to nine symbols is below one in a million.
 */
export function generateReceiptCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 8) throw new RangeError('生成回执码至少需要8字节随机数');
  let value = 0n;
  for (const byte of randomBytes) value = (value << 8n) | BigInt(byte);
  const payload: number[] = [];
  for (let i = 0; i < PAYLOAD_LENGTH; i++) {
    payload.push(Number(value % BigInt(BASE)));
    value /= BigInt(BASE);
  }
  return [...payload, checkValue(payload)].map((v) => RECEIPT_ALPHABET[v]).join('');
}

/** Accepts what people type: lower case, full-width, spaces and dashes; null if it is not a valid code. */
export function normalizeReceiptCode(input: string): string | null {
  const code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_]/g, '');
  if (code.length !== RECEIPT_CODE_LENGTH) return null;
  const values = Array.from(code, (c) => RECEIPT_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return null;
  return weightedSum(values) === 0 ? code : null;
}

export function isValidReceiptCode(input: string): boolean {
  return normalizeReceiptCode(input) !== null;
}

/** 'ABCDE-FGHJK', easier to read out. */
export function formatReceiptCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
