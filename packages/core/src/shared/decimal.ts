/** An exact decimal n × 10^-scale, so that 1095.63万 is 10956300 and not 10956300.000000002. */
export type Decimal = { readonly n: bigint; readonly scale: number };

export function decimalFromString(digits: string): Decimal {
  const [whole = '0', fraction = ''] = digits.split('.');
  return { n: BigInt(`${whole}${fraction}` || '0'), scale: fraction.length };
}

export function decimalFromInteger(value: number): Decimal {
  return { n: BigInt(value), scale: 0 };
}

export function shiftDecimal(value: Decimal, powerOfTen: number): Decimal {
  if (powerOfTen <= value.scale) return { n: value.n, scale: value.scale - powerOfTen };
  return { n: value.n * 10n ** BigInt(powerOfTen - value.scale), scale: 0 };
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { n: a.n * 10n ** BigInt(scale - a.scale) + b.n * 10n ** BigInt(scale - b.scale), scale };
}

export function decimalToNumber(value: Decimal): number {
  const negative = value.n < 0n;
  const digits = (negative ? -value.n : value.n).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale);
  return Number(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
}
