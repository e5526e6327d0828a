import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 行政应诉. Storage keys: case_no (unique), plaintiff (personal), defendant, cause, filed_date, trial_level
 * (first|second|retrial), hearing_date, head_appeared (boolean: 行政机关负责人出庭), head_name, result (pending_hearing|
 * pending_judgment|dismissed_suit|claim_rejected|revoked|confirmed_illegal|withdrawn|settled|other), concluded_date.
 * head_appearance_rate = head_appeared / rows with hearing_date.
 */
export const litigationCase = defineLedger({
  key: 'litigation_case',
  name: '行政应诉案件',
  category: '法治政府',
  description: '以本级政府或部门为被告的行政诉讼案件，记录行政机关负责人出庭应诉',
  dateField: 'filed_date',
  fields: [
    { key: 'case_no', label: '案号', kind: 'text', required: true, unique: true },
    { key: 'plaintiff', label: '原告', kind: 'person_name', required: true },
    { key: 'defendant', label: '被告', kind: 'text', required: true },
    { key: 'cause', label: '案由', kind: 'text', required: true },
    { key: 'filed_date', label: '收到起诉状日期', kind: 'date', required: true },
    {
      key: 'trial_level',
      label: '审级',
      kind: 'enum',
      required: true,
      options: opts([
        ['first', '一审'],
        ['second', '二审'],
        ['retrial', '再审'],
      ]),
    },
    { key: 'hearing_date', label: '开庭日期', kind: 'date' },
    { key: 'head_appeared', label: '负责人出庭应诉', kind: 'boolean' },
    { key: 'head_name', label: '出庭负责人', kind: 'text' },
    {
      key: 'result',
      label: '审理结果',
      kind: 'enum',
      required: true,
      options: opts([
        ['pending_hearing', '等待开庭'],
        ['pending_judgment', '等待宣判'],
        ['dismissed_suit', '裁定驳回起诉'],
        ['claim_rejected', '判决驳回诉讼请求'],
        ['revoked', '判决撤销'],
        ['confirmed_illegal', '确认违法'],
        ['withdrawn', '原告撤诉'],
        ['settled', '协调和解'],
        ['other', '其他'],
      ]),
    },
    { key: 'concluded_date', label: '审结日期', kind: 'date' },
  ],
  listColumns: ['case_no', 'plaintiff', 'defendant', 'cause', 'trial_level', 'head_appeared', 'result'],
  filters: ['result', 'head_appeared', 'trial_level', 'case_no'],
  sortable: ['hearing_date', 'concluded_date', 'case_no'],
  rules: [
    { kind: 'date_order', before: 'filed_date', after: 'hearing_date' },
    { kind: 'date_order', before: 'filed_date', after: 'concluded_date' },
    { kind: 'required_if', field: 'head_name', when: 'head_appeared', in: [true] },
  ],
});
