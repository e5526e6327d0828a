import type { Rule } from '@fazhi/core/assessment/scheme.schemas';

export type RuleField = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'select';
  options?: { value: string; label: string }[];
  optional?: boolean;
};

/** The parameters of each rule kind, in the order the editor shows them. */
export const ruleFields: Record<Rule['kind'], RuleField[]> = {
  manual: [
    { key: 'scaleMax', label: '评分满分（留空则按指标分值评分）', type: 'number', optional: true },
    { key: 'guidance', label: '评分说明', type: 'text', optional: true },
  ],
  metric: [
    { key: 'metricKey', label: '数据指标键', type: 'text' },
    { key: 'metricName', label: '数据指标名称', type: 'text' },
    { key: 'unit', label: '单位', type: 'text', optional: true },
    { key: 'target', label: '目标值', type: 'number' },
    {
      key: 'direction',
      label: '方向',
      type: 'select',
      options: [
        { value: 'higher_is_better', label: '越高越好（低于目标扣分）' },
        { value: 'lower_is_better', label: '越低越好（高于目标扣分）' },
      ],
    },
    { key: 'step', label: '每档幅度（如 1 个百分点）', type: 'number' },
    { key: 'pointsPerStep', label: '每档扣分', type: 'number' },
    {
      key: 'partialStep',
      label: '不足一档',
      type: 'select',
      optional: true,
      options: [
        { value: 'ignore', label: '不扣分' },
        { value: 'count_as_full', label: '按一档扣分' },
        { value: 'proportional', label: '按比例扣分' },
      ],
    },
  ],
  metric_ratio: [
    { key: 'metricKey', label: '数据指标键', type: 'text' },
    { key: 'metricName', label: '数据指标名称', type: 'text' },
    { key: 'unit', label: '单位', type: 'text', optional: true },
    { key: 'target', label: '目标值（完成即满分）', type: 'number' },
  ],
  per_occurrence: [
    { key: 'recordKind', label: '记录类别键', type: 'text' },
    { key: 'recordName', label: '记录名称', type: 'text' },
    { key: 'pointsEach', label: '每次扣分', type: 'number' },
    { key: 'cap', label: '扣分上限（留空则扣完本项为止）', type: 'number', optional: true },
  ],
  requirement: [{ key: 'requirement', label: '达标要求', type: 'text' }],
  veto: [
    { key: 'recordKind', label: '记录类别键', type: 'text' },
    { key: 'condition', label: '否决情形', type: 'text' },
    { key: 'capGrade', label: '最高等次', type: 'text' },
  ],
};

export const defaultRule: Record<Rule['kind'], Rule> = {
  manual: { kind: 'manual' },
  metric: {
    kind: 'metric',
    metricKey: 'plan.closure_rate',
    metricName: '目标任务销号率',
    unit: '%',
    target: 100,
    direction: 'higher_is_better',
    step: 1,
    pointsPerStep: 1,
  },
  metric_ratio: {
    kind: 'metric_ratio',
    metricKey: 'publicity.activities',
    metricName: '普法活动',
    unit: '场次',
    target: 10,
  },
  per_occurrence: {
    kind: 'per_occurrence',
    recordKind: 'litigation.lost',
    recordName: '行政诉讼败诉案件',
    pointsEach: 1,
  },
  requirement: { kind: 'requirement', requirement: '请填写达标要求' },
  veto: { kind: 'veto', recordKind: 'incident.major', condition: '发生重大涉法事件', capGrade: '一般' },
};
