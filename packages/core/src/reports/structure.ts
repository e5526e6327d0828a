import { normalizeReportText } from './normalize.ts';
import { parseNumeral } from './numerals.ts';
import { toOriginalSpan } from './text-map.ts';
import { isNoiseLine, type Line, splitLines } from './text-spans.ts';

/** The parts an annual rule-of-law report must (or may) have, in their legal order. */
export type ReportPart = 'measures' | 'shortcomings' | 'first_responsible' | 'next_year' | 'other';

export type HeadingLevel = 1 | 2 | 3 | 4;

/**
 * A section opened by a numbered heading (一、 / (一) / 1. / (1) / 第一部分). Offsets index the original text;
 * `title` is normalised (Simplified, half-width) so that Traditional reports read like the others.
 */
export type ReportSection = {
  level: HeadingLevel;
  marker: string;
  title: string;
  /** From the heading to the next heading of the same or a higher level. */
  start: number;
  end: number;
  headingEnd: number;
  parent: number | null;
  part: ReportPart | null;
};

export type PartPresence = {
  part: ReportPart;
  /** Chinese name of the part, as the regulation words it. */
  label: string;
  isRequired: boolean;
  present: boolean;
  heading: string | null;
  section: number | null;
};

export type ReportStructure = {
  /** The report's own title line (…报告), when there is one near the top. */
  title: string | null;
  /** Year the report covers, read from the title. */
  year: number | null;
  sections: ReportSection[];
  parts: PartPresence[];
  /** The preamble cites its legal basis (根据《…》). */
  hasBasis: boolean;
  basis: string[];
  signedBy: string | null;
  /** ISO date (YYYY-MM-DD) written under the signature. */
  signedDate: string | null;
  missingParts: ReportPart[];
};

const PART_RULES: readonly { part: ReportPart; label: string; isRequired: boolean; pattern: RegExp }[] = [
  {
    part: 'first_responsible',
    label: '党政主要负责人履行推进法治建设第一责任人职责情况',
    isRequired: true,
    pattern: /第一责任人|主要负责人履行|主要负责同志履行/,
  },
  {
    part: 'shortcomings',
    label: '存在的不足和原因',
    isRequired: true,
    pattern: /不足|存在的?问题|短板|差距/,
  },
  {
    part: 'next_year',
    label: '下一年度主要安排',
    isRequired: true,
    pattern:
      /下一年度|下一步|下步|明年|来年|工作安排|工作打算|工作计划|工作思路|主要安排|\d{4}年度?.*(?:安排|打算|计划|思路)/,
  },
  { part: 'other', label: '其他需要报告的情况', isRequired: false, pattern: /其他需要报告|其他事项|其他情况/ },
  {
    part: 'measures',
    label: '主要举措和成效',
    isRequired: true,
    pattern: /举措|成效|主要做法|主要工作|工作开展情况|工作情况|取得的成绩|工作进展/,
  },
];

const PART_ORDER: readonly ReportPart[] = ['measures', 'shortcomings', 'first_responsible', 'next_year', 'other'];

const HEADINGS: readonly { level: HeadingLevel; pattern: RegExp }[] = [
  { level: 1, pattern: /^(第[一二三四五六七八九十]+部分)[、:\s]*/ },
  { level: 1, pattern: /^([一二三四五六七八九十]{1,3}[、.])/ },
  // (一); the seed 004 shows a heading whose numeral was lost: ()进一步…
  { level: 2, pattern: /^(\([一二三四五六七八九十]{0,3}\))/ },
  { level: 3, pattern: /^(\d{1,2}[.、])(?!\d)/ },
  { level: 4, pattern: /^(\(\d{1,2}\))/ },
];

