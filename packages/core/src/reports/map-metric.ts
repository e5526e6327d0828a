import { type MetricDefinition, type MetricKey, metricCatalogue } from '../metrics/catalogue.ts';
import {
  ALIAS_NEEDS,
  ASSISTING,
  AVERAGE,
  AWARD_BEFORE,
  AWARD_WORDS,
  BODY_SUBJECT,
  BUSINESS_CUES,
  BUSINESS_EXCLUSIONS,
  BUSINESS_SENTENCE_EXCLUSIONS,
  type Business,
  CLAUSE_ONLY,
  CONFLICTING,
  COORDINATOR,
  COURT_SIDE_METRICS,
  COURT_SUBJECT,
  CUMULATIVE,
  DEFENDANT,
  EXCLUSIONS,
  EXTRA_ALIASES,
  FAMILY_TOTALS,
  FLOW_METRICS,
  HEADS_OF_UNITS,
  HELPED_BUSINESSES,
  HELPER_SUBJECT,
  INCLUSION,
  KIND_BEFORE_ALIAS,
  LAW_REPORT,
  LEADING_COORDINATOR,
  LIST_CLOSER,
  LIST_TOTAL,
  MEDIATION_CASE_VERB,
  MEDIATION_RESOLVED_VERB,
  NAMED_METRICS,
  NEW_ONES,
  ORGANISATION_UNITS_REFUSED,
  QUALIFIED_BEFORE_ALIAS,
  RECONSIDERATION_SETTLED,
  RECONSIDERATION_VERBS,
  REMAINDER,
  REQUIRED_WORDS,
  RESOLVED_NEEDS_SUCCESS,
  REVIEW_OBJECTS,
  REVIEW_TOTAL_ALIASES,
  ROLE_VERBS,
  SAMPLE,
  SENTENCE_EXCLUSIONS,
  STOCK_METRICS,
  TRAINED_PEOPLE,
  VERB_AFTER_NUMBER,
  WITHDRAWN_WITH_OTHERS,
} from './map-metric-rules.ts';
import { REQUIREMENT_MARKERS } from './quantity.ts';
import { type UnitFamily, unitFamily } from './units.ts';

/** The words around one figure that decide which metric it reports. */
export type MetricContext = {
  /** Clause text before the number (after the previous figure or clause break). */
  readonly before: string;
  /** Clause text after the unit (up to the next figure or clause break). */
  readonly after: string;
  /** The whole clause, for words that rule a metric out wherever they stand. */
  readonly clause?: string;
  /** The sentence up to the number, and the sentence before it: they name the business (复议, 矫正 …). */
  readonly sentence: string;
  readonly previousSentence: string;
  readonly unit: string | null;
  readonly isComparison: boolean;
  /** A share of something else (占…的45.57%), not the metric itself. */
  readonly isShare: boolean;
  /** The clause after the number (to the next , ; 。): 获评… there makes it an award. */
  readonly rest?: string;
  /** The sentence up to the number (the nearest business named before it is looked for here). */
  readonly sentenceLead?: string;
  /** The line (paragraph) before the number, the widest scope that names the business (3.审结率创新高。…). */
  readonly paragraph?: string;
  /** The approximation marker read with the number (不少于 marks a requirement, not a result). */
  readonly approx?: string | null;
  /** A table column of an earlier year than the table's latest: not the period reported. */
  readonly isEarlierPeriod?: boolean;
};

export type MetricMatch = {
  readonly metric: MetricKey | null;
  readonly confidence: number;
  /** The alias that decided it, for explaining the choice to a reviewer. */
  readonly alias: string | null;
  /** Why the figure has no key although an alias was found (an award, a part, a new-ones count …). */
  readonly reason?: string;
};

