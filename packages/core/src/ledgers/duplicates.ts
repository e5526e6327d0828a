import { fieldByKey, type LedgerDefinition, uniqueKeySets } from './definition.ts';
import type { LedgerData } from './row-schema.ts';

/** Separator of composite key parts; the SQL side builds the same text with `concat_ws(chr(31), …)`. */
export const keySeparator = '\u001f';

export type UniqueKey = { fields: string[]; value: string };

/** The unique keys a row carries (constraints where a part is empty do not apply). */
export function uniqueKeysOf(def: LedgerDefinition, data: LedgerData): UniqueKey[] {
  const keys: UniqueKey[] = [];
  for (const fields of uniqueKeySets(def)) {
    const parts = fields.map((k) => data[k]);
    if (parts.some((p) => p === undefined || p === null || p === '')) continue;
    keys.push({ fields, value: parts.map(String).join(keySeparator) });
  }
  return keys;
}

export type DuplicateIssue = { rowNumber: number; fields: string[]; firstRowNumber: number; message: string };

export function describeKey(def: LedgerDefinition, key: UniqueKey): string {
  const labels = key.fields.map((k) => fieldByKey(def, k)?.label ?? k).join('+');
  return `${labels}“${key.value.split(keySeparator).join('+')}”`;
}

/** Rows of one file whose unique key already appeared on an earlier row of the same file. */
export function findDuplicatesInFile(
  def: LedgerDefinition,
  rows: readonly { rowNumber: number; data: LedgerData }[],
): DuplicateIssue[] {
  const seen = new Map<string, number>();
  const issues: DuplicateIssue[] = [];
  for (const row of rows) {
    for (const key of uniqueKeysOf(def, row.data)) {
      const id = `${key.fields.join(',')}=${key.value}`;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, row.rowNumber);
      else
        issues.push({
          rowNumber: row.rowNumber,
          fields: key.fields,
          firstRowNumber: first,
          message: `${describeKey(def, key)}与第${first}行重复`,
        });
    }
  }
  return issues;
}
