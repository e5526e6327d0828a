import type { MetricKey } from '../metrics/catalogue.ts';
import { linkBreakdowns } from './breakdowns.ts';
import { type MetricContext, mapMetric } from './map-metric.ts';
import {
  CORRECTION_KIND,
  LEVEL_QUALIFIER,
  PARTICIPANTS_OF,
  PARTICIPATION_LEAD,
  RESPECTIVELY,
  REVIEW_OBJECTS,
  SHARED_VERB,
} from './map-metric-rules.ts';
import { normalizeReportText, normalizeText } from './normalize.ts';
import { isChineseNumeral, NUMERAL_CHARS, parseNumeral } from './numerals.ts';
import { type QuantityReading, readNumeralRun, readQuantityAt } from './quantity.ts';
import { findTableCells, type TableCell } from './tables.ts';
import { toOriginalSpan } from './text-map.ts';
import {
  clauseEndAfter,
  clauseStartBefore,
  findNoiseSpans,
  findQuotedSpans,
  isInside,
  type Span,
  sentenceEndAfter,
  sentenceStartBefore,
} from './text-spans.ts';
import { unitFamily } from './units.ts';

/**
 * One figure found in a report. `text`, `start` and `end` cover the figure's phrase in the ORIGINAL input: from the
 * start of its clause (after the previous ，；。：！？, line break or figure in the same clause, at most 30 characters
 * before the number, without a leading bracket) to the end of its unit or approximation suffix. When the clause
 * starts with the quantity (4个协调小组…), the phrase runs on to the noun after it, at most 10 characters.
 * `quantityStart`/`quantityEnd` cover just the quantity (approximation prefix, number, unit, suffix). Offsets are JS
 * string indices.
 */
export type ExtractedFigure = {
  text: string;
  value: number;
  unit: string;
  approx: string | null;
  metric: MetricKey | null;
  /** Confidence of the metric assignment, 0..1; below 0.5 the metric is null. */
  confidence: number;
  start: number;
  end: number;
  quantityStart: number;
  quantityEnd: number;
  /** Upper bound of a range (3至5件: value 3, upper 5). */
  upper?: number;
  /** A year-on-year change (较上年增加12件, 同比增长5%), not a level. */
  comparison?: true;
  /** Index (in the returned array) of the total this figure is a breakdown of (…共9件，其中驳回2件). */
  partOf?: number;
  /** The source dropped a character: 2018213名 read as 2018(年)213名; a number without its unit reads as unit ''. */
  repaired?: 'glued-year' | 'missing-unit';
  /** Read from a table row rather than from prose. */
  fromTable?: true;
  /** The words that gave the key (an alias or a verb), to show a reviewer why the figure got it. */
  keyWords?: string;
  /** The key came from a phrase a reviewer chose it for before (see `LearnedPhrase`). */
  learned?: true;
  /** Why a figure that names a metric got no key: award, part, sample, new-ones, requirement, earlier-period … */
  noKeyReason?: string;
};

/** A key a reviewer gave a figure, remembered by the words before its quantity (`phraseBefore`); null: no key. */
export type LearnedPhrase = { readonly phrase: string; readonly metric: MetricKey | null };

export type ExtractOptions = { readonly learned?: readonly LearnedPhrase[] };

/** A figure in normalised-text coordinates, before it is mapped back to the original. */
export type FigureDraft = {
  reading: QuantityReading;
  value: number;
  unit: string;
  textStart: number;
  textEnd: number;
  /** Clause text around the figure used for metric mapping. */
  before: string;
  after: string;
  clause: string;
  comparison: boolean;
  share: boolean;
  repaired?: 'glued-year' | 'missing-unit';
  fromTable?: boolean;
  /** A table cell's title line and header row (tables.ts), read as the sentence before its row. */
  caption?: string;
  /** The clause after the quantity, to the next clause break. */
  rest?: string;
  /** A table cell in a column of an earlier year than the table's latest. */
  isEarlierPeriod?: boolean;
};

