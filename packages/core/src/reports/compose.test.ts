import { describe, expect, it } from 'vitest';
import { checkCompliance } from './compliance.ts';
import { composeReport } from './compose.ts';
import { findFigureMismatches, findLiveFigures } from './figure-check.ts';
import type { ReportFigureKey } from './figure-phrases.ts';
import { reportOutlines } from './outlines.ts';
import { assembleReportText } from './report-text.ts';

const figures = new Map<ReportFigureKey, { value: number | null; previous: number | null; unit: string }>([
  ['plan.tasks', { value: 12, previous: 10, unit: '项' }],
  ['plan.closed', { value: 9, previous: 10, unit: '项' }],
  ['plan.closure_rate', { value: 75, previous: 100, unit: '%' }],
  ['mediation.cases', { value: 230, previous: null, unit: '件' }],
  ['mediation.amount', { value: 35.5, previous: 30, unit: '万元' }],
  ['legal_aid.cases', { value: 0, previous: 4, unit: '件' }],
  ['reconsideration.received', { value: null, previous: 3, unit: '件' }],
  ['grassroots.liaison_due', { value: 48, previous: 40, unit: '次' }],
  ['grassroots.liaison_done', { value: 45, previous: 40, unit: '次' }],
  ['grassroots.liaison_rate', { value: 93.8, previous: 100, unit: '%' }],
  ['grassroots.adviser_villages', { value: 30, previous: null, unit: '个' }],
  ['grassroots.adviser_coverage_rate', { value: 100, previous: null, unit: '%' }],
  // No 村（社区） under the org: the coverage rate has no denominator and must not be written.
  ['grassroots.reasoning_points', { value: 6, previous: 0, unit: '个' }],
  ['grassroots.reasoning_coverage_rate', { value: null, previous: null, unit: '%' }],
  ['legal_aid.stations', { value: 12, previous: 12, unit: '个' }],
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
    expect(text).toContain('目标任务销号率75.0%，较上年下降25.0个百分点');
    expect(text).toContain('人民调解协议涉及金额35.5万元');
    expect(content.slots.map((s) => s.metric)).toEqual([
      'plan.tasks',
      'plan.closed',
      'plan.closure_rate',
      'grassroots.liaison_due',
      'grassroots.liaison_done',
      'grassroots.liaison_rate',
      'grassroots.adviser_villages',
      'grassroots.adviser_coverage_rate',
      'grassroots.reasoning_points',
      'legal_aid.stations',
      'mediation.cases',
      'mediation.amount',
    ]);
    expect(content.slots[0]).toMatchObject({ orgId: 4, period: '2024', value: 12, previous: 10, section: 'measures' });
    expect(text).not.toContain('法律援助案件');
  });

  it('writes the grass-roots paragraph from the registry figures, skipping a rate without a denominator', () => {
    const measures = content.sections.find((s) => s.key === 'measures')!.body;
    const paragraph = measures.split('\n').find((p) => p.includes('夯实基层法治基础'))!;
    expect(paragraph).toBe(
      '（二）夯实基层法治基础。坚持抓基层、打基础，' +
        '挂点联系应走访48次，较上年增加8次，实际走访45次，较上年增加5次，' +
        '挂点联系走访完成率93.8%，较上年下降6.2个百分点；' +
        '签订法律顾问合同的村（社区）30个，“一村（居）一法律顾问”覆盖率100.0%；' +
        '建成居民评理说事点6个；设立法律援助工作站12个，与上年持平。',
    );
    expect(paragraph).not.toContain('评理说事点覆盖率');
    expect(measures).toContain('（三）依法化解矛盾纠纷。');
  });

  it('the grass-roots paragraph is in government and township reports only, and absent without figures', () => {
    const township = assembleReportText(composeReport({ ...input, outline: reportOutlines.township })).text;
    expect(township).toContain('夯实基层法治基础。坚持抓基层、打基础，挂点联系应走访48次');
    for (const type of ['department', 'judicial_bureau'] as const) {
      const other = assembleReportText(composeReport({ ...input, outline: reportOutlines[type] })).text;
      expect(other, type).not.toContain('夯实基层法治基础');
    }
    const withoutGrassroots = new Map(
      [...figures].filter(([k]) => !k.startsWith('grassroots.') && k !== 'legal_aid.stations'),
    );
    const bare = assembleReportText(composeReport({ ...input, figures: withoutGrassroots })).text;
    expect(bare).not.toContain('夯实基层法治基础');
  });

  it('a typed grass-roots figure that disagrees with the ledgers is found; the composed one agrees', () => {
    const ledger = content.slots.map((s) => ({ metric: s.metric, value: s.value, unit: s.unit }));
    const edited = text
      .replace('挂点联系走访完成率93.8%', '挂点联系走访完成率98.0%')
      .replace('实际走访45次', '实际走访47次');
    expect(findFigureMismatches(edited, ledger)).toMatchObject([
      { metric: 'grassroots.liaison_done', stated: 47, ledger: 45, metricName: '挂点联系已走访次数' },
      { metric: 'grassroots.liaison_rate', stated: 98, ledger: 93.8 },
    ]);
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
