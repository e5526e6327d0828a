import type { MetricKey } from '../metrics/catalogue.ts';
import { registryByKey } from '../metrics/definitions.ts';

/**
 * Registry keys outside the report catalogue that reports quote: the grass-roots figures (issue 9). Extraction does
 * not map their wording (the catalogue pins extraction to DESIGN.md §5), so they are read back by their phrase
 * template instead (`findTemplateFigures`).
 */
export const grassrootsFigureKeys = [
  'grassroots.liaison_due',
  'grassroots.liaison_done',
  'grassroots.liaison_rate',
  'grassroots.jo_staff',
  'grassroots.jo_qualified_rate',
  'grassroots.decision_attendance_rate',
  'grassroots.adviser_villages',
  'grassroots.adviser_coverage_rate',
  'grassroots.reasoning_points',
  'grassroots.reasoning_coverage_rate',
  'grassroots.facilities',
  'grassroots.service_circle_rate',
  'grassroots.major_decisions_complete',
  'grassroots.major_decision_steps_rate',
] as const;

export type GrassrootsFigureKey = (typeof grassrootsFigureKeys)[number];

/**
 * Registry keys of the later ledgers (issue 18) that reports quote: 信访, 政务公开, 安置帮教, supervision of legal
 * services, 矛盾纠纷排查 and 民转刑, rosters. Outside the catalogue too, so read back by their phrase template.
 */
export const ledgerFigureKeys = [
  'petitions.received',
  'petitions.concluded',
  'petitions.on_time_rate',
  'petitions.classified_rate',
  'petitions.repeat',
  'petitions.repeat_rate',
  'disclosure.proactive',
  'disclosure.dual',
  'disclosure.timely_rate',
  'disclosure.requests',
  'disclosure.request_timely_rate',
  'disclosure.requests_corrected',
  'grassroots.released_received',
  'grassroots.released_handover_rate',
  'grassroots.released_help_rate',
  'grassroots.released_reoffended',
  'grassroots.reoffending_rate',
  'legal_services.practitioners',
  'legal_services.institutions',
  'legal_services.assessment_pass_rate',
  'legal_services.complaints',
  'legal_services.complaint_on_time_rate',
  'grassroots.dispute_leads',
  'grassroots.disputes_resolved',
  'grassroots.dispute_resolution_rate',
  'grassroots.civil_criminal_cases',
  'grassroots.civil_criminal_improper',
  'grassroots.law_volunteers',
  'grassroots.volunteer_coverage_rate',
  'grassroots.village_sages',
  'grassroots.sage_coverage_rate',
  'grassroots.village_hosts',
  'grassroots.host_coverage_rate',
] as const;

export type LedgerFigureKey = (typeof ledgerFigureKeys)[number];

/** A key a report figure (slot) may hold: the catalogue or a chosen registry key outside it. */
export type ReportFigureKey = MetricKey | GrassrootsFigureKey | LedgerFigureKey;

const grassrootsKeySet: ReadonlySet<string> = new Set(grassrootsFigureKeys);
export const isGrassrootsFigureKey = (key: string): key is GrassrootsFigureKey => grassrootsKeySet.has(key);

/** Every report key read back by its phrase template rather than by extraction. */
export const templateFigureKeys = [...grassrootsFigureKeys, ...ledgerFigureKeys] as const;
const templateKeySet: ReadonlySet<string> = new Set(templateFigureKeys);
export const isTemplateFigureKey = (key: string): key is GrassrootsFigureKey | LedgerFigureKey =>
  templateKeySet.has(key);

/** Name and unit of a report figure's metric, from the registry. */
export function figureMetricInfo(key: string): { name: string; unit: string } {
  const m = registryByKey.get(key);
  return { name: m?.name ?? key, unit: m?.unit ?? '' };
}

/**
 * How a composed report words each figure. Every phrase uses an alias figure extraction maps back to the same
 * metric (tested), so a composed sentence reads as a live figure and a hand edit can be checked against the ledgers.
 */