const MAX_LEAD = 30;
const MAX_TRAIL = 10;
const NUMERAL_START = new RegExp(`[${NUMERAL_CHARS}]`, 'g');
// Fixed expressions whose numerals count nothing.
const IDIOMS = [
  '千家万户',
  '三番五次',
  '千方百计',
  '百家争鸣',
  '五湖四海',
  '四面八方',
  '一五一十',
  '十全十美',
  '九死一生',
  '千千万万',
];
const COMPARISON_VERB =
  /(?:增加|增长|减少|下降|提高|降低|上升|提升|增幅|降幅|增|减|多|少)(?:了|为|达)?(?:约|近|超过|超)?$/;
const COMPARISON_BASE = /较|同比|环比|比上年|比去年|比20\d\d年/;
const COUNTING_VERB = /(?:共|累计|新增|选聘|配备|增加|新建|培育|培养)/;

function isIdiom(text: string, at: number): boolean {
  return IDIOMS.some((idiom) => {
    const from = text.lastIndexOf(idiom, at);
    return from >= 0 && at < from + idiom.length;
  });
}

/** The reason a quantity is not a report figure, or null when it is one. */
function rejectReason(text: string, reading: QuantityReading, quoted: readonly Span[]): string | null {
  const { numberStart, numberEnd, start } = reading;
  const numeral = text.slice(numberStart, numberEnd);
  const before = text[start - 1] ?? '';
  const after = text[reading.end] ?? '';
  if (reading.isTimeOrOrdinal) return 'date-or-duration';
  if (isInside(quoted, numberStart)) return 'quoted-name';
  if (before === '第' || text.slice(Math.max(0, start - 2), start) === '第 ') return 'ordinal';
  // Mechanism names: 1+3+N, 1×3, 三个一, 五个一律.
  if (/[+×*xX/]/.test(before) || /[+×*xX/]/.test(text[numberEnd] ?? '')) return 'formula-name';
  if (reading.unit && new RegExp(`^[${NUMERAL_CHARS}]`).test(after) && isChineseNumeral(after)) return 'mechanism-name';
  if (
    /\d[:：]$/.test(text.slice(Math.max(0, numberStart - 2), numberStart)) ||
    /^[:：]\d/.test(text.slice(numberEnd))
  ) {
    return 'clock-time';
  }
  if (isChineseNumeral(numeral)) {
    if (numeral === '一' || numeral === '壹') return 'single-yi';
    if (isIdiom(text, numberStart)) return 'idiom';
    if (reading.unit === '分') return 'idiom';
  }
  return null;
}

/** 2018213名 is 2018年213名 with 年 lost in scraping: a 7-digit count starting with a year. */
function repairGluedYear(text: string, reading: QuantityReading): QuantityReading | null {
  const numeral = text.slice(reading.numberStart, reading.numberEnd);
  const match = /^(19[5-9]\d|20\d\d)(\d{3})$/.exec(numeral);
  const family = reading.unit ? unitFamily(reading.unit) : null;
  if (!match || !reading.unit || reading.upper !== null) return null;
  if (!['人', '名', '件', '个', '项'].includes(reading.unit) || family === 'money') return null;
  const value = parseNumeral(match[2]!);
  if (value === null) return null;
  return { ...reading, numberStart: reading.numberStart + 4, start: reading.numberStart + 4, value };
}

/** A count whose unit the source dropped: 配备专职人民调解员14(2021年新增5). */
function isBareCount(text: string, reading: QuantityReading, clauseStart: number): boolean {
  const numeral = text.slice(reading.numberStart, reading.numberEnd);
  if (!/^\d+$/.test(numeral) || reading.approx || reading.upper !== null) return false;
  const before = text[reading.numberStart - 1] ?? '';
  const after = text[reading.numberEnd] ?? '';
  if (!/[\u4e00-\u9fff]/.test(before) || !/[,。;()、]/.test(after)) return false;
  const lead = text.slice(Math.max(clauseStart, reading.numberStart - 12), reading.numberStart);
  return COUNTING_VERB.test(lead);
}

function isComparison(lead: string, sentenceLead: string): boolean {
  return (
    COMPARISON_VERB.test(lead) && (COMPARISON_BASE.test(sentenceLead) || /(?:增长|下降|增幅|降幅)(?:了)?$/.test(lead))
  );
}

