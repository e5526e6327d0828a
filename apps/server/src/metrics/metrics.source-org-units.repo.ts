import { orgKindLabels } from '@fazhi/core/org/org.schemas';
import { fieldKey, literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

// Org units as a metric source (`org.units`): the denominators of coverage rates, e.g. villages and communities
// under a township or the county. The org tree keeps no history, so every unit is dated 2000-01-01 and a stock
// (`window: 'cumulative'`) counts the tree as it stands in every period.

const dimensionOf = (kind: string) =>
  `(select min(d.name) from org_dimensions od join dimensions d on d.id = od.dimension_id
     where od.org_id = r.id and d.kind = ${literal(kind)})`;

const fields: Record<string, string> = {
  kind: 'r.kind',
  tier: dimensionOf('tier'),
  sector: dimensionOf('sector'),
};

const kindLabel = `(case r.kind ${Object.entries(orgKindLabels)
  .map(([k, v]) => `when ${literal(k)} then ${literal(v)}`)
  .join(' ')} else r.kind end)`;

export const orgUnitsSource: SourceAdapter = {
  name: '单位（组织机构）',
  from: 'orgs r',
  where: 'true',
  org: 'r.id',
  date: () => `date '2000-01-01'`,
  text: (field) => {
    const expr = fields[fieldKey(field)];
    if (!expr) throw new Error(`org.units has no field ${field}`);
    return expr;
  },
  number: (field) => {
    throw new Error(`org.units has no numeric field ${field}`);
  },
  columns: [
    { key: 'name', title: '单位名称', sql: 'r.name' },
    { key: 'kind', title: '单位类型', sql: kindLabel },
    { key: 'parent', title: '上级单位', sql: '(select p.name from orgs p where p.id = r.parent_id)' },
  ],
  rowId: 'r.id',
};
