import { describe, expect, it } from 'vitest';
import { registryByKey } from '../metrics/definitions.ts';
import { type ComposeFigure, composeReport } from './compose.ts';
import { findFigureMismatches, findLiveFigures } from './figure-check.ts';
import { figurePhrase, type ReportFigureKey, statesZero } from './figure-phrases.ts';
import { type ReportType, reportOutlines } from './outlines.ts';
import { assembleReportText } from './report-text.ts';

/** A figure with the registry's unit, so a typo in a unit cannot pass. */
const f = (
  metric: ReportFigureKey,
  value: number | null,
  previous: number | null = null,
): [ReportFigureKey, ComposeFigure] => [metric, { value, previous, unit: registryByKey.get(metric)!.unit }];

/** Hand-written figures for the six areas (issue 18). */
const ledgerFigures = [
  f('disclosure.proactive', 312, 280),
  f('disclosure.dual', 148, 150),
  f('disclosure.timely_rate', 97.3, 95),
  f('disclosure.requests', 9, 9),
  f('disclosure.request_timely_rate', 100, null),
  f('disclosure.requests_corrected', 0, 1),
  f('grassroots.dispute_leads', 87, null),
  f('grassroots.disputes_resolved', 64, null),
  f('grassroots.dispute_resolution_rate', 73.56, null),
  f('grassroots.civil_criminal_cases', 0, 0),
  f('grassroots.civil_criminal_improper', 0, 0),
  f('petitions.received', 126, 140),
  f('petitions.concluded', 120, 138),
  f('petitions.on_time_rate', 95.2, 97.1),
  f('petitions.classified_rate', 100, 100),
  f('petitions.repeat', 11, 15),
  f('petitions.repeat_rate', 8.7, 10.7),
  f('grassroots.village_sages', 41, 35),
  f('grassroots.sage_coverage_rate', 62.5, null),
  f('grassroots.village_hosts', 28, null),
  f('grassroots.host_coverage_rate', 40, null),
  f('legal_services.practitioners', 86, 80),
  f('legal_services.institutions', 12, 12),
  f('legal_services.assessment_pass_rate', 98.9, null),
  f('legal_services.complaints', 5, 3),
  f('legal_services.complaint_on_time_rate', 80, 100),
  f('grassroots.released_received', 57, 60),
  f('grassroots.released_handover_rate', 100, 98.3),
  f('grassroots.released_help_rate', 96.5, null),
  f('grassroots.released_reoffended', 2, 0),
  f('grassroots.reoffending_rate', 3.51, null),
  f('grassroots.law_volunteers', 230, 180),
  f('grassroots.volunteer_coverage_rate', 87.5, 75),
];

const base = {
  org: { id: 4, name: '昭化区', kind: 'county' },
  year: 2024,
  closedTitles: [],
  overdueTitles: [],
  openTitles: [],
  openProblems: [],
  honours: [],
  today: '2025-02-20',
};
const compose = (figures: [ReportFigureKey, ComposeFigure][], type: ReportType = 'government') =>
  composeReport({ ...base, outline: reportOutlines[type], figures: new Map(figures) });
const measures = (figures: [ReportFigureKey, ComposeFigure][], type: ReportType = 'government') =>
  compose(figures, type)
    .sections.find((s) => s.key === 'measures')!
    .body.split('\n');

