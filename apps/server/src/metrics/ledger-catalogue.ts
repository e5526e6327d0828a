import * as enforcement from '@fazhi/core/ledgers/builtin/enforcement';
import * as legalAid from '@fazhi/core/ledgers/builtin/legal-aid';
import * as legalityReview from '@fazhi/core/ledgers/builtin/legality-review';
import * as litigation from '@fazhi/core/ledgers/builtin/litigation';
import * as mediation from '@fazhi/core/ledgers/builtin/mediation';
import * as reconsideration from '@fazhi/core/ledgers/builtin/reconsideration';
import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import { maskRowData } from '@fazhi/core/ledgers/mask';

/** The ledger engine's built-in definitions, by type key: names, column titles and which fields are personal. */
const definitions = new Map<string, LedgerDefinition>();
for (const module of [enforcement, legalAid, legalityReview, litigation, mediation, reconsideration]) {
  for (const value of Object.values(module)) {
    if (value && typeof value === 'object' && 'fields' in value && 'key' in value && 'dateField' in value) {
      const def = value as LedgerDefinition;
      definitions.set(def.key, def);
    }
  }
}

export function ledgerDefinition(typeKey: string): LedgerDefinition | undefined {
  return definitions.get(typeKey);
}

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

/** Personal values masked per the definition; an unknown type masks every value that looks personal by its key. */
export function maskLedgerValues(typeKey: string, values: Record<string, unknown>): Record<string, unknown> {
  const def = definitions.get(typeKey);
  if (def) return maskRowData(def, values as Parameters<typeof maskRowData>[1]) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values))
    out[k] = /name|phone|id_number|part(y|ies)|applicant|plaintiff/.test(k) && v ? '***' : v;
  return out;
}
