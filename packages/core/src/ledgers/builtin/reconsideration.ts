import { defineLedger } from '../definition.ts';
import { maxExtensionDays, reconsiderationTermDays } from '../reconsideration-clock.ts';
import { opts } from './options.ts';

/**
 * 行政复议. Storage keys: case_no (unique), applicant (personal), respondent, matter (penalty|coercion|licence|
 * registration|information|compensation|other), received_date, acceptance (pending|accepted|not_accepted),
 * accepted_date, extension_days, suspended_days, due_date (computed: accepted + 60 + extension + suspension),
 * concluded_date, decision (maintained|rejected|revoked|altered|confirmed_illegal|ordered_performance|settled|
 * terminated), overdue (computed on read, not stored).
 * Metrics: received = rows; accepted = acceptance 'accepted'; concluded = concluded_date set; corrected =
 * decision in revoked|altered|confirmed_illegal|ordered_performance; settled = decision 'settled'.
 */
export const reconsiderationDecisions = opts([
  ['maintained', '维持'],
  ['rejected', '驳回'],
  ['revoked', '撤销'],
  ['altered', '变更'],
  ['confirmed_illegal', '确认违法'],
  ['ordered_performance', '责令履行'],
  ['settled', '调解和解'],
  ['terminated', '终止'],
]);

export const correctionDecisions = ['revoked', 'altered', 'confirmed_illegal', 'ordered_performance'] as const;

export const reconsiderationCase = defineLedger({
  key: 'reconsideration_case',
  name: '行政复议案件',
  category: '法治政府',
  description: `收到、受理、审结的行政复议案件；受理后 ${reconsiderationTermDays} 日内作出决定，延长不超过 ${maxExtensionDays} 日，中止期间不计入`,
  dateField: 'received_date',
  fields: [
    { key: 'case_no', label: '案号', kind: 'text', required: true, unique: true },
    { key: 'applicant', label: '申请人', kind: 'person_name', required: true },
    { key: 'respondent', label: '被申请人', kind: 'text', required: true },
    {
      key: 'matter',
      label: '复议事项',
      kind: 'enum',
      required: true,
      options: opts([
        ['penalty', '行政处罚'],
        ['coercion', '行政强制'],
        ['licence', '行政许可'],
        ['registration', '行政确认登记'],
        ['information', '政府信息公开'],
        ['compensation', '工伤认定与赔偿'],
        ['inaction', '不履行法定职责'],
        ['other', '其他'],
      ]),
    },
    { key: 'received_date', label: '收到申请日期', kind: 'date', required: true },
    {
      key: 'acceptance',
      label: '受理情况',
      kind: 'enum',
      required: true,
      options: opts([
        ['pending', '审查中'],
        ['accepted', '已受理'],
        ['not_accepted', '不予受理'],
      ]),
    },
    { key: 'accepted_date', label: '受理日期', kind: 'date' },
    {
      key: 'extension_days',
      label: '延长天数',
      kind: 'number',
      integer: true,
      min: 0,
      max: maxExtensionDays,
      unit: '日',
    },
    // bounded so the computed due date stays a date (a typo such as 2244591833200359 days used to throw)
    { key: 'suspended_days', label: '中止天数', kind: 'number', integer: true, min: 0, max: 3650, unit: '日' },
    {
      key: 'due_date',
      label: '法定审结期限',
      kind: 'computed',
      resultKind: 'date',
      compute: {
        op: 'add_days',
        date: 'accepted_date',
        days: reconsiderationTermDays,
        plus: ['extension_days', 'suspended_days'],
      },
    },
    { key: 'concluded_date', label: '审结日期', kind: 'date' },
    { key: 'decision', label: '决定类型', kind: 'enum', options: reconsiderationDecisions },
    {
      key: 'overdue',
      label: '超期',
      kind: 'computed',
      resultKind: 'boolean',
      compute: { op: 'overdue', due: 'due_date', done: 'concluded_date' },
    },
  ],
  listColumns: ['case_no', 'applicant', 'acceptance', 'due_date', 'overdue', 'decision', 'respondent', 'matter'],
  filters: ['acceptance', 'decision', 'matter', 'case_no'],
  sortable: ['due_date', 'concluded_date', 'case_no'],
  rules: [
    { kind: 'date_order', before: 'received_date', after: 'accepted_date' },
    { kind: 'date_order', before: 'accepted_date', after: 'concluded_date' },
    { kind: 'date_order', before: 'received_date', after: 'concluded_date' },
    { kind: 'required_if', field: 'accepted_date', when: 'acceptance', in: ['accepted'] },
    { kind: 'required_if', field: 'decision', when: 'concluded_date' },
  ],
});
