import { describe, expect, it } from 'vitest';
import { checkCompliance } from './compliance.ts';
import { reportDeadlineStatus, reportDeadlines } from './deadlines.ts';
import { findFigureMismatches, findLiveFigures } from './figure-check.ts';
import { threePartReport } from './fixtures/sample-texts.ts';
import { reportOutlines } from './outlines.ts';
import { assembleReportText, chineseDate, splitRunInHeading } from './report-text.ts';
import { sampleCountyReport } from './sample-report.ts';
import { analyzeStructure } from './structure.ts';

const composed = (type: keyof typeof reportOutlines) => {
  const outline = reportOutlines[type];
  return assembleReportText({
    title: outline.title('昭化区', 2024),
    preamble: outline.preamble('昭化区', 2024),
    sections: outline.sections.map((s) => ({
      key: s.key,
      heading: s.heading(2024),
      body: '（一）统筹推进。全年调解矛盾纠纷12件。',
    })),
    signedBy: '昭化区人民政府',
    signedDate: '2025-02-20',
  });
};

describe('outlines read back as the legal structure', () => {
  it.each(Object.keys(reportOutlines) as (keyof typeof reportOutlines)[])('%s', (type) => {
    const structure = analyzeStructure(composed(type).text);
    const outline = reportOutlines[type];
    expect(structure.title).toBe(outline.title('昭化区', 2024));
    for (const section of outline.sections) {
      expect(structure.parts.find((p) => p.part === section.part)?.present, section.key).toBe(true);
    }
    expect(structure.signedBy).toBe('昭化区人民政府');
    expect(structure.signedDate).toBe('2025-02-20');
    if (outline.isStatutory) expect(structure.basis).toHaveLength(2);
  });

  it('assembled sections know where their bodies are', () => {
    const { text, sections } = composed('government');
    expect(sections).toHaveLength(5);
    expect(text.slice(sections[0]!.bodyStart, sections[0]!.bodyEnd)).toBe('（一）统筹推进。全年调解矛盾纠纷12件。');
    expect(chineseDate('2025-02-05')).toBe('2025年2月5日');
  });

  it('splits a run-in level-2 heading from its paragraph', () => {
    expect(splitRunInHeading('（一）统筹推进。全年调解12件。')).toEqual({
      heading: '（一）统筹推进。',
      rest: '全年调解12件。',
    });
    expect(splitRunInHeading('全年调解12件。').heading).toBeNull();
  });
});

describe('compliance checklist', () => {
  it('the sample county report has every part, its basis, signature and date', () => {
    const report = checkCompliance({ text: sampleCountyReport(2024) });
    expect(report.items.filter((i) => i.status !== 'ok')).toEqual([]);
    expect(report.items.map((i) => i.key)).toEqual(
      expect.arrayContaining(['part.measures', 'part.first_responsible', 'basis', 'signed', 'dated']),
    );
  });

  it('the three-part report misses the first-responsible part, the basis and the signature — each with an action', () => {
    const report = checkCompliance({ text: threePartReport });
    const missing = report.items.filter((i) => i.status === 'missing');
    expect(missing.map((i) => i.key)).toEqual(['part.first_responsible', 'basis', 'signed', 'dated']);
    for (const m of missing) expect(m.action).toBeTruthy();
  });

  it('deadlines and ledger mismatches become checklist lines', () => {
    const { text } = composed('government');
    const mismatches = findFigureMismatches(text, [{ metric: 'mediation.cases', value: 15, unit: '件' }]);
    expect(mismatches).toHaveLength(5);
    expect(mismatches[0]).toMatchObject({ stated: 12, ledger: 15, text: '全年调解矛盾纠纷12件' });
    const report = checkCompliance({
      text,
      outline: reportOutlines.government,
      deadlines: reportDeadlineStatus(reportDeadlines('government', 2024), 2024, null, null, '2025-03-05'),
      mismatches,
    });
    expect(report.items.find((i) => i.key === 'submitted')).toMatchObject({ status: 'missing' });
    expect(report.items.filter((i) => i.key.startsWith('figure.'))[0]).toMatchObject({ status: 'warning' });
    expect(findFigureMismatches(text, [{ metric: 'mediation.cases', value: 12, unit: '件' }])).toEqual([]);
  });

  it('approximate figures agree within their marker; live figures are found by their phrase', () => {
    const text = '全年调解矛盾纠纷约120件，办理法律援助案件300余件。';
    const ledger = [
      { metric: 'mediation.cases' as const, value: 118, unit: '件' },
      { metric: 'legal_aid.cases' as const, value: 280, unit: '件' },
    ];
    expect(findFigureMismatches(text, ledger).map((m) => m.metric)).toEqual(['legal_aid.cases']);
    const live = findLiveFigures(text, [
      {
        id: 's1',
        section: 'measures',
        metric: 'mediation.cases',
        orgId: 1,
        period: '2024',
        value: 120,
        unit: '件',
        previous: null,
        phrase: '调解矛盾纠纷约120件',
      },
    ]);
    expect(live).toEqual([{ slotId: 's1', metric: 'mediation.cases', start: 2, end: 13, value: 120 }]);
  });
});
