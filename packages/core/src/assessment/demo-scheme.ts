import type { Indicator, Rule, Scheme, Template } from './scheme.schemas.ts';

/*
 * A county scheme modelled on the common county design (seed 000: 立法/执法/司法/守法普法 + 组织领导,
 * "加法"/"减法"; seed 001: 依法行政、政务公开 each weigh more than 10%). Demo data, not policy.
 */

const branch = (id: string, name: string, points: number, children: Indicator[]): Indicator => ({
  id,
  name,
  points,
  children,
});
const leaf = (id: string, name: string, points: number, rule: Rule): Indicator => ({ id, name, points, rule });

const manual = (guidance: string, scaleMax?: number): Rule => ({
  kind: 'manual',
  guidance,
  ...(scaleMax ? { scaleMax } : {}),
});
const requirement = (text: string): Rule => ({ kind: 'requirement', requirement: text });
const rateShortfall = (
  metricKey: string,
  metricName: string,
  target: number,
  pointsPerStep: number,
  partialStep: 'ignore' | 'count_as_full' | 'proportional' = 'ignore',
): Rule => ({
  kind: 'metric',
  metricKey,
  metricName,
  unit: '%',
  target,
  direction: 'higher_is_better',
  step: 1,
  pointsPerStep,
  partialStep,
});
const ratio = (metricKey: string, metricName: string, target: number, unit: string): Rule => ({
  kind: 'metric_ratio',
  metricKey,
  metricName,
  unit,
  target,
});
const perOccurrence = (recordKind: string, recordName: string, pointsEach: number, cap?: number): Rule => ({
  kind: 'per_occurrence',
  recordKind,
  recordName,
  pointsEach,
  ...(cap ? { cap } : {}),
});
const veto = (recordKind: string, condition: string, capGrade: string): Rule => ({
  kind: 'veto',
  recordKind,
  condition,
  capGrade,
});

const closureRate = () => rateShortfall('plan.closure_rate', '年度目标任务销号率', 100, 0.5);
const rectificationRate = () => rateShortfall('oversight.rectification_rate', '督察发现问题整改率', 100, 1);
const satisfaction = () => rateShortfall('survey.satisfaction_rate', '法治建设群众满意度', 90, 1);
const headAppearance = () => rateShortfall('litigation.head_appearance_rate', '行政机关负责人出庭应诉率', 100, 0.5);
const majorIncidentVeto = () => veto('incident.major', '发生重大涉法涉诉群体性事件或因违法行政造成严重后果', '较差');
const seriousViolationVeto = () => veto('enforcement.serious_violation', '发生严重违法行政行为被上级通报批评', '一般');

