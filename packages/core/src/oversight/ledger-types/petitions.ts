import { opts } from '../../ledgers/builtin/options.ts';
import { defineLedger } from '../../ledgers/definition.ts';

/** 信访事项 must be concluded within this many days of being received (《信访工作条例》). */
export const petitionTermDays = 60;

/**
 * 信访工作法治化: one row per petition received. Storage keys: petitioner, id_number, phone (personal), received_date,
 * channel (visit|letter|online|phone), matter, route (依法分类处理的途径: litigation|arbitration|reconsideration|
 * administrative|petition), classified (boolean, 依法分类处理), concluded_date, concluded_days (computed:
 * concluded − received), repeat (boolean, 重复信访). on time = concluded_days ≤ 60.
 */
export const petitionCase = defineLedger({
  key: 'petition_case',
  name: '信访事项',
  category: '法治政府',
  description: '受理的信访事项、依法分类处理和办结情况，每件一行',
  dateField: 'received_date',
  fields: [
    { key: 'received_date', label: '登记日期', kind: 'date', required: true },
    { key: 'petitioner', label: '信访人', kind: 'person_name', required: true },
    { key: 'id_number', label: '身份证号', kind: 'id_number' },
    { key: 'phone', label: '联系电话', kind: 'phone' },
    {
      key: 'channel',
      label: '信访形式',
      kind: 'enum',
      required: true,
      options: opts([
        ['visit', '来访'],
        ['letter', '来信'],
        ['online', '网上信访'],
        ['phone', '电话'],
      ]),
    },
    { key: 'matter', label: '信访事项', kind: 'text', required: true, maxLength: 300, multiline: true },
    {
      key: 'route',
      label: '处理途径',
      kind: 'enum',
      options: opts([
        ['litigation', '诉讼'],
        ['arbitration', '仲裁'],
        ['reconsideration', '行政复议'],
        ['administrative', '行政程序'],
        ['petition', '信访程序'],
      ]),
    },
    { key: 'classified', label: '依法分类处理', kind: 'boolean', required: true, help: '按诉访分离导入法定途径' },
    { key: 'concluded_date', label: '办结日期', kind: 'date' },
    {
      key: 'concluded_days',
      label: '办理天数',
      kind: 'computed',
      resultKind: 'number',
      unit: '日',
      compute: { op: 'days_between', from: 'received_date', to: 'concluded_date' },
    },
    { key: 'repeat', label: '重复信访', kind: 'boolean', required: true },
  ],
  listColumns: ['petitioner', 'channel', 'matter', 'route', 'concluded_date', 'concluded_days', 'repeat'],
  filters: ['channel', 'route', 'classified', 'repeat', 'petitioner'],
  sortable: ['concluded_date', 'concluded_days'],
  rules: [
    { kind: 'date_order', before: 'received_date', after: 'concluded_date' },
    { kind: 'required_if', field: 'route', when: 'classified', in: [true] },
  ],
});
