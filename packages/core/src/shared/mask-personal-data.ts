import { maskPersonName } from './mask-name.ts';

/**
 * Masking for lists and exports when the viewer's role may not see personal data (等保2.0). Lengths are kept so a
 * masked value still looks like what it is.
 */

/** `510802199001011234` → `5108**********1234`; also the old 15-digit numbers. Short input is masked entirely. */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** `13812345678` → `138****5678`; `+86 138…` keeps its prefix; a landline keeps its area code and last 4 digits. */
export function maskPhone(value: string): string {
  const v = value.trim();
  const mobile = /^(\+?86[\s-]?)?(1\d{10})$/.exec(v.replace(/\s(?=\d{4})/g, ''));
  if (mobile) {
    const digits = mobile[2]!;
    return `${mobile[1] ?? ''}${digits.slice(0, 3)}****${digits.slice(-4)}`;
  }
  const landline = /^(0\d{2,3})[-\s]?(\d{7,8})$/.exec(v);
  if (landline) {
    const local = landline[2]!;
    return `${landline[1]}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
}

export type PersonalKind = 'name' | 'id' | 'phone';

/**
 * The one masking rule for every staff answer (lists, drill-downs, exports, .docx) to a role without
 * 'personal.read': ID numbers keep their first 4 and last 4 characters, phones their prefix and last 4 digits,
 * names their first character (`maskPersonName`). Ledgers, cadres, consultation opinions and metric rows all use it.
 */
export function maskPersonal(kind: PersonalKind, value: string): string {
  if (kind === 'id') return maskIdNumber(value);
  if (kind === 'phone') return maskPhone(value);
  return maskPersonName(value);
}
