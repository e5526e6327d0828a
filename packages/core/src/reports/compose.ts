import type { FigureSlot } from './figure-check.ts';
import {
  type ComparisonBasis,
  comparisonPhrase,
  figurePhrase,
  type ReportFigureKey,
  statesZero,
} from './figure-phrases.ts';
import { defaultSigner, type ReportOutline, type SectionKey } from './outlines.ts';
import type { ReportContent } from './report-text.ts';

export type ComposeFigure = {
  value: number | null;
  previous: number | null;
  unit: string;
  /** 上年同期 when the year is still running (previous = the same days of last year); default 上年. */
  basis?: ComparisonBasis;
};

/** What the composer knows about the org and year, gathered by the server. */
export type ComposeInput = {
  outline: ReportOutline;
  org: { id: number; name: string; kind: string };
  year: number;
  figures: ReadonlyMap<ReportFigureKey, ComposeFigure>;
  closedTitles: readonly string[];
  overdueTitles: readonly string[];
  openTitles: readonly string[];
  openProblems: readonly { title: string }[];
  honours: readonly { title: string; level: string; authority: string }[];
  /** Today (YYYY-MM-DD), the default 成文日期. */
  today: string;
};

/**
 * A paragraph's figures: a key stands alone (joined by “；”), a group of keys reads as one clause (joined by “，”,
 * e.g. 应走访48次，实际走访45次，走访完成率93.8%).
 */
type Paragraph = {
  heading: string;
  lead: string;
  metrics: readonly (ReportFigureKey | readonly ReportFigureKey[])[];
  tail?: string;
};

const levelNames: Record<string, string> = { central: '国家级', province: '省级', city: '市级', district: '区级' };

/** “甲”、“乙”等 / “甲”…“戊”等12项: quoted titles (inner quotes become single quotes), ready for a noun. */
const list = (titles: readonly string[], max = 5) =>
  titles
    .slice(0, max)
    .map((t) => `“${t.replace(/“/g, '‘').replace(/”/g, '’')}”`)
    .join('、') + (titles.length > max ? `等${titles.length}项` : '等');

class Composer {
  readonly slots: FigureSlot[] = [];
  constructor(private readonly input: ComposeInput) {}

  /**
   * 调解矛盾纠纷12件，较上年增加3件 — recorded as a slot; null when the ledgers have no figure. A zero is left out
   * unless the metric is a lower-is-better count that words none (未发生“民转刑”案件).
   */
  figure(section: SectionKey, metric: ReportFigureKey): string | null {
    const f = this.input.figures.get(metric);
    if (!f || f.value === null || (f.value === 0 && !statesZero(metric))) return null;
    const phrase = figurePhrase(metric, f.value);
    if (!phrase) return null;
    this.slots.push({
      id: metric,
      section,
      metric,
      orgId: this.input.org.id,
      period: String(this.input.year),
      value: f.value,
      unit: f.unit,
      previous: f.previous,
      phrase,
    });
    // A zero last year is a year without ledgers, not a year without work: no comparison.
    return phrase + comparisonPhrase(f.value, f.previous || null, f.unit, f.basis);
  }

  paragraph(section: SectionKey, p: Paragraph): string | null {
    const figures = p.metrics
      .map((m) => (typeof m === 'string' ? [m] : m))
      .map((group) => group.map((m) => this.figure(section, m)).filter((x): x is string => x !== null))
      .filter((clause) => clause.length > 0)
      .map((clause) => clause.join('，'));
    if (figures.length === 0 && !p.tail) return null;
    const body = figures.length ? `${p.lead}${figures.join('；')}。` : '';
    return `${p.heading}${body}${p.tail ?? ''}`;
  }

  paragraphs(section: SectionKey, ps: readonly Paragraph[]): string {
    const out: string[] = [];
    const marks = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）'];
    for (const p of ps) {
      const text = this.paragraph(section, { ...p, heading: `${marks[out.length]}${p.heading}` });
      if (text) out.push(text);
    }
    return out.join('\n');
  }
}

/**
 * （X）夯实基层法治基础: the grass-roots figures of the org's subtree (government and township reports). Each clause
 * states only its figures; a rate without a denominator (null) or a zero figure is left out, and with no figure at all
 * the paragraph is not written.
 */
