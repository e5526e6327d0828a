import { opts } from '../../ledgers/builtin/options.ts';
import { defineLedger } from '../../ledgers/definition.ts';

/** 依申请公开 must be answered within this many working days (《政府信息公开条例》第三十三条). */
export const disclosureAnswerWorkingDays = 20;

/**
 * 政务公开. Storage keys:
 * - disclosure_item (主动公开): published_date, title, category (policy|permit|penalty|budget|plan|other),
 *   decided_date (行政许可、行政处罚决定日期), timely (boolean: 双公示 within 7 working days of the decision).
 *   双公示 = category in permit|penalty; timely 双公示 = those with timely.
 * - disclosure_request (依申请公开): received_date, applicant, phone (personal), content, answered_date,
 *   answered_on_time (boolean: within 20 working days, or the extended term), result (disclosed|partly|
 *   not_disclosed|not_exist|not_ours|other), corrected (boolean: 被复议或诉讼纠错).
 */
export const disclosureItem = defineLedger({
  key: 'disclosure_item',
  name: '主动公开信息',
  category: '法治政府',
  description: '主动公开的政府信息，含“双公示”行政许可、行政处罚信息，每条一行',
  dateField: 'published_date',
  fields: [
    { key: 'published_date', label: '公开日期', kind: 'date', required: true },
    { key: 'title', label: '信息标题', kind: 'text', required: true, maxLength: 200 },
    {
      key: 'category',
      label: '信息类别',
      kind: 'enum',
      required: true,
      options: opts([
        ['policy', '政策文件'],
        ['permit', '行政许可'],
        ['penalty', '行政处罚'],
        ['budget', '财政预决算'],
        ['plan', '规划计划'],
        ['other', '其他'],
      ]),
    },
    { key: 'decided_date', label: '决定日期', kind: 'date', help: '行政许可、行政处罚决定作出的日期' },
    { key: 'timely', label: '按时公开', kind: 'boolean', help: '“双公示”信息自决定作出之日起7个工作日内公开' },
  ],
  listColumns: ['title', 'category', 'decided_date', 'timely'],
  filters: ['category', 'timely', 'title'],
  sortable: ['decided_date'],
  rules: [
    { kind: 'date_order', before: 'decided_date', after: 'published_date' },
    { kind: 'required_if', field: 'decided_date', when: 'category', in: ['permit', 'penalty'] },
    { kind: 'required_if', field: 'timely', when: 'category', in: ['permit', 'penalty'] },
  ],
});

export const disclosureRequest = defineLedger({
  key: 'disclosure_request',
  name: '依申请公开',
  category: '法治政府',
  description: '政府信息公开申请的受理和答复情况，每件一行',
  dateField: 'received_date',
  fields: [
    { key: 'received_date', label: '收到申请日期', kind: 'date', required: true },
    { key: 'applicant', label: '申请人', kind: 'person_name', required: true },
    { key: 'phone', label: '联系电话', kind: 'phone' },
    { key: 'content', label: '申请内容', kind: 'text', required: true, maxLength: 300, multiline: true },
    { key: 'answered_date', label: '答复日期', kind: 'date' },
    { key: 'answered_on_time', label: '按期答复', kind: 'boolean', help: '20个工作日内或依法延长的期限内答复' },
    {
      key: 'result',
      label: '答复结果',
      kind: 'enum',
      options: opts([
        ['disclosed', '予以公开'],
        ['partly', '部分公开'],
        ['not_disclosed', '不予公开'],
        ['not_exist', '信息不存在'],
        ['not_ours', '非本机关负责公开'],
        ['other', '其他处理'],
      ]),
    },
    { key: 'corrected', label: '被复议或诉讼纠错', kind: 'boolean' },
  ],
  listColumns: ['applicant', 'content', 'answered_date', 'answered_on_time', 'result', 'corrected'],
  filters: ['answered_on_time', 'result', 'corrected', 'applicant'],
  sortable: ['answered_date'],
  rules: [
    { kind: 'date_order', before: 'received_date', after: 'answered_date' },
    { kind: 'required_if', field: 'answered_on_time', when: 'answered_date' },
    { kind: 'required_if', field: 'result', when: 'answered_date' },
  ],
});
