import { opts } from '../../ledgers/builtin/options.ts';
import { defineLedger } from '../../ledgers/definition.ts';

/** Who the 司法行政 office supervises: practitioners and their institutions. */
export const legalServiceSubjects = opts([
  ['lawyer', '律师'],
  ['law_firm', '律师事务所'],
  ['notary', '公证员'],
  ['notary_office', '公证机构'],
  ['grassroots_worker', '基层法律服务工作者'],
  ['grassroots_office', '基层法律服务所'],
  ['appraiser', '司法鉴定人'],
  ['appraisal_org', '司法鉴定机构'],
]);

/**
 * Supervision of legal services (律师、公证、基层法律服务、司法鉴定). Storage keys:
 * - legal_service_register: subject (see legalServiceSubjects), name (a practitioner's or an institution's name, as
 *   published on the 执业 register, so not personal), licence_no (unique), institution, licensed_date,
 *   status (active|suspended|cancelled).
 * - legal_service_assessment (年度考核): assessed_date, subject, name, licence_no, result (excellent|pass|basic|fail).
 *   Each practitioner or institution once per year.
 * - legal_service_complaint: received_date, subject, respondent, complainant and phone (personal), matter,
 *   handled_date, handled_on_time (boolean), outcome (penalised|criticised|unfounded|mediated|transferred).
 */
export const legalServiceRegister = defineLedger({
  key: 'legal_service_register',
  name: '法律服务执业名册',
  category: '公共法律服务',
  description: '律师、律师事务所、公证、基层法律服务和司法鉴定的执业人员及机构，每人（每个机构）一行',
  dateField: 'licensed_date',
  fields: [
    { key: 'subject', label: '类别', kind: 'enum', required: true, options: legalServiceSubjects },
    { key: 'name', label: '姓名或机构名称', kind: 'text', required: true, maxLength: 60 },
    { key: 'licence_no', label: '执业证号', kind: 'text', required: true, unique: true, maxLength: 40 },
    { key: 'institution', label: '执业机构', kind: 'text', maxLength: 60 },
    { key: 'licensed_date', label: '执业日期', kind: 'date', required: true },
    {
      key: 'status',
      label: '执业状态',
      kind: 'enum',
      required: true,
      options: opts([
        ['active', '正常执业'],
        ['suspended', '停止执业'],
        ['cancelled', '注销'],
      ]),
    },
  ],
  listColumns: ['subject', 'name', 'licence_no', 'institution', 'status'],
  filters: ['subject', 'status', 'name', 'institution'],
});

export const legalServiceAssessment = defineLedger({
  key: 'legal_service_assessment',
  name: '法律服务年度考核',
  category: '公共法律服务',
  description: '律师、公证、基层法律服务、司法鉴定人员及机构的年度考核结果，每人（每个机构）每年一行',
  dateField: 'assessed_date',
  fields: [
    { key: 'assessed_date', label: '考核日期', kind: 'date', required: true },
    { key: 'subject', label: '类别', kind: 'enum', required: true, options: legalServiceSubjects },
    { key: 'name', label: '姓名或机构名称', kind: 'text', required: true, maxLength: 60 },
    { key: 'licence_no', label: '执业证号', kind: 'text', required: true, maxLength: 40 },
    {
      key: 'result',
      label: '考核结果',
      kind: 'enum',
      required: true,
      options: opts([
        ['excellent', '优秀'],
        ['pass', '称职（合格）'],
        ['basic', '基本称职（基本合格）'],
        ['fail', '不称职（不合格）'],
      ]),
    },
  ],
  listColumns: ['subject', 'name', 'licence_no', 'result'],
  filters: ['subject', 'result', 'name'],
  uniqueTogether: [['licence_no', 'assessed_date']],
});

export const legalServiceComplaint = defineLedger({
  key: 'legal_service_complaint',
  name: '法律服务投诉',
  category: '公共法律服务',
  description: '对律师、公证、基层法律服务、司法鉴定的投诉及查处情况，每件一行',
  dateField: 'received_date',
  fields: [
    { key: 'received_date', label: '收到投诉日期', kind: 'date', required: true },
    { key: 'subject', label: '被投诉对象类别', kind: 'enum', required: true, options: legalServiceSubjects },
    { key: 'respondent', label: '被投诉人或机构', kind: 'text', required: true, maxLength: 60 },
    { key: 'complainant', label: '投诉人', kind: 'person_name', required: true },
    { key: 'phone', label: '投诉人电话', kind: 'phone' },
    { key: 'matter', label: '投诉事项', kind: 'text', required: true, maxLength: 300, multiline: true },
    { key: 'handled_date', label: '办结日期', kind: 'date' },
    { key: 'handled_on_time', label: '按期办结', kind: 'boolean', help: '自受理之日起60日内办结' },
    {
      key: 'outcome',
      label: '处理结果',
      kind: 'enum',
      options: opts([
        ['penalised', '查实并给予处罚或处分'],
        ['criticised', '查实并批评教育'],
        ['unfounded', '投诉不实'],
        ['mediated', '调解结案'],
        ['transferred', '移交行业协会'],
      ]),
    },
  ],
  listColumns: ['subject', 'respondent', 'complainant', 'matter', 'handled_date', 'handled_on_time', 'outcome'],
  filters: ['subject', 'handled_on_time', 'outcome', 'respondent'],
  sortable: ['handled_date'],
  rules: [
    { kind: 'date_order', before: 'received_date', after: 'handled_date' },
    { kind: 'required_if', field: 'handled_on_time', when: 'handled_date' },
    { kind: 'required_if', field: 'outcome', when: 'handled_date' },
  ],
});
