import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 合法性审查 / 规范性文件备案 / 重大行政决策. Storage keys:
 * - legality_review: review_kind (meeting_topic|contract|normative_doc|other), title, submitting_unit,
 *   received_date, completed_date, opinion_letter (boolean: 出具审查意见书), opinion_count (法律意见建议 条),
 *   contract_amount (分), conclusion (legal|legal_with_changes|illegal)
 * - normative_doc_filing: doc_no (unique), title, issuing_agency, issued_date, filed_date, on_time (boolean),
 *   result (approved|corrected|rejected|pending), doc_kind (normative|penalty|coercion)
 * - major_decision: title, decision_agency, in_catalogue (boolean), public_participation, expert_argument,
 *   risk_assessment, legality_reviewed, collective_discussion (booleans: the five legal steps), decided_date,
 *   status (planned|in_progress|decided|evaluated)
 */
export const legalityReview = defineLedger({
  key: 'legality_review',
  name: '合法性审查',
  category: '法治政府',
  description: '政府常务会议议题、重大经济合同、规范性文件的合法性审查，每件一行',
  dateField: 'received_date',
  fields: [
    {
      key: 'review_kind',
      label: '审查类别',
      kind: 'enum',
      required: true,
      options: opts([
        ['meeting_topic', '常务会议议题'],
        ['contract', '重大经济合同'],
        ['normative_doc', '规范性文件'],
        ['other', '其他事项'],
      ]),
    },
    { key: 'title', label: '审查事项', kind: 'text', required: true },
    { key: 'submitting_unit', label: '送审单位', kind: 'text', required: true },
    { key: 'received_date', label: '收件日期', kind: 'date', required: true },
    { key: 'completed_date', label: '审查完成日期', kind: 'date' },
    { key: 'opinion_letter', label: '出具审查意见书', kind: 'boolean' },
    { key: 'opinion_count', label: '提出法律意见建议', kind: 'number', integer: true, min: 0, unit: '条' },
    { key: 'contract_amount', label: '合同金额', kind: 'money' },
    {
      key: 'conclusion',
      label: '审查结论',
      kind: 'enum',
      options: opts([
        ['legal', '合法'],
        ['legal_with_changes', '修改后合法'],
        ['illegal', '不合法'],
      ]),
    },
  ],
  listColumns: ['review_kind', 'title', 'submitting_unit', 'completed_date', 'opinion_letter', 'opinion_count'],
  filters: ['review_kind', 'opinion_letter', 'conclusion', 'title'],
  sortable: ['completed_date', 'opinion_count', 'contract_amount'],
  rules: [{ kind: 'date_order', before: 'received_date', after: 'completed_date' }],
});

export const normativeDocFiling = defineLedger({
  key: 'normative_doc_filing',
  name: '规范性文件备案',
  category: '法治政府',
  description: '报送备案的规范性文件及重大行政处罚、行政强制决定',
  dateField: 'filed_date',
  fields: [
    { key: 'doc_no', label: '文号', kind: 'text', required: true, unique: true },
    { key: 'title', label: '文件名称', kind: 'text', required: true },
    {
      key: 'doc_kind',
      label: '备案类别',
      kind: 'enum',
      required: true,
      options: opts([
        ['normative', '规范性文件'],
        ['penalty', '重大行政处罚'],
        ['coercion', '行政强制'],
      ]),
    },
    { key: 'issuing_agency', label: '制定机关', kind: 'text', required: true },
    { key: 'issued_date', label: '发布日期', kind: 'date', required: true },
    { key: 'filed_date', label: '报备日期', kind: 'date', required: true },
    { key: 'on_time', label: '按时报备', kind: 'boolean', help: '发布之日起 30 日内报送备案' },
    {
      key: 'result',
      label: '审查结果',
      kind: 'enum',
      required: true,
      options: opts([
        ['pending', '审查中'],
        ['approved', '准予备案'],
        ['corrected', '责令纠正'],
        ['rejected', '不予备案'],
      ]),
    },
  ],
  listColumns: ['doc_no', 'title', 'doc_kind', 'issuing_agency', 'on_time', 'result'],
  filters: ['doc_kind', 'result', 'on_time', 'title'],
  sortable: ['issued_date', 'doc_no'],
  rules: [{ kind: 'date_order', before: 'issued_date', after: 'filed_date' }],
});

export const majorDecision = defineLedger({
  key: 'major_decision',
  name: '重大行政决策',
  category: '法治政府',
  description: '重大行政决策事项目录及公众参与、专家论证、风险评估、合法性审查、集体讨论五项法定程序',
  dateField: 'decided_date',
  fields: [
    { key: 'title', label: '决策事项', kind: 'text', required: true, unique: true },
    { key: 'decision_agency', label: '决策机关', kind: 'text', required: true },
    { key: 'in_catalogue', label: '纳入年度目录', kind: 'boolean', required: true },
    { key: 'public_participation', label: '公众参与', kind: 'boolean' },
    { key: 'expert_argument', label: '专家论证', kind: 'boolean' },
    { key: 'risk_assessment', label: '风险评估', kind: 'boolean' },
    { key: 'legality_reviewed', label: '合法性审查', kind: 'boolean' },
    { key: 'collective_discussion', label: '集体讨论决定', kind: 'boolean' },
    { key: 'decided_date', label: '决策日期', kind: 'date', required: true },
    {
      key: 'status',
      label: '进展',
      kind: 'enum',
      required: true,
      options: opts([
        ['planned', '已列入目录'],
        ['in_progress', '履行程序中'],
        ['decided', '已作出决策'],
        ['evaluated', '已后评估'],
      ]),
    },
  ],
  // The five steps show as one 法定程序 column (done / missing, see grassroots/major-decision-steps.ts).
  listColumns: ['title', 'decision_agency', 'in_catalogue', 'status'],
  filters: ['status', 'in_catalogue', 'title'],
  sortable: ['title'],
});
