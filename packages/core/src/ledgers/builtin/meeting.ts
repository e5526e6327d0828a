import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 会议. Storage keys: meeting_kind (committee|coord_group|office|standing_committee|executive), title,
 * meeting_date, chair, special_study (boolean: 专题研究法治工作), attendees.
 * committee_meetings = meeting_kind in committee|coord_group; special_studies = special_study.
 * 会前学法 is recorded once, on the 关键少数 page (cadres `pre_meeting_studies`), which is the source of
 * leadership.pre_meeting_study; this ledger no longer carries a flag of its own (old rows' flags are dropped on save).
 */
export const meeting = defineLedger({
  key: 'meeting',
  name: '会议记录',
  category: '党委领导',
  description: '委员会、协调小组、办公室会议，以及常委会、常务会专题研究法治工作（会前学法在“关键少数”页登记）',
  dateField: 'meeting_date',
  fields: [
    {
      key: 'meeting_kind',
      label: '会议类型',
      kind: 'enum',
      required: true,
      options: opts([
        ['committee', '委员会会议'],
        ['coord_group', '协调小组会议'],
        ['office', '办公室会议'],
        ['standing_committee', '党委常委会会议'],
        ['executive', '政府常务会议'],
      ]),
    },
    { key: 'title', label: '会议名称', kind: 'text', required: true },
    { key: 'meeting_date', label: '会议日期', kind: 'date', required: true },
    { key: 'chair', label: '主持人', kind: 'text' },
    { key: 'special_study', label: '专题研究法治工作', kind: 'boolean' },
    { key: 'attendees', label: '参会人数', kind: 'number', integer: true, min: 0, unit: '人' },
  ],
  listColumns: ['meeting_kind', 'title', 'chair', 'special_study', 'attendees'],
  filters: ['meeting_kind', 'special_study', 'title'],
  sortable: ['attendees'],
});
