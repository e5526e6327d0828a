import type { ReportPart } from './structure.ts';

/** The kinds of annual report the platform composes. */
export const reportTypes = ['government', 'department', 'township', 'judicial_bureau'] as const;
export type ReportType = (typeof reportTypes)[number];

export const reportTypeLabels: Record<ReportType, string> = {
  government: '法治政府建设年度报告',
  department: '部门法治政府建设年度报告',
  township: '乡镇（街道）法治建设年度报告',
  judicial_bureau: '司法局工作总结',
};

/** The regulations an annual rule-of-law report is made under; its preamble cites them. */
export const reportBasis = ['党政主要负责人履行推进法治建设第一责任人职责规定', '法治政府建设与责任落实督察工作规定'];

/** Section keys are stable: composed content, figure slots and the editor refer to them. */
export type SectionKey = 'measures' | 'shortcomings' | 'first_responsible' | 'next_year' | 'other';

export type OutlineSection = {
  key: SectionKey;
  /** The legal part the section fulfils (analyzeStructure must classify its heading as this part). */
  part: ReportPart;
  /** Heading without its 一、 marker. */
  heading: (year: number) => string;
  isRequired: boolean;
};

export type ReportOutline = {
  type: ReportType;
  title: (orgName: string, year: number) => string;
  preamble: (orgName: string, year: number) => string;
  sections: readonly OutlineSection[];
  /** Whether the report must cite its basis, be signed and be published (a 工作总结 is internal). */
  isStatutory: boolean;
};

const basisCitation = reportBasis.map((b) => `《${b}》`).join('');

const statutorySections = (subject: string): OutlineSection[] => [
  {
    key: 'measures',
    part: 'measures',
    heading: (year) => `${year}年推进${subject}的主要举措和成效`,
    isRequired: true,
  },
  {
    key: 'shortcomings',
    part: 'shortcomings',
    heading: (year) => `${year}年推进${subject}存在的不足和原因`,
    isRequired: true,
  },
  {
    key: 'first_responsible',
    part: 'first_responsible',
    heading: () => '党政主要负责人履行推进法治建设第一责任人职责情况',
    isRequired: true,
  },
  {
    key: 'next_year',
    part: 'next_year',
    heading: (year) => `${year + 1}年度推进${subject}的主要安排`,
    isRequired: true,
  },
  { key: 'other', part: 'other', heading: () => '其他需要报告的情况', isRequired: false },
];

const statutory = (type: ReportType, subject: string, noun: string): ReportOutline => ({
  type,
  title: (orgName, year) => `${orgName}${year}年${noun}`,
  preamble: (orgName, year) => `根据${basisCitation}，现将${orgName}${year}年${subject}情况报告如下：`,
  sections: statutorySections(subject),
  isStatutory: true,
});

export const reportOutlines: Record<ReportType, ReportOutline> = {
  government: statutory('government', '法治政府建设', '法治政府建设年度报告'),
  department: statutory('department', '法治政府建设', '法治政府建设年度报告'),
  township: statutory('township', '法治建设', '法治建设年度报告'),
  judicial_bureau: {
    type: 'judicial_bureau',
    title: (orgName, year) => `${orgName}${year}年工作总结`,
    preamble: (orgName, year) => `${year}年，${orgName}紧紧围绕全面依法治区工作部署，现将全年工作总结如下：`,
    sections: [
      { key: 'measures', part: 'measures', heading: (year) => `${year}年主要工作开展情况`, isRequired: true },
      { key: 'shortcomings', part: 'shortcomings', heading: () => '存在的问题和不足', isRequired: true },
      { key: 'next_year', part: 'next_year', heading: (year) => `${year + 1}年工作打算`, isRequired: true },
    ],
    isStatutory: false,
  },
};

/** The report type an org of this kind usually composes. */
export function defaultReportType(orgKind: string, orgName = ''): ReportType {
  if (orgKind === 'township') return 'township';
  if (orgKind === 'department') return /司法局$/.test(orgName) ? 'judicial_bureau' : 'department';
  return 'government';
}

/** Who signs: a county's government report is signed by its people's government; other reports by the unit. */
export function defaultSigner(orgKind: string, orgName: string): string {
  if (orgKind === 'county') return `${orgName}人民政府`;
  return orgName;
}

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const ordinalMarker = (index: number) => `${chineseOrdinals[index] ?? String(index + 1)}、`;

/** Optional sections of an outline that a report does not have yet (the editor offers to add them). */
export function addableSections(outline: ReportOutline, presentKeys: readonly string[]): OutlineSection[] {
  return outline.sections.filter((s) => !s.isRequired && !presentKeys.includes(s.key));
}

/** Default body of an added optional section: a prompt the drafter replaces. */
export const optionalSectionBody: Partial<Record<SectionKey, string>> = {
  other: '无其他需要报告的情况。',
};

/**
 * Inserts an optional section at its place in the outline's order (其他需要报告的情况 after 下一年度主要安排), or
 * returns the sections unchanged when the outline has no such optional section or it is already there.
 */
export function withOptionalSection<S extends { key: string; heading: string; body: string }>(
  outline: ReportOutline,
  sections: readonly S[],
  key: SectionKey,
  year: number,
): (S | { key: SectionKey; heading: string; body: string })[] {
  const spec = addableSections(
    outline,
    sections.map((s) => s.key),
  ).find((s) => s.key === key);
  if (!spec) return [...sections];
  const order = outline.sections.map((s) => s.key as string);
  const at = sections.findIndex((s) => order.indexOf(s.key) > order.indexOf(key));
  const added = { key, heading: spec.heading(year), body: optionalSectionBody[key] ?? '' };
  return at < 0 ? [...sections, added] : [...sections.slice(0, at), added, ...sections.slice(at)];
}

/**
 * Why a report's sections do not fit its outline, or null: every key is one of the outline's, none twice, in the
 * outline's order, and no required section is removed (an optional one may be added or removed).
 */
export function sectionsProblem(outline: ReportOutline, keys: readonly string[], year: number): string | null {
  const order = outline.sections.map((s) => s.key as string);
  const typeLabel = reportTypeLabels[outline.type];
  for (const key of keys) {
    if (!order.includes(key)) return `“${typeLabel}”的提纲中没有该章节（${key}），不能添加`;
  }
  if (new Set(keys).size !== keys.length) return '同一章节不能出现两次';
  for (let i = 1; i < keys.length; i++) {
    if (order.indexOf(keys[i]!) < order.indexOf(keys[i - 1]!)) return '章节顺序应与报告提纲一致';
  }
  const removed = outline.sections.find((s) => s.isRequired && !keys.includes(s.key));
  return removed ? `必备章节“${removed.heading(year)}”不能删除` : null;
}