/** Stems of the reporting locality (游仙 of 绵阳市游仙区): 五个游仙 is a slogan, not five of anything. */
function localityStems(text: string): string[] {
  return [...text.matchAll(/[市州]([\u4e00-\u9fff]{2,3}?)(?:区|县)/g)].map((match) => match[1]!);
}

function isSlogan(text: string, reading: QuantityReading, stems: readonly string[]): boolean {
  const numeral = text.slice(reading.numberStart, reading.numberEnd);
  return isChineseNumeral(numeral) && reading.unit === '个' && stems.some((stem) => text.startsWith(stem, reading.end));
}

function proseDrafts(text: string, excluded: readonly Span[], quoted: readonly Span[]): FigureDraft[] {
  const drafts: FigureDraft[] = [];
  const stems = localityStems(text);
  let lastEnd = 0;
  NUMERAL_START.lastIndex = 0;
  for (let match = NUMERAL_START.exec(text); match; match = NUMERAL_START.exec(text)) {
    const at = match.index;
    const previous = text[at - 1] ?? '';
    // Only read a numeral from its first character; a run continues through its digits.
    if (at > 0 && new RegExp(`[${NUMERAL_CHARS}.,点]`).test(previous) && readNumeralRun(text, at - 1)) continue;
    if (at < lastEnd || isInside(excluded, at)) continue;
    let reading = readQuantityAt(text, at);
    if (!reading) continue;
    NUMERAL_START.lastIndex = Math.max(NUMERAL_START.lastIndex, reading.end);
    if (rejectReason(text, reading, quoted) || isSlogan(text, reading, stems)) continue;
    const clauseStart = Math.max(clauseStartBefore(text, reading.start), lastEnd);
    let repaired: FigureDraft['repaired'];
    if (!reading.unit) {
      if (!isBareCount(text, reading, clauseStart)) continue;
      repaired = 'missing-unit';
    } else {
      const glued = repairGluedYear(text, reading);
      if (glued) {
        reading = glued;
        repaired = 'glued-year';
      }
    }
    const lead = text.slice(clauseStart, reading.start);
    const sentenceLead = text.slice(sentenceStartBefore(text, reading.start), reading.start);
    drafts.push({
      reading,
      value: reading.value,
      unit: reading.unit ?? '',
      textStart: skipOpening(text, Math.max(clauseStart, reading.start - MAX_LEAD), reading.start),
      textEnd: reading.end,
      before: lead,
      after: '',
      clause: '',
      comparison: isComparison(lead, sentenceLead) || reading.unit === '个百分点',
      share: /占[^,;。]*的?$/.test(lead) && reading.unit === '%',
      repaired,
    });
    lastEnd = reading.end;
  }
  // What follows a figure, up to the next figure or clause break, often names what it counts (65名行政执法人员).
  drafts.forEach((draft, index) => {
    const clauseEnd = clauseEndAfter(text, draft.reading.end);
    const next = drafts[index + 1]?.reading.start ?? text.length;
    draft.after = text.slice(draft.reading.end, Math.min(clauseEnd, next));
    draft.clause = text.slice(clauseStartBefore(text, draft.reading.start), clauseEnd);
    draft.rest = text.slice(draft.reading.end, clauseEnd);
    if (draft.before.trim() === '') {
      draft.textEnd = Math.min(draft.reading.end + MAX_TRAIL, draft.reading.end + draft.after.length);
    }
  });
  return drafts;
}

/** The phrase does not begin with an opening bracket or space left over from the clause before. */
function skipOpening(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit && /[\s(]/.test(text[at]!)) at++;
  return at;
}

const columnYear = (column: string) => Number(/(?:19|20)\d\d/.exec(column)?.[0] ?? 0);

function tableDrafts(cells: readonly TableCell[]): FigureDraft[] {
  const latest = Math.max(0, ...cells.map((cell) => columnYear(cell.column)));
  return cells.map((cell) => ({
    isEarlierPeriod: columnYear(cell.column) > 0 && columnYear(cell.column) < latest,
    reading: cell.reading,
    value: cell.reading.value,
    unit: cell.unit,
    textStart: cell.labelStart,
    textEnd: cell.reading.end,
    before: cell.label,
    after: '',
    clause: cell.label,
    comparison: /增|减|同比|变化/.test(cell.column),
    share: false,
    fromTable: true,
    caption: cell.caption,
  }));
}

