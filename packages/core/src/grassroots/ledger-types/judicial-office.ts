import { defineLedger } from '../../ledgers/definition.ts';
import { ratingLevelLabels, ratingLevels } from '../judicial-office.ts';
import { options } from './options.ts';

/**
 * 司法所 profile facts, one row per fact on the 司法所's own org. Storage keys (ledger_rows.data):
 * - jo_staff: name (personal), position (director|deputy|staff|auxiliary), joined_date, has_qualification (boolean),
 *   phone, active (boolean)
 * - jo_exam_attempt: name (personal), exam_date, passed (boolean) — 国家统一法律职业资格考试, one row per sitting
 * - jo_rating: awarded_date, level (province|city|county), stars (1–5), title, certificate (attachment)
 * - jo_decision_attendance: meeting_date, topic, attended (boolean), opinion, review_opinion_adopted (boolean)
 */
export const joStaff = defineLedger({
  key: 'jo_staff',
  name: '司法所工作人员',
  category: '公共法律服务',
  description: '司法所在编及辅助人员名册，含法律职业资格情况，每人一行',
  dateField: 'joined_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    {
      key: 'position',
      label: '职务',
      kind: 'enum',
      required: true,
      options: options({ director: '所长', deputy: '副所长', staff: '工作人员', auxiliary: '辅助人员' }),
    },
    { key: 'joined_date', label: '到所日期', kind: 'date', required: true },
    { key: 'has_qualification', label: '具有法律职业资格', kind: 'boolean', required: true },
    { key: 'phone', label: '联系电话', kind: 'phone' },
    { key: 'active', label: '在岗', kind: 'boolean', required: true },
  ],
  listColumns: ['name', 'position', 'has_qualification', 'active'],
  filters: ['position', 'has_qualification', 'active', 'name'],
});

export const joExamAttempt = defineLedger({
  key: 'jo_exam_attempt',
  name: '法律职业资格考试参考',
  category: '公共法律服务',
  description: '司法所人员参加国家统一法律职业资格考试的情况，每人每次一行，用于计算通过率',
  dateField: 'exam_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    { key: 'exam_date', label: '考试日期', kind: 'date', required: true },
    { key: 'passed', label: '通过', kind: 'boolean', required: true },
  ],
  listColumns: ['name', 'passed'],
  filters: ['passed', 'name'],
  uniqueTogether: [['name', 'exam_date']],
});

export const joRating = defineLedger({
  key: 'jo_rating',
  name: '司法所规范化评定',
  category: '公共法律服务',
  description: '省级、市级、县（区）级规范化司法所评定（星级），每次评定一行',
  dateField: 'awarded_date',
  fields: [
    { key: 'awarded_date', label: '评定日期', kind: 'date', required: true },
    {
      key: 'level',
      label: '评定级别',
      kind: 'enum',
      required: true,
      options: ratingLevels.map((key) => ({ key, label: ratingLevelLabels[key] })),
    },
    { key: 'stars', label: '星级', kind: 'number', required: true, integer: true, min: 1, max: 5, unit: '星' },
    { key: 'title', label: '称号', kind: 'text', help: '如：四川省五星级司法所' },
    { key: 'certificate', label: '证书或文件', kind: 'attachment' },
  ],
  listColumns: ['level', 'stars', 'title', 'certificate'],
  filters: ['level'],
  sortable: ['stars'],
  uniqueTogether: [['awarded_date', 'level']],
});

export const joDecisionAttendance = defineLedger({
  key: 'jo_decision_attendance',
  name: '所长列席乡镇重大决策',
  category: '公共法律服务',
  description: '司法所所长列席乡镇（街道）党委会、政府常务会研究重大决策事项的情况，每次会议一行',
  dateField: 'meeting_date',
  fields: [
    { key: 'meeting_date', label: '会议日期', kind: 'date', required: true },
    { key: 'topic', label: '研究事项', kind: 'text', required: true, maxLength: 200 },
    { key: 'attended', label: '所长列席', kind: 'boolean', required: true },
    { key: 'opinion', label: '提出的法律意见', kind: 'text', multiline: true },
    { key: 'opinion_adopted', label: '法律意见被采纳', kind: 'boolean' },
  ],
  listColumns: ['topic', 'attended', 'opinion_adopted'],
  filters: ['attended', 'opinion_adopted', 'topic'],
  rules: [{ kind: 'required_if', field: 'opinion', when: 'opinion_adopted', in: [true] }],
});

export const judicialOfficeLedgers = [joStaff, joExamAttempt, joRating, joDecisionAttendance];