const phrases: Partial<Record<ReportFigureKey, (v: string) => string>> = {
  'plan.tasks': (v) => `分解落实目标任务${v}项`,
  'plan.closed': (v) => `已销号${v}项`,
  'plan.closure_rate': (v) => `目标任务销号率${v}%`,
  'leadership.committee_meetings': (v) => `召开依法治区委员会会议${v}次`,
  'leadership.special_studies': (v) => `常委会专题研究法治工作${v}次`,
  'leadership.pre_meeting_study': (v) => `开展会前学法${v}次`,
  'cadres.law_reports': (v) => `党政主要负责人述法${v}人`,
  'training.sessions': (v) => `举办法治培训班${v}期`,
  'training.attendees': (v) => `培训人次${v}人次`,
  'legality_review.total': (v) => `开展合法性审查${v}件`,
  'legality_review.meeting_topics': (v) => `审查常务会议议题${v}件`,
  'legality_review.contracts': (v) => `审查重大经济合同${v}件`,
  'legality_review.normative_docs': (v) => `规范性文件合法性审查${v}件`,
  'legality_review.opinions': (v) => `合法性审查提出法律意见建议${v}条`,
  'normative_docs.filed': (v) => `备案规范性文件${v}件`,
  'major_decisions.total': (v) => `作出重大行政决策${v}件`,
  'reconsideration.received': (v) => `收到行政复议申请${v}件`,
  'reconsideration.accepted': (v) => `受理行政复议案件${v}件`,
  'reconsideration.concluded': (v) => `审结行政复议案件${v}件`,
  'reconsideration.correction_rate': (v) => `行政复议纠错率${v}%`,
  'litigation.cases': (v) => `办理行政应诉案件${v}件`,
  'litigation.head_appearance_rate': (v) => `行政机关负责人出庭应诉率${v}%`,
  'enforcement.officers': (v) => `持证行政执法人员${v}人`,
  'enforcement.case_reviews': (v) => `评查行政执法案卷${v}件`,
  'mediation.committees': (v) => `建成人民调解委员会${v}个`,
  'mediation.mediators': (v) => `配备人民调解员${v}人`,
  'mediation.cases': (v) => `调解矛盾纠纷${v}件`,
  'mediation.resolved': (v) => `调解成功${v}件`,
  'mediation.success_rate': (v) => `调解成功率${v}%`,
  'mediation.amount': (v) => `人民调解协议涉及金额${v}万元`,
  'legal_aid.cases': (v) => `办理法律援助案件${v}件`,
  'legal_aid.services': (v) => `提供法律援助服务${v}人次`,
  'legal_aid.stations': (v) => `设立法律援助工作站${v}个`,
  'pls.centers': (v) => `建成公共法律服务中心${v}个`,
  'pls.stations': (v) => `建成公共法律服务工作站${v}个`,
  'pls.rooms': (v) => `建成公共法律服务工作室${v}个`,
  'pls.village_advisers': (v) => `配备村（居）法律顾问${v}人`,
  'pls.legal_literates': (v) => `培育法律明白人${v}人`,
  'publicity.activities': (v) => `开展普法宣传活动${v}场次`,
  'publicity.participants': (v) => `普法活动受教育群众${v}人次`,
  'publicity.demo_sites': (v) => `命名法治示范点${v}个`,
  'corrections.received': (v) => `接收社区矫正对象${v}人`,
  'corrections.released': (v) => `解除社区矫正${v}人`,
  'corrections.active': (v) => `在册社区矫正对象${v}人`,
  'corrections.location_rate': (v) => `社区矫正对象手机定位率${v}%`,
  'consultation.drafts': (v) => `立法联系点征求意见草案${v}件`,
  'consultation.opinions': (v) => `立法联系点收集意见建议${v}条`,
  'consultation.adopted': (v) => `立法联系点意见被采纳${v}条`,
  'oversight.inspections': (v) => `开展法治督察${v}次`,
  'oversight.problems': (v) => `督察发现问题${v}个`,
  'oversight.rectified': (v) => `问题已整改${v}个`,
  'oversight.rectification_rate': (v) => `问题整改率${v}%`,
  'grassroots.liaison_due': (v) => `挂点联系应走访${v}次`,
  'grassroots.liaison_done': (v) => `实际走访${v}次`,
  'grassroots.liaison_rate': (v) => `挂点联系走访完成率${v}%`,
  'grassroots.jo_staff': (v) => `司法所在岗工作人员${v}人`,
  'grassroots.jo_qualified_rate': (v) => `司法所人员法律职业资格持有率${v}%`,
  'grassroots.decision_attendance_rate': (v) => `司法所长列席乡镇重大决策比例${v}%`,
  'grassroots.adviser_villages': (v) => `签订法律顾问合同的村（社区）${v}个`,
  'grassroots.adviser_coverage_rate': (v) => `“一村（居）一法律顾问”覆盖率${v}%`,
  'grassroots.reasoning_points': (v) => `建成居民评理说事点${v}个`,
  'grassroots.reasoning_coverage_rate': (v) => `居民评理说事点覆盖率${v}%`,
  'grassroots.facilities': (v) => `建成法治阵地${v}处`,
  'grassroots.service_circle_rate': (v) => `法律援助“1小时服务圈”覆盖率${v}%`,
  'grassroots.major_decisions_complete': (v) => `五项法定程序齐全的重大行政决策${v}件`,
  'grassroots.major_decision_steps_rate': (v) => `重大行政决策法定程序履行率${v}%`,
  'petitions.received': (v) => `受理信访事项${v}件`,
  'petitions.concluded': (v) => `办结信访事项${v}件`,
  'petitions.on_time_rate': (v) => `信访事项按期办结率${v}%`,
  'petitions.classified_rate': (v) => `信访事项依法分类处理率${v}%`,
  'petitions.repeat': (v) => `重复信访${v}件`,
  'petitions.repeat_rate': (v) => `重复信访率${v}%`,
  'disclosure.proactive': (v) => `主动公开政府信息${v}条`,
  'disclosure.dual': (v) => `公示“双公示”信息${v}条`,
  'disclosure.timely_rate': (v) => `“双公示”信息公开及时率${v}%`,
  'disclosure.requests': (v) => `办理政府信息公开申请${v}件`,
  'disclosure.request_timely_rate': (v) => `依申请公开按期答复率${v}%`,
  'disclosure.requests_corrected': (v) => `依申请公开被复议或诉讼纠错${v}件`,
  'grassroots.released_received': (v) => `接收刑满释放人员${v}人`,
  'grassroots.released_handover_rate': (v) => `刑满释放人员衔接率${v}%`,
  'grassroots.released_help_rate': (v) => `刑满释放人员帮教率${v}%`,
  'grassroots.released_reoffended': (v) => `刑满释放人员重新违法犯罪${v}人`,
  'grassroots.reoffending_rate': (v) => `刑满释放人员重新犯罪率${v}%`,
  'legal_services.practitioners': (v) => `监管执业法律服务人员${v}人`,
  'legal_services.institutions': (v) => `监管执业法律服务机构${v}个`,
  'legal_services.assessment_pass_rate': (v) => `法律服务年度考核合格率${v}%`,
  'legal_services.complaints': (v) => `受理法律服务投诉${v}件`,
  'legal_services.complaint_on_time_rate': (v) => `法律服务投诉按期办结率${v}%`,
  'grassroots.dispute_leads': (v) => `排查矛盾纠纷线索${v}条`,
  'grassroots.disputes_resolved': (v) => `已化解线索${v}条`,
  'grassroots.dispute_resolution_rate': (v) => `排查矛盾纠纷化解率${v}%`,
  'grassroots.civil_criminal_cases': (v) => `发生“民转刑”案件${v}件`,
  'grassroots.civil_criminal_improper': (v) => `其中因调处不当引发${v}件`,
  'grassroots.law_volunteers': (v) => `在册普法志愿者${v}人`,
  'grassroots.volunteer_coverage_rate': (v) => `普法志愿者村（社区）覆盖率${v}%`,
  'grassroots.village_sages': (v) => `在册乡贤${v}人`,
  'grassroots.sage_coverage_rate': (v) => `乡贤村（社区）覆盖率${v}%`,
  'grassroots.village_hosts': (v) => `在册农村知客${v}人`,
  'grassroots.host_coverage_rate': (v) => `农村知客村（社区）覆盖率${v}%`,
};

