import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 人民调解. Storage keys (ledger_rows.data):
 * - mediation_org: name, org_kind (committee|room|professional|workstation), star_level (none|one..five),
 *   established_date, mediator_count, standardised (boolean), address
 * - mediator: name (personal), gender (male|female), phone, full_time (boolean), appointed_date, committee_name,
 *   education (college|high_school|other), qualified_lawyer (boolean)
 * - mediation_case: case_no (unique), dispute_type, parties (personal), party_phone, received_date,
 *   concluded_date, result (success|failed|ongoing), agreement_amount (分), mediator_name, mediator_full_time
 *   (boolean), agreement_form (written|oral), summary
 */
export const mediationOrg = defineLedger({
  key: 'mediation_org',
  name: '人民调解组织',
  category: '矛盾纠纷化解',
  description: '调委会、调解室、专业性行业性调委会，每个组织一行',
  dateField: 'established_date',
  fields: [
    { key: 'name', label: '组织名称', kind: 'text', required: true, unique: true },
    {
      key: 'org_kind',
      label: '组织类型',
      kind: 'enum',
      required: true,
      options: opts([
        ['committee', '人民调解委员会'],
        ['room', '人民调解室'],
        ['professional', '专业性行业性调委会'],
        ['workstation', '个人调解工作室'],
      ]),
    },
    {
      key: 'star_level',
      label: '星级',
      kind: 'enum',
      options: opts([
        ['none', '未评星'],
        ['one', '一星'],
        ['two', '二星'],
        ['three', '三星'],
        ['four', '四星'],
        ['five', '五星'],
      ]),
    },
    { key: 'established_date', label: '成立日期', kind: 'date', required: true },
    { key: 'mediator_count', label: '调解员人数', kind: 'number', integer: true, min: 0, unit: '人' },
    { key: 'standardised', label: '规范化建设达标', kind: 'boolean' },
    { key: 'address', label: '地址', kind: 'text' },
  ],
  listColumns: ['name', 'org_kind', 'star_level', 'mediator_count', 'standardised'],
  filters: ['org_kind', 'star_level', 'standardised', 'name'],
  sortable: ['mediator_count', 'name'],
});

export const mediator = defineLedger({
  key: 'mediator',
  name: '人民调解员',
  category: '矛盾纠纷化解',
  description: '专兼职人民调解员名册，每人一行',
  dateField: 'appointed_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    {
      key: 'gender',
      label: '性别',
      kind: 'enum',
      options: opts([
        ['male', '男'],
        ['female', '女'],
      ]),
    },
    { key: 'phone', label: '联系电话', kind: 'phone', unique: true },
    { key: 'full_time', label: '专职调解员', kind: 'boolean', required: true },
    { key: 'appointed_date', label: '选聘日期', kind: 'date', required: true },
    { key: 'committee_name', label: '所在调解组织', kind: 'text' },
    {
      key: 'education',
      label: '学历',
      kind: 'enum',
      options: opts([
        ['college', '大专及以上'],
        ['high_school', '高中（中专）'],
        ['other', '初中及以下'],
      ]),
    },
    { key: 'qualified_lawyer', label: '具有法律职业资格', kind: 'boolean' },
  ],
  listColumns: ['name', 'gender', 'phone', 'full_time', 'committee_name', 'education'],
  filters: ['full_time', 'gender', 'education', 'name'],
  sortable: [],
});

export const disputeTypes = opts([
  ['marriage_family', '婚姻家庭'],
  ['neighbourhood', '邻里纠纷'],
  ['land', '土地承包'],
  ['property', '房屋宅基地'],
  ['contract', '合同纠纷'],
  ['labour', '劳动争议'],
  ['traffic', '道路交通'],
  ['medical', '医疗纠纷'],
  ['damage', '损害赔偿'],
  ['debt', '借贷纠纷'],
  ['other', '其他纠纷'],
]);

export const mediationCase = defineLedger({
  key: 'mediation_case',
  name: '矛盾纠纷调解',
  category: '矛盾纠纷化解',
  description: '各级人民调解组织受理的矛盾纠纷，每件一行',
  dateField: 'received_date',
  fields: [
    { key: 'case_no', label: '案件编号', kind: 'text', required: true, unique: true },
    { key: 'dispute_type', label: '纠纷类型', kind: 'enum', required: true, options: disputeTypes },
    { key: 'parties', label: '当事人', kind: 'person_name', required: true, help: '多名当事人用顿号分隔' },
    { key: 'party_phone', label: '当事人电话', kind: 'phone' },
    { key: 'received_date', label: '受理日期', kind: 'date', required: true },
    { key: 'concluded_date', label: '办结日期', kind: 'date' },
    {
      key: 'result',
      label: '调解结果',
      kind: 'enum',
      required: true,
      options: opts([
        ['success', '调解成功'],
        ['failed', '调解不成功'],
        ['ongoing', '正在调解'],
      ]),
    },
    {
      key: 'agreement_form',
      label: '协议形式',
      kind: 'enum',
      options: opts([
        ['written', '书面协议'],
        ['oral', '口头协议'],
      ]),
    },
    { key: 'agreement_amount', label: '协议涉及金额', kind: 'money' },
    { key: 'mediator_name', label: '调解员', kind: 'text' },
    { key: 'mediator_full_time', label: '专职调解员调解', kind: 'boolean' },
    { key: 'summary', label: '纠纷简要情况', kind: 'text', multiline: true },
  ],
  listColumns: ['case_no', 'dispute_type', 'parties', 'result', 'agreement_amount', 'mediator_name'],
  filters: ['dispute_type', 'result', 'mediator_full_time', 'case_no'],
  sortable: ['agreement_amount', 'concluded_date', 'case_no'],
  rules: [
    { kind: 'date_order', before: 'received_date', after: 'concluded_date' },
    { kind: 'required_if', field: 'concluded_date', when: 'result', in: ['success', 'failed'] },
  ],
});
