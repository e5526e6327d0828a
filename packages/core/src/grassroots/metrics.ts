import type { FieldFilter, MetricComputation, MetricSource } from '../metrics/definitions.ts';
import { ledgerFlow as flow, ledgerSource as ledger, ledgerStock as stock } from '../metrics/ledger-computations.ts';
import { serviceCircleMinutes } from './coverage.ts';
import { facilityTypeInfo } from './facilities.ts';
import { lawFacilityTypes } from './ledger-types/facilities.ts';
import { resettlementHandoverDays } from './ledger-types/resettlement.ts';
import { majorDecisionStepFields } from './major-decision-steps.ts';

/**
 * Grass-roots metrics in the registry (keys `grassroots.*`), computed from the grass-roots ledger types. They are
 * spread into `metrics/definitions.ts`, so they appear on the dashboard, in assessment rules and report figures.
 */
export const grassrootsMetrics = [
  { key: 'grassroots.jo_staff', name: '司法所在岗工作人员', unit: '人', kind: 'count' },
  { key: 'grassroots.jo_qualified', name: '司法所具有法律职业资格人员', unit: '人', kind: 'count' },
  { key: 'grassroots.jo_qualified_rate', name: '司法所人员法律职业资格持有率', unit: '%', kind: 'rate' },
  { key: 'grassroots.exam_sat', name: '法律职业资格考试参考人次', unit: '人次', kind: 'count' },
  { key: 'grassroots.exam_passed', name: '法律职业资格考试通过人次', unit: '人次', kind: 'count' },
  { key: 'grassroots.exam_pass_rate', name: '法律职业资格考试通过率', unit: '%', kind: 'rate' },
  { key: 'grassroots.decision_meetings', name: '乡镇重大决策会议', unit: '次', kind: 'count' },
  { key: 'grassroots.decision_attended', name: '司法所长列席乡镇重大决策', unit: '次', kind: 'count' },
  { key: 'grassroots.decision_attendance_rate', name: '司法所长列席重大决策比例', unit: '%', kind: 'rate' },
  { key: 'grassroots.facilities', name: '法治阵地', unit: '处', kind: 'count' },
  { key: 'grassroots.two_rooms', name: '“两室”（法治宣传室、人民调解室）', unit: '处', kind: 'count' },
  { key: 'grassroots.five_carriers', name: '“五个载体”法治文化阵地', unit: '处', kind: 'count' },
  { key: 'grassroots.law_libraries', name: '法治图书室', unit: '个', kind: 'count' },
  { key: 'grassroots.comprehensive_centers', name: '综治中心', unit: '个', kind: 'count' },
  { key: 'grassroots.legal_aid_network', name: '法律援助网络站点', unit: '个', kind: 'count' },
  { key: 'grassroots.legal_aid_in_circle', name: '“1小时服务圈”内的法律援助站点', unit: '个', kind: 'count' },
  { key: 'grassroots.service_circle_rate', name: '法律援助“1小时服务圈”覆盖率', unit: '%', kind: 'rate' },
  { key: 'grassroots.reasoning_points', name: '居民评理说事点', unit: '个', kind: 'count' },
  { key: 'grassroots.benefit_villages', name: '法治惠民“12345”工程列入村', unit: '个', kind: 'count' },
  { key: 'grassroots.benefit_covered', name: '法治惠民“12345”工程已覆盖村', unit: '个', kind: 'count' },
  { key: 'grassroots.benefit_coverage_rate', name: '法治惠民“12345”工程覆盖率', unit: '%', kind: 'rate' },
  { key: 'grassroots.four_actions', name: '法律服务“四项行动”活动', unit: '次', kind: 'count' },
  { key: 'grassroots.four_actions_served', name: '法律服务“四项行动”服务人次', unit: '人次', kind: 'sum' },
  { key: 'grassroots.three_ones', name: '法律服务“三个一”服务对象', unit: '个', kind: 'count' },
  { key: 'grassroots.adviser_contracts', name: '村（居）法律顾问合同', unit: '份', kind: 'count' },
  { key: 'grassroots.publicity_duties', name: '“谁执法谁普法”责任清单事项', unit: '项', kind: 'count' },
  { key: 'grassroots.publicity_duties_done', name: '“谁执法谁普法”责任清单已完成事项', unit: '项', kind: 'count' },
  { key: 'grassroots.publicity_duty_rate', name: '普法责任清单完成率', unit: '%', kind: 'rate' },
  { key: 'grassroots.must_know_laws', name: '应知应会法律', unit: '部', kind: 'count' },
  { key: 'grassroots.law_exam_required', name: '学法考法应参考人数', unit: '人', kind: 'sum' },
  { key: 'grassroots.law_exam_participants', name: '学法考法参考人数', unit: '人', kind: 'sum' },
  { key: 'grassroots.law_exam_rate', name: '学法考法参考率', unit: '%', kind: 'rate' },
  { key: 'grassroots.vice_principals', name: '法治副校长', unit: '人', kind: 'count' },
  { key: 'grassroots.power_list_entries', name: '权责清单事项', unit: '项', kind: 'count' },
  { key: 'grassroots.inclusive_list_items', name: '包容审慎监管“四张清单”事项', unit: '项', kind: 'count' },
  { key: 'grassroots.inclusive_cases', name: '适用“四张清单”办理案件', unit: '件', kind: 'count' },
  { key: 'grassroots.enforcement_supervisors', name: '特邀行政执法监督员', unit: '人', kind: 'count' },
  { key: 'grassroots.center_checklists', name: '填报功能室清单的综治中心', unit: '个', kind: 'count' },
  { key: 'grassroots.centers_with_mediation_room', name: '设有人民调解室的综治中心', unit: '个', kind: 'count' },
  { key: 'grassroots.villages', name: '村（社区）', unit: '个', kind: 'count' },
  { key: 'grassroots.adviser_villages', name: '已签订法律顾问合同的村（社区）', unit: '个', kind: 'count' },
  { key: 'grassroots.adviser_coverage_rate', name: '“一村（居）一法律顾问”覆盖率', unit: '%', kind: 'rate' },
  { key: 'grassroots.reasoning_villages', name: '设有居民评理说事点的村（社区）', unit: '个', kind: 'count' },
  { key: 'grassroots.reasoning_coverage_rate', name: '居民评理说事点覆盖率', unit: '%', kind: 'rate' },
  { key: 'grassroots.liaison_due', name: '挂点联系应走访次数', unit: '次', kind: 'sum' },
  { key: 'grassroots.liaison_done', name: '挂点联系已走访次数', unit: '次', kind: 'sum' },
  { key: 'grassroots.liaison_rate', name: '挂点联系走访完成率', unit: '%', kind: 'rate' },
  { key: 'grassroots.liaison_overdue', name: '挂点联系逾期未走访周期', unit: '个', kind: 'count' },
  { key: 'grassroots.major_decisions_complete', name: '五项法定程序齐全的重大行政决策', unit: '件', kind: 'count' },
  { key: 'grassroots.major_decision_steps_rate', name: '重大行政决策法定程序履行率', unit: '%', kind: 'rate' },
  { key: 'grassroots.law_volunteers', name: '在册普法志愿者', unit: '人', kind: 'count' },
  { key: 'grassroots.village_sages', name: '在册乡贤', unit: '人', kind: 'count' },
  { key: 'grassroots.village_hosts', name: '在册农村知客', unit: '人', kind: 'count' },
  { key: 'grassroots.volunteer_villages', name: '有普法志愿者的村（社区）', unit: '个', kind: 'count' },
  { key: 'grassroots.volunteer_coverage_rate', name: '普法志愿者村（社区）覆盖率', unit: '%', kind: 'rate' },
  { key: 'grassroots.sage_villages', name: '有乡贤的村（社区）', unit: '个', kind: 'count' },
  { key: 'grassroots.sage_coverage_rate', name: '乡贤村（社区）覆盖率', unit: '%', kind: 'rate' },
  { key: 'grassroots.host_villages', name: '有农村知客的村（社区）', unit: '个', kind: 'count' },
  { key: 'grassroots.host_coverage_rate', name: '农村知客村（社区）覆盖率', unit: '%', kind: 'rate' },
  { key: 'grassroots.dispute_leads', name: '排查矛盾纠纷线索', unit: '条', kind: 'count' },
  { key: 'grassroots.disputes_resolved', name: '排查矛盾纠纷已化解', unit: '条', kind: 'count' },
  { key: 'grassroots.dispute_resolution_rate', name: '排查矛盾纠纷化解率', unit: '%', kind: 'rate' },
  { key: 'grassroots.civil_criminal_cases', name: '“民转刑”案件', unit: '件', kind: 'count' },
  { key: 'grassroots.civil_criminal_improper', name: '因调处不当引发“民转刑”案件', unit: '件', kind: 'count' },
  { key: 'grassroots.released_received', name: '接收刑满释放人员', unit: '人', kind: 'count' },
  { key: 'grassroots.released_on_time', name: '刑满释放人员按时衔接', unit: '人', kind: 'count' },
  { key: 'grassroots.released_handover_rate', name: '刑满释放人员衔接率', unit: '%', kind: 'rate' },
  { key: 'grassroots.released_helped', name: '帮教措施落实的刑满释放人员', unit: '人', kind: 'count' },
  { key: 'grassroots.released_help_rate', name: '刑满释放人员帮教率', unit: '%', kind: 'rate' },
  { key: 'grassroots.released_reoffended', name: '刑满释放人员重新违法犯罪', unit: '人', kind: 'count' },
  { key: 'grassroots.reoffending_rate', name: '刑满释放人员重新犯罪率', unit: '%', kind: 'rate' },
] as const;