const township: Template = {
  id: 'tpl-township',
  unitType: '乡镇街道',
  mode: 'points',
  totalPoints: 100,
  indicators: [
    branch('xz-1', '组织领导', 15, [
      leaf('xz-1-1', '党政主要负责人履行推进法治建设第一责任人职责', 4, manual('查阅述职述法材料、责任清单及履职记录')),
      leaf(
        'xz-1-2',
        '党委（党工委）专题研究法治建设',
        3,
        requirement('年内党委（党工委）会议专题研究法治建设工作不少于2次'),
      ),
      leaf('xz-1-3', '会前学法和年度述法', 3, requirement('落实会前学法制度，党政主要负责人年度述法全覆盖')),
      leaf('xz-1-4', '目标任务“1×3”销号管理', 5, closureRate()),
      leaf('xz-1-5', '重大涉法事件一票否决', 0, majorIncidentVeto()),
    ]),
    branch('xz-2', '立法', 5, [
      leaf('xz-2-1', '配合基层立法联系点征求意见', 3, ratio('consultation.opinions', '报送立法意见建议', 10, '条')),
      leaf('xz-2-2', '行政规范性文件备案', 2, requirement('行政规范性文件按规定报送备案，备案率达到100%')),
    ]),
    branch('xz-3', '执法', 35, [
      branch('xz-3-1', '依法行政', 15, [
        leaf('xz-3-1-1', '重大行政决策合法性审查', 4, requirement('重大行政决策、行政规范性文件合法性审查率达到100%')),
        leaf('xz-3-1-2', '行政机关负责人出庭应诉', 4, headAppearance()),
        leaf('xz-3-1-3', '行政诉讼败诉', 4, perOccurrence('litigation.lost', '行政诉讼败诉案件', 1, 4)),
        leaf('xz-3-1-4', '督察发现问题整改', 3, rectificationRate()),
      ]),
      branch('xz-3-2', '政务公开', 12, [
        leaf('xz-3-2-1', '政府信息主动公开', 5, manual('对照主动公开目录抽查公开内容的完整性和及时性', 10)),
        leaf('xz-3-2-2', '依申请公开答复', 4, perOccurrence('disclosure.overdue', '依申请公开逾期答复或被纠错', 1)),
        leaf(
          'xz-3-2-3',
          '“双公示”信息公开',
          3,
          rateShortfall('disclosure.timely_rate', '“双公示”信息公开及时率', 100, 0.5, 'count_as_full'),
        ),
      ]),
      branch('xz-3-3', '综合行政执法', 8, [
        leaf(
          'xz-3-3-1',
          '行政执法“三项制度”落实',
          4,
          requirement('全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度'),
        ),
        leaf('xz-3-3-2', '行政执法案卷评查', 4, manual('随机抽取执法案卷，按案卷评查标准评分', 100)),
        leaf('xz-3-3-3', '严重违法行政一票否决', 0, seriousViolationVeto()),
      ]),
    ]),
    branch('xz-4', '司法', 15, [
      leaf('xz-4-1', '人民调解', 5, rateShortfall('mediation.success_rate', '矛盾纠纷调解成功率', 98, 1)),
      leaf('xz-4-2', '法律援助', 4, ratio('legal_aid.cases', '法律援助案件', 20, '件')),
      leaf(
        'xz-4-3',
        '社区矫正',
        3,
        rateShortfall('corrections.location_rate', '社区矫正对象定位率', 100, 1, 'proportional'),
      ),
      // Read from the 民转刑 ledger (grassroots.civil_criminal_improper), not typed in: 3 points off per case.
      leaf('xz-4-4', '“民转刑”案件', 3, {
        kind: 'metric',
        metricKey: 'grassroots.civil_criminal_improper',
        metricName: '因调处不当引发“民转刑”案件',
        unit: '件',
        target: 0,
        direction: 'lower_is_better',
        step: 1,
        pointsPerStep: 3,
      }),
    ]),
    branch('xz-5', '守法普法', 15, [
      leaf('xz-5-1', '“法律七进”普法活动', 5, ratio('publicity.activities', '普法活动', 12, '场次')),
      leaf('xz-5-2', '“法律明白人”培养', 3, ratio('pls.legal_literates', '法律明白人', 30, '人')),
      leaf('xz-5-3', '一村（居）一法律顾问', 3, requirement('村（居）法律顾问实现全覆盖，服务记录完整')),
      leaf('xz-5-4', '法治文化阵地建设', 4, manual('实地核查法治文化广场、长廊、专栏、图书角等“五个载体”')),
    ]),
    branch('xz-6', '群众满意度', 15, [leaf('xz-6-1', '法治建设群众满意度测评', 15, satisfaction())]),
  ],
};

