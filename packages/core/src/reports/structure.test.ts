import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStructure } from './structure.ts';

const seeds = new URL('../../../../../shared/seeds/', import.meta.url);
const readSeed = (name: string) => readFileSync(new URL(name, seeds), 'utf8');

const present = (text: string) =>
  Object.fromEntries(analyzeStructure(text).parts.map((part) => [part.part, part.present]));

describe('analyzeStructure on the seeds', () => {
  it('finds all four legal parts, the basis and the signature of the 游仙区 report (004)', () => {
    const text = readSeed('004_94ac708e86507105.txt');
    const structure = analyzeStructure(text);
    expect(present(text)).toEqual({
      measures: true,
      shortcomings: true,
      first_responsible: true,
      next_year: true,
      other: false,
    });
    expect(structure).toMatchObject({
      title: '绵阳市游仙区司法局2019年法治政府建设年度报告',
      year: 2019,
      hasBasis: true,
      basis: ['党政主要负责人履行推进法治建设第一责任人职责规定', '法治政府建设与责任落实督察工作规定'],
      signedBy: '绵阳市游仙区司法局',
      signedDate: '2020-03-09',
      missingParts: [],
    });
    const top = structure.sections.filter((section) => section.level === 1);
    expect(top.map((section) => section.marker)).toEqual(['一、', '二、', '三、', '四、']);
    expect(text.slice(top[0]!.start, top[0]!.headingEnd)).toBe('一、2019年度推进法治政府建设的主要举措和成效');
    // The last section stops above the signature.
    expect(text.slice(top[3]!.start, top[3]!.end)).not.toContain('绵阳市游仙区司法局');
    expect(text.slice(top[3]!.start, top[3]!.end).endsWith('护航乡村振兴。')).toBe(true);
    // Level-2 headings, including the one whose numeral the source lost: ()进一步提升…
    const underPlan = structure.sections.filter((section) => section.parent === structure.sections.indexOf(top[3]!));
    expect(underPlan).toHaveLength(6);
    expect(underPlan[2]!.title).toBe('进一步提升行政法律实务工作');
  });

  it('finds three parts and no first-responsible part, basis or signature in the 金宝新区 report (003)', () => {
    const structure = analyzeStructure(readSeed('003_577adbcf672b5a2c.txt'));
    expect(structure).toMatchObject({
      title: '关于2022年法治政府建设情况的报告',
      year: 2022,
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
    expect(structure.sections.filter((section) => section.level === 3)).toHaveLength(8);
  });

  it.each([['000_2a30dbc408160ceb.txt'], ['001_efdb13d810d4419c.txt'], ['002_8f9ec3dfbbf404ae.txt']])(
    'reports every required part missing in the news article %s',
    (file) => {
      const structure = analyzeStructure(readSeed(file));
      expect(structure.missingParts).toEqual(['measures', 'shortcomings', 'first_responsible', 'next_year']);
      expect(structure.hasBasis).toBe(false);
      expect(structure.signedDate).toBeNull();
    },
  );
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
