import type { LedgerDefinition, LedgerField } from '@fazhi/core/ledgers/definition';
import type { LedgerData } from '@fazhi/core/ledgers/row-schema';
import { blindIndex, dataKeys, encryptValue, type FieldKeys, isCiphertext, openValue } from './field-crypto.ts';

// Encryption at rest of ledger rows (JSON data plus blind indexes). In the platform, not the ledgers module, because
// the platform's data-key work (`data-encryption.ts`: encrypt plaintext, rotate the key) seals ledger rows too.

/**
 * Which ledger fields are encrypted at rest: ID numbers, phones and any field the definition marks `personal`.
 * Party names (`person_name`) are masked for viewers without `personal.read` but stay searchable in plain text.
 */
export const isEncryptedField = (f: LedgerField) => f.kind === 'id_number' || f.kind === 'phone' || f.personal === true;

/** The benchmark's baseline switch (`bench/encryption.ts`): off stores personal fields in plain text. Always on otherwise. */
export const fieldEncryptionSettings = { enabled: true };

export const encryptedFieldKeys = (def: LedgerDefinition) =>
  fieldEncryptionSettings.enabled ? def.fields.filter(isEncryptedField).map((f) => f.key) : [];

export type SealedRow = { data: LedgerData; blind: Record<string, string> };

/**
 * The stored form of a row: encrypted fields' values as SM4 ciphertext, and their blind indexes (HMAC-SM3) by field
 * key for uniqueness and equality filters. Values already sealed keep their ciphertext (and need their index given).
 */
export function sealRowWith(keys: FieldKeys, fieldKeys: string[], data: LedgerData): SealedRow {
  if (!fieldKeys.length) return { data, blind: {} };
  const out: LedgerData = { ...data };
  const blind: Record<string, string> = {};
  for (const k of fieldKeys) {
    const v = out[k];
    if (typeof v !== 'string' || v === '') continue;
    const plain = isCiphertext(v) ? (openValue(keys, v) as string) : v;
    blind[k] = blindIndex(keys, plain);
    out[k] = isCiphertext(v) ? v : encryptValue(keys, v);
  }
  return { data: out, blind };
}

export const sealRow = (def: LedgerDefinition, data: LedgerData) =>
  sealRowWith(dataKeys(), encryptedFieldKeys(def), data);

/** The plain form of a stored row's data: every sealed value decrypted (no definition needed). */
export function openRowData<T extends Record<string, unknown>>(data: T): T {
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(data)) {
    if (!isCiphertext(v)) continue;
    out ??= { ...data };
    out[k] = openValue(dataKeys(), v);
  }
  return (out ?? data) as T;
}
