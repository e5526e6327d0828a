import { defineLedger } from '../../ledgers/definition.ts';
import { inclusiveRegulationListLabels, inclusiveRegulationLists } from '../inclusive-regulation-lists.ts';
import { options } from './options.ts';

/**
 * Government lists (重大行政决策事项目录 with its five steps is the ledger engine's `major_decision`). Storage keys:
 * - power_list_entry: item_name, power_kind, basis, published_date — 权责清单, one row per power
 * - inclusive_list_item: list (no_penalty|lighter_penalty|mitigated_penalty|no_coercion), matter, basis, published_date
 * - inclusive_case: case_no (unique), decided_date, list, matter, party (personal), outcome
 * - enforcement_supervisor: name (personal), work_unit, phone, appointed_date, end_date
 */
const inclusiveListOptions = inclusiveRegulationLists.map((key) => ({
  key,
  label: inclusiveRegulationListLabels[key],
}));

export const powerListEntry = defineLedger({
  key: 'power_list_entry',
  name: '权责清单',
  category: '法治政府',
  description: '部门权责清单事项，每项权力一行',
  dateField: 'published_date',
  fields: [
    { key: 'item_name', label: '事项名称', kind: 'text', required: true, maxLength: 200 },
    {
      key: 'power_kind',
      label: '权力类型',
      kind: 'enum',
      required: true,
      options: options({
        licensing: '行政许可',
        penalty: '行政处罚',
        coercion: '行政强制',
        levy: '行政征收',
        payment: '行政给付',
        inspection: '行政检查',
        confirmation: '行政确认',
        reward: '行政奖励',
        ruling: '行政裁决',
        other: '其他行政权力',
      }),
    },
    { key: 'basis', label: '设定依据', kind: 'text', required: true, multiline: true },
    { key: 'published_date', label: '公布日期', kind: 'date', required: true },
  ],
  listColumns: ['item_name', 'power_kind', 'basis'],
  filters: ['power_kind', 'item_name'],
  uniqueTogether: [['item_name', 'power_kind']],
});

export const inclusiveListItem = defineLedger({
  key: 'inclusive_list_item',
  name: '包容审慎监管“四张清单”',
  category: '法治政府',
  description: '不予处罚、从轻处罚、减轻处罚、免予行政强制事项清单，每个事项一行',
  dateField: 'published_date',
  fields: [
    { key: 'list', label: '清单', kind: 'enum', required: true, options: inclusiveListOptions },
    { key: 'matter', label: '违法行为', kind: 'text', required: true, maxLength: 200 },
    { key: 'basis', label: '依据', kind: 'text', multiline: true },
    { key: 'published_date', label: '公布日期', kind: 'date', required: true },
  ],
  listColumns: ['list', 'matter', 'basis'],
  filters: ['list', 'matter'],
  uniqueTogether: [['list', 'matter']],
});

export const inclusiveCase = defineLedger({
  key: 'inclusive_case',
  name: '“四张清单”适用案件',
  category: '法治政府',
  description: '适用包容审慎监管“四张清单”办理的案件，每件一行',
  dateField: 'decided_date',
  fields: [
    { key: 'case_no', label: '案件编号', kind: 'text', required: true, unique: true, maxLength: 60 },
    { key: 'decided_date', label: '决定日期', kind: 'date', required: true },
    { key: 'list', label: '适用清单', kind: 'enum', required: true, options: inclusiveListOptions },
    { key: 'matter', label: '违法行为', kind: 'text', required: true, maxLength: 200 },
    { key: 'party', label: '当事人', kind: 'person_name', required: true },
    { key: 'outcome', label: '处理结果', kind: 'text', multiline: true },
  ],
  listColumns: ['case_no', 'list', 'matter', 'party'],
  filters: ['list', 'case_no'],
  sortable: ['case_no'],
});

export const enforcementSupervisor = defineLedger({
  key: 'enforcement_supervisor',
  name: '特邀行政执法监督员',
  category: '法治政府',
  description: '聘请的特邀行政执法监督员，每人每个聘期一行',
  dateField: 'appointed_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    { key: 'work_unit', label: '工作单位或身份', kind: 'text', maxLength: 100 },
    { key: 'phone', label: '联系电话', kind: 'phone' },
    { key: 'appointed_date', label: '聘任日期', kind: 'date', required: true },
    { key: 'end_date', label: '聘期结束', kind: 'date' },
  ],
  listColumns: ['name', 'work_unit', 'end_date'],
  filters: ['name'],
  rules: [{ kind: 'date_order', before: 'appointed_date', after: 'end_date' }],
});

export const governmentListLedgers = [powerListEntry, inclusiveListItem, inclusiveCase, enforcementSupervisor];
