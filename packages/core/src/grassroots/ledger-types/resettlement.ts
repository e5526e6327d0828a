import { defineLedger, type LedgerDefinition } from '../../ledgers/definition.ts';
import { options } from './options.ts';

/** 刑满释放人员 must be taken over (衔接) within this many days of release to count as on time. */
export const resettlementHandoverDays = 30;

/**
 * 安置帮教: one row per released prisoner received by the 司法所. Storage keys: name, id_number, phone (personal),
 * release_date, prison, received_date (衔接日期), handover_days (computed: received − released), helped (boolean,
 * 帮教措施落实), placement (employed|farming|self_employed|welfare|none), reoffended (boolean), reoffended_date.
 * received in a period = release_date in it; on time = handover_days ≤ 30.
 */
export const releasedPerson = defineLedger({
  key: 'released_person',
  name: '安置帮教对象',
  category: '刑罚执行',
  description: '刑满释放人员衔接、帮教和安置情况，每人一行',
  dateField: 'release_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    { key: 'id_number', label: '身份证号', kind: 'id_number', required: true, unique: true },
    { key: 'phone', label: '联系电话', kind: 'phone' },
    { key: 'release_date', label: '释放日期', kind: 'date', required: true },
    { key: 'prison', label: '释放单位', kind: 'text', maxLength: 60 },
    { key: 'received_date', label: '衔接日期', kind: 'date', help: '司法所与监所完成衔接、人员报到的日期' },
    {
      key: 'handover_days',
      label: '衔接天数',
      kind: 'computed',
      resultKind: 'number',
      unit: '日',
      compute: { op: 'days_between', from: 'release_date', to: 'received_date' },
    },
    { key: 'helped', label: '帮教措施落实', kind: 'boolean', required: true },
    {
      key: 'placement',
      label: '安置情况',
      kind: 'enum',
      options: options({
        employed: '就业',
        farming: '务农',
        self_employed: '自主创业',
        welfare: '纳入社会救助',
        none: '未安置',
      }),
    },
    { key: 'reoffended', label: '重新违法犯罪', kind: 'boolean', required: true },
    { key: 'reoffended_date', label: '重新犯罪日期', kind: 'date' },
  ],
  listColumns: ['name', 'id_number', 'received_date', 'handover_days', 'helped', 'placement', 'reoffended'],
  filters: ['helped', 'placement', 'reoffended', 'name'],
  sortable: ['received_date', 'handover_days'],
  rules: [
    { kind: 'date_order', before: 'release_date', after: 'received_date' },
    { kind: 'date_order', before: 'release_date', after: 'reoffended_date' },
    { kind: 'required_if', field: 'reoffended_date', when: 'reoffended', in: [true] },
  ],
});

export const resettlementLedgers: LedgerDefinition[] = [releasedPerson];
