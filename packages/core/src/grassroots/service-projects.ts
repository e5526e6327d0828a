/** Rule-of-law service projects whose targets and coverage are tracked. */
export const serviceProjectKinds = ['benefit_12345', 'four_actions', 'three_ones_service', 'village_adviser'] as const;
export type ServiceProjectKind = (typeof serviceProjectKinds)[number];
export const serviceProjectKindLabels: Record<ServiceProjectKind, string> = {
  benefit_12345: '法治惠民“12345”工程',
  four_actions: '法律服务“四项行动”',
  three_ones_service: '法律服务“三个一”工作机制',
  village_adviser: '一村（居）一法律顾问',
};

/** 法律服务“四项行动”. */
export const fourActions = [
  'contract_review',
  'theme_education',
  'poor_household_rights',
  'legal_aid_coverage',
] as const;
export type FourAction = (typeof fourActions)[number];
export const fourActionLabels: Record<FourAction, string> = {
  contract_review: '合同审核',
  theme_education: '主题教育',
  poor_household_rights: '贫困户维权',
  legal_aid_coverage: '法援全覆盖',
};

/** “三个一” service mechanism: every service target has one team and one plan. */
export type ThreeOnesService = { target: string; team: readonly string[]; plan: string };

export function threeOnesServiceGaps(s: ThreeOnesService): string[] {
  const gaps: string[] = [];
  if (!s.target.trim()) gaps.push('未明确服务对象（一个服务对象）');
  if (!s.team.some((m) => m.trim())) gaps.push('未组建服务队伍（一个工作队伍）');
  if (!s.plan.trim()) gaps.push('未制定服务方案（一套服务方案）');
  return gaps;
}