function previousSentence(text: string, index: number): string {
  const start = sentenceStartBefore(text, index);
  if (start === 0) return '';
  return text.slice(sentenceStartBefore(text, start - 1), start);
}

/**
 * Keys that depend on the figures around one: a part of a breakdown never reports its total's metric (其中村调委会
 * 26604个 is not all committees), and a clause that only says how many took part (举办培训10场次，覆盖500余人次)
 * reports the participants of the figure before it.
 */
function refineKeys(
  text: string,
  drafts: readonly FigureDraft[],
  figures: ExtractedFigure[],
  contexts: MetricContext[],
): void {
  figures.forEach((figure, index) => {
    const total = figure.partOf === undefined ? undefined : figures[figure.partOf];
    if (total && figure.metric && total.metric === figure.metric) {
      clearKey(figure, 'part-of-total');
    }
    // 排查出…86起，调处86起，调处成功84起，其中直接调处32起: the part linked to 84 still repeats the key of 86.
    if (total && figure.metric && reportedBefore(text, drafts, figures, figure.partOf!, index, figure.metric)) {
      clearKey(figure, 'part-of-total');
    }
    // 合法性审查41件，其中规范性文件12件、重大行政决策29件: a part of a review total is a review of its object.
    if (total?.metric === 'legality_review.total') reviewPart(figure, drafts[index]!.before);
    const previous = figures[index - 1];
    const draft = drafts[index]!;
    const partner = previous?.metric ? PARTICIPANTS_OF[previous.metric] : undefined;
    const lead = draft.before.replace(/[\s,、]/g, '');
    if (!figure.metric && partner && !draft.comparison && PARTICIPATION_LEAD.test(lead)) {
      const family = unitFamily(figure.unit);
      if (family === 'person' || family === 'person_times') {
        figure.metric = partner;
        figure.confidence = 0.6;
        figure.keyWords = previous!.keyWords ?? previous!.text;
      }
    }
  });
  respectively(drafts, figures, contexts);
  sharedVerb(drafts, figures, contexts);
  correctionKinds(text, drafts, figures);
  levels(text, drafts, figures);
}

/** A figure that is not a part, from the sentence of a breakdown's total up to the part, already reports `metric`. */
function reportedBefore(
  text: string,
  drafts: readonly FigureDraft[],
  figures: readonly ExtractedFigure[],
  total: number,
  part: number,
  metric: MetricKey,
): boolean {
  const from = sentenceStartBefore(text, drafts[total]!.reading.start);
  return figures.some(
    (other, index) =>
      index < part && other.partOf === undefined && drafts[index]!.reading.start >= from && other.metric === metric,
  );
}

/** A part of a legality-review total: the review key of the object it names (REVIEW_OBJECTS), or no key. */
function reviewPart(figure: ExtractedFigure, before: string): void {
  const object = REVIEW_OBJECTS.find(([pattern]) => pattern.test(before));
  if (!object) {
    if (figure.metric) clearKey(figure, 'part-of-review');
    return;
  }
  figure.metric = object[1];
  figure.confidence = 0.75;
  figure.keyWords = object[0].exec(before)![0];
  delete figure.noKeyReason;
}

/** The first line of the text, short and without a full stop, is its title. */
function isHeadline(text: string, index: number): boolean {
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || index > firstBreak) return false;
  const line = text.slice(0, firstBreak).trim();
  return line.length <= 40 && !/[。;!?]/.test(line);
}

function clearKey(figure: ExtractedFigure, reason: string): void {
  figure.metric = null;
  figure.confidence = 0;
  figure.noKeyReason = reason;
  delete figure.keyWords;
}

