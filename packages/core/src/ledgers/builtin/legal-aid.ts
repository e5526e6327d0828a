import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 法律援助. Storage keys:
 * - legal_aid_case: case_no (unique), applicant (personal), id_number, phone, application_date,
 *   case_type (criminal|civil|administrative|state_compensation|other), aid_form (defence|agency|advice|...),
 *   status (applied|accepted|rejected|concluded), accepted_date, concluded_date, lawyer, special_group
 *   (minor|elderly|disabled|migrant_worker|woman|other|none), recovered_amount (分)
 * - legal_aid_service: service_date (month), channel (visit|hotline|online|workstation), persons (人次),
 *   criminal_help (刑事法律帮助 人次), consultations
 */
export const legalAidCase = defineLedger({
  key: 'legal_aid_case',
  name: '法律援助案件',
  category: '公共法律服务',
  description: '法律援助申请和案件，每件一行（申请、受理、指派、结案）',
  dateField: 'application_date',
  fields: [
    { key: 'case_no', label: '案件编号', kind: 'text', required: true, unique: true },
    { key: 'applicant', label: '受援人', kind: 'person_name', required: true },
    { key: 'id_number', label: '身份证号', kind: 'id_number' },
    { key: 'phone', label: '联系电话', kind: 'phone' },
    { key: 'application_date', label: '申请日期', kind: 'date', required: true },
    {
      key: 'case_type',
      label: '案件类别',
      kind: 'enum',
      required: true,
      options: opts([
        ['criminal', '刑事'],
        ['civil', '民事'],
        ['administrative', '行政'],
        ['state_compensation', '国家赔偿'],
        ['other', '其他'],
      ]),
    },
    {
      key: 'aid_form',
      label: '援助形式',
      kind: 'enum',
      options: opts([
        ['defence', '刑事辩护'],
        ['agency', '诉讼代理'],
        ['non_litigation', '非诉讼代理'],
        ['duty_lawyer', '值班律师法律帮助'],
        ['mediation', '劳动争议调解仲裁代理'],
      ]),
    },
    {
      key: 'status',
      label: '办理状态',
      kind: 'enum',
      required: true,
      options: opts([
        ['applied', '已申请'],
        ['accepted', '已受理指派'],
        ['rejected', '不予援助'],
        ['concluded', '已结案'],
      ]),
    },
    { key: 'accepted_date', label: '受理日期', kind: 'date' },
    { key: 'concluded_date', label: '结案日期', kind: 'date' },
    { key: 'lawyer', label: '承办律师', kind: 'text' },
    {
      key: 'special_group',
      label: '特殊群体',
      kind: 'enum',
      options: opts([
        ['none', '无'],
        ['migrant_worker', '农民工'],
        ['minor', '未成年人'],
        ['elderly', '老年人'],
        ['disabled', '残疾人'],
        ['woman', '妇女'],
        ['veteran', '军人军属'],
      ]),
    },
    { key: 'recovered_amount', label: '挽回经济损失', kind: 'money' },
  ],
  listColumns: ['case_no', 'applicant', 'case_type', 'aid_form', 'status', 'lawyer'],
  filters: ['case_type', 'status', 'special_group', 'case_no'],
  sortable: ['concluded_date', 'recovered_amount', 'case_no'],
  rules: [
    { kind: 'date_order', before: 'application_date', after: 'accepted_date' },
    { kind: 'date_order', before: 'application_date', after: 'concluded_date' },
    { kind: 'required_if', field: 'concluded_date', when: 'status', in: ['concluded'] },
  ],
});

export const legalAidService = defineLedger({
  key: 'legal_aid_service',
  name: '法律援助服务',
  category: '公共法律服务',
  description: '法律咨询、刑事法律帮助等服务人次，按月每个服务窗口一行',
  dateField: 'service_date',
  fields: [
    { key: 'service_date', label: '统计月份', kind: 'date', required: true, help: '填该月任意一天' },
    {
      key: 'channel',
      label: '服务渠道',
      kind: 'enum',
      required: true,
      options: opts([
        ['visit', '窗口来访'],
        ['hotline', '12348热线'],
        ['online', '网络平台'],
        ['workstation', '基层工作站'],
      ]),
    },
    { key: 'persons', label: '服务人次', kind: 'number', integer: true, min: 0, required: true, unit: '人次' },
    { key: 'consultations', label: '法律咨询', kind: 'number', integer: true, min: 0, unit: '人次' },
    { key: 'criminal_help', label: '刑事法律帮助', kind: 'number', integer: true, min: 0, unit: '人次' },
  ],
  listColumns: ['channel', 'persons', 'consultations', 'criminal_help'],
  filters: ['channel'],
  sortable: ['persons'],
});