/** Words that name the business a metric belongs to; a generic alias (维持, 解除, 办结) needs one nearby. */
const DOMAIN_CUES: Record<string, readonly string[]> = {
  leadership: ['委员会', '协调小组', '常委会', '常务会', '学法', '专题'],
  cadres: ['述法'],
  training: ['培训'],
  legality_review: ['合法性', '审查', '审核', '合同'],
  normative_docs: ['规范性文件'],
  major_decisions: ['重大行政决策'],
  reconsideration: ['复议'],
  litigation: ['应诉', '诉讼'],
  enforcement: ['执法'],
  mediation: ['调解', '纠纷', '调委会', '调处'],
  legal_aid: ['法律援助', '法援'],
  pls: ['公共法律服务', '法律顾问', '法律明白人'],
  publicity: ['普法', '法治宣传', '示范', '法律七进', '法治文化', '法治周周行'],
  corrections: ['矫正', '社区服刑'],
  consultation: ['立法联系点', '立法点', '草案', '征询', '征求意见'],
  oversight: ['督察', '督查', '整改'],
  plan: ['目标任务', '销号'],
};

/** Which figure units a metric unit accepts, and how well (1 exact family, lower for near ones). */
const UNIT_FIT: Record<string, Partial<Record<UnitFamily, number>>> = {
  件: { item: 1 },
  条: { item: 1 },
  项: { item: 1 },
  个: { item: 1, place: 1 },
  人: { person: 1 },
  人次: { person_times: 1, person: 0.75 },
  次: { event: 1 },
  期: { event: 1 },
  场次: { event: 1 },
  '%': { percent: 1 },
  万元: { money: 1 },
};