/** 对规范性文件、重大行政决策、行政协议分别审查8件、5件、64件: the n-th figure belongs to the n-th item. */
function respectively(drafts: readonly FigureDraft[], figures: ExtractedFigure[], contexts: MetricContext[]): void {
  drafts.forEach((draft, index) => {
    const at = draft.before.lastIndexOf(RESPECTIVELY);
    if (at < 0) return;
    const verb = draft.before.slice(at + RESPECTIVELY.length);
    const items = draft.before
      .slice(0, at)
      .replace(/^[对就将为]/, '')
      .split(/[、和及与]/)
      .filter((item) => item !== '');
    const run = [index];
    while (run.length < items.length && drafts[index + run.length]?.before.replace(/[\s、和及]/g, '') === '') {
      run.push(index + run.length);
    }
    if (items.length < 2 || run.length !== items.length) return;
    run.forEach((figureIndex, n) => {
      // Try the verb before the item (审查规范性文件) and after it (区政府规范性文件审查).
      const [phrase, match] = [`${verb}${items[n]}`, `${items[n]}${verb}`]
        .map((p) => [p, mapMetric({ ...contexts[figureIndex]!, before: p, after: '', clause: p })] as const)
        .find(([, m]) => m.metric !== null) ?? ['', { metric: null, confidence: 0, alias: null }];
      const figure = figures[figureIndex]!;
      figure.metric = match.metric;
      figure.confidence = match.confidence;
      if (match.alias) figure.keyWords = phrase;
      else delete figure.keyWords;
    });
  });
}

/** 审查规章草案7件、规范性文件31件、重大合同44件: an item of a list with no verb of its own takes the head's. */
function sharedVerb(drafts: readonly FigureDraft[], figures: ExtractedFigure[], contexts: MetricContext[]): void {
  drafts.forEach((draft, index) => {
    const item = /^\s*、([\u4e00-\u9fff（）()]+)$/.exec(draft.before)?.[1];
    if (!item || figures[index]!.metric) return;
    let head = index - 1;
    while (head > 0 && /^\s*、/.test(drafts[head]!.before)) head--;
    if (head < 0 || head === index) return;
    const verb = SHARED_VERB.exec(drafts[head]!.before)?.[0];
    if (!verb) return;
    const phrase = `${verb}${item}`;
    const match = mapMetric({ ...contexts[index]!, before: phrase, after: '', clause: phrase });
    if (!match.metric) return;
    const figure = figures[index]!;
    figure.metric = match.metric;
    figure.confidence = match.confidence;
    figure.keyWords = phrase;
    delete figure.noKeyReason;
  });
}

