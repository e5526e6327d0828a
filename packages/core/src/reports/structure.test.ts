import { describe, expect, it } from 'vitest';
import { newsItem, threePartReport, traditionalItem } from './fixtures/sample-texts.ts';
import { sampleCountyReport } from './sample-report.ts';
import { analyzeStructure } from './structure.ts';

const present = (text: string) =>
  Object.fromEntries(analyzeStructure(text).parts.map((part) => [part.part, part.present]));

describe('analyzeStructure on the sample texts', () => {
  it('finds all four legal parts, the basis and the signature of the sample county report', () => {
    const text = sampleCountyReport(2024);
    const structure = analyzeStructure(text);
    expect(present(text)).toEqual({
      measures: true,
      shortcomings: true,
      first_responsible: true,
      next_year: true,
      other: false,
    });
    expect(structure).toMatchObject({
      title: '广元市利州区司法局2024年法治政府建设年度报告',
      year: 2024,
      hasBasis: true,
      basis: ['党政主要负责人履行推进法治建设第一责任人职责规定', '法治政府建设与责任落实督察工作规定'],
      signedBy: '广元市利州区司法局',
      signedDate: '2025-03-06',
      missingParts: [],
    });
    const top = structure.sections.filter((section) => section.level === 1);
    expect(top.map((section) => section.marker)).toEqual(['一、', '二、', '三、', '四、']);
    expect(text.slice(top[0]!.start, top[0]!.headingEnd)).toBe('一、2024年度推进法治政府建设的主要举措和成效');
    // The last section stops above the signature.
    expect(text.slice(top[3]!.start, top[3]!.end)).not.toContain('广元市利州区司法局');
    expect(text.slice(top[3]!.start, top[3]!.end).trimEnd().endsWith('提高法律援助案件办理质量。')).toBe(true);
    const underPlan = structure.sections.filter((section) => section.parent === structure.sections.indexOf(top[3]!));
    expect(underPlan.map((section) => section.title)).toEqual([
      '抓好统筹协调',
      '深化法治政府示范创建',
      '提升行政执法质效',
      '推进社区矫正规范化',
      '加强普法宣传教育',
      '完善公共法律服务体系',
    ]);
  });

  it('finds three parts and no first-responsible part, basis or signature in the three-part report', () => {
    const structure = analyzeStructure(threePartReport);
    expect(structure).toMatchObject({
      title: '关于2023年法治政府建设工作情况的报告',
      year: 2023,
      hasBasis: false,
      signedBy: null,
      signedDate: null,
      missingParts: ['first_responsible'],
    });
    const headings = Object.fromEntries(structure.parts.map((part) => [part.part, part.heading]));
    expect(headings).toEqual({
      measures: '法治政府建设主要举措',
      shortcomings: '法治政府建设工作存在不足',
      first_responsible: null,
      next_year: '下一步工作安排',
      other: null,
    });
    expect(structure.sections.filter((section) => section.level === 3)).toHaveLength(10);
  });

  it.each([
    ['the news item', newsItem],
    ['the Traditional-character item', traditionalItem],
  ])('reports every required part missing in %s', (_, text) => {
    const structure = analyzeStructure(text);
    expect(structure.missingParts).toEqual(['measures', 'shortcomings', 'first_responsible', 'next_year']);
    expect(structure.hasBasis).toBe(false);
    expect(structure.signedDate).toBeNull();
  });
});

describe('analyzeStructure on written reports', () => {
  const report = [
    '某某县司法局2024年法治政府建设年度报告',
    '',
    '根据《法治政府建设与责任落实督察工作规定》，现将2024年度法治政府建设情况报告如下：',
    '一、主要举措和成效',
    '（一）加强组织领导。全年召开委员会会议2次。',
    '二、存在的不足和原因',
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    '四、下一年度主要安排',
    '五、其他需要报告的情况',
    '',
    '某某县司法局',
    '二〇二五年三月一日',
  ].join('\n');

  it('reads full-width punctuation, all five parts and a Chinese-numeral date', () => {
    const structure = analyzeStructure(report);
    expect(structure.parts.every((part) => part.present)).toBe(true);
    expect(structure).toMatchObject({
      hasBasis: true,
      signedBy: '某某县司法局',
      signedDate: '2025-03-01',
      missingParts: [],
    });
    expect(structure.sections[1]).toMatchObject({ level: 2, marker: '(一)', title: '加强组织领导', parent: 0 });
  });

  it('reads 第一部分 headings and a signature on one line', () => {
    const text = ['第一部分 主要举措和成效', '正文。', '第二部分 存在的问题', '某某镇人民政府  2024年3月20日'].join(
      '\n',
    );
    const structure = analyzeStructure(text);
    expect(structure.sections.map((section) => [section.marker, section.part])).toEqual([
      ['第一部分', 'measures'],
      ['第二部分', 'shortcomings'],
    ]);
    expect(structure).toMatchObject({ signedBy: '某某镇人民政府', signedDate: '2024-03-20' });
  });

  it('copes with empty and heading-less text', () => {
    expect(analyzeStructure('')).toMatchObject({ sections: [], hasBasis: false, signedBy: null, title: null });
    expect(analyzeStructure('只有一段话。').missingParts).toHaveLength(4);
  });
});
