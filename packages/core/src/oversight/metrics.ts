import type { FieldFilter, MetricComputation } from '../metrics/definitions.ts';
import { ledgerFlow as flow, ledgerStock as stock } from '../metrics/ledger-computations.ts';
import { petitionTermDays } from './ledger-types/petitions.ts';

/**
 * 信访、政务公开 and legal-service supervision metrics (keys `petitions.*`, `disclosure.*`, `legal_services.*`),
 * computed from the ledger types in `ledger-types/`. Spread into `metrics/definitions.ts`; `disclosure.timely_rate`
 * is the key the demo assessment scheme reads for “双公示” timeliness.
 */
export const oversightMetrics = [
  { key: 'petitions.received', name: '受理信访事项', unit: '件', kind: 'count' },
  { key: 'petitions.concluded', name: '办结信访事项', unit: '件', kind: 'count' },
  { key: 'petitions.on_time', name: '按期办结信访事项', unit: '件', kind: 'count' },
  { key: 'petitions.on_time_rate', name: '信访事项按期办结率', unit: '%', kind: 'rate' },
  { key: 'petitions.classified', name: '依法分类处理信访事项', unit: '件', kind: 'count' },
  { key: 'petitions.classified_rate', name: '信访事项依法分类处理率', unit: '%', kind: 'rate' },
  { key: 'petitions.repeat', name: '重复信访', unit: '件', kind: 'count' },
  { key: 'petitions.repeat_rate', name: '重复信访率', unit: '%', kind: 'rate' },
  { key: 'disclosure.proactive', name: '主动公开政府信息', unit: '条', kind: 'count' },
  { key: 'disclosure.dual', name: '“双公示”信息', unit: '条', kind: 'count' },
  { key: 'disclosure.dual_timely', name: '按时公开的“双公示”信息', unit: '条', kind: 'count' },
  { key: 'disclosure.timely_rate', name: '“双公示”信息公开及时率', unit: '%', kind: 'rate' },
  { key: 'disclosure.requests', name: '依申请公开申请', unit: '件', kind: 'count' },
  { key: 'disclosure.requests_answered', name: '依申请公开已答复', unit: '件', kind: 'count' },
  { key: 'disclosure.requests_on_time', name: '依申请公开按期答复', unit: '件', kind: 'count' },
  { key: 'disclosure.request_timely_rate', name: '依申请公开按期答复率', unit: '%', kind: 'rate' },
  { key: 'disclosure.requests_corrected', name: '依申请公开被复议或诉讼纠错', unit: '件', kind: 'count' },
  { key: 'legal_services.practitioners', name: '正常执业的法律服务人员', unit: '人', kind: 'count' },
  { key: 'legal_services.institutions', name: '正常执业的法律服务机构', unit: '个', kind: 'count' },
  { key: 'legal_services.assessed', name: '参加年度考核的法律服务人员和机构', unit: '个', kind: 'count' },
  { key: 'legal_services.assessment_passed', name: '年度考核合格的法律服务人员和机构', unit: '个', kind: 'count' },
  { key: 'legal_services.assessment_pass_rate', name: '法律服务年度考核合格率', unit: '%', kind: 'rate' },
  { key: 'legal_services.complaints', name: '法律服务投诉', unit: '件', kind: 'count' },
  { key: 'legal_services.complaints_handled', name: '法律服务投诉已办结', unit: '件', kind: 'count' },
  { key: 'legal_services.complaints_on_time', name: '法律服务投诉按期办结', unit: '件', kind: 'count' },
  { key: 'legal_services.complaint_on_time_rate', name: '法律服务投诉按期办结率', unit: '%', kind: 'rate' },
] as const;

export type OversightMetricKey = (typeof oversightMetrics)[number]['key'];

const rate = (numerator: OversightMetricKey, denominator: OversightMetricKey): MetricComputation => ({
  kind: 'rate',
  numerator,
  denominator,
});
const isTrue = (field: string): FieldFilter => ({ field, op: 'true' });
const present = (field: string): FieldFilter => ({ field, op: 'present' });
const oneOf = (field: string, values: string[]): FieldFilter => ({ field, op: 'in', values });

const practitioners = ['lawyer', 'notary', 'grassroots_worker', 'appraiser'];
const institutions = ['law_firm', 'notary_office', 'grassroots_office', 'appraisal_org'];
const active: FieldFilter = { field: 'status', op: 'eq', value: 'active' };

/** Flows count the rows dated (received, published) in the period; rates are of those rows. */
export const oversightComputations: Record<OversightMetricKey, MetricComputation> = {
  'petitions.received': flow('petition_case'),
  'petitions.concluded': flow('petition_case', present('concluded_date')),
  'petitions.on_time': flow('petition_case', present('concluded_date'), {
    field: 'concluded_days',
    op: 'lte',
    value: petitionTermDays,
  }),
  'petitions.on_time_rate': rate('petitions.on_time', 'petitions.concluded'),
  'petitions.classified': flow('petition_case', isTrue('classified')),
  'petitions.classified_rate': rate('petitions.classified', 'petitions.received'),
  'petitions.repeat': flow('petition_case', isTrue('repeat')),
  'petitions.repeat_rate': rate('petitions.repeat', 'petitions.received'),
  'disclosure.proactive': flow('disclosure_item'),
  'disclosure.dual': flow('disclosure_item', oneOf('category', ['permit', 'penalty'])),
  'disclosure.dual_timely': flow('disclosure_item', oneOf('category', ['permit', 'penalty']), isTrue('timely')),
  'disclosure.timely_rate': rate('disclosure.dual_timely', 'disclosure.dual'),
  'disclosure.requests': flow('disclosure_request'),
  'disclosure.requests_answered': flow('disclosure_request', present('answered_date')),
  'disclosure.requests_on_time': flow('disclosure_request', present('answered_date'), isTrue('answered_on_time')),
  'disclosure.request_timely_rate': rate('disclosure.requests_on_time', 'disclosure.requests_answered'),
  'disclosure.requests_corrected': flow('disclosure_request', isTrue('corrected')),
  'legal_services.practitioners': stock('legal_service_register', oneOf('subject', practitioners), active),
  'legal_services.institutions': stock('legal_service_register', oneOf('subject', institutions), active),
  'legal_services.assessed': flow('legal_service_assessment'),
  'legal_services.assessment_passed': flow('legal_service_assessment', oneOf('result', ['excellent', 'pass', 'basic'])),
  'legal_services.assessment_pass_rate': rate('legal_services.assessment_passed', 'legal_services.assessed'),
  'legal_services.complaints': flow('legal_service_complaint'),
  'legal_services.complaints_handled': flow('legal_service_complaint', present('handled_date')),
  'legal_services.complaints_on_time': flow(
    'legal_service_complaint',
    present('handled_date'),
    isTrue('handled_on_time'),
  ),
  'legal_services.complaint_on_time_rate': rate(
    'legal_services.complaints_on_time',
    'legal_services.complaints_handled',
  ),
};
