/** The four honour categories of the "加法" bonus (seed 000). */
export const BONUS_CATEGORIES = ['通报表扬', '经验交流', '批示肯定', '示范建设'] as const;
export type BonusCategory = (typeof BONUS_CATEGORIES)[number];

/** The four recognition / accountability levels ("四级"); 区 stands for the county/district level. */
export const LEVELS = ['中央', '省', '市', '区'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = { 中央: '中央', 省: '省级', 市: '市级', 区: '区（县）级' };

/** Grade names used by the demo scheme and the default grading; a scheme may name its own. */
export const DEFAULT_GRADES = ['优秀', '良好', '一般', '较差'] as const;

export const RULE_KINDS = ['manual', 'metric', 'metric_ratio', 'per_occurrence', 'requirement', 'veto'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  manual: '人工评分',
  metric: '数据指标扣分',
  metric_ratio: '数据指标按比例得分',
  per_occurrence: '按次扣分',
  requirement: '达标要求',
  veto: '一票否决',
};

export const TIE_BREAKS = ['base_score_desc', 'deductions_asc', 'bonus_desc'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export const TIE_BREAK_LABELS: Record<TieBreak, string> = {
  base_score_desc: '指标得分高者在前',
  deductions_asc: '减分少者在前',
  bonus_desc: '加分多者在前',
};