const enforcementDept: Template = {
  id: 'tpl-enforcement',
  unitType: '执法部门',
  mode: 'points',
  totalPoints: 100,
  indicators: [
    branch('zf-1', '组织领导', 15, [
      leaf('zf-1-1', '党政主要负责人履行推进法治建设第一责任人职责', 5, manual('查阅述职述法材料、责任清单及履职记录')),
      leaf('zf-1-2', '党组（党委）会前学法', 3, requirement('党组（党委）会议会前学法全年不少于4次')),
      leaf('zf-1-3', '目标任务“1×3”销号管理', 5, closureRate()),
      leaf('zf-1-4', '领导干部年度述法', 2, requirement('党政主要负责人年度述法并接受评议')),
      leaf('zf-1-5', '重大涉法事件一票否决', 0, majorIncidentVeto()),
    ]),
    branch('zf-2', '立法', 5, [
      leaf('zf-2-1', '立法征求意见反馈', 3, ratio('consultation.opinions', '反馈立法意见建议', 5, '条')),
      leaf('zf-2-2', '行政规范性文件合法性审查', 2, requirement('行政规范性文件全部经合法性审查并按规定备案')),
    ]),
    branch('zf-3', '执法', 45, [
      branch('zf-3-1', '依法行政', 15, [
        leaf('zf-3-1-1', '权责清单动态调整', 3, requirement('权责清单与“三定”规定衔接，年内完成动态调整')),
        leaf(
          'zf-3-1-2',
          '重大行政决策法定程序',
          4,
          requirement('重大行政决策履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序'),
        ),
        leaf('zf-3-1-3', '行政机关负责人出庭应诉', 4, headAppearance()),
        leaf('zf-3-1-4', '行政复议纠错', 4, perOccurrence('reconsideration.corrected', '行政复议被纠错案件', 1, 4)),
      ]),
      branch('zf-3-2', '政务公开', 12, [
        leaf('zf-3-2-1', '政府信息主动公开', 5, manual('对照主动公开目录抽查公开内容的完整性和及时性', 10)),
        leaf(
          'zf-3-2-2',
          '“双公示”信息公开',
          4,
          rateShortfall('disclosure.timely_rate', '“双公示”信息公开及时率', 100, 0.5, 'count_as_full'),
        ),
        leaf('zf-3-2-3', '依申请公开答复', 3, perOccurrence('disclosure.overdue', '依申请公开逾期答复或被纠错', 1)),
      ]),
      branch('zf-3-3', '行政执法规范化', 18, [
        leaf(
          'zf-3-3-1',
          '行政执法“三项制度”落实',
          4,
          requirement('全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度'),
        ),
        leaf('zf-3-3-2', '执法人员持证上岗', 4, rateShortfall('enforcement.certified_rate', '执法人员持证率', 100, 1)),
        leaf('zf-3-3-3', '行政执法案卷评查', 5, manual('随机抽取执法案卷，按案卷评查标准评分', 100)),
        leaf('zf-3-3-4', '督察发现问题整改', 5, rectificationRate()),
        leaf('zf-3-3-5', '严重违法行政一票否决', 0, seriousViolationVeto()),
      ]),
    ]),
    branch('zf-4', '司法', 10, [
      leaf('zf-4-1', '行政诉讼败诉', 5, perOccurrence('litigation.lost', '行政诉讼败诉案件', 2, 5)),
      leaf('zf-4-2', '行政调解与矛盾纠纷化解', 5, manual('查阅行政调解台账及化解成效')),
    ]),
    branch('zf-5', '守法普法', 15, [
      leaf('zf-5-1', '“谁执法谁普法”责任制', 4, requirement('制定普法责任清单并向社会公布，落实“谁执法谁普法”')),
      leaf('zf-5-2', '行业系统普法活动', 6, ratio('publicity.activities', '普法活动', 12, '场次')),
      leaf('zf-5-3', '以案释法', 5, manual('查阅典型案例发布及以案释法活动记录')),
    ]),
    branch('zf-6', '群众满意度', 10, [leaf('zf-6-1', '法治建设群众满意度测评', 10, satisfaction())]),
  ],
};