describe('the six later ledgers in the composed report', () => {
  const paragraphs = measures(ledgerFigures);

  it('政务公开 has its own paragraph after the supervision of administrative power', () => {
    expect(paragraphs).toContain(
      '（一）推进政务公开。坚持以公开为常态、不公开为例外，主动公开政府信息312条，较上年增加32条；' +
        '公示“双公示”信息148条，较上年减少2条，“双公示”信息公开及时率97.3%，较上年提高2.3个百分点；' +
        '办理政府信息公开申请9件，与上年持平，依申请公开按期答复率100.0%；' +
        '未发生依申请公开被复议或诉讼纠错，较上年减少1件。',
    );
  });

  it('矛盾纠纷排查, 民转刑 and 信访 are in the dispute-resolution paragraph', () => {
    expect(paragraphs).toContain(
      '（二）依法化解矛盾纠纷。坚持和发展新时代“枫桥经验”，' +
        '排查矛盾纠纷线索87条，已化解线索64条，排查矛盾纠纷化解率73.6%；' +
        '未发生“民转刑”案件；' +
        '受理信访事项126件，较上年减少14件，办结信访事项120件，较上年减少18件，信访事项按期办结率95.2%，较上年下降1.9个百分点；' +
        '信访事项依法分类处理率100.0%，与上年持平；' +
        '重复信访11件，较上年减少4件，重复信访率8.7%，较上年下降2.0个百分点。',
    );
  });

  it('乡贤, 农村知客, legal-service supervision and 安置帮教 are in the public legal services paragraph', () => {
    expect(paragraphs).toContain(
      '（三）完善公共法律服务体系。推进公共法律服务实体、热线、网络平台融合，' +
        '在册乡贤41人，较上年增加6人，乡贤村（社区）覆盖率62.5%；' +
        '在册农村知客28人，农村知客村（社区）覆盖率40.0%；' +
        '监管执业法律服务人员86人，较上年增加6人，监管执业法律服务机构12个，与上年持平，法律服务年度考核合格率98.9%；' +
        '受理法律服务投诉5件，较上年增加2件，法律服务投诉按期办结率80.0%，较上年下降20.0个百分点；' +
        '接收刑满释放人员57人，较上年减少3人，刑满释放人员衔接率100.0%，较上年提高1.7个百分点，刑满释放人员帮教率96.5%；' +
        '刑满释放人员重新违法犯罪2人，刑满释放人员重新犯罪率3.5%。',
    );
  });

  it('普法志愿者 are in the legal publicity paragraph', () => {
    expect(paragraphs).toContain(
      '（四）深入开展法治宣传教育。落实“谁执法谁普法”普法责任制，' +
        '在册普法志愿者230人，较上年增加50人，普法志愿者村（社区）覆盖率87.5%，较上年提高12.5个百分点。',
    );
  });

  it('records every stated figure as a live slot the mismatch check agrees with', () => {
    const content = compose(ledgerFigures);
    const { text } = assembleReportText(content);
    const stated = ledgerFigures.filter(([m, x]) => x.value !== 0 || statesZero(m)).map(([m]) => m);
    expect(content.slots.map((s) => s.metric).sort()).toEqual(
      stated.filter((m) => m !== 'grassroots.civil_criminal_improper').sort(),
    );
    expect(findLiveFigures(text, content.slots)).toHaveLength(content.slots.length);
    const ledger = ledgerFigures.map(([metric, x]) => ({ metric, value: x.value!, unit: x.unit }));
    expect(findFigureMismatches(text, ledger)).toEqual([]);
    // A hand-typed 重复信访率 that disagrees is flagged where it stands.
    const edited = text.replace('重复信访率8.7%', '重复信访率5.0%');
    expect(findFigureMismatches(edited, ledger)).toMatchObject([
      { metric: 'petitions.repeat_rate', stated: 5, ledger: 8.7, text: '重复信访率5.0%' },
    ]);
  });

  it('absent figures write no sentence: the 政务公开 paragraph is dropped and the others keep only their old figures', () => {
    const none = ledgerFigures.map(([m, x]): [ReportFigureKey, ComposeFigure] => [m, { ...x, value: null }]);
    const content = compose([...none, f('mediation.cases', 230, null), f('pls.stations', 9, null)]);
    const body = content.sections.find((s) => s.key === 'measures')!.body;
    expect(body).toBe(
      '（一）依法化解矛盾纠纷。坚持和发展新时代“枫桥经验”，调解矛盾纠纷230件。\n' +
        '（二）完善公共法律服务体系。推进公共法律服务实体、热线、网络平台融合，建成公共法律服务工作站9个。',
    );
    expect(content.slots.map((s) => s.metric)).toEqual(['mediation.cases', 'pls.stations']);
    expect(compose([]).sections.find((s) => s.key === 'measures')!.body).toBe('');
  });

  it('a zero is stated only for a lower-is-better count; other zeros are left out', () => {
    const body = measures([
      f('grassroots.released_received', 0, 12),
      f('grassroots.released_reoffended', 0, null),
      f('grassroots.reoffending_rate', 0, null),
      f('legal_services.complaints', 0, null),
      f('petitions.repeat', 0, 2),
      f('petitions.received', 40, null),
    ]).join('\n');
    expect(body).toBe(
      '（一）依法化解矛盾纠纷。坚持和发展新时代“枫桥经验”，受理信访事项40件；未发生重复信访，较上年减少2件。\n' +
        '（二）完善公共法律服务体系。推进公共法律服务实体、热线、网络平台融合，未收到法律服务投诉；刑满释放人员未发生重新违法犯罪。',
    );
    for (const metric of ['grassroots.released_reoffended', 'legal_services.complaints', 'petitions.repeat'] as const) {
      expect(registryByKey.get(metric)!.polarity, metric).toBe('lower');
      expect(statesZero(metric)).toBe(true);
    }
    expect(statesZero('grassroots.reoffending_rate')).toBe(false);
    expect(statesZero('grassroots.released_received')).toBe(false);
    expect(figurePhrase('grassroots.civil_criminal_cases', 0)).toBe('未发生“民转刑”案件');
    expect(figurePhrase('grassroots.civil_criminal_cases', 3)).toBe('发生“民转刑”案件3件');
  });

  it('民转刑 cases are stated with those caused by improper mediation when there are any', () => {
    const body = measures([f('grassroots.civil_criminal_cases', 3, 1), f('grassroots.civil_criminal_improper', 1, 0)]);
    expect(body).toEqual([
      '（一）依法化解矛盾纠纷。坚持和发展新时代“枫桥经验”，发生“民转刑”案件3件，较上年增加2件，其中因调处不当引发1件。',
    ]);
  });

  it('a running year compares with the same days of last year', () => {
    const body = measures([['petitions.received', { value: 50, previous: 45, unit: '件', basis: '上年同期' }]]);
    expect(body).toEqual(['（一）依法化解矛盾纠纷。坚持和发展新时代“枫桥经验”，受理信访事项50件，较上年同期增加5件。']);
  });

  it('a judicial bureau’s report has no 政务公开 paragraph but keeps the legal-service and 安置帮教 figures', () => {
    const body = measures(ledgerFigures, 'judicial_bureau').join('\n');
    expect(body).not.toContain('推进政务公开');
    expect(body).not.toContain('主动公开政府信息');
    expect(body).toContain('监管执业法律服务人员86人');
    expect(body).toContain('接收刑满释放人员57人');
  });
});
