import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../metrics/catalogue.ts';
import { checkCompliance } from './compliance.ts';
import { composeReport } from './compose.ts';
import { findFigureMismatches, findLiveFigures } from './figure-check.ts';
import { reportOutlines } from './outlines.ts';
import { assembleReportText } from './report-text.ts';

const figures = new Map<MetricKey, { value: number | null; previous: number | null; unit: string }>([
  ['plan.tasks', { value: 12, previous: 10, unit: '项' }],
  ['plan.closed', { value: 9, previous: 10, unit: '项' }],
  ['plan.closure_rate', { value: 75, previous: 100, unit: '%' }],
  ['mediation.cases', { value: 230, previous: null, unit: '件' }],
  ['mediation.amount', { value: 35.5, previous: 30, unit: '万元' }],
  ['legal_aid.cases', { value: 0, previous: 4, unit: '件' }],
  ['reconsideration.received', { value: null, previous: 3, unit: '件' }],
]);

const input = {
  outline: reportOutlines.government,
  org: { id: 4, name: '昭化区', kind: 'county' },
  year: 2024,
  figures,
  closedTitles: ['推进依法行政'],
  overdueTitles: ['建设法治文化阵地'],
  openTitles: ['建设法治文化阵地'],
  openProblems: [{ title: '执法案卷不规范' }],
  honours: [{ title: '全省法治宣传教育先进集体', level: 'province', authority: '四川省司法厅' }],
  today: '2025-02-20',
};

describe('composing a report', () => {
  const content = composeReport(input);
  const { text } = assembleReportText(content);

  it('follows the legal outline, cites the basis, is signed and dated', () => {
    expect(content.title).toBe('昭化区2024年法治政府建设年度报告');
    expect(content.signedBy).toBe('昭化区人民政府');
    const report = checkCompliance({ text, outline: reportOutlines.government });
    expect(report.items.filter((i) => i.status !== 'ok')).toEqual([]);
  });

  it('writes each figure with last year’s change and records it as a slot; skips empty ones', () => {
    expect(text).toContain('分解落实目标任务12项，较上年增加2项');
    expect(text).toContain('目标任务销号率75%，较上年下降25个百分点');
    expect(text).toContain('人民调解协议涉及金额35.5万元');
    expect(content.slots.map((s) => s.metric)).toEqual([
      'plan.tasks',
      'plan.closed',
      'plan.closure_rate',
      'mediation.cases',
      'mediation.amount',
    ]);
    expect(content.slots[0]).toMatchObject({ orgId: 4, period: '2024', value: 12, previous: 10, section: 'measures' });
    expect(text).not.toContain('法律援助案件');
  });

  it('names tasks, problems and honours in words', () => {
    expect(text).toContain('“推进依法行政”');
    expect(text).toContain('“执法案卷不规范”等问题正在整改');
    expect(text).toContain('省级“全省法治宣传教育先进集体”');
  });

  it('every composed figure is live and agrees with the ledgers it came from', () => {
    expect(findLiveFigures(text, content.slots)).toHaveLength(content.slots.length);
    const ledger = content.slots.map((s) => ({ metric: s.metric, value: s.value, unit: s.unit }));
    expect(findFigureMismatches(text, ledger)).toEqual([]);
    const edited = text.replace('调解矛盾纠纷230件', '调解矛盾纠纷260件');
    expect(findLiveFigures(edited, content.slots)).toHaveLength(content.slots.length - 1);
    expect(findFigureMismatches(edited, ledger)).toMatchObject([
      { metric: 'mediation.cases', stated: 260, ledger: 230 },
    ]);
  });

  it('each report type composes its own outline', () => {
    for (const outline of Object.values(reportOutlines)) {
      const other = composeReport({ ...input, outline });
      expect(other.sections.map((s) => s.key)).toEqual(outline.sections.filter((s) => s.isRequired).map((s) => s.key));
    }
  });
});
