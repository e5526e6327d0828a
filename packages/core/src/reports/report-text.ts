import { ordinalMarker } from './outlines.ts';

export type ReportSectionContent = { key: string; heading: string; body: string };

/** The editable content of a report. */
export type ReportContent = {
  title: string;
  preamble: string;
  sections: readonly ReportSectionContent[];
  signedBy: string;
  /** ISO date, or '' when not dated yet. */
  signedDate: string;
};

export type AssembledReport = {
  text: string;
  /** Where each section's body lies in `text`. */
  sections: { key: string; headingStart: number; bodyStart: number; bodyEnd: number }[];
};

/** 2025-02-20 → 2025年2月20日 (the way GB/T 9704 writes the 成文日期). */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** The report as one plain text, the form analyzeStructure, extraction and import all read. */
export function assembleReportText(content: ReportContent): AssembledReport {
  let text = `${content.title}\n\n${content.preamble}\n\n`;
  const sections: AssembledReport['sections'] = [];
  content.sections.forEach((section, index) => {
    const headingStart = text.length;
    text += `${ordinalMarker(index)}${section.heading}\n`;
    const bodyStart = text.length;
    text += section.body.trim();
    sections.push({ key: section.key, headingStart, bodyStart, bodyEnd: text.length });
    text += '\n\n';
  });
  text += `${content.signedBy}\n${chineseDate(content.signedDate)}`;
  return { text: text.trimEnd(), sections };
}

/** The paragraphs of a section body: one per non-empty line. */
export const paragraphsOf = (body: string) =>
  body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A paragraph that opens with a level-2 heading （一）…。 splits into its heading and the rest. */
export function splitRunInHeading(paragraph: string): { heading: string | null; rest: string } {
  const match = /^([（(][一二三四五六七八九十]{1,3}[)）][^。！？]{1,40}?[。！？]?)(?=[^。！？]|$)/.exec(paragraph);
  if (!match) return { heading: null, rest: paragraph };
  const heading = /[。！？]$/.test(match[1]!) ? match[1]! : paragraph.includes('。') ? null : paragraph;
  if (!heading) {
    const end = paragraph.indexOf('。');
    if (end > 0 && end <= 44) return { heading: paragraph.slice(0, end + 1), rest: paragraph.slice(end + 1) };
    return { heading: null, rest: paragraph };
  }
  return { heading, rest: paragraph.slice(heading.length) };
}
