import { type SurveyMetricKey, surveyComputations, surveyMetrics } from '../consultation/survey-metrics.ts';
import { type GrassrootsMetricKey, grassrootsComputations, grassrootsMetrics } from '../grassroots/metrics.ts';
import { correctionDecisions } from '../ledgers/builtin/reconsideration.ts';
import { type OversightMetricKey, oversightComputations, oversightMetrics } from '../oversight/metrics.ts';
import { type MetricKey, metricCatalogue } from './catalogue.ts';
import { metricPolarity, type Polarity } from './polarity.ts';
import type { TableSourceKey } from './sources.ts';

/**
 * How each metric is computed: declarative, so the server turns every definition into one set-based SQL aggregate
 * (and the pre-aggregated roll-up), and a report figure can always name the rows behind it.
 */

export type Scalar = string | number | boolean;

/** A condition on one field of the source (a ledger field key in `data`, or a field a table source declares). */
export type FieldFilter =
  | { field: string; op: 'eq' | 'ne'; value: Scalar }
  | { field: string; op: 'in'; values: readonly Scalar[] }
  | { field: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { field: string; op: 'present' | 'true' }
  /** A multi-select field (a list of option keys) that contains `value`. */
  | { field: string; op: 'has'; value: string }
  /**
   * A term in force when the period ends: its end date (`field`) is empty or not before the period's last day
   * (a contract or appointment that lapsed does not count). Depends on the period, so only `distinct` metrics
   * (computed per period from the rows) may use it.
   */
  | { field: string; op: 'in_force' };

/** Where the rows come from: a ledger type in `ledger_rows`, or a table a module registers (see sources.ts). */
export type MetricSource = { kind: 'ledger'; ledger: string } | { kind: 'table'; table: TableSourceKey };

/**
 * `period`: rows dated inside the period (flows: cases received this year).
 * `cumulative`: rows dated up to the end of the period (stocks: committees, stations, people on the register).
 */
export type MetricWindow = 'period' | 'cumulative';

type Base = {
  source: MetricSource;
  filters?: readonly FieldFilter[];
  window?: MetricWindow;
  /** The date field that places a row in a period; default the row date (`row_date`, or the table's own). */
  dateField?: string;
};

export type MetricComputation =
  | (Base & { kind: 'count' })
  | (Base & { kind: 'sum'; field: string /** multiply the sum, e.g. 分 → 万元 */; scale?: number })
  | (Base & { kind: 'distinct'; field: string })
  | { kind: 'rate'; numerator: RegistryKey; denominator: RegistryKey }
  /** A stock as the difference of two cumulative counts (on the register = received − released). */
  | { kind: 'difference'; minuend: RegistryKey; subtrahend: RegistryKey };

export type DerivedComputation = Extract<MetricComputation, { kind: 'rate' | 'difference' }>;
export type AggregateComputation = Exclude<MetricComputation, DerivedComputation>;

/** Parts of rates that reports don't quote on their own: registered, named, but not in the report catalogue. */
export const auxiliaryMetrics = [
  { key: 'litigation.hearings', name: '开庭审理的行政应诉案件', unit: '件', kind: 'count' },
  { key: 'litigation.head_appearances', name: '行政机关负责人出庭应诉', unit: '件', kind: 'count' },
  { key: 'corrections.received_total', name: '社区矫正累计接收', unit: '人', kind: 'count' },
  { key: 'corrections.released_total', name: '社区矫正累计解除', unit: '人', kind: 'count' },
  { key: 'corrections.located', name: '社区矫正对象定位人次（月报合计）', unit: '人次', kind: 'sum' },
  { key: 'corrections.monitored', name: '社区矫正对象在册人次（月报合计）', unit: '人次', kind: 'sum' },
] as const;

export type AuxiliaryKey = (typeof auxiliaryMetrics)[number]['key'];
export type RegistryKey = MetricKey | AuxiliaryKey | GrassrootsMetricKey | OversightMetricKey | SurveyMetricKey;

const ledger = (key: string): MetricSource => ({ kind: 'ledger', ledger: key });
const count = (source: MetricSource, ...filters: FieldFilter[]): MetricComputation => ({
  kind: 'count',
  source,
  ...(filters.length ? { filters } : {}),
});
const stock = (source: MetricSource, ...filters: FieldFilter[]): MetricComputation => ({
  kind: 'count',
  source,
  window: 'cumulative',
  ...(filters.length ? { filters } : {}),
});
const rate = (numerator: RegistryKey, denominator: RegistryKey): MetricComputation => ({
  kind: 'rate',
  numerator,
  denominator,
});
const eq = (field: string, value: Scalar): FieldFilter => ({ field, op: 'eq', value });

const reconsideration = ledger('reconsideration_case');
const corrections = ledger('corrections_subject');
const litigation = ledger('litigation_case');
const tasks: MetricSource = { kind: 'table', table: 'plan.tasks' };
const consultationOpinions: MetricSource = { kind: 'table', table: 'consultation.opinions' };

/**
 * The computation of every registry key. Ledger types and field keys are those of
 * `packages/core/src/ledgers/builtin/*.ts`; a metric with no computation yet answers null with a note.
 */
export const metricComputations: Partial<Record<RegistryKey, MetricComputation>> = {
  // 立法联系点 (seed 001: 68部草案、1094条意见、148条被采纳); 采纳 counts 采纳 + 部分采纳, a merged duplicate once.
  'consultation.drafts': {
    kind: 'distinct',
    source: { kind: 'table', table: 'consultation.consultations' },
    field: 'draft_id',
  },
  'consultation.opinions': count(consultationOpinions),
  'consultation.adopted': count(
    consultationOpinions,
    { field: 'decision', op: 'in', values: ['adopted', 'partly_adopted'] },
    { field: 'status', op: 'ne', value: 'merged' },
  ),
  'leadership.committee_meetings': count(ledger('meeting'), {
    field: 'meeting_kind',
    op: 'in',
    values: ['committee', 'coord_group'],
  }),
  'leadership.special_studies': count(ledger('meeting'), { field: 'special_study', op: 'true' }),
  // 会前学法 has one record: the 关键少数 page's study entries (with laws, lecturer and attendees).
  'leadership.pre_meeting_study': count({ kind: 'table', table: 'cadres.pre_meeting_studies' }),
  'legality_review.total': count(ledger('legality_review')),
  'legality_review.meeting_topics': count(ledger('legality_review'), eq('review_kind', 'meeting_topic')),
  'legality_review.contracts': count(ledger('legality_review'), eq('review_kind', 'contract')),
  'legality_review.normative_docs': count(ledger('legality_review'), eq('review_kind', 'normative_doc')),
  'legality_review.opinions': { kind: 'sum', source: ledger('legality_review'), field: 'opinion_count' },
  'normative_docs.filed': count(ledger('normative_doc_filing')),
  'major_decisions.total': count(ledger('major_decision')),
  'reconsideration.received': count(reconsideration),
  'reconsideration.accepted': count(reconsideration, eq('acceptance', 'accepted')),
  'reconsideration.concluded': count(reconsideration, { field: 'concluded_date', op: 'present' }),
  'reconsideration.maintained': count(reconsideration, eq('decision', 'maintained')),
  'reconsideration.rejected': count(reconsideration, eq('decision', 'rejected')),
  'reconsideration.corrected': count(reconsideration, { field: 'decision', op: 'in', values: correctionDecisions }),
  'reconsideration.settled': count(reconsideration, eq('decision', 'settled')),
  'reconsideration.correction_rate': rate('reconsideration.corrected', 'reconsideration.concluded'),
  'reconsideration.settlement_rate': rate('reconsideration.settled', 'reconsideration.concluded'),
  'litigation.cases': count(litigation),
  'litigation.hearings': count(litigation, { field: 'hearing_date', op: 'present' }),
  'litigation.head_appearances': count(
    litigation,
    { field: 'hearing_date', op: 'present' },
    { field: 'head_appeared', op: 'true' },
  ),
  'litigation.head_appearance_rate': rate('litigation.head_appearances', 'litigation.hearings'),
  'enforcement.officers': stock(ledger('enforcement_officer'), eq('status', 'active')),
  'enforcement.case_reviews': count(ledger('enforcement_case_review')),
  'mediation.committees': stock(ledger('mediation_org'), {
    field: 'org_kind',
    op: 'in',
    values: ['committee', 'professional'],
  }),
  'mediation.mediators': stock(ledger('mediator')),
  'mediation.cases': count(ledger('mediation_case')),
  'mediation.resolved': count(ledger('mediation_case'), eq('result', 'success')),
  'mediation.success_rate': rate('mediation.resolved', 'mediation.cases'),
  'mediation.amount': { kind: 'sum', source: ledger('mediation_case'), field: 'agreement_amount', scale: 1e-6 },
  'legal_aid.cases': count(ledger('legal_aid_case')),
  'legal_aid.services': { kind: 'sum', source: ledger('legal_aid_service'), field: 'persons' },
  // 法律援助工作站: the township stations of the “三级” legal-aid network (法治阵地 ledger), as they stand.
  'legal_aid.stations': stock(ledger('law_facility'), eq('facility_type', 'legal_aid_station')),
  // 法治培训: sessions (期) held in the period and their attendance (人次).
  'training.sessions': count(ledger('law_training')),
  'training.attendees': { kind: 'sum', source: ledger('law_training'), field: 'attendees' },
  'pls.centers': stock(ledger('pls_facility'), eq('facility_type', 'center')),
  'pls.stations': stock(ledger('pls_facility'), eq('facility_type', 'station')),
  'pls.rooms': stock(ledger('pls_facility'), eq('facility_type', 'room')),
  'pls.village_advisers': stock(ledger('pls_person'), eq('role', 'village_adviser')),
  'pls.legal_literates': stock(ledger('pls_person'), eq('role', 'legal_literate')),
  'publicity.activities': count(ledger('publicity_activity')),
  'publicity.participants': { kind: 'sum', source: ledger('publicity_activity'), field: 'participants' },
  'publicity.demo_sites': stock(ledger('demo_site')),
  'corrections.received': count(corrections),
  'corrections.released': {
    kind: 'count',
    source: corrections,
    dateField: 'released_date',
    filters: [{ field: 'released_date', op: 'present' }],
  },
  // On the register at the end of the period: received by then, less released by then.
  'corrections.received_total': stock(corrections),
  'corrections.released_total': {
    kind: 'count',
    source: corrections,
    window: 'cumulative',
    dateField: 'released_date',
    filters: [{ field: 'released_date', op: 'present' }],
  },
  'corrections.active': {
    kind: 'difference',
    minuend: 'corrections.received_total',
    subtrahend: 'corrections.released_total',
  },
  'corrections.located': { kind: 'sum', source: ledger('corrections_location'), field: 'located_count' },
  'corrections.monitored': { kind: 'sum', source: ledger('corrections_location'), field: 'active_count' },
  'corrections.location_rate': rate('corrections.located', 'corrections.monitored'),
  'plan.tasks': count(tasks),
  'plan.closed': count(tasks, eq('status', 'closed')),
  'plan.closure_rate': rate('plan.closed', 'plan.tasks'),
  // 督察 and 四个一: problems found in the period and, of those, closed (已销号) — a recurrence is a new problem.
  'oversight.inspections': count({ kind: 'table', table: 'oversight.inspections' }),
  'oversight.problems': count({ kind: 'table', table: 'oversight.problems' }),
  'oversight.rectified': count({ kind: 'table', table: 'oversight.problems' }, eq('status', 'closed')),
  'oversight.rectification_rate': rate('oversight.rectified', 'oversight.problems'),
  // 党政主要负责人述法: persons who gave their 述法 in the period.
  'cadres.law_reports': { kind: 'distinct', source: { kind: 'table', table: 'cadres.law_reports' }, field: 'cadre_id' },
  ...grassrootsComputations,
  ...oversightComputations,
  ...surveyComputations,
};

export type RegistryMetric = {
  key: RegistryKey;
  name: string;
  unit: string;
  kind: 'count' | 'sum' | 'rate';
  /** Which way a change is good (polarity.ts): colours and words of every change shown follow it. */
  polarity: Polarity;
  computation: MetricComputation | null;
};

export const registryMetrics: readonly RegistryMetric[] = [
  ...metricCatalogue,
  ...auxiliaryMetrics,
  ...grassrootsMetrics,
  ...oversightMetrics,
  ...surveyMetrics,
].map((m) => ({
  key: m.key,
  name: m.name,
  unit: m.unit,
  kind: m.kind,
  polarity: metricPolarity[m.key],
  computation: metricComputations[m.key] ?? null,
}));

export const registryByKey: ReadonlyMap<string, RegistryMetric> = new Map(registryMetrics.map((m) => [m.key, m]));

export const registryKeys = registryMetrics.map((m) => m.key);

/** Aggregates the rate's parts need, recursively; an aggregate metric is its own part. */
export function aggregateParts(key: RegistryKey): RegistryKey[] {
  const c = metricComputations[key];
  if (!c) return [];
  if (c.kind === 'rate') return [...aggregateParts(c.numerator), ...aggregateParts(c.denominator)];
  if (c.kind === 'difference') return [...aggregateParts(c.minuend), ...aggregateParts(c.subtrahend)];
  return [key];
}

/** Every metric defined on one ledger type (the roll-up maintains exactly these). */
export function ledgerComputations(): { key: RegistryKey; ledger: string; computation: AggregateComputation }[] {
  const out: { key: RegistryKey; ledger: string; computation: AggregateComputation }[] = [];
  for (const [key, c] of Object.entries(metricComputations) as [RegistryKey, MetricComputation][]) {
    if (c.kind !== 'rate' && c.kind !== 'difference' && c.source.kind === 'ledger')
      out.push({ key, ledger: c.source.ledger, computation: c });
  }
  return out;
}
