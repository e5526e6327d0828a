import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 行政执法. Storage keys:
 * - enforcement_officer: name (personal), id_number, cert_no (unique), cert_type (administrative|supervision),
 *   enforcement_field, issued_date, expiry_date, exam_date, exam_score, exam_passed (boolean), status (active|
 *   suspended|revoked|expired)
 * - enforcement_case_review: case_no, case_title, enforcing_agency, review_date, review_kind (self|centralised|
 *   spot), grade (excellent|qualified|unqualified), score, issues_found, recommended (boolean: 报送优秀卷宗)
 */
export const enforcementOfficer = defineLedger({
  key: 'enforcement_officer',
  name: '行政执法人员',
  category: '行政执法',
  description: '持证行政执法人员、证件和执法资格考试，每人一行',
  dateField: 'issued_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    { key: 'id_number', label: '身份证号', kind: 'id_number' },
    { key: 'cert_no', label: '执法证号', kind: 'text', required: true, unique: true },
    {
      key: 'cert_type',
      label: '证件类型',
      kind: 'enum',
      required: true,
      options: opts([
        ['administrative', '行政执法证'],
        ['supervision', '行政执法监督证'],
      ]),
    },
    { key: 'enforcement_field', label: '执法领域', kind: 'text' },
    { key: 'issued_date', label: '发证日期', kind: 'date', required: true },
    { key: 'expiry_date', label: '有效期至', kind: 'date' },
    { key: 'exam_date', label: '考试日期', kind: 'date' },
    { key: 'exam_score', label: '考试成绩', kind: 'number', min: 0, max: 100, unit: '分' },
    { key: 'exam_passed', label: '考试合格', kind: 'boolean' },
    {
      key: 'status',
      label: '证件状态',
      kind: 'enum',
      required: true,
      options: opts([
        ['active', '有效'],
        ['suspended', '暂扣'],
        ['revoked', '注销'],
        ['expired', '过期待换领'],
      ]),
    },
  ],
  listColumns: ['name', 'cert_no', 'cert_type', 'enforcement_field', 'expiry_date', 'exam_score', 'status'],
  filters: ['cert_type', 'status', 'exam_passed', 'name'],
  sortable: ['expiry_date', 'exam_score', 'cert_no'],
  rules: [
    { kind: 'date_order', before: 'issued_date', after: 'expiry_date' },
    { kind: 'required_if', field: 'exam_date', when: 'exam_score' },
  ],
});

export const enforcementCaseReview = defineLedger({
  key: 'enforcement_case_review',
  name: '执法案卷评查',
  category: '行政执法',
  description: '行政执法案卷评查结果，每份案卷一行',
  dateField: 'review_date',
  fields: [
    { key: 'case_no', label: '案卷编号', kind: 'text', required: true, unique: true },
    { key: 'case_title', label: '案件名称', kind: 'text', required: true },
    { key: 'enforcing_agency', label: '执法机关', kind: 'text', required: true },
    { key: 'review_date', label: '评查日期', kind: 'date', required: true },
    {
      key: 'review_kind',
      label: '评查方式',
      kind: 'enum',
      required: true,
      options: opts([
        ['self', '自查'],
        ['centralised', '集中评查'],
        ['spot', '随机抽查'],
      ]),
    },
    {
      key: 'grade',
      label: '评查等次',
      kind: 'enum',
      required: true,
      options: opts([
        ['excellent', '优秀'],
        ['qualified', '合格'],
        ['unqualified', '不合格'],
      ]),
    },
    { key: 'score', label: '得分', kind: 'number', min: 0, max: 100, unit: '分' },
    { key: 'issues_found', label: '发现问题', kind: 'number', integer: true, min: 0, unit: '个' },
    { key: 'recommended', label: '报送优秀卷宗', kind: 'boolean' },
  ],
  listColumns: ['case_no', 'case_title', 'enforcing_agency', 'review_kind', 'grade', 'score', 'recommended'],
  filters: ['grade', 'review_kind', 'recommended', 'case_title'],
  sortable: ['score', 'issues_found'],
});
