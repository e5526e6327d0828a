/** 包容审慎监管执法“四张清单”. */
export const inclusiveRegulationLists = ['no_penalty', 'lighter_penalty', 'mitigated_penalty', 'no_coercion'] as const;
export type InclusiveRegulationList = (typeof inclusiveRegulationLists)[number];
export const inclusiveRegulationListLabels: Record<InclusiveRegulationList, string> = {
  no_penalty: '不予行政处罚事项清单',
  lighter_penalty: '从轻行政处罚事项清单',
  mitigated_penalty: '减轻行政处罚事项清单',
  no_coercion: '免予行政强制事项清单',
};
