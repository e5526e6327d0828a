import { examOutcome, examOutcomeLabels } from './law-exam.ts';
import { evaluateLawReport, type LawReport, lawReportFormLabels, lawReportLevelLabels } from './law-report.ts';

/**
 * Use of results (干部考察): one row per leading cadre of a year for the organisation department — the cadre's unit's
 * assessment result, their 述法, the yearly exam, the exam before promotion (任前考法) and the 会前学法 attended.
 * Personal data (ID number, phone) is never part of it.
 */
export type ResultsCadre = {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  position: string;
  isPrincipal: boolean;
};
/** A unit's published result in the year's assessment round. */
export type UnitAssessmentResult = {
  roundName: string;
  total: number;
  /** “乡镇街道组第2名” */
  placing: string;
  grade: string;
};
export type ResultsExam = {
  cadreId: number;
  kind: 'annual' | 'pre_promotion';
  examName: string;
  date: string;
  score: number | null;
  passMark: number;
};
export type ResultsLawReport = Pick<LawReport, 'form' | 'date' | 'panelScores' | 'survey'> & { cadreId: number };
export type ResultsStudy = { date: string; meetingName: string; laws: string[]; attendeeIds: number[] };

export const resultsExportColumns = [
  '序号',
  '姓名',
  '单位',
  '职务',
  '党政主要负责人',
  '单位年度考核',
  '单位考核得分',
  '单位考核排名',
  '单位考核等次',
  '述法时间',
  '述法形式',
  '述法评议得分',
  '述法评议等次',
  '学法考试成绩',
  '学法考试结果',
  '任前考法',
  '会前学法次数',
  '会前学法记录',
] as const;

export type ResultsExportRow = (string | number)[];

const none = '—';

const examText = (e: ResultsExam) => {
  const outcome = examOutcomeLabels[examOutcome(e.score, e.passMark)];
  return `${e.date} ${e.examName}，${e.score === null ? '缺考' : `${e.score}分，${outcome}`}`;
};

/** The rows, in the order the cadres are given (the 关键少数 page's order). */
export function buildResultsExport(input: {
  cadres: readonly ResultsCadre[];
  unitResults: ReadonlyMap<number, UnitAssessmentResult>;
  lawReports: readonly ResultsLawReport[];
  exams: readonly ResultsExam[];
  studies: readonly ResultsStudy[];
}): ResultsExportRow[] {
  return input.cadres.map((c, i) => {
    const unit = input.unitResults.get(c.orgId);
    const report = input.lawReports.filter((r) => r.cadreId === c.id).sort((a, b) => b.date.localeCompare(a.date))[0];
    const evaluation = report ? evaluateLawReport({ panelScores: report.panelScores, survey: report.survey }) : null;
    const mine = input.exams.filter((e) => e.cadreId === c.id).sort((a, b) => b.date.localeCompare(a.date));
    const annual = mine.filter((e) => e.kind === 'annual');
    // of several yearly exams the best one counts, as on the 法治档案 page
    const exam = [...annual].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0];
    const prePromotion = mine.filter((e) => e.kind === 'pre_promotion').reverse(); // in the order sat
    const studies = input.studies
      .filter((s) => s.attendeeIds.includes(c.id))
      .sort((a, b) => a.date.localeCompare(b.date));
    return [
      i + 1,
      c.name,
      c.orgName,
      c.position,
      c.isPrincipal ? '是' : '否',
      unit ? unit.roundName : '未参加考核或结果未公示',
      unit ? unit.total : none,
      unit ? unit.placing : none,
      unit ? unit.grade : none,
      report ? report.date : '未述法',
      report ? lawReportFormLabels[report.form] : none,
      evaluation?.score ?? none,
      evaluation?.level ? lawReportLevelLabels[evaluation.level] : report ? '未评议' : none,
      exam ? (exam.score ?? '缺考') : '未参加考试',
      exam ? examOutcomeLabels[examOutcome(exam.score, exam.passMark)] : none,
      prePromotion.length ? prePromotion.map(examText).join('\n') : '无',
      studies.length,
      studies.length ? studies.map((s) => `${s.date} ${s.meetingName}：${s.laws.join('、')}`).join('\n') : '无',
    ];
  });
}