function grassroots(input: ComposeInput): Paragraph {
  const isTownship = input.outline.type === 'township';
  return {
    heading: '夯实基层法治基础。',
    lead: '坚持抓基层、打基础，',
    metrics: [
      ['grassroots.liaison_due', 'grassroots.liaison_done', 'grassroots.liaison_rate'],
      ['grassroots.jo_staff', 'grassroots.jo_qualified_rate'],
      ...(isTownship ? ['grassroots.decision_attendance_rate' as const] : []),
      ['grassroots.adviser_villages', 'grassroots.adviser_coverage_rate'],
      ['grassroots.reasoning_points', 'grassroots.reasoning_coverage_rate'],
      ['grassroots.facilities', 'legal_aid.stations', 'grassroots.service_circle_rate'],
      ['grassroots.major_decisions_complete', 'grassroots.major_decision_steps_rate'],
    ],
  };
}

function measures(c: Composer, input: ComposeInput): string {
  const { year } = input;
  const closed = input.closedTitles.length ? `完成${list(input.closedTitles)}重点任务。` : '';
  const honours = input.honours.length
    ? `全年获得${input.honours
        .slice(0, 6)
        .map((h) => `${levelNames[h.level] ?? ''}“${h.title}”`)
        .join('、')}等荣誉${input.honours.length > 6 ? `${input.honours.length}项` : ''}。`
    : undefined;
  const isBureau = input.outline.type === 'judicial_bureau';
  const paragraphs: Paragraph[] = [
    ...(isBureau
      ? []
      : [
          {
            heading: '统筹推进法治建设。',
            lead: `${year}年，按照“1×3”销号管理要求，`,
            metrics: ['plan.tasks', 'plan.closed', 'plan.closure_rate', 'leadership.committee_meetings'] as const,
            tail: closed,
          },
          {
            heading: '推进严格规范公正文明执法。',
            lead: '坚持依法决策、依法行政，',
            metrics: [
              'legality_review.total',
              'legality_review.meeting_topics',
              'legality_review.contracts',
              'normative_docs.filed',
              'major_decisions.total',
              'enforcement.officers',
              'enforcement.case_reviews',
            ] as const,
          },
          {
            heading: '强化行政权力监督制约。',
            lead: '畅通行政复议和行政应诉渠道，',
            metrics: [
              'reconsideration.received',
              'reconsideration.accepted',
              'reconsideration.concluded',
              'reconsideration.correction_rate',
              'litigation.cases',
              'litigation.head_appearance_rate',
            ] as const,
          },
          {
            heading: '推进政务公开。',
            lead: '坚持以公开为常态、不公开为例外，',
            metrics: [
              'disclosure.proactive',
              ['disclosure.dual', 'disclosure.timely_rate'],
              ['disclosure.requests', 'disclosure.request_timely_rate'],
              'disclosure.requests_corrected',
            ] as const,
          },
        ]),
    ...(['government', 'township'].includes(input.outline.type) ? [grassroots(input)] : []),
    {
      heading: '依法化解矛盾纠纷。',
      lead: '坚持和发展新时代“枫桥经验”，',
      metrics: [
        'mediation.committees',
        'mediation.mediators',
        'mediation.cases',
        'mediation.resolved',
        'mediation.success_rate',
        'mediation.amount',
        ['grassroots.dispute_leads', 'grassroots.disputes_resolved', 'grassroots.dispute_resolution_rate'],
        ['grassroots.civil_criminal_cases', 'grassroots.civil_criminal_improper'],
        ['petitions.received', 'petitions.concluded', 'petitions.on_time_rate'],
        'petitions.classified_rate',
        ['petitions.repeat', 'petitions.repeat_rate'],
      ],
    },
    {
      heading: '完善公共法律服务体系。',
      lead: '推进公共法律服务实体、热线、网络平台融合，',
      metrics: [
        'pls.stations',
        'pls.rooms',
        'pls.village_advisers',
        'pls.legal_literates',
        ['grassroots.village_sages', 'grassroots.sage_coverage_rate'],
        ['grassroots.village_hosts', 'grassroots.host_coverage_rate'],
        'legal_aid.cases',
        'legal_aid.services',
        ['legal_services.practitioners', 'legal_services.institutions', 'legal_services.assessment_pass_rate'],
        ['legal_services.complaints', 'legal_services.complaint_on_time_rate'],
        'corrections.active',
        'corrections.location_rate',
        ['grassroots.released_received', 'grassroots.released_handover_rate', 'grassroots.released_help_rate'],
        ['grassroots.released_reoffended', 'grassroots.reoffending_rate'],
      ],
    },
    {
      heading: '深入开展法治宣传教育。',
      lead: '落实“谁执法谁普法”普法责任制，',
      metrics: [
        'publicity.activities',
        'publicity.participants',
        'publicity.demo_sites',
        ['grassroots.law_volunteers', 'grassroots.volunteer_coverage_rate'],
        'consultation.drafts',
        'consultation.opinions',
        'consultation.adopted',
      ],
      tail: honours,
    },
  ];
  return c.paragraphs('measures', paragraphs);
}

