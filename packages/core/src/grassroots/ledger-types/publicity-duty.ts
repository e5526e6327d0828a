import { defineLedger } from '../../ledgers/definition.ts';
import { options } from './options.ts';

/**
 * 普法 responsibility. Storage keys:
 * - publicity_duty: list_date (the year's list), law_name, audience, measures, person_in_charge, done (boolean)
 *   — “谁执法谁普法”责任清单, one row per law a department must publicise (org: the department)
 * - must_know_law: law_name, listed_date, audience (all_cadres|leaders|enforcement)
 * - law_exam: exam_date, title, required (应参考人数), participants (实际参考人数), passed
 * - vice_principal: name (personal), school, work_unit, appointed_date, end_date
 * - law_training: title, held_date, organiser, audiences (multi-select), attendees (人次), form, hours
 *   — 法治培训, one row per session (期); the registry's training.sessions / training.attendees
 */
export const publicityDuty = defineLedger({
  key: 'publicity_duty',
  name: '“谁执法谁普法”责任清单',
  category: '普法依法治理',
  description: '各部门年度普法责任清单，每部法律法规一行',
  dateField: 'list_date',
  fields: [
    { key: 'list_date', label: '清单日期', kind: 'date', required: true },
    { key: 'law_name', label: '法律法规', kind: 'text', required: true, maxLength: 100 },
    { key: 'audience', label: '普法对象', kind: 'text', required: true, maxLength: 100 },
    { key: 'measures', label: '普法措施', kind: 'text', multiline: true },
    { key: 'person_in_charge', label: '责任人', kind: 'text', maxLength: 40 },
    { key: 'done', label: '已完成', kind: 'boolean', required: true },
  ],
  listColumns: ['law_name', 'audience', 'person_in_charge', 'done'],
  filters: ['done', 'law_name'],
  uniqueTogether: [['list_date', 'law_name']],
});

export const mustKnowLaw = defineLedger({
  key: 'must_know_law',
  name: '应知应会法律清单',
  category: '普法依法治理',
  description: '国家工作人员应知应会法律法规清单，每部法律一行',
  dateField: 'listed_date',
  fields: [
    { key: 'law_name', label: '法律法规', kind: 'text', required: true, maxLength: 100 },
    { key: 'listed_date', label: '列入日期', kind: 'date', required: true },
    {
      key: 'audience',
      label: '适用对象',
      kind: 'enum',
      required: true,
      options: options({ all_cadres: '全体干部', leaders: '领导干部', enforcement: '行政执法人员' }),
    },
  ],
  listColumns: ['law_name', 'audience'],
  filters: ['audience', 'law_name'],
  uniqueTogether: [['law_name', 'audience']],
});

export const lawExam = defineLedger({
  key: 'law_exam',
  name: '学法考法',
  category: '普法依法治理',
  description: '国家工作人员学法考法组织情况，每场考试一行（应参考、实参考、合格人数）',
  dateField: 'exam_date',
  fields: [
    { key: 'exam_date', label: '考试日期', kind: 'date', required: true },
    { key: 'title', label: '考试名称', kind: 'text', required: true, maxLength: 100 },
    { key: 'required', label: '应参考人数', kind: 'number', required: true, integer: true, min: 0, unit: '人' },
    { key: 'participants', label: '实际参考人数', kind: 'number', required: true, integer: true, min: 0, unit: '人' },
    { key: 'passed', label: '合格人数', kind: 'number', integer: true, min: 0, unit: '人' },
  ],
  listColumns: ['title', 'required', 'participants', 'passed'],
  filters: ['title'],
  sortable: ['participants'],
});

export const vicePrincipal = defineLedger({
  key: 'vice_principal',
  name: '法治副校长',
  category: '普法依法治理',
  description: '中小学法治副校长聘任情况，每所学校每个聘期一行',
  dateField: 'appointed_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    { key: 'school', label: '学校', kind: 'text', required: true, maxLength: 100 },
    { key: 'work_unit', label: '工作单位', kind: 'text', maxLength: 100 },
    { key: 'appointed_date', label: '聘任日期', kind: 'date', required: true },
    { key: 'end_date', label: '聘期结束', kind: 'date' },
  ],
  listColumns: ['name', 'school', 'work_unit', 'end_date'],
  filters: ['school', 'name'],
  uniqueTogether: [['school', 'appointed_date']],
  rules: [{ kind: 'date_order', before: 'appointed_date', after: 'end_date' }],
});

export const lawTraining = defineLedger({
  key: 'law_training',
  name: '法治培训',
  category: '普法依法治理',
  description: '领导干部、行政执法人员等法治培训班和专题讲座，每期一行（参训人次）',
  dateField: 'held_date',
  fields: [
    { key: 'title', label: '培训名称', kind: 'text', required: true, maxLength: 100 },
    { key: 'held_date', label: '开班日期', kind: 'date', required: true },
    { key: 'organiser', label: '主办单位', kind: 'text', maxLength: 100 },
    {
      key: 'audiences',
      label: '参训对象',
      kind: 'multi_enum',
      required: true,
      options: options({
        leaders: '领导干部',
        civil_servants: '公务员',
        enforcement: '行政执法人员',
        judicial: '司法行政干部',
        village_cadres: '村（社区）干部',
        legal_literates: '法律明白人',
        other: '其他',
      }),
    },
    { key: 'attendees', label: '参训人次', kind: 'number', required: true, integer: true, min: 1, unit: '人次' },
    {
      key: 'form',
      label: '培训形式',
      kind: 'enum',
      options: options({ class: '培训班', lecture: '专题讲座', online: '网络培训', exam: '学法考试' }),
    },
    { key: 'hours', label: '学时', kind: 'number', min: 0, max: 500, unit: '学时' },
  ],
  listColumns: ['title', 'organiser', 'audiences', 'attendees', 'form'],
  filters: ['audiences', 'form', 'title'],
  sortable: ['attendees'],
  uniqueTogether: [['title', 'held_date']],
});

export const publicityDutyLedgers = [publicityDuty, mustKnowLaw, lawExam, vicePrincipal, lawTraining];