export type GrassrootsMetricKey = (typeof grassrootsMetrics)[number]['key'];

const sum = (key: string, field: string): MetricComputation => ({ kind: 'sum', source: ledger(key), field });
const rate = (
  numerator: GrassrootsMetricKey,
  denominator: GrassrootsMetricKey | 'major_decisions.total',
): MetricComputation => ({
  kind: 'rate',
  numerator,
  denominator,
});
const isTrue = (field: string): FieldFilter => ({ field, op: 'true' });
const eq = (field: string, value: string): FieldFilter => ({ field, op: 'eq', value });
const orgs: MetricSource = { kind: 'table', table: 'org.units' };
const obligations: MetricSource = { kind: 'table', table: 'grassroots.liaison_obligations' };
/** Villages (村、社区) having at least one row of the ledger that meets `filters` by the end of the period. */
const villagesWith = (key: string, ...filters: FieldFilter[]): MetricComputation => ({
  kind: 'distinct',
  source: ledger(key),
  field: 'row_org_id',
  window: 'cumulative',
  filters: [eq('row_org_kind', 'village'), ...filters],
});
const typesIn = (values: string[]): FieldFilter => ({ field: 'facility_type', op: 'in', values });
const group = (g: string) => lawFacilityTypes.filter((t) => facilityTypeInfo[t].group === g);

