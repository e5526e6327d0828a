import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 社区矫正. Storage keys:
 * - corrections_subject: name (personal), id_number, gender (male|female), correction_type (probation|parole|
 *   control|medical_parole), received_date, term_end_date, released_date, release_kind (expired|revoked|
 *   died|other), supervision_level (strict|normal|lenient), e_monitored (boolean).
 *   received in a period = received_date in it; released = released_date in it; active at a day D =
 *   received_date <= D and (released_date is null or released_date > D).
 * - corrections_location: month_date (any day of the month), active_count, located_count, visits
 *   (走访 人次), education_sessions (分类教育 场). location rate = sum(located_count) / sum(active_count).
 */
export const correctionsSubject = defineLedger({
  key: 'corrections_subject',
  name: '社区矫正对象',
  category: '刑罚执行',
  description: '社区矫正对象接收、解除矫正，每人一行',
  dateField: 'received_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    { key: 'id_number', label: '身份证号', kind: 'id_number', required: true, unique: true },
    {
      key: 'gender',
      label: '性别',
      kind: 'enum',
      options: opts([
        ['male', '男'],
        ['female', '女'],
      ]),
    },
    {
      key: 'correction_type',
      label: '矫正类别',
      kind: 'enum',
      required: true,
      options: opts([
        ['probation', '缓刑'],
        ['parole', '假释'],
        ['control', '管制'],
        ['medical_parole', '暂予监外执行'],
      ]),
    },
    { key: 'received_date', label: '接收日期', kind: 'date', required: true },
    { key: 'term_end_date', label: '矫正期满日期', kind: 'date' },
    { key: 'released_date', label: '解除矫正日期', kind: 'date' },
    {
      key: 'release_kind',
      label: '解除方式',
      kind: 'enum',
      options: opts([
        ['expired', '期满解除'],
        ['revoked', '撤销缓刑假释收监'],
        ['died', '死亡'],
        ['other', '其他'],
      ]),
    },
    {
      key: 'supervision_level',
      label: '管理等级',
      kind: 'enum',
      options: opts([
        ['strict', '严管'],
        ['normal', '普管'],
        ['lenient', '宽管'],
      ]),
    },
    { key: 'e_monitored', label: '电子定位监管', kind: 'boolean' },
  ],
  listColumns: ['name', 'id_number', 'correction_type', 'term_end_date', 'released_date', 'supervision_level'],
  filters: ['correction_type', 'supervision_level', 'release_kind', 'name'],
  sortable: ['term_end_date', 'released_date'],
  rules: [
    { kind: 'date_order', before: 'received_date', after: 'released_date' },
    { kind: 'date_order', before: 'received_date', after: 'term_end_date' },
    { kind: 'required_if', field: 'release_kind', when: 'released_date' },
  ],
});

export const correctionsLocation = defineLedger({
  key: 'corrections_location',
  name: '社区矫正日常监管',
  category: '刑罚执行',
  description: '每月在册人数、手机定位人数、走访和分类教育，每个司法所每月一行',
  dateField: 'month_date',
  fields: [
    { key: 'month_date', label: '统计月份', kind: 'date', required: true, help: '填该月任意一天' },
    { key: 'active_count', label: '在册人数', kind: 'number', integer: true, min: 0, required: true, unit: '人' },
    { key: 'located_count', label: '定位正常人数', kind: 'number', integer: true, min: 0, required: true, unit: '人' },
    { key: 'visits', label: '走访', kind: 'number', integer: true, min: 0, unit: '人次' },
    { key: 'education_sessions', label: '分类教育', kind: 'number', integer: true, min: 0, unit: '场' },
  ],
  listColumns: ['active_count', 'located_count', 'visits', 'education_sessions'],
  filters: [],
  sortable: ['active_count', 'located_count'],
  uniqueTogether: [],
});