function shortcomings(c: Composer, input: ComposeInput): string {
  const problems = c.paragraph('shortcomings', {
    heading: '（一）法治督察发现的问题仍需持续整改。',
    lead: '',
    metrics: ['oversight.inspections', 'oversight.problems', 'oversight.rectified', 'oversight.rectification_rate'],
    tail: input.openProblems.length
      ? `目前仍有${list(input.openProblems.map((p) => p.title))}问题正在整改。`
      : undefined,
  });
  const overdue = input.overdueTitles.length
    ? `（二）部分目标任务推进滞后。${list(input.overdueTitles)}任务未能按期完成，跟踪问效有待加强。`
    : '（二）法治建设发展还不平衡。部分单位对法治建设重视程度不够，工作推进不够均衡。';
  const causes =
    '（三）原因分析。一是部分领导干部运用法治思维和法治方式解决问题的能力还需提升；二是基层法治工作力量相对薄弱，专业人才不足；三是法治督察考核的导向作用发挥还不充分。';
  return [problems, overdue, causes].filter(Boolean).join('\n');
}

function firstResponsible(c: Composer): string {
  const study = c.paragraph('first_responsible', {
    heading: '（一）带头尊法学法守法用法。',
    lead: '党政主要负责人坚持学习贯彻习近平法治思想，',
    metrics: ['leadership.pre_meeting_study', 'training.sessions', 'training.attendees'],
    tail: '',
  });
  const lead = c.paragraph('first_responsible', {
    heading: '（二）亲自部署推动法治建设。',
    lead: '把法治建设纳入发展总体规划和年度工作计划，',
    metrics: ['leadership.special_studies', 'cadres.law_reports'],
    tail: '对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。',
  });
  const duty =
    '（三）压紧压实法治建设责任。将履行推进法治建设第一责任人职责情况纳入年终述职内容，把法治建设成效作为衡量各级领导班子和领导干部工作实绩的重要内容。';
  return [study, lead, duty].filter(Boolean).join('\n');
}

function nextYear(input: ComposeInput): string {
  const carry = input.openTitles.length
    ? `（一）抓好未完成任务的跟踪落实。继续推进${list(input.openTitles)}任务，确保按“1×3”销号管理要求全部销号。`
    : '（一）统筹推进年度法治建设任务。细化分解年度工作要点，严格落实“1×3”销号管理。';
  return [
    carry,
    '（二）持续推进严格规范公正文明执法。深化行政执法“三项制度”，加强合法性审查和行政复议应诉工作。',
    '（三）深化法治社会建设。完善公共法律服务体系，坚持和发展新时代“枫桥经验”，深入实施“八五”普法规划。',
    '（四）压实法治建设第一责任人职责。加强法治督察和考核，推动“关键少数”履职尽责。',
  ].join('\n');
}

/**
 * The pre-filled content of a report: the outline's title, preamble and sections, each figure worded so extraction
 * maps it back to its metric and recorded as a slot (metric, org, period, value at compose time).
 */
export function composeReport(input: ComposeInput): ReportContent & { slots: FigureSlot[] } {
  const { outline, org, year } = input;
  const c = new Composer(input);
  const bodies: Record<SectionKey, () => string> = {
    measures: () => measures(c, input),
    shortcomings: () => shortcomings(c, input),
    first_responsible: () => firstResponsible(c),
    next_year: () => nextYear(input),
    other: () => '无。',
  };
  const sections = outline.sections
    .filter((s) => s.isRequired)
    .map((s) => ({ key: s.key, heading: s.heading(year), body: bodies[s.key]() }));
  return {
    title: outline.title(org.name, year),
    preamble: outline.preamble(org.name, year),
    sections,
    signedBy: defaultSigner(org.kind, org.name),
    signedDate: input.today,
    slots: c.slots,
  };
}
