import type { LedgerDefinition, LedgerField } from '@fazhi/core/ledgers/definition';
import { inputFields } from '@fazhi/core/ledgers/definition';
import type { LedgerData, LedgerValue } from '@fazhi/core/ledgers/row-schema';
import { dayjs } from '../../../components/format.ts';

/** A form control's value as the API stores it: dates as YYYY-MM-DD, money in 分, empty as undefined. */
export function toStored(field: LedgerField, value: unknown): LedgerValue | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (field.kind === 'multi_enum') return Array.isArray(value) && value.length ? (value as string[]) : undefined;
  if (field.kind === 'date') return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : String(value);
  if (field.kind === 'money') return typeof value === 'number' ? Math.round(value * 100) : (value as LedgerValue);
  return value as LedgerValue;
}

/** A stored value as the form control holds it. */
export function toFormValue(field: LedgerField, value: LedgerValue | undefined): unknown {
  if (value === undefined || value === null) return undefined;
  if (field.kind === 'date' && typeof value === 'string') return dayjs(value);
  if (field.kind === 'money' && typeof value === 'number') return value / 100;
  return value;
}

export function formFromData(def: LedgerDefinition, data: LedgerData) {
  const out: Record<string, unknown> = {};
  for (const f of inputFields(def)) out[f.key] = toFormValue(f, data[f.key]);
  return out;
}

export function dataFromForm(def: LedgerDefinition, values: Record<string, unknown>): LedgerData {
  const out: LedgerData = {};
  for (const f of inputFields(def)) {
    const v = toStored(f, values[f.key]);
    if (v !== undefined) out[f.key] = v;
  }
  return out;
}
