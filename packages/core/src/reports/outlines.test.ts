import { describe, expect, it } from 'vitest';
import { addableSections, reportOutlines, sectionsProblem, withOptionalSection } from './outlines.ts';

const required = (type: keyof typeof reportOutlines) =>
  reportOutlines[type].sections.filter((s) => s.isRequired).map((s) => ({ key: s.key, heading: 'h', body: 'b' }));

describe('optional section 五、其他需要报告的情况', () => {
  it('the statutory outlines offer it; the judicial bureau summary does not', () => {
    expect(addableSections(reportOutlines.government, ['measures']).map((s) => s.key)).toEqual(['other']);
    expect(addableSections(reportOutlines.township, ['other'])).toEqual([]);
    expect(addableSections(reportOutlines.judicial_bureau, [])).toEqual([]);
  });

  it('is added after 下一年度主要安排 with its heading and a default body, once', () => {
    const sections = withOptionalSection(reportOutlines.government, required('government'), 'other', 2025);
    expect(sections.map((s) => s.key)).toEqual(['measures', 'shortcomings', 'first_responsible', 'next_year', 'other']);
    expect(sections.at(-1)).toMatchObject({ heading: '其他需要报告的情况', body: '无其他需要报告的情况。' });
    expect(withOptionalSection(reportOutlines.government, sections, 'other', 2025)).toHaveLength(5);
    expect(
      withOptionalSection(reportOutlines.judicial_bureau, required('judicial_bureau'), 'other', 2025),
    ).toHaveLength(3);
  });

  it('checks a report’s sections against its outline', () => {
    const gov = reportOutlines.government;
    const keys = ['measures', 'shortcomings', 'first_responsible', 'next_year'];
    expect(sectionsProblem(gov, keys, 2025)).toBeNull();
    expect(sectionsProblem(gov, [...keys, 'other'], 2025)).toBeNull();
    expect(sectionsProblem(gov, ['measures', 'shortcomings', 'next_year'], 2025)).toContain(
      '党政主要负责人履行推进法治建设第一责任人职责情况',
    );
    expect(sectionsProblem(gov, [...keys, 'other', 'other'], 2025)).toContain('两次');
    expect(sectionsProblem(gov, ['other', ...keys], 2025)).toContain('顺序');
    expect(sectionsProblem(gov, [...keys, 'appendix'], 2025)).toContain('没有该章节');
    expect(
      sectionsProblem(reportOutlines.judicial_bureau, ['measures', 'shortcomings', 'next_year', 'other'], 2025),
    ).toContain('司法局工作总结');
  });
});
