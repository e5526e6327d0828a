import { defineLedger, type LedgerDefinition } from '../../ledgers/definition.ts';
import { options } from './options.ts';

/**
 * 矛盾纠纷排查 and 民转刑. Storage keys:
 * - dispute_lead: found_date, source (grid|visit|hotline|petition|mediation|other), category (family|neighbour|land|
 *   labour|contract|other), summary, risk (high|medium|low), status (resolved|in_progress|transferred|unresolved),
 *   resolved_date. screened in a period = found_date in it; resolved = status 'resolved'.
 * - civil_criminal_case: case_date, case_name, origin (the dispute it grew from), screened_before (boolean: the
 *   dispute was on the 排查 list before), improper_handling (boolean: 因调处不当引发).
 */
export const disputeLead = defineLedger({
  key: 'dispute_lead',
  name: '矛盾纠纷排查',
  category: '矛盾纠纷化解',
  description: '排查发现的矛盾纠纷线索及化解情况，每条线索一行',
  dateField: 'found_date',
  fields: [
    { key: 'found_date', label: '排查日期', kind: 'date', required: true },
    {
      key: 'source',
      label: '线索来源',
      kind: 'enum',
      required: true,
      options: options({
        grid: '网格员排查',
        visit: '走访摸排',
        hotline: '热线转办',
        petition: '信访转办',
        mediation: '调解组织报送',
        other: '其他',
      }),
    },
    {
      key: 'category',
      label: '纠纷类型',
      kind: 'enum',
      required: true,
      options: options({
        family: '婚姻家庭',
        neighbour: '邻里纠纷',
        land: '土地山林',
        labour: '劳动争议',
        contract: '合同债务',
        other: '其他',
      }),
    },
    { key: 'summary', label: '纠纷概要', kind: 'text', required: true, maxLength: 300, multiline: true },
    { key: 'risk', label: '风险等级', kind: 'enum', options: options({ high: '高', medium: '中', low: '低' }) },
    {
      key: 'status',
      label: '化解情况',
      kind: 'enum',
      required: true,
      options: options({ resolved: '已化解', in_progress: '化解中', transferred: '已移交', unresolved: '未化解' }),
    },
    { key: 'resolved_date', label: '化解日期', kind: 'date' },
  ],
  listColumns: ['source', 'category', 'summary', 'risk', 'status', 'resolved_date'],
  filters: ['source', 'category', 'risk', 'status'],
  sortable: ['resolved_date'],
  rules: [
    { kind: 'date_order', before: 'found_date', after: 'resolved_date' },
    { kind: 'required_if', field: 'resolved_date', when: 'status', in: ['resolved'] },
  ],
});

export const civilCriminalCase = defineLedger({
  key: 'civil_criminal_case',
  name: '民转刑案件',
  category: '矛盾纠纷化解',
  description: '由民间纠纷激化引发的刑事案件，每案一行',
  dateField: 'case_date',
  fields: [
    { key: 'case_date', label: '案发日期', kind: 'date', required: true },
    { key: 'case_name', label: '案件名称', kind: 'text', required: true, maxLength: 100 },
    { key: 'origin', label: '起因纠纷', kind: 'text', maxLength: 300, multiline: true },
    { key: 'screened_before', label: '案发前已列入排查', kind: 'boolean', required: true },
    { key: 'improper_handling', label: '因调处不当引发', kind: 'boolean', required: true },
  ],
  listColumns: ['case_name', 'screened_before', 'improper_handling'],
  filters: ['screened_before', 'improper_handling', 'case_name'],
});

export const disputeLedgers: LedgerDefinition[] = [disputeLead, civilCriminalCase];
