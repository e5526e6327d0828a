import { fieldKey, literal, type SourceAdapter } from './source-adapter.ts';

const text = (field: string) => `(r.data->>${literal(fieldKey(field))})`;

/** A ledger type in `ledger_rows`: field values live in `data` by English field key. */
export function ledgerSource(typeKey: string, name: string): SourceAdapter {
  return {
    name,
    from: 'ledger_rows r',
    where: `r.type_key = ${literal(typeKey)}`,
    org: 'r.org_id',
    // A malformed value never aborts a write through the roll-up trigger: it just places no row.
    date: (field) =>
      field ? `(case when ${text(field)} ~ '^\\d{4}-\\d{2}-\\d{2}$' then ${text(field)}::date end)` : 'r.row_date',
    text,
    number: (field) =>
      `(case when jsonb_typeof(r.data->${literal(fieldKey(field))}) = 'number' then ${text(field)}::float8 end)`,
    columns: [],
    rowId: 'r.id',
  };
}