/**
 * A zero worth stating: for a lower-is-better count (registry polarity `lower`) none at all is the result, so the
 * report says so in words instead of leaving the figure out. Other zeros are left out (no ledger work to report).
 */
const zeroPhrases: Partial<Record<ReportFigureKey, string>> = {
  'petitions.repeat': '未发生重复信访',
  'disclosure.requests_corrected': '未发生依申请公开被复议或诉讼纠错',
  'grassroots.released_reoffended': '刑满释放人员未发生重新违法犯罪',
  'legal_services.complaints': '未收到法律服务投诉',
  'grassroots.civil_criminal_cases': '未发生“民转刑”案件',
};

/** Whether a zero of this metric is stated (lower-is-better count with its own wording for none). */
export function statesZero(metric: ReportFigureKey): boolean {
  return zeroPhrases[metric] !== undefined && registryByKey.get(metric)?.polarity === 'lower';
}

export const phrasedMetrics = Object.keys(phrases) as ReportFigureKey[];

/** Numbers as a report writes them: integers plain, fractions to at most two decimals. */
export function formatFigure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** A value as its phrase writes it: rates with one decimal (93.8%, 100.0%), other figures as `formatFigure`. */
function formatValue(metric: ReportFigureKey, value: number): string {
  return figureMetricInfo(metric).unit === '%' ? value.toFixed(1) : formatFigure(value);
}

