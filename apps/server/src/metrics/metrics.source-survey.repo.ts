import { SURVEY_SCORE_LABELS } from '@fazhi/core/consultation/survey';
import { shanghaiDateSql } from '../platform/kernel/clock.ts';
import { fieldKey, literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

// 群众满意度测评 ratings as the source of survey.*: one row per 1–5 score of a public answer, at the unit or township
// rated, dated by the answer day in Shanghai. No phone or device column: the drill-down shows scores, not people.

const textFields: Record<string, string> = {
  score: 'r.score::text',
  question_key: 'r.question_key',
  survey_id: 'r.survey_id::text',
};
const numberFields: Record<string, string> = { score: 'r.score::float8', survey_id: 'r.survey_id::float8' };

const scoreLabel = `(case r.score ${Object.entries(SURVEY_SCORE_LABELS)
  .map(([k, v]) => `when ${Number(k)} then ${literal(`${k}分 ${v}`)}`)
  .join(' ')} else r.score::text end)`;

export const surveyRatingsSource: SourceAdapter = {
  name: '群众满意度测评评分',
  from: 'survey_ratings r',
  where: 'true',
  org: 'r.org_id',
  date: () => shanghaiDateSql('r.submitted_at'),
  text: (field) => {
    const expr = textFields[fieldKey(field)];
    if (!expr) throw new Error(`consultation.survey_ratings has no field ${field}`);
    return expr;
  },
  number: (field) => {
    const expr = numberFields[fieldKey(field)];
    if (!expr) throw new Error(`consultation.survey_ratings has no number field ${field}`);
    return expr;
  },
  columns: [
    { key: 'survey', title: '测评', sql: '(select s.title from surveys s where s.id = r.survey_id)' },
    {
      key: 'question',
      title: '题目',
      sql: `(select q->>'text' from surveys s, jsonb_array_elements(s.questions) q
              where s.id = r.survey_id and q->>'key' = r.question_key)`,
    },
    { key: 'score', title: '满意程度', sql: scoreLabel },
    {
      key: 'submittedAt',
      title: '评价日期',
      sql: `to_char(r.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
    },
  ],
  rowId: 'r.id',
};
