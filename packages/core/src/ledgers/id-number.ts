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

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/** `YYYY-MM-DD` naming a real day of the (proleptic) Gregorian calendar. Arithmetic only: imports call it per cell. */
export function isValidDate(iso: string): boolean {
  if (iso.length !== 10 || !isoDatePattern.test(iso)) return false;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : monthDays[month - 1]!);
}