const MIN_CONFIDENCE = 0.5;
const QUOTES = /[“”"《》「」『』‘’]/g;

type Candidate = { metric: MetricDefinition; alias: string; start: number; end: number; side: 'before' | 'after' };

function domainOf(metric: MetricDefinition): readonly string[] {
  return DOMAIN_CUES[metric.key.split('.')[0]!] ?? [];
}

const aliasesOf = (metric: MetricDefinition): readonly string[] => [
  ...metric.aliases,
  ...(EXTRA_ALIASES[metric.key as MetricKey] ?? []),
];

function findCandidates(text: string, side: 'before' | 'after'): Candidate[] {
  const found: Candidate[] = [];
  for (const metric of metricCatalogue) {
    for (const alias of aliasesOf(metric)) {
      let at = text.indexOf(alias);
      while (at >= 0) {
        found.push({ metric, alias, start: at, end: at + alias.length, side });
        at = text.indexOf(alias, at + 1);
      }
    }
  }
  // Longest match wins: 规范性文件合法性审查 hides the 合法性审查 inside it.
  return found.filter(
    (candidate) =>
      !found.some(
        (other) =>
          other !== candidate &&
          other.alias.length > candidate.alias.length &&
          other.start <= candidate.start &&
          other.end >= candidate.end,
      ),
  );
}

function specificity(alias: string): number {
  return Math.min(1, 0.5 + 0.05 * alias.length);
}

/** Before the number, the nearer the alias the better; after it, the first noun phrase is what is counted. */
function proximity(gap: number, side: 'before' | 'after', isShadowed: boolean): number {
  if (side === 'after') return isShadowed ? 0.7 : 0.9;
  return gap <= 1 ? 1 : Math.max(0.55, 1 - 0.02 * gap);
}

function unitFit(metric: MetricDefinition, unit: string | null): number {
  if (unit === null || unit === '') return metric.kind === 'rate' ? 0 : 0.85;
  const family = unitFamily(unit);
  if (!family) return 0;
  if (metric.kind === 'rate') return family === 'percent' && unit === '%' ? 1 : 0;
  if (family === 'percent') return 0;
  if (metric.unit === '个' && ORGANISATION_UNITS_REFUSED.includes(unit)) return 0;
  return UNIT_FIT[metric.unit]?.[family] ?? 0;
}

function domainFit(metric: MetricDefinition, alias: string, context: MetricContext): number {
  const cues = domainOf(metric);
  if (cues.length === 0 || cues.some((cue) => alias.includes(cue))) return 1;
  if (cues.some((cue) => context.sentence.includes(cue))) return 1;
  if (cues.some((cue) => context.previousSentence.includes(cue))) return 0.9;
  if (cues.some((cue) => context.paragraph?.includes(cue))) return 0.8;
  return 0;
}

/** The business named nearest before the number: in its clause, its sentence, the sentence before, its line. */
export function nearestBusiness(context: MetricContext): Business | null {
  const scopes = [
    context.before,
    context.sentenceLead ?? context.sentence,
    context.previousSentence,
    context.paragraph ?? '',
  ];
  for (const scope of scopes) {
    let best: { at: number; business: Business } | null = null;
    for (const [cue, business] of BUSINESS_CUES) {
      const at = scope.lastIndexOf(cue);
      if (at >= 0 && (!best || at + cue.length > best.at)) best = { at: at + cue.length, business };
    }
    if (best) return best.business;
  }
  return null;
}

/** The last helper named in the sentence before the number comes after the last body named there. */
function helperIsSubject(context: MetricContext): boolean {
  const lead = context.sentenceLead ?? context.sentence;
  const lastOf = (pattern: RegExp) => Math.max(-1, ...[...lead.matchAll(pattern)].map((m) => m.index));
  const helper = lastOf(HELPER_SUBJECT);
  return helper >= 0 && helper > lastOf(BODY_SUBJECT);
}

function businessOf(key: string): string {
  return key.split('.')[0]!;
}

/** A key of a business that conflicts with the one the text is about (调解 words in a 复议 paragraph). */
function isOtherBusiness(key: string, alias: string, nearest: Business | null): boolean {
  if (!nearest) return false;
  const own = businessOf(key);
  if (own === nearest || !CONFLICTING[own]?.includes(nearest)) return false;
  // An alias that names its own business (人民调解员, 行政复议申请) stands on its own.
  return !BUSINESS_CUES.some(([cue, business]) => business === own && alias.includes(cue));
}

/** The text after the number, or nothing when a coordinator (和/及/、) right after it starts the next item. */
function ownTail(after: string): string {
  return LEADING_COORDINATOR.test(after) ? '' : after;
}

/** The clause without the items coordinated after the number (调处各类纠纷8127件和信访积案63件: 信访 is not 8127's). */
function ownClause(clause: string, rest: string | undefined): string {
  if (!rest || !clause.endsWith(rest)) return clause;
  return clause.slice(0, clause.length - rest.length) + ownTail(rest);
}

/** An alias before the number whose phrase a coordinator closed: it names the neighbouring item of a list. */
function isNeighbour(gapText: string): boolean {
  return COORDINATOR.test(gapText) && !LIST_CLOSER.test(gapText);
}

/** A generic alias (活动, 全体会议) without the words it needs in its clause or sentence. */
function lacksNeeds(alias: string, clause: string, sentence: string): boolean {
  const needs = ALIAS_NEEDS[alias];
  if (!needs) return false;
  return (
    (needs.clause !== undefined && !needs.clause.test(clause)) ||
    (needs.sentence !== undefined && !needs.sentence.test(sentence))
  );
}

function isExcluded(key: MetricKey, clause: string, context: MetricContext): boolean {
  if (EXCLUSIONS[key]?.some((word) => clause.includes(word))) return true;
  if (BUSINESS_EXCLUSIONS[businessOf(key)]?.some((word) => clause.includes(word))) return true;
  if (key === 'reconsideration.settled' && WITHDRAWN_WITH_OTHERS.test(clause)) return true;
  if (COURT_SIDE_METRICS.includes(key) && COURT_SUBJECT.test(clause) && !DEFENDANT.test(clause)) return true;
  const lead = context.sentenceLead ?? context.sentence;
  if (BUSINESS_SENTENCE_EXCLUSIONS[businessOf(key)]?.some((word) => lead.includes(word))) return true;
  if (FLOW_METRICS.includes(key) && CUMULATIVE.test(lead)) return true;
  return SENTENCE_EXCLUSIONS[key]?.some((word) => lead.includes(word)) ?? false;
}

/** The 行政复议 key the verb nearest before the number gives (收到/受理/审结/维持/驳回/纠错/调解 …). */
function reconsiderationVerb(before: string): { key: MetricKey; verb: string } | null {
  const settled = RECONSIDERATION_SETTLED.exec(before);
  if (settled && WITHDRAWN_WITH_OTHERS.test(before)) return null;
  if (settled) return { key: 'reconsideration.settled', verb: settled[0] };
  let best: { key: MetricKey; verb: string; end: number } | null = null;
  for (const { pattern, key } of RECONSIDERATION_VERBS) {
    for (const match of before.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (!best || end > best.end) best = { key, verb: match[0], end };
    }
  }
  return best && { key: best.key, verb: best.verb };
}

/** Nouns that, right after the number, are what it counts (19个村…, 40个单位…): then a later alias is not. */
const COUNTED_NOUN = /^(?:个|的)?(?:村|社区|乡镇|镇|街道|单位|部门|县|区|集体|个人|律师|干部|群众|企业|学校)/;

const none = (reason: string, confidence = 0): MetricMatch => ({ metric: null, confidence, alias: null, reason });

/**
 * Maps a figure to a metric from the words that own it: the catalogue aliases (and the extra wordings of
 * map-metric-rules.ts) in its clause, the verb that governs it, the business named nearest before it and the fit
 * of its unit. Awards, parts in (含…), counts of new ones for stock metrics, earlier years' columns, comparisons
 * and shares get no key. Returns a null metric when nothing fits well enough (confidence below 0.5).
 */
export function mapMetric(context: MetricContext): MetricMatch {
  if (context.isComparison || context.isShare) return { metric: null, confidence: 0, alias: null };
  if (context.isEarlierPeriod) return none('earlier-period');
  if (context.approx && REQUIREMENT_MARKERS.includes(context.approx)) return none('requirement');
  const before = context.before.replace(QUOTES, '');
  const after = context.after.replace(QUOTES, '');
  const clause = ownClause(context.clause ?? `${before}${after}`, context.rest);
  if (AWARD_WORDS.test(context.rest ?? after)) return none('award');
  if (AVERAGE.test(before)) return none('average');
  if (ASSISTING.test(before)) return none('assisting');
  if (INCLUSION.test(before)) return none('inclusion');
  if (SAMPLE.test(before)) return none('sample');
  if (REMAINDER.test(before.trim())) return none('remainder');
  const nearest = nearestBusiness(context);
  let best: { candidate: Candidate; score: number } | null = null;
  const countsPeople = context.unit !== null && ['person', 'person_times'].includes(unitFamily(context.unit) ?? '');
  const isOtherNoun = !countsPeople && COUNTED_NOUN.test(after) && !ROLE_VERBS.test(after);
  const afterCandidates = isOtherNoun ? [] : findCandidates(ownTail(after), 'after');
  const firstAfter = Math.min(...afterCandidates.map((candidate) => candidate.start));
  const candidates = [...findCandidates(before, 'before'), ...afterCandidates];
  for (const candidate of candidates) {
    const { metric, alias } = candidate;
    const key = metric.key as MetricKey;
    if (isExcluded(key, clause, context)) continue;
    const required = REQUIRED_WORDS[key];
    const scope = CLAUSE_ONLY.includes(key) ? clause : `${clause}${context.sentence}`;
    if (required && !required.some((word) => scope.includes(word))) continue;
    if (isOtherBusiness(key, alias, nearest)) continue;
    if (lacksNeeds(alias, clause, context.sentence)) continue;
    if (key === 'mediation.resolved' && RESOLVED_NEEDS_SUCCESS.includes(alias)) continue;
    // 讨薪类法律援助案件, 民生领域案件: a kind of the metric's things, not all of them (各类 is all of them).
    const text = candidate.side === 'before' ? before : after;
    if (KIND_BEFORE_ALIAS.test(text.slice(Math.max(0, candidate.start - 2), candidate.start))) continue;
    // 落实电子定位监管的在矫对象180人: a noun qualified by a 的-clause is some of them.
    // After the number the 的-clause describes what is counted (培养了86名…说得上话的法律明白人).
    const isQualified = QUALIFIED_BEFORE_ALIAS.test(before.slice(Math.max(0, candidate.start - 4), candidate.start));
    if (candidate.side === 'before' && isQualified) continue;
    if (candidate.side === 'before' && isNeighbour(before.slice(candidate.end))) continue;
    const gap = candidate.side === 'before' ? before.length - candidate.end : candidate.start;
    // After the number the first noun is what is counted (68部…法律草案征询意见建议: drafts, not opinions).
    const isShadowed = candidate.side === 'after' && candidate.start > firstAfter;
    // 12个基层立法联系点共承接…草案征求意见: a verb after the number makes the alias its object, not what is counted.
    if (candidate.side === 'after' && VERB_AFTER_NUMBER.test(after.slice(0, candidate.start))) continue;
    const score =
      specificity(alias) *
      proximity(gap, candidate.side, isShadowed) *
      unitFit(metric, context.unit) *
      domainFit(metric, alias, context);
    const isBetter =
      !best ||
      score > best.score + 1e-9 ||
      (Math.abs(score - best.score) <= 1e-9 && alias.length > best.candidate.alias.length);
    if (isBetter) best = { candidate, score };
  }
  let match: MetricMatch =
    !best || best.score < MIN_CONFIDENCE
      ? { metric: null, confidence: best ? round(best.score) : 0, alias: null }
      : { metric: best.candidate.metric.key as MetricKey, confidence: round(best.score), alias: best.candidate.alias };
  match = applyVerbs(match, before, context, nearest);
  if (match.metric && HELPED_BUSINESSES.includes(businessOf(match.metric)) && helperIsSubject(context)) {
    return none('helper', match.confidence);
  }
  // 表彰优秀人民调解员42名 is an award; 命名法治示范点37个 is how demo sites come to be.
  if (match.metric && AWARD_BEFORE.test(before) && !NAMED_METRICS.includes(match.metric)) {
    return none('award', match.confidence);
  }
  // 48个市直单位主要负责人…述法: as many heads as units reported.
  if (!match.metric && HEADS_OF_UNITS.test(after) && LAW_REPORT.test(ownTail(after))) {
    match = { metric: 'cadres.law_reports', confidence: 0.7, alias: '负责人…述法' };
  }
  if (!match.metric) return match;
  if (STOCK_METRICS.includes(match.metric) && NEW_ONES.test(before)) return none('new-ones', match.confidence);
  // 审查规范性文件、行政合同…等共计2174件: the total of the family, not its first member.
  const family = FAMILY_TOTALS[businessOf(match.metric)];
  if (family && LIST_TOTAL.test(before)) return { ...match, metric: family, alias: `${match.alias}…等共计` };
  if (match.metric === 'legality_review.total') {
    const object = REVIEW_OBJECTS.find(([pattern]) => pattern.test(before));
    // 合法性审查重大行政决策事项19件: the review of an object the catalogue does not count.
    const alias = REVIEW_TOTAL_ALIASES.find((a) => before.includes(a));
    const gap = alias ? before.slice(before.lastIndexOf(alias) + alias.length) : '';
    if (!object && /[\u4e00-\u9fff]{2,}/.test(gap)) return none('review-object', match.confidence);
    if (object) return { ...match, metric: object[1], alias: `${object[0].exec(before)![0]}…${match.alias}` };
  }
  return match;
}

/** Counts whose verb decides the key: 复议 verbs, and 成功调处/调解成功 for resolved disputes. */
function applyVerbs(match: MetricMatch, before: string, context: MetricContext, nearest: Business | null): MetricMatch {
  const family = context.unit ? unitFamily(context.unit) : null;
  const clause = ownClause(context.clause ?? before, context.rest);
  const isPeople = family === 'person' || family === 'person_times';
  if (!match.metric && isPeople && TRAINED_PEOPLE.test(before) && !isExcluded('training.attendees', clause, context)) {
    return { metric: 'training.attendees', confidence: 0.6, alias: TRAINED_PEOPLE.exec(before)![0] };
  }
  if (family !== 'item') return match;
  if (nearest === 'reconsideration' && (!match.metric || businessOf(match.metric) === 'reconsideration')) {
    const verb = reconsiderationVerb(before);
    if (verb && !isExcluded(verb.key, clause, context)) {
      return { metric: verb.key, confidence: Math.max(match.confidence, 0.75), alias: verb.verb };
    }
  }
  // 调处成功, 成功化解 name mediation themselves: no other business named before is enough.
  const isMediation =
    match.metric === 'mediation.cases' || (!match.metric && (nearest === 'mediation' || nearest === null));
  if (isMediation && MEDIATION_RESOLVED_VERB.test(before)) {
    return { ...match, metric: 'mediation.resolved', confidence: Math.max(match.confidence, 0.75) };
  }
  const verb = MEDIATION_CASE_VERB.exec(before.trim());
  if (!match.metric && nearest === 'mediation' && verb && !isExcluded('mediation.cases', clause, context)) {
    return { metric: 'mediation.cases', confidence: 0.7, alias: verb[0] };
  }
  return match;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
