import type { FieldFilter, MetricComputation, MetricSource } from '../metrics/definitions.ts';
import { SATISFIED_FROM } from './survey.ts';

/**
 * 群众满意度测评 metrics (keys `survey.*`): counted from the 1–5 ratings of the public answers, at the unit or
 * township rated and dated by the answer day (Asia/Shanghai). `survey.satisfaction_rate` is the key the demo
 * assessment scheme's 群众满意度 indicator reads.
 */
export const surveyMetrics = [
  { key: 'survey.ratings', name: '群众满意度测评评分', unit: '项次', kind: 'count' },
  { key: 'survey.satisfied', name: '群众满意度测评“满意”及以上评分', unit: '项次', kind: 'count' },
  { key: 'survey.satisfaction_rate', name: '法治建设群众满意度', unit: '%', kind: 'rate' },
] as const;

export type SurveyMetricKey = (typeof surveyMetrics)[number]['key'];

const ratings: MetricSource = { kind: 'table', table: 'consultation.survey_ratings' };
const satisfied: FieldFilter = { field: 'score', op: 'gte', value: SATISFIED_FROM };

export const surveyComputations: Record<SurveyMetricKey, MetricComputation> = {
  'survey.ratings': { kind: 'count', source: ratings },
  'survey.satisfied': { kind: 'count', source: ratings, filters: [satisfied] },
  'survey.satisfaction_rate': { kind: 'rate', numerator: 'survey.satisfied', denominator: 'survey.ratings' },
};