export const grassrootsComputations: Record<GrassrootsMetricKey, MetricComputation> = {
  'grassroots.jo_staff': stock('jo_staff', isTrue('active')),
  'grassroots.jo_qualified': stock('jo_staff', isTrue('active'), isTrue('has_qualification')),
  'grassroots.jo_qualified_rate': rate('grassroots.jo_qualified', 'grassroots.jo_staff'),
  'grassroots.exam_sat': flow('jo_exam_attempt'),
  'grassroots.exam_passed': flow('jo_exam_attempt', isTrue('passed')),
  'grassroots.exam_pass_rate': rate('grassroots.exam_passed', 'grassroots.exam_sat'),
  'grassroots.decision_meetings': flow('jo_decision_attendance'),
  'grassroots.decision_attended': flow('jo_decision_attendance', isTrue('attended')),
  'grassroots.decision_attendance_rate': rate('grassroots.decision_attended', 'grassroots.decision_meetings'),
  'grassroots.facilities': stock('law_facility'),
  'grassroots.two_rooms': stock('law_facility', typesIn(group('两室'))),
  'grassroots.five_carriers': stock('law_facility', typesIn(group('五个载体'))),
  'grassroots.law_libraries': stock('law_facility', typesIn(['law_library'])),
  'grassroots.comprehensive_centers': stock('law_facility', typesIn(['comprehensive_center'])),
  'grassroots.legal_aid_network': stock('law_facility', typesIn(group('法律援助网络'))),
  'grassroots.legal_aid_in_circle': stock('law_facility', typesIn(group('法律援助网络')), {
    field: 'service_minutes',
    op: 'lte',
    value: serviceCircleMinutes,
  }),
  'grassroots.service_circle_rate': rate('grassroots.legal_aid_in_circle', 'grassroots.legal_aid_network'),
  'grassroots.reasoning_points': stock('law_facility', typesIn(['reasoning_point'])),
  'grassroots.benefit_villages': stock('benefit_village'),
  'grassroots.benefit_covered': stock('benefit_village', isTrue('covered')),
  'grassroots.benefit_coverage_rate': rate('grassroots.benefit_covered', 'grassroots.benefit_villages'),
  'grassroots.four_actions': flow('four_actions'),
  'grassroots.four_actions_served': sum('four_actions', 'beneficiaries'),
  'grassroots.three_ones': stock('three_ones_service'),
  'grassroots.adviser_contracts': stock('adviser_contract'),
  'grassroots.publicity_duties': flow('publicity_duty'),
  'grassroots.publicity_duties_done': flow('publicity_duty', isTrue('done')),
  'grassroots.publicity_duty_rate': rate('grassroots.publicity_duties_done', 'grassroots.publicity_duties'),
  'grassroots.must_know_laws': stock('must_know_law'),
  'grassroots.law_exam_required': sum('law_exam', 'required'),
  'grassroots.law_exam_participants': sum('law_exam', 'participants'),
  'grassroots.law_exam_rate': rate('grassroots.law_exam_participants', 'grassroots.law_exam_required'),
  'grassroots.vice_principals': stock('vice_principal'),
  'grassroots.power_list_entries': stock('power_list_entry'),
  'grassroots.inclusive_list_items': stock('inclusive_list_item'),
  'grassroots.inclusive_cases': flow('inclusive_case'),
  'grassroots.enforcement_supervisors': stock('enforcement_supervisor'),
  // 综治中心 checklists (one row per centre, rooms as a multi-select): centres whose list contains a room.
  'grassroots.center_checklists': stock('center_room'),
  'grassroots.centers_with_mediation_room': stock('center_room', {
    field: 'rooms',
    op: 'has',
    value: 'mediation_room',
  }),
  // Coverage: the denominator is the org tree itself (every 村/社区 of the subtree), so a unit without a row shows.
  'grassroots.villages': { kind: 'count', source: orgs, window: 'cumulative', filters: [eq('kind', 'village')] },
  'grassroots.adviser_villages': villagesWith('adviser_contract', { field: 'end_date', op: 'in_force' }),
  'grassroots.adviser_coverage_rate': rate('grassroots.adviser_villages', 'grassroots.villages'),
  'grassroots.reasoning_villages': villagesWith('law_facility', eq('facility_type', 'reasoning_point')),
  'grassroots.reasoning_coverage_rate': rate('grassroots.reasoning_villages', 'grassroots.villages'),
  // Visits done vs due: obligation periods (core quarter rule) that ended in the period, or are already fulfilled.
  'grassroots.liaison_due': { kind: 'sum', source: obligations, field: 'required' },
  'grassroots.liaison_done': { kind: 'sum', source: obligations, field: 'done' },
  'grassroots.liaison_rate': rate('grassroots.liaison_done', 'grassroots.liaison_due'),
  'grassroots.liaison_overdue': { kind: 'count', source: obligations, filters: [eq('status', 'overdue')] },
  // 重大行政决策: decisions whose five statutory steps are all recorded, of all decisions (by decision date).
  'grassroots.major_decisions_complete': flow('major_decision', ...majorDecisionStepFields.map((f) => isTrue(f))),
  'grassroots.major_decision_steps_rate': rate('grassroots.major_decisions_complete', 'major_decisions.total'),
  // Rosters (普法志愿者、乡贤、农村知客): people on the register, and villages having at least one.
  'grassroots.law_volunteers': stock('law_volunteer', isTrue('active')),
  'grassroots.village_sages': stock('village_sage', isTrue('active')),
  'grassroots.village_hosts': stock('village_host', isTrue('active')),
  'grassroots.volunteer_villages': villagesWith('law_volunteer', isTrue('active')),
  'grassroots.volunteer_coverage_rate': rate('grassroots.volunteer_villages', 'grassroots.villages'),
  'grassroots.sage_villages': villagesWith('village_sage', isTrue('active')),
  'grassroots.sage_coverage_rate': rate('grassroots.sage_villages', 'grassroots.villages'),
  'grassroots.host_villages': villagesWith('village_host', isTrue('active')),
  'grassroots.host_coverage_rate': rate('grassroots.host_villages', 'grassroots.villages'),
  // 矛盾纠纷排查: leads found in the period and, of those, resolved; 民转刑 cases by the date they happened.
  'grassroots.dispute_leads': flow('dispute_lead'),
  'grassroots.disputes_resolved': flow('dispute_lead', eq('status', 'resolved')),
  'grassroots.dispute_resolution_rate': rate('grassroots.disputes_resolved', 'grassroots.dispute_leads'),
  'grassroots.civil_criminal_cases': flow('civil_criminal_case'),
  'grassroots.civil_criminal_improper': flow('civil_criminal_case', isTrue('improper_handling')),
  // 安置帮教: people released in the period; on time = taken over within the limit after release.
  'grassroots.released_received': flow('released_person'),
  'grassroots.released_on_time': flow('released_person', {
    field: 'handover_days',
    op: 'lte',
    value: resettlementHandoverDays,
  }),
  'grassroots.released_handover_rate': rate('grassroots.released_on_time', 'grassroots.released_received'),
  'grassroots.released_helped': flow('released_person', isTrue('helped')),
  'grassroots.released_help_rate': rate('grassroots.released_helped', 'grassroots.released_received'),
  'grassroots.released_reoffended': flow('released_person', isTrue('reoffended')),
  'grassroots.reoffending_rate': rate('grassroots.released_reoffended', 'grassroots.released_received'),
};

/** The figures of a township's 司法所 report (工作情况): what the 司法所 did this year, from the ledgers. */
export const townshipReportMetrics = [
  'mediation.cases',
  'mediation.resolved',
  'reconsideration.received',
  'legality_review.total',
  'publicity.activities',
  'publicity.participants',
  'grassroots.decision_attended',
  'grassroots.four_actions',
  'grassroots.liaison_rate',
  'grassroots.adviser_coverage_rate',
  'grassroots.reasoning_coverage_rate',
] as const;

/** The grass-roots dashboard tiles. */
export const grassrootsDashboardMetrics: GrassrootsMetricKey[] = [
  'grassroots.liaison_rate',
  'grassroots.adviser_coverage_rate',
  'grassroots.reasoning_coverage_rate',
  'grassroots.jo_qualified_rate',
  'grassroots.exam_pass_rate',
  'grassroots.facilities',
  'grassroots.service_circle_rate',
  'grassroots.benefit_coverage_rate',
  'grassroots.publicity_duty_rate',
];