/** 省级…中心1个、市级…中心16个、县级…中心137个: figures of one sentence sharing a key, each at a level, are parts. */
function levels(text: string, drafts: readonly FigureDraft[], figures: ExtractedFigure[]): void {
  const groups = new Map<string, number[]>();
  figures.forEach((figure, index) => {
    if (!figure.metric || !LEVEL_QUALIFIER.test(drafts[index]!.before)) return;
    const key = `${sentenceStartBefore(text, drafts[index]!.reading.start)}:${figure.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  for (const indices of groups.values()) {
    if (indices.length < 2) continue;
    for (const index of indices) clearKey(figures[index]!, 'one-level');
  }
}

/** 其中维持…、撤销19件、确认违法8件: single kinds of correction listed side by side are parts, not the corrected total. */
function correctionKinds(text: string, drafts: readonly FigureDraft[], figures: ExtractedFigure[]): void {
  const kinds = figures
    .map((figure, index) => ({ figure, index }))
    .filter(
      ({ figure, index }) =>
        figure.metric === 'reconsideration.corrected' &&
        CORRECTION_KIND.test(figure.keyWords ?? '') &&
        !/或|等|纠错|纠正/.test(drafts[index]!.before),
    );
  const sentenceOf = (index: number) => sentenceStartBefore(text, drafts[index]!.reading.start);
  for (const { figure, index } of kinds) {
    const siblings = kinds.filter((other) => other.index !== index && sentenceOf(other.index) === sentenceOf(index));
    if (siblings.length > 0) clearKey(figure, 'kind-of-correction');
  }
}

/**
 * Finds the figures of a report: quantities with a unit (and a few unit-less counts the source garbled), with
 * approximation, ranges, comparisons, breakdowns and the metric each reports. Years, dates, ordinals, names of
 * mechanisms in quotes, durations and page furniture are left out. Offsets index the input string.
 */
export function extractFigures(text: string, options: ExtractOptions = {}): ExtractedFigure[] {
  const mapped = normalizeReportText(text);
  const normal = mapped.text;
  const noise = findNoiseSpans(normal);
  const quoted = findQuotedSpans(normal);
  const table = findTableCells(normal);
  const drafts = [...proseDrafts(normal, [...noise, ...table.lines], quoted), ...tableDrafts(table.cells)].sort(
    (a, b) => a.reading.start - b.reading.start,
  );
  const contexts: MetricContext[] = [];
  const figures = drafts.map((draft): ExtractedFigure => {
    const { reading } = draft;
    const sentenceStart = sentenceStartBefore(normal, reading.start);
    const context: MetricContext = {
      before: draft.before,
      after: draft.after,
      clause: draft.clause,
      sentence: normal.slice(sentenceStart, sentenceEndAfter(normal, reading.end)),
      sentenceLead: normal.slice(sentenceStart, reading.start),
      previousSentence: [draft.caption, previousSentence(normal, reading.start)].filter(Boolean).join('\n'),
      paragraph: normal.slice(normal.lastIndexOf('\n', reading.start - 1) + 1, reading.start),
      rest: draft.rest ?? '',
      isEarlierPeriod: draft.isEarlierPeriod ?? false,
      approx: reading.approx,
      unit: draft.unit,
      isComparison: draft.comparison,
      isShare: draft.share,
    };
    contexts.push(context);
    // A headline restates the body in round numbers (去年化解矛盾纠纷超4万件): its figures get no key.
    const match = isHeadline(normal, reading.start)
      ? { metric: null, confidence: 0, alias: null, reason: 'headline' }
      : mapMetric(context);
    const span = toOriginalSpan(mapped, draft.textStart, draft.textEnd);
    const quantity = toOriginalSpan(mapped, reading.start, reading.end);
    const figure: ExtractedFigure = {
      text: text.slice(span.start, span.end),
      value: draft.value,
      unit: draft.unit,
      approx: reading.approx,
      metric: match.metric,
      confidence: match.confidence,
      start: span.start,
      end: span.end,
      quantityStart: quantity.start,
      quantityEnd: quantity.end,
    };
    if (reading.upper !== null) figure.upper = reading.upper;
    if (draft.comparison) figure.comparison = true;
    if (draft.repaired) figure.repaired = draft.repaired;
    if (draft.fromTable) figure.fromTable = true;
    if (match.metric && match.alias) figure.keyWords = match.alias;
    if (!match.metric && match.reason) figure.noKeyReason = match.reason;
    return figure;
  });
  linkBreakdowns(normal, drafts, figures);
  refineKeys(normal, drafts, figures, contexts);
  applyLearned(options.learned ?? [], drafts, figures);
  return figures;
}

/**
 * The words right before a quantity that a reviewer's key is remembered by: up to 8 Han characters (受理群众信访事项
 * of 全年受理群众信访事项1286件), or null when the quantity starts its clause. `text` is the figure's phrase and
 * `quantityAt` where its quantity starts in it.
 */
export function phraseBefore(text: string, quantityAt: number): string | null {
  const lead = normalizeText(text.slice(0, quantityAt)).replace(/[约近超逾共计达累]+$/, '');
  const run = /[\u4e00-\u9fff]{2,}$/.exec(lead)?.[0];
  return run ? run.slice(-8) : null;
}

/** A reviewer's key wins over the rules: the longest remembered phrase that ends the figure's lead words. */
function applyLearned(learned: readonly LearnedPhrase[], drafts: readonly FigureDraft[], figures: ExtractedFigure[]) {
  if (learned.length === 0) return;
  const byLength = [...learned].sort((a, b) => b.phrase.length - a.phrase.length);
  figures.forEach((figure, index) => {
    const lead = drafts[index]!.before.replace(/[约近超逾共计达累]+$/, '');
    const hit = byLength.find((p) => lead.endsWith(p.phrase));
    if (!hit) return;
    figure.metric = hit.metric;
    figure.confidence = 0.9;
    figure.keyWords = hit.phrase;
    figure.learned = true;
    delete figure.noKeyReason;
  });
}
