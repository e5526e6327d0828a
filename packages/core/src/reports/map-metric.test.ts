import { describe, expect, it } from 'vitest';
import { type MetricContext, mapMetric } from './map-metric.ts';

function context(before: string, unit: string | null, extra: Partial<MetricContext> = {}): MetricContext {
  return {
    before,
    after: '',
    sentence: before,
    previousSentence: '',
    unit,
    isComparison: false,
    isShare: false,
    ...extra,
  };
}

describe('mapMetric', () => {
  it.each([
    ['全区村(社区)调委会全年共调处各类纠纷', '件', 'mediation.cases'],
    ['调处纠纷', '起', 'mediation.cases'],
    ['配备专兼职人民调解员', '名', 'mediation.mediators'],
    ['完善基层人民调解组织', '个', 'mediation.committees'],
    ['调解成功率达', '%', 'mediation.success_rate'],
    ['人民调解协议涉及金额', '元', 'mediation.amount'],
    ['对区政府常务会议议题逐项开展合法性审查并出具意见', '份', 'legality_review.meeting_topics'],
    ['规范性文件合法性审查', '份', 'legality_review.normative_docs'],
    ['审查重大经济合同', '份', 'legality_review.contracts'],
    ['全年备案规范性文件', '件', 'normative_docs.filed'],
    ['共受理行政复议案件', '件', 'reconsideration.accepted'],
    ['行政机关负责人出庭应诉率', '%', 'litigation.head_appearance_rate'],
    ['为全区提供法律援助', '人次', 'legal_aid.services'],
    ['规范公共法律服务工作站', '个', 'pls.stations'],
    ['命名表彰区级法治示范点', '个', 'publicity.demo_sites'],
    ['全年累计接收社区矫正对象', '人', 'corrections.received'],
    ['区委专题研究依法治区工作', '次', 'leadership.special_studies'],
    ['组织召开协调小组会议', '次', 'leadership.committee_meetings'],
    ['牵头开展法治督查', '次', 'oversight.inspections'],
  ])('%s …%s → %s', (before, unit, metric) => {
    expect(mapMetric(context(before, unit)).metric).toBe(metric);
  });

  it('needs the business named nearby for a generic verb', () => {
    expect(mapMetric(context('办结', '件', { sentence: '全年受理行政复议案件5件,办结' })).metric).toBe(
      'reconsideration.concluded',
    );
    expect(mapMetric(context('办结', '件', { sentence: '共受理信访件3件,办结' })).metric).toBeNull();
    expect(mapMetric(context('其中维持', '件', { previousSentence: '全年受理行政复议案件5件,办结4件。' })).metric).toBe(
      'reconsideration.maintained',
    );
    expect(mapMetric(context('解除', '人', { sentence: '当年接收社区矫正对象87人,解除' })).metric).toBe(
      'corrections.released',
    );
  });

  it('does not take 驳回起诉 in litigation for a reconsideration rejection', () => {
    const sentence = '本年度办理行政应诉案件6件,其中法院裁定驳回起诉';
    expect(mapMetric(context('其中法院裁定驳回起诉', '件', { sentence })).metric).toBeNull();
  });

  it('reads the noun after the number', () => {
    expect(mapMetric(context('培养了', '名', { after: '懂法用法、在村里说得上话的“法律明白人”' })).metric).toBe(
      'pls.legal_literates',
    );
    expect(mapMetric(context('共就', '部', { after: '国家级、省级法律草案征询意见建议' })).metric).toBe(
      'consultation.drafts',
    );
  });

  it('rejects units that do not fit the metric', () => {
    expect(mapMetric(context('调解成功率达', '件')).metric).toBeNull();
    expect(mapMetric(context('共调处各类矛盾纠纷', '%')).metric).toBeNull();
    expect(mapMetric(context('召开', '个', { after: '协调小组会议' })).metric).toBeNull();
  });

  it('gives comparisons, shares and unknown phrases no metric', () => {
    expect(mapMetric(context('共调处各类矛盾纠纷', '件', { isComparison: true }))).toEqual({
      metric: null,
      confidence: 0,
      alias: null,
    });
    expect(mapMetric(context('占全年矛盾纠纷调解总数的', '%', { isShare: true })).metric).toBeNull();
    expect(mapMetric(context('展出优秀作品', '件')).metric).toBeNull();
  });

  it('lets a word in the clause rule a metric out', () => {
    expect(mapMetric(context('累计出具合法性审查意见书', '份')).metric).toBeNull();
    expect(
      mapMetric(context('组织', '名', { after: '行政执法人员参加', clause: '组织65名行政执法人员参加法律考试' }))
        .metric,
    ).toBeNull();
  });

  it('reports a confidence between 0 and 1, higher for nearer and longer aliases', () => {
    const near = mapMetric(context('调处各类矛盾纠纷', '件'));
    const far = mapMetric(context('调处各类矛盾纠纷的工作中,全年各级组织共完成', '件'));
    expect(near.confidence).toBeGreaterThan(far.confidence);
    expect(near.confidence).toBeLessThanOrEqual(1);
    expect(near.alias).toBe('调处各类矛盾纠纷');
  });
});
