import { lawReportFormLabels } from '@fazhi/core/cadres/law-report';
import { inspectionKeyNodeLabels, inspectionModeLabels } from '@fazhi/core/oversight/inspection';
import { problemStatusLabels } from '@fazhi/core/oversight/problem';
import { shanghaiDateSql } from '../platform/kernel/clock.ts';
import { fieldKey, literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

// 督察 and 关键少数 tables as metric sources: oversight.inspections / .problems / .rectified / .rectification_rate
// and cadres.law_reports. Inspections count for the organising office, dated by their first day; problems count
// for their first responsible unit, dated by the day they were registered (Asia/Shanghai).

function fieldsOf(name: string, fields: Record<string, string>) {
  return (field: string) => {
    const expr = fields[fieldKey(field)];
    if (!expr) throw new Error(`${name} has no field ${field}`);
    return expr;
  };
}

const labelOf = (column: string, labels: Record<string, string>) =>
  `(case ${column} ${Object.entries(labels)
    .map(([k, v]) => `when ${literal(k)} then ${literal(v)}`)
    .join(' ')} else ${column} end)`;

export const inspectionsSource: SourceAdapter = {
  name: '法治督察',
  from: 'inspections r',
  where: 'true',
  org: 'r.org_id',
  date: () => 'r.start_date',
  text: fieldsOf('oversight.inspections', { mode: 'r.mode', key_node: 'r.key_node' }),
  number: fieldsOf('oversight.inspections', {}),
  columns: [
    { key: 'title', title: '督察名称', sql: 'r.title' },
    { key: 'mode', title: '督导方式', sql: labelOf('r.mode', inspectionModeLabels) },
    { key: 'keyNode', title: '关键节点', sql: labelOf('r.key_node', inspectionKeyNodeLabels) },
    { key: 'startDate', title: '开始日期', sql: `to_char(r.start_date, 'YYYY-MM-DD')` },
  ],
  rowId: 'r.id',
};

export const problemsSource: SourceAdapter = {
  name: '督察发现问题',
  from: 'problems r',
  where: 'true',
  org: 'r.org_id',
  date: () => shanghaiDateSql('r.created_at'),
  text: fieldsOf('oversight.problems', { status: 'r.status' }),
  number: fieldsOf('oversight.problems', {}),
  columns: [
    { key: 'title', title: '问题', sql: 'r.title' },
    { key: 'status', title: '状态', sql: labelOf('r.status', problemStatusLabels) },
    { key: 'deadline', title: '整改时限', sql: `to_char(r.deadline, 'YYYY-MM-DD')` },
  ],
  rowId: 'r.id',
};

export const lawReportsSource: SourceAdapter = {
  name: '领导干部述法',
  from: 'law_reports r',
  where: 'true',
  org: 'r.org_id',
  date: () => 'r.date',
  text: fieldsOf('cadres.law_reports', { form: 'r.form', cadre_id: 'r.cadre_id::text' }),
  number: fieldsOf('cadres.law_reports', { cadre_id: 'r.cadre_id::float8' }),
  columns: [
    { key: 'cadre', title: '述法人', sql: '(select c.name from cadres c where c.id = r.cadre_id)' },
    { key: 'position', title: '职务', sql: '(select c.position from cadres c where c.id = r.cadre_id)' },
    { key: 'form', title: '述法方式', sql: labelOf('r.form', lawReportFormLabels) },
    { key: 'date', title: '述法日期', sql: `to_char(r.date, 'YYYY-MM-DD')` },
  ],
  rowId: 'r.id',
};
