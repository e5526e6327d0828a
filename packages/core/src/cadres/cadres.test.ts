import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../shared/mask-personal-data.ts';
import { buildLawArchivePage, type LawArchiveInput } from './law-archive.ts';
import { examOutcome, type LawExam, lawExamSchema } from './law-exam.ts';
import { evaluateLawReport, type LawReport, lawReportSchema, levelOf } from './law-report.ts';
import { attendanceRate, type PreMeetingStudy, preMeetingStudySchema } from './pre-meeting-study.ts';

const study = (over: Partial<PreMeetingStudy> = {}): PreMeetingStudy =>
  preMeetingStudySchema.parse({
    orgId: 1,
    date: '2024-03-12',
    meetingKind: 'party_standing',
    meetingName: '区委常委会2024年第5次会议',
    laws: ['中华人民共和国行政复议法'],
    lecturer: '区司法局局长',
    expectedCount: 11,
    attendeeCount: 10,
    attendeeIds: [7],
    ...over,
  });

const report = (over: Partial<LawReport> = {}): LawReport =>
  lawReportSchema.parse({ cadreId: 7, year: 2024, form: 'on_site', date: '2024-12-20', summary: '述法报告', ...over });

const exam = (over: Partial<LawExam> = {}): LawExam =>
  lawExamSchema.parse({
    cadreId: 7,
    year: 2024,
    examName: '2024年度领导干部法治考核',
    date: '2024-11-02',
    score: 86,
    ...over,
  });

describe('会前学法', () => {
  it('parses a record and computes attendance', () => {
    expect(attendanceRate(study())).toBeCloseTo(10 / 11);
  });

  it('names the field in Chinese errors', () => {
    const issues = (input: object) =>
      preMeetingStudySchema.safeParse({ ...study(), ...input }).error?.issues.map((i) => i.message);
    expect(issues({ laws: [] })).toEqual(['请至少填写一部学习的法律法规']);
    expect(issues({ lecturer: ' ' })).toEqual(['请填写授课人']);
    expect(issues({ attendeeCount: 12 })).toEqual(['实到人数不能超过应到人数']);
    expect(issues({ meetingKind: 'x' })).toEqual(['请选择会议类型']);
    expect(issues({ attendeeIds: [7, 8, 7] })).toEqual(['参学人员名单中有重复人员']);
  });
});

describe('述法 评议', () => {
  it('maps the documented thresholds: ≥90 好, ≥80 较好, ≥60 一般, else 差', () => {
    expect([90, 89.99, 80, 79.99, 60, 59.99].map((s) => levelOf(s))).toEqual([
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
    ]);
  });

  it('averages a small panel as is and trims the extremes from five scores', () => {
    expect(evaluateLawReport({ panelScores: [88, 92] })).toMatchObject({ panelAverage: 90, level: 'excellent' });
    expect(evaluateLawReport({ panelScores: [40, 85, 86, 87, 100] })).toMatchObject({
      panelAverage: 86,
      level: 'good',
    });
  });

  it('survives float noise at a threshold', () => {
    expect(evaluateLawReport({ panelScores: [90.1, 89.9, 90] }).level).toBe('excellent');
  });

  it('uses survey satisfaction (满意 + 基本满意) alone, and weights it 30% with a panel', () => {
    const survey = { satisfied: 70, basicallySatisfied: 15, dissatisfied: 15 };
    expect(evaluateLawReport({ survey })).toMatchObject({ surveySatisfaction: 85, score: 85, level: 'good' });
    expect(evaluateLawReport({ panelScores: [95], survey })).toMatchObject({ score: 92, level: 'excellent' });
    expect(evaluateLawReport({})).toEqual({ panelAverage: null, surveySatisfaction: null, score: null, level: null });
    expect(evaluateLawReport({ survey: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 } }).level).toBeNull();
  });

  it('the score always stays within the panel scores’ range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }), (scores) => {
        const { score } = evaluateLawReport({ panelScores: scores });
        expect(score).toBeGreaterThanOrEqual(Math.min(...scores) - 0.01);
        expect(score).toBeLessThanOrEqual(Math.max(...scores) + 0.01);
      }),
    );
  });

  it('needs a report file or a summary, and a valid form', () => {
    const base = { cadreId: 7, year: 2024, form: 'written', date: '2024-12-20' };
    expect(lawReportSchema.safeParse(base).error?.issues.map((i) => i.message)).toEqual([
      '请上传述法报告或填写述法报告摘要',
    ]);
    expect(lawReportSchema.safeParse({ ...base, reportAttachmentId: 3 }).success).toBe(true);
    const badForm = lawReportSchema.safeParse({ ...base, form: 'video', summary: '摘要' });
    expect(badForm.error?.issues.map((i) => i.message)).toEqual(['请选择述法方式']);
  });
});