const MAX_TITLE = 40;
const ORG_SUFFIX = /(?:局|委员会|委|政府|办公室|办|院|部|所|中心|街道|镇|乡|管委会|公司|厅|处|科|队|站)$/;
const DATE =
  /^(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/;

function headingTitle(rest: string): string {
  const sentence = rest.split('。')[0]!.trim();
  if (sentence.length <= MAX_TITLE) return sentence.replace(/[:]$/, '');
  const clause = sentence.split(',')[0]!;
  return clause.length <= MAX_TITLE ? clause : clause.slice(0, MAX_TITLE);
}

function findHeadings(lines: readonly Line[]) {
  const found: { level: HeadingLevel; marker: string; title: string; start: number; end: number }[] = [];
  for (const line of lines) {
    if (isNoiseLine(line.text)) continue;
    const indent = line.text.length - line.text.trimStart().length;
    const content = line.text.trim();
    for (const { level, pattern } of HEADINGS) {
      const match = pattern.exec(content);
      if (!match) continue;
      const title = headingTitle(content.slice(match[0].length));
      if (!title) break;
      const start = line.start + indent;
      found.push({ level, marker: match[1]!, title, start, end: start + match[0].length + title.length });
      break;
    }
  }
  return found;
}

/** Sections end at their last character of text, not on the blank lines before the next heading. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

function classify(title: string): ReportPart | null {
  return PART_RULES.find((rule) => rule.pattern.test(title))?.part ?? null;
}

function chineseOrArabic(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseNumeral(text);
}

function isoDate(line: string): string | null {
  const match = DATE.exec(line.replace(/\s+/g, ''));
  if (!match) return null;
  const yearText = match[1]!;
  const year = /^\d+$/.test(yearText) ? Number(yearText) : parseNumeral(yearText);
  const month = chineseOrArabic(match[2]!);
  const day = chineseOrArabic(match[3]!);
  if (!year || !month || !day || month > 12 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isOrgName(line: string): boolean {
  return line.length >= 2 && line.length <= 30 && !/[。,;:!?]/.test(line) && ORG_SUFFIX.test(line);
}

type Signature = { signedBy: string | null; signedDate: string | null; bodyEnd: number };

/** The signing unit and date at the end of the report, below its last paragraph; the body ends above them. */
function findSignature(lines: readonly Line[], textLength: number): Signature {
  const content = lines.filter((line) => line.text.trim() !== '' && !isNoiseLine(line.text));
  const last = content.at(-1);
  if (!last) return { signedBy: null, signedDate: null, bodyEnd: textLength };
  const lastText = last.text.trim();
  const sameLine = /^(.+?)\s+(\S+年\S+月\S+日)$/.exec(lastText);
  if (sameLine && isOrgName(sameLine[1]!) && isoDate(sameLine[2]!)) {
    return { signedBy: sameLine[1]!, signedDate: isoDate(sameLine[2]!), bodyEnd: last.start };
  }
  const signedDate = isoDate(lastText);
  const orgLine = signedDate ? content.at(-2) : last;
  const signedBy = orgLine && isOrgName(orgLine.text.trim()) ? orgLine.text.trim() : null;
  const firstSignatureLine = signedBy ? orgLine : signedDate ? last : null;
  return { signedBy, signedDate, bodyEnd: firstSignatureLine ? firstSignatureLine.start : last.end };
}

function findTitle(lines: readonly Line[]): string | null {
  const candidates = lines
    .map((line) => line.text.trim())
    .filter((text) => text !== '' && !isNoiseLine(text))
    .slice(0, 8);
  return candidates.find((text) => text.length <= 60 && /报告$|报告\s*$|情况$|工作总结$/.test(text)) ?? null;
}

function findBasis(preamble: string): string[] {
  const sentence = /(?:根据|依据|按照|依照)[^。]*?《[^》]+》[^。]*/.exec(preamble);
  if (!sentence) return [];
  return [...sentence[0].matchAll(/《([^》]+)》/g)].map((match) => match[1]!);
}

/**
 * Reads the outline of an annual report: numbered sections, which of the legal parts (主要举措和成效, 存在的不足和
 * 原因, 第一责任人职责情况, 下一年度主要安排, 其他需要报告的情况) have a level-1 heading, whether the preamble cites
 * its basis, and the signing unit and date. News articles simply come out with the parts missing.
 */
export function analyzeStructure(text: string): ReportStructure {
  const mapped = normalizeReportText(text);
  const lines = splitLines(mapped.text);
  const headings = findHeadings(lines);
  const signature = findSignature(lines, mapped.text.length);
  const sections: ReportSection[] = headings.map((heading, index) => {
    const next = headings.slice(index + 1).find((other) => other.level <= heading.level);
    const parentIndex = headings.slice(0, index).findLastIndex((other) => other.level < heading.level);
    const end = Math.max(heading.end, Math.min(next?.start ?? mapped.text.length, signature.bodyEnd));
    const span = toOriginalSpan(mapped, heading.start, trimEnd(mapped.text, heading.start, end));
    return {
      level: heading.level,
      marker: heading.marker,
      title: heading.title,
      start: span.start,
      end: span.end,
      headingEnd: toOriginalSpan(mapped, heading.start, heading.end).end,
      parent: parentIndex >= 0 ? parentIndex : null,
      part: heading.level === 1 ? classify(heading.title) : null,
    };
  });
  const parts = PART_ORDER.map((part): PartPresence => {
    const rule = PART_RULES.find((candidate) => candidate.part === part)!;
    const section = sections.findIndex((candidate) => candidate.part === part);
    return {
      part,
      label: rule.label,
      isRequired: rule.isRequired,
      present: section >= 0,
      heading: section >= 0 ? sections[section]!.title : null,
      section: section >= 0 ? section : null,
    };
  });
  const firstTop = headings.find((heading) => heading.level === 1);
  const preamble = mapped.text.slice(0, firstTop?.start ?? Math.min(mapped.text.length, 600));
  const basis = findBasis(preamble);
  const title = findTitle(lines);
  const year = title ? Number(/(\d{4})年/.exec(title)?.[1] ?? Number.NaN) : Number.NaN;
  return {
    title,
    year: Number.isNaN(year) ? null : year,
    sections,
    parts,
    hasBasis: basis.length > 0,
    basis,
    signedBy: signature.signedBy,
    signedDate: signature.signedDate,
    missingParts: parts.filter((part) => part.isRequired && !part.present).map((part) => part.part),
  };
}
