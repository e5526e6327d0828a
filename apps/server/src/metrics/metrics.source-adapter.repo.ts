/**
 * How the registry reads one kind of source, as SQL text (definitions are code, so they are inlined as literals,
 * quoted by `literal`; the trigger bodies of the roll-up need plain text anyway).
 */
export type SourceAdapter = {
  /** Chinese name of the source shown with a figure. */
  name: string;
  /** `from` clause item with the alias `r`. */
  from: string;
  /** Always-true conditions of this source (e.g. the ledger type, issued leaf tasks). */
  where: string;
  /** The row's org id. */
  org: string;
  /** The date that places a row in a period (a SQL `date`), given an optional field. */
  date: (field?: string) => string;
  /** A field as text (filters compare text) and as a number (sums, ranges). */
  text: (field: string) => string;
  number: (field: string) => string;
  /** A multi-select field as a jsonb array of option keys (sources that have such fields). */
  list?: (field: string) => string;
  /** The columns of the rows list: SQL expressions as `title` → expression. */
  columns: { key: string; title: string; sql: string; personal?: 'name' | 'id' | 'phone' }[];
  /** A human title of one row. */
  rowId: string;
};

export function literal(value: string | number | boolean): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** A field key used in SQL text must be a plain identifier. */
export function fieldKey(field: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(field)) throw new Error(`bad field key: ${field}`);
  return field;
}
