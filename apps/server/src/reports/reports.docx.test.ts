import type { MetricKey } from '@fazhi/core/metrics/catalogue';
import { composeReport } from '@fazhi/core/reports/compose';
import { reportOutlines } from '@fazhi/core/reports/outlines';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocx } from './reports.docx.ts';

/** Opens the .docx like Word does (a zip of XML parts) and checks it against GB/T 9704-2012. */
let documentXml: string;
let settingsXml: string;
let stylesXml: string;
let footers: string[];

beforeAll(async () => {
  const figures = new Map<MetricKey, { value: number; previous: number | null; unit: string }>([
    ['plan.tasks', { value: 12, previous: 10, unit: '项' }],
    ['mediation.cases', { value: 230, previous: 200, unit: '件' }],
  ]);
  const content = composeReport({
    outline: reportOutlines.government,
    org: { id: 4, name: '昭化区', kind: 'county' },
    year: 2025,
    figures,
    closedTitles: ['推进依法行政'],
    overdueTitles: [],
    openTitles: [],
    openProblems: [],
    honours: [],
    today: '2026-02-20',
  });
  const data = await buildReportDocx(content, [{ name: '目标任务', unit: '项', value: 12, previous: 10 }]);
  const zip = await JSZip.loadAsync(data);
  documentXml = await zip.file('word/document.xml')!.async('string');
  settingsXml = await zip.file('word/settings.xml')!.async('string');
  stylesXml = await zip.file('word/styles.xml')!.async('string');
  footers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/footer\d+\.xml$/.test(name))
      .map((name) => zip.file(name)!.async('string')),
  );
});

const paragraphWith = (text: string) => {
  const match = documentXml.match(new RegExp(`<w:p>(?:(?!</w:p>).)*${text}(?:(?!</w:p>).)*</w:p>`));
  expect(match, text).not.toBeNull();
  return match![0];
};

describe('.docx per GB/T 9704-2012', () => {
  it('A4 with the standard margins, 22 lines a page and body characters fitted to 28 a line', () => {
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(documentXml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    // 28 × (16 pt − 0.25 pt) = 441 pt fits the 442.2 pt text block (11906 − 1588 − 1474 twips).
    expect(documentXml).toMatch(/<w:spacing w:val="-5"\/>/);
  });

  it('三号 仿宋_GB2312 by default, as East-Asian font', () => {
    expect(stylesXml).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/,
    );
  });

  it('title 二号 方正小标宋简体, centred', () => {
    const title = paragraphWith('昭化区2025年法治政府建设年度报告');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
  });

  it('level-1 headings in 黑体, level-2 in 楷体_GB2312, body in 仿宋_GB2312 三号', () => {
    for (const heading of [
      '一、2025年推进法治政府建设的主要举措和成效',
      '二、2025年推进法治政府建设存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2026年度推进法治政府建设的主要安排',
    ]) {
      const p = paragraphWith(heading);
      expect(p, heading).toContain('w:eastAsia="黑体"');
      expect(p).toContain('<w:sz w:val="32"/>');
    }
    const level2 = paragraphWith('（一）统筹推进法治建设。');
    expect(level2).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*?（一）统筹推进法治建设。/);
    expect(level2).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*?分解落实目标任务12项/);
    expect(paragraphWith('根据《党政主要负责人履行推进法治建设第一责任人职责规定》')).toContain('w:firstLine="640"');
  });

  it('signature and date right-aligned, the date four characters in', () => {
    expect(paragraphWith('昭化区人民政府')).toContain('<w:jc w:val="right"/>');
    const date = paragraphWith('2026年2月20日');
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('w:right="1280"');
  });

  it('a table of figures with a header row', () => {
    expect(documentXml).toContain('<w:tbl>');
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(paragraphWith('主要数据对照表')).toContain('w:eastAsia="黑体"');
  });

  it('page numbers "— 1 —" in 四号 宋体: odd pages right, even pages left', () => {
    expect(settingsXml).toContain('<w:evenAndOddHeaders/>');
    expect(documentXml).toMatch(/<w:footerReference w:type="default"/);
    expect(documentXml).toMatch(/<w:footerReference w:type="even"/);
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toContain('— ');
      expect(footer).toContain('PAGE');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(left|right)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });
});
