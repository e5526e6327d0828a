import { builtinLedgers } from '@fazhi/core/ledgers/builtin/index';
import { type LedgerDefinition, optionLabel } from '@fazhi/core/ledgers/definition';
import { maskRowData } from '@fazhi/core/ledgers/mask';
import { openRowData } from '../platform/kernel/ledger-row-crypto.ts';

/** The ledger engine's built-in definitions, by type key: names, column titles and which fields are personal. */
const definitions = new Map<string, LedgerDefinition>(builtinLedgers.map((d) => [d.key, d]));

export function ledgerName(typeKey: string): string {
  return definitions.get(typeKey)?.name ?? typeKey;
}

/** Columns of a ledger's rows: its list columns (or every field), titled in Chinese; unknown types by key. */
export function ledgerColumns(typeKey: string, items: { values: Record<string, unknown> }[]) {
  const def = definitions.get(typeKey);
  if (def) {
    const keys = def.listColumns.length ? def.listColumns : def.fields.map((f) => f.key);
    return keys.map((key) => ({ key, title: def.fields.find((f) => f.key === key)?.label ?? key }));
  }
  const keys = [...new Set(items.flatMap((item) => Object.keys(item.values ?? {})))];
  return keys.map((key) => ({ key, title: key }));
}

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A row as a person reads it: personal values masked unless the viewer may see them, option keys as their labels,
 * money (stored in 分) in 元, booleans as 是/否.
 */
export function displayLedgerValues(
  typeKey: string,
  values: Record<string, unknown>,
  mask: boolean,
): Record<string, unknown> {
  values = openRowData(values); // personal values are stored SM4-encrypted
  const def = definitions.get(typeKey);
  if (!def) {
    if (!mask) return values;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values))
      out[k] = /name|phone|id_number|part(y|ies)|applicant|plaintiff/.test(k) && v ? '***' : v;
    return out;
  }
  const shown: Record<string, unknown> = mask
    ? (maskRowData(def, values as Parameters<typeof maskRowData>[1]) as Record<string, unknown>)
    : { ...values };
  for (const f of def.fields) {
    const v = shown[f.key];
    if (v === null || v === undefined) continue;
    if (f.kind === 'enum' || f.kind === 'multi_enum') shown[f.key] = optionLabel(f, v);
    else if (f.kind === 'money' && typeof v === 'number') shown[f.key] = `${yuan.format(v / 100)} 元`;
    else if (f.kind === 'boolean' && typeof v === 'boolean') shown[f.key] = v ? '是' : '否';
  }
  return shown;
}
