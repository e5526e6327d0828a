import { maskPersonal } from '../shared/mask-personal-data.ts';
import { isPersonalField, type LedgerDefinition, type LedgerField } from './definition.ts';
import type { LedgerData, LedgerValue } from './row-schema.ts';

/** The one masking rule (`maskPersonal`) applied by the field's kind. */
export function maskValue(f: LedgerField, value: LedgerValue): LedgerValue {
  if (typeof value !== 'string' || value === '') return value;
  return maskPersonal(f.kind === 'id_number' ? 'id' : f.kind === 'phone' ? 'phone' : 'name', value);
}

/** A row as a viewer without 'personal.read' sees it: ID numbers, phones and party names masked. */
export function maskRowData(def: LedgerDefinition, data: LedgerData): LedgerData {
  const out = { ...data };
  for (const f of def.fields) {
    if (isPersonalField(f) && out[f.key] != null) out[f.key] = maskValue(f, out[f.key]!);
  }
  return out;
}

/**
 * A viewer who sees masked values and saves the form sends them back unchanged: keep the stored value for every
 * personal field whose submitted value is exactly the masked form of what is stored.
 */
export function keepMaskedValues(def: LedgerDefinition, submitted: LedgerData, stored: LedgerData): LedgerData {
  const out = { ...submitted };
  for (const f of def.fields) {
    if (!isPersonalField(f)) continue;
    const old = stored[f.key];
    if (old != null && out[f.key] === maskValue(f, old)) out[f.key] = old;
  }
  return out;
}
