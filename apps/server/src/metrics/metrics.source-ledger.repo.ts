import { fieldKey, literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

/**
 * Fields every ledger row has besides its data: the unit it belongs to and that unit's kind. `distinct` on `row_org_id`
 * counts units having at least one such row (villages with an adviser contract); raw path only, like any distinct.
 */
const rowFields: Record<string, string> = {
  row_org_id: 'r.org_id::text',
  row_org_kind: '(select k.kind from orgs k where k.id = r.org_id)',
};

const text = (field: string) => rowFields[field] ?? `(r.data->>${literal(fieldKey(field))})`;

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
    list: (field) =>
      `(case when jsonb_typeof(r.data->${literal(fieldKey(field))}) = 'array' then r.data->${literal(fieldKey(field))} end)`,
    columns: [],
    rowId: 'r.id',
  };
}
