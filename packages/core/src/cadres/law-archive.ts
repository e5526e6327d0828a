import { maskIdNumber, maskPhone } from '../shared/mask-personal-data.ts';
import { type ExamOutcome, examOutcome, examOutcomeLabels, type LawExam } from './law-exam.ts';
import {
  evaluateLawReport,
  type LawReport,
  type LawReportLevel,
  type LawReportRule,
  lawReportFormLabels,
  lawReportLevelLabels,
} from './law-report.ts';
import type { PreMeetingStudy } from './pre-meeting-study.ts';

export type Cadre = {
  id: number;
  name: string;
  orgName: string;
  position: string;
  /** 党政主要负责人 carry the 第一责任人 duties. */
  isPrincipal: boolean;
  idNumber?: string | null;
  phone?: string | null;
};

export const dutyStatuses = ['done', 'in_progress', 'not_started'] as const;
export type DutyStatus = (typeof dutyStatuses)[number];
export const dutyStatusLabels: Record<DutyStatus, string> = {
  done: '已履行',
  in_progress: '履行中',
  not_started: '未履行',
};

export type FirstResponsibleDuty = { title: string; status: DutyStatus; note: string };

export type LawArchiveInput = {
  cadre: Cadre;
  year: number;
  lawReports: readonly LawReport[];
  exams: readonly LawExam[];
  studies: readonly PreMeetingStudy[];
  duties: readonly FirstResponsibleDuty[];
  /** When the year's 法治档案 was filed (归档); the “一份档案” counts only once it is. */
  filedOn: string | null;
};

export const threeOnesItems = ['law_report', 'exam', 'archive'] as const;
export type ThreeOnesItem = (typeof threeOnesItems)[number];
export const threeOnesItemLabels: Record<ThreeOnesItem, string> = {
  law_report: '一次年度述法',
  exam: '一次法治考核',
  archive: '一份法治档案',
};

export type LawArchivePage = {
  cadre: { id: number; name: string; orgName: string; position: string; idNumber: string; phone: string };
  year: number;
  threeOnes: {
    hasLawReport: boolean;
    hasExam: boolean;
    hasArchive: boolean;
    isComplete: boolean;
    /** Chinese labels of what is missing, e.g. 一次法治考核. */
    missing: string[];
  };
  lawReport: {
    date: string;
    formLabel: string;
    score: number | null;
    level: LawReportLevel | null;
    levelLabel: string;
  } | null;
  exam: { date: string; examName: string; score: number | null; outcome: ExamOutcome; outcomeLabel: string } | null;
  studies: { date: string; meetingName: string; laws: string[]; lecturer: string }[];
  duties: { title: string; statusLabel: string; note: string }[] | null;
  filedOn: string | null;
};

export type LawArchiveOptions = { revealPersonalData?: boolean; lawReportRule?: LawReportRule };

/**
 * One page per cadre per year. “三个一”: a 述法 held that year, an exam sat that year (a fail still counts as held;
 * the outcome is shown), and the archive filed. Only records of `year` (and, for studies, those the cadre attended)
 * are used; of several exams the best outcome is shown, of several 述法 the latest.
 */
export function buildLawArchivePage(input: LawArchiveInput, options: LawArchiveOptions = {}): LawArchivePage {
  const { cadre, year } = input;
  const reports = input.lawReports
    .filter((r) => r.cadreId === cadre.id && r.year === year)
    .sort((a, b) => b.date.localeCompare(a.date));
  const exams = input.exams
    .filter((e) => e.cadreId === cadre.id && e.year === year)
    .map((e) => ({ ...e, outcome: examOutcome(e.score, e.passMark) }))
    .sort((a, b) => rankExam(b) - rankExam(a));
  const report = reports[0];
  const exam = exams[0];
  const hasLawReport = report !== undefined;
  const hasExam = exams.some((e) => e.outcome !== 'absent');
  const hasArchive = input.filedOn !== null;
  const missing: string[] = [];
  if (!hasLawReport) missing.push(threeOnesItemLabels.law_report);
  if (!hasExam) missing.push(threeOnesItemLabels.exam);
  if (!hasArchive) missing.push(threeOnesItemLabels.archive);
  const evaluation = report ? evaluateLawReport(report, options.lawReportRule) : null;
  const reveal = options.revealPersonalData === true;
  return {
    cadre: {
      id: cadre.id,
      name: cadre.name,
      orgName: cadre.orgName,
      position: cadre.position,
      idNumber: cadre.idNumber ? (reveal ? cadre.idNumber : maskIdNumber(cadre.idNumber)) : '',
      phone: cadre.phone ? (reveal ? cadre.phone : maskPhone(cadre.phone)) : '',
    },
    year,
    threeOnes: { hasLawReport, hasExam, hasArchive, isComplete: missing.length === 0, missing },
    lawReport:
      report && evaluation
        ? {
            date: report.date,
            formLabel: lawReportFormLabels[report.form],
            score: evaluation.score,
            level: evaluation.level,
            levelLabel: evaluation.level ? lawReportLevelLabels[evaluation.level] : '未评议',
          }
        : null,
    exam: exam
      ? {
          date: exam.date,
          examName: exam.examName,
          score: exam.score,
          outcome: exam.outcome,
          outcomeLabel: examOutcomeLabels[exam.outcome],
        }
      : null,
    studies: input.studies
      .filter((s) => s.date.startsWith(`${year}-`) && s.attendeeIds.includes(cadre.id))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((s) => ({ date: s.date, meetingName: s.meetingName, laws: [...s.laws], lecturer: s.lecturer })),
    duties: cadre.isPrincipal
      ? input.duties.map((d) => ({ title: d.title, statusLabel: dutyStatusLabels[d.status], note: d.note }))
      : null,
    filedOn: input.filedOn,
  };
}

function rankExam(e: { outcome: ExamOutcome; score: number | null }): number {
  return e.outcome === 'absent' ? -1 : (e.score ?? 0);
}
