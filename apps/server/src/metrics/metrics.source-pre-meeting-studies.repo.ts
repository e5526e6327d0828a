import { studyMeetingKindLabels } from '@fazhi/core/cadres/pre-meeting-study';
import { fieldKey, literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

// 会前学法 records of the 关键少数 page as the source of leadership.pre_meeting_study: one row per meeting, counted
// for the office that recorded it and dated by the meeting day.

const textFields: Record<string, string> = { meeting_kind: 'r.meeting_kind' };

const kindLabel = `(case r.meeting_kind ${Object.entries(studyMeetingKindLabels)
  .map(([k, v]) => `when ${literal(k)} then ${literal(v)}`)
  .join(' ')} else r.meeting_kind end)`;

export const preMeetingStudiesSource: SourceAdapter = {
  name: '会前学法记录',
  from: 'pre_meeting_studies r',
  where: 'true',
  org: 'r.org_id',
  date: () => 'r.date',
  text: (field) => {
    const expr = textFields[fieldKey(field)];
    if (!expr) throw new Error(`cadres.pre_meeting_studies has no field ${field}`);
    return expr;
  },
  number: (field) => {
    throw new Error(`cadres.pre_meeting_studies has no number field ${field}`);
  },
  columns: [
    { key: 'meetingName', title: '会议名称', sql: 'r.meeting_name' },
    { key: 'meetingKind', title: '会议类型', sql: kindLabel },
    { key: 'date', title: '学法日期', sql: `to_char(r.date, 'YYYY-MM-DD')` },
    {
      key: 'laws',
      title: '学习法律法规',
      sql: `(select string_agg(l, '、') from jsonb_array_elements_text(r.laws) l)`,
    },
    { key: 'lecturer', title: '授课人', sql: 'r.lecturer' },
  ],
  rowId: 'r.id',
};