describe('法治考核', () => {
  it('passes at the configurable mark and treats a missing score as 缺考', () => {
    expect(examOutcome(60)).toBe('passed');
    expect(examOutcome(59.5)).toBe('failed');
    expect(examOutcome(65, 70)).toBe('failed');
    expect(examOutcome(null)).toBe('absent');
    expect(exam().passMark).toBe(60);
    expect(lawExamSchema.safeParse({ ...exam(), score: 101 }).error?.issues[0]?.message).toBe('考核成绩不能大于100');
  });
});

describe('法治档案', () => {
  const input: LawArchiveInput = {
    cadre: {
      id: 7,
      name: '王某',
      orgName: '某区人民政府',
      position: '区长',
      isPrincipal: true,
      idNumber: '510802199001011234',
      phone: '13812345678',
    },
    year: 2024,
    lawReports: [report({ panelScores: [92, 94] }), report({ year: 2023, date: '2023-12-20' })],
    exams: [exam({ score: null, date: '2024-10-01' }), exam({ score: 55 }), exam({ score: 86, date: '2024-12-01' })],
    studies: [study(), study({ date: '2024-01-05', attendeeIds: [8] }), study({ date: '2023-05-01' })],
    duties: [{ title: '主持研究法治建设重要事项', status: 'done', note: '全年4次' }],
    filedOn: '2024-12-31',
  };

  it('builds a complete “三个一” page with masked personal data', () => {
    const page = buildLawArchivePage(input);
    expect(page.threeOnes).toEqual({
      hasLawReport: true,
      hasExam: true,
      hasArchive: true,
      isComplete: true,
      missing: [],
    });
    expect(page.cadre.idNumber).toBe('5108**********1234');
    expect(page.cadre.phone).toBe('138****5678');
    expect(page.lawReport).toMatchObject({ date: '2024-12-20', formLabel: '现场述法', score: 93, levelLabel: '好' });
    expect(page.exam).toMatchObject({ score: 86, outcomeLabel: '合格' });
    expect(page.studies.map((s) => s.date)).toEqual(['2024-03-12']);
    expect(page.duties).toEqual([{ title: '主持研究法治建设重要事项', statusLabel: '已履行', note: '全年4次' }]);
  });

  it('reveals personal data only when asked', () => {
    expect(buildLawArchivePage(input, { revealPersonalData: true }).cadre.idNumber).toBe('510802199001011234');
  });

  it('lists what is missing: an absent exam does not count, an unfiled archive does not either', () => {
    const page = buildLawArchivePage({
      ...input,
      lawReports: [],
      exams: [exam({ score: null })],
      filedOn: null,
      cadre: { ...input.cadre, isPrincipal: false },
    });
    expect(page.threeOnes.isComplete).toBe(false);
    expect(page.threeOnes.missing).toEqual(['一次年度述法', '一次法治考核', '一份法治档案']);
    expect(page.exam?.outcomeLabel).toBe('缺考');
    expect(page.duties).toBeNull();
  });

  it('a failed exam still counts as held', () => {
    const page = buildLawArchivePage({ ...input, exams: [exam({ score: 40 })] });
    expect(page.threeOnes.hasExam).toBe(true);
    expect(page.exam?.outcomeLabel).toBe('不合格');
  });
});

describe('masking', () => {
  it('masks ID numbers keeping 4 + 4', () => {
    expect(maskIdNumber('510802199001011234')).toBe('5108**********1234');
    expect(maskIdNumber('51080219900101X')).toBe('5108*******101X');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('masks mobiles, +86 mobiles, landlines and anything else', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('+86 13812345678')).toBe('+86138****5678');
    expect(maskPhone('0760-88363148')).toBe('0760-****3148');
    expect(maskPhone('12348')).toBe('*2348');
  });

  it('never leaks the middle of an ID number and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe('**********');
      }),
    );
  });
});
