import { describe, expect, it } from 'vitest';
import { buildResultsExport, resultsExportColumns } from './results-export.ts';

const cadre = (id: number, orgId: number, isPrincipal = true) => ({
  id,
  orgId,
  orgName: `单位${orgId}`,
  name: `干部${id}`,
  position: isPrincipal ? '局长' : '副局长',
  isPrincipal,
});

describe('buildResultsExport', () => {
  it('puts each record in its column, the unit result by org, the best yearly exam and the 任前考法 in the order sat', () => {
    const rows = buildResultsExport({
      cadres: [cadre(1, 10), cadre(2, 11, false)],
      unitResults: new Map([
        [10, { roundName: '2025年度考核', total: 91.5, placing: '执法部门组第1名', grade: '优秀' }],
      ]),
      lawReports: [{ cadreId: 1, form: 'on_site', date: '2025-12-01', panelScores: [80, 90, 100], survey: null }],
      exams: [
        { cadreId: 1, kind: 'annual', examName: '年度考试', date: '2025-10-01', score: null, passMark: 60 },
        { cadreId: 1, kind: 'annual', examName: '补考', date: '2025-11-01', score: 59, passMark: 60 },
        { cadreId: 2, kind: 'pre_promotion', examName: '任前考试', date: '2025-06-01', score: 70, passMark: 60 },
        { cadreId: 2, kind: 'pre_promotion', examName: '任前考试', date: '2025-03-01', score: null, passMark: 60 },
      ],
      studies: [
        { date: '2025-05-01', meetingName: '常委会', laws: ['甲法', '乙法'], attendeeIds: [1, 3] },
        { date: '2025-02-01', meetingName: '常务会', laws: ['丙法'], attendeeIds: [1] },
      ],
    });
    expect(rows[0]!.length).toBe(resultsExportColumns.length);
    expect(rows[0]).toEqual([
      1,
      '干部1',
      '单位10',
      '局长',
      '是',
      '2025年度考核',
      91.5,
      '执法部门组第1名',
      '优秀',
      '2025-12-01',
      '现场述法',
      90,
      '好',
      59,
      '不合格',
      '无',
      2,
      '2025-02-01 常务会：丙法\n2025-05-01 常委会：甲法、乙法',
    ]);
    expect(rows[1]).toEqual([
      2,
      '干部2',
      '单位11',
      '副局长',
      '否',
      '未参加考核或结果未公示',
      '—',
      '—',
      '—',
      '未述法',
      '—',
      '—',
      '—',
      '未参加考试',
      '—',
      '2025-03-01 任前考试，缺考\n2025-06-01 任前考试，70分，合格',
      0,
      '无',
    ]);
  });
});