/** The phrase for one figure, or null when the metric has no wording yet. */
export function figurePhrase(metric: ReportFigureKey, value: number): string | null {
  if (value === 0 && statesZero(metric)) return zeroPhrases[metric] ?? null;
  const phrase = phrases[metric];
  return phrase ? phrase(formatValue(metric, value)) : null;
}

/** A grass-roots figure found in text by its phrase template, whatever number it now states. */
export type TemplateFigure = {
  metric: GrassrootsFigureKey | LedgerFigureKey;
  value: number;
  text: string;
  start: number;
  end: number;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const templates = templateFigureKeys.flatMap((metric) => {
  const phrase = phrases[metric];
  if (!phrase) return [];
  const [before, after] = phrase('\u0000').split('\u0000') as [string, string];
  return [{ metric, pattern: new RegExp(`${escapeRegExp(before)}(\\d+(?:\\.\\d+)?)${escapeRegExp(after)}`, 'g') }];
});

/** Every grass-roots figure worded as the composer words it (a hand edit of the number is still found). */
export function findTemplateFigures(text: string): TemplateFigure[] {
  const found: TemplateFigure[] = [];
  for (const { metric, pattern } of templates) {
    for (const m of text.matchAll(pattern)) {
      found.push({ metric, value: Number(m[1]), text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What a year's figures are compared with: the whole last year, or its same days for a year still running. */
export type ComparisonBasis = '上年' | '上年同期';

/**
 * 较上年增加3件 / 较上年提高2.5个百分点 / 与上年持平 (较上年同期… for a running year, set beside the same days of
 * last year): worded so extraction reads it as a comparison.
 */
export function comparisonPhrase(
  value: number,
  previous: number | null,
  unit: string,
  basis: ComparisonBasis = '上年',
): string {
  if (previous === null) return '';
  const delta = Math.round((value - previous) * 100) / 100;
  if (delta === 0) return `，与${basis}持平`;
  const isRate = unit === '%';
  const verb = delta > 0 ? (isRate ? '提高' : '增加') : isRate ? '下降' : '减少';
  const amount = isRate ? Math.abs(delta).toFixed(1) : formatFigure(Math.abs(delta));
  return `，较${basis}${verb}${amount}${isRate ? '个百分点' : unit}`;
}
