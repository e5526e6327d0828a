import { type MetricDefinition, type MetricKey, metricCatalogue } from '../metrics/catalogue.ts';
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
};

export type MetricMatch = {
  readonly metric: MetricKey | null;
  readonly confidence: number;
  /** The alias that decided it, for explaining the choice to a reviewer. */
  readonly alias: string | null;
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

/** Clause words that show a figure is about something else than a metric its alias suggests. */
const EXCLUSIONS: Partial<Record<MetricKey, readonly string[]>> = {
  'legality_review.total': ['意见书'],
  'reconsideration.accepted': ['不予受理'],
  'enforcement.officers': ['考试', '培训'],
  'mediation.cases': ['线索'],
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

function findCandidates(text: string, side: 'before' | 'after'): Candidate[] {
  const found: Candidate[] = [];
  for (const metric of metricCatalogue) {
    for (const alias of metric.aliases) {
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
  return UNIT_FIT[metric.unit]?.[family] ?? 0;
}

function domainFit(metric: MetricDefinition, alias: string, context: MetricContext): number {
  const cues = domainOf(metric);
  if (cues.length === 0 || cues.some((cue) => alias.includes(cue))) return 1;
  if (cues.some((cue) => context.sentence.includes(cue))) return 1;
  if (cues.some((cue) => context.previousSentence.includes(cue))) return 0.9;
  return 0;
}

/**
 * Maps a figure to a metric from the catalogue aliases found in its clause, the business named in its sentence
 * and the fit of its unit. Returns a null metric when nothing fits well enough (confidence below 0.5).
 */
export function mapMetric(context: MetricContext): MetricMatch {
  if (context.isComparison || context.isShare) return { metric: null, confidence: 0, alias: null };
  const before = context.before.replace(QUOTES, '');
  const after = context.after.replace(QUOTES, '');
  const clause = context.clause ?? `${before}${after}`;
  let best: { candidate: Candidate; score: number } | null = null;
  const afterCandidates = findCandidates(after, 'after');
  const firstAfter = Math.min(...afterCandidates.map((candidate) => candidate.start));
  const candidates = [...findCandidates(before, 'before'), ...afterCandidates];
  for (const candidate of candidates) {
    const { metric, alias } = candidate;
    if (EXCLUSIONS[metric.key as MetricKey]?.some((word) => clause.includes(word))) continue;
    const gap = candidate.side === 'before' ? before.length - candidate.end : candidate.start;
    // After the number the first noun is what is counted (68部…法律草案征询意见建议: drafts, not opinions).
    const isShadowed = candidate.side === 'after' && candidate.start > firstAfter;
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
  if (!best || best.score < MIN_CONFIDENCE) {
    return { metric: null, confidence: best ? round(best.score) : 0, alias: null };
  }
  return { metric: best.candidate.metric.key as MetricKey, confidence: round(best.score), alias: best.candidate.alias };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
