const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character of an 18-digit 居民身份证号码 (GB 11643-1999) from its first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkChars[sum % 11]!;
}

/** An 18-digit number with a valid birth date and check character, or an old 15-digit number. */
export function isValidIdNumber(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (/^\d{15}$/.test(v)) return isValidDate(`19${v.slice(6, 8)}-${v.slice(8, 10)}-${v.slice(10, 12)}`);
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  if (!isValidDate(`${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`)) return false;
  return idNumberCheckChar(v.slice(0, 17)) === v[17];
}

export function isValidDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