const nonEnforcementDept: Template = {
  id: 'tpl-non-enforcement',
  unitType: '非执法部门',
  mode: 'points',
  totalPoints: 100,
  indicators: [
    branch('fz-1', '组织领导', 20, [
      leaf('fz-1-1', '党政主要负责人履行推进法治建设第一责任人职责', 6, manual('查阅述职述法材料、责任清单及履职记录')),
      leaf('fz-1-2', '党组（党委）会前学法', 4, requirement('党组（党委）会议会前学法全年不少于4次')),
      leaf('fz-1-3', '目标任务“1×3”销号管理', 6, closureRate()),
      leaf('fz-1-4', '领导干部年度述法', 4, requirement('党政主要负责人年度述法并接受评议')),
      leaf('fz-1-5', '重大涉法事件一票否决', 0, majorIncidentVeto()),
    ]),
    branch('fz-2', '立法', 10, [
      leaf('fz-2-1', '立法征求意见反馈', 5, ratio('consultation.opinions', '反馈立法意见建议', 5, '条')),
      leaf('fz-2-2', '行政规范性文件备案', 5, requirement('行政规范性文件按规定报送备案，备案率达到100%')),
    ]),
    branch('fz-3', '执法', 30, [
      branch('fz-3-1', '依法行政', 15, [
        leaf('fz-3-1-1', '重大事项合法性审查', 5, requirement('党组（党委）会议议题、重大事项合法性审查率达到100%')),
        leaf('fz-3-1-2', '合同合法性审查', 5, requirement('以单位名义签订的合同全部经合法性审查')),
        leaf('fz-3-1-3', '督察发现问题整改', 5, rectificationRate()),
      ]),
      branch('fz-3-2', '政务公开', 15, [
        leaf('fz-3-2-1', '政府信息主动公开', 8, manual('对照主动公开目录抽查公开内容的完整性和及时性', 10)),
        leaf('fz-3-2-2', '依申请公开答复', 4, perOccurrence('disclosure.overdue', '依申请公开逾期答复或被纠错', 1)),
        leaf('fz-3-2-3', '政务公开专栏维护', 3, requirement('政务公开专栏按月更新，无空白栏目')),
      ]),
    ]),
    branch('fz-4', '司法', 10, [
      leaf('fz-4-1', '配合矛盾纠纷多元化解', 5, manual('查阅参与矛盾纠纷化解和法律援助协作记录')),
      leaf('fz-4-2', '涉诉案件败诉', 5, perOccurrence('litigation.lost', '行政诉讼败诉案件', 1)),
    ]),
    branch('fz-5', '守法普法', 20, [
      leaf('fz-5-1', '普法责任清单', 5, requirement('制定本单位普法责任清单和“应知应会”法律清单')),
      leaf('fz-5-2', '普法活动', 8, ratio('publicity.activities', '普法活动', 8, '场次')),
      leaf('fz-5-3', '法治机关建设', 7, manual('实地核查法治机关建设和干部学法用法情况')),
    ]),
    branch('fz-6', '群众满意度', 10, [leaf('fz-6-1', '法治建设群众满意度测评', 10, satisfaction())]),
  ],
};

const byLevel = (central: number, province: number, city: number, county: number) => ({
  中央: central,
  省: province,
  市: city,
  区: county,
});

/** The demo county's 2024 scheme; `year` lets seeds build other years. */
export function buildDemoScheme(year = 2024): Scheme {
  return {
    id: `scheme-demo-${year}`,
    year,
    version: 1,
    name: `${year}年度法治建设考核方案`,
    templates: structuredClone([township, enforcementDept, nonEnforcementDept]),
    bonus: {
      table: {
        通报表扬: byLevel(3, 2, 1, 0.5),
        经验交流: byLevel(3, 2, 1, 0.5),
        批示肯定: byLevel(3, 2, 1, 0.5),
        示范建设: byLevel(4, 3, 2, 1),
      },
      cap: 5,
      categoryCaps: { 示范建设: 4 },
      sameMatterHighestOnly: true,
    },
    deductions: {
      items: [
        { kind: '督查发现问题', level: '中央', points: 3 },
        { kind: '督查发现问题', level: '省', points: 2 },
        { kind: '督查发现问题', level: '市', points: 1 },
        { kind: '督查发现问题', level: '区', points: 0.5, cap: 3 },
        { kind: '党员干部违纪违法', points: 2, cap: 6 },
        { kind: '交办任务落实不力', level: '省', points: 1.5 },
        { kind: '交办任务落实不力', level: '市', points: 1 },
        { kind: '交办任务落实不力', level: '区', points: 0.5, cap: 2 },
        { kind: '法治建设工作被通报批评', level: '中央', points: 5 },
        { kind: '法治建设工作被通报批评', level: '省', points: 3 },
        { kind: '法治建设工作被通报批评', level: '市', points: 2 },
        { kind: '法治建设工作被通报批评', level: '区', points: 1 },
      ],
      cap: 10,
    },
    grading: {
      bands: [
        { grade: '优秀', minScore: 90 },
        { grade: '良好', minScore: 80 },
        { grade: '一般', minScore: 60 },
        { grade: '较差', minScore: 0 },
      ],
      quotas: [{ grade: '优秀', maxShare: 0.3 }],
      tieBreak: ['base_score_desc', 'deductions_asc'],
    },
    aggregation: { method: 'trimmed_mean', trimMinCount: 5 },
  };
}
