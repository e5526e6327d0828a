import { describe, expect, it } from 'vitest';
import { extractFigures, phraseBefore } from './extract-figures.ts';

/** The key extraction gives the figure whose quantity is written `quantity` in `text`. */
function keyOf(text: string, quantity: string): string | null | undefined {
  const at = text.indexOf(quantity);
  if (at < 0) throw new Error(`${quantity} is not in the text`);
  const figure = extractFigures(text).find((f) => f.quantityStart < at + quantity.length && f.quantityEnd > at);
  return figure === undefined ? undefined : figure.metric;
}

// One test per rule of map-metric-rules.ts and per kind of failure met in eval/extraction/dev; the sentences are
// written for these tests in the shapes of that corpus.
describe('metric rules from the evaluation corpus', () => {
  it('coordination: the neighbour of a reviewed 规范性文件 is reviewed, not a decision made', () => {
    const text = '全年审查规范性文件18件和重大行政决策5件，审查行政合同126件。';
    expect(keyOf(text, '18件')).toBe('legality_review.normative_docs');
    expect(keyOf(text, '5件')).toBeNull();
    expect(keyOf(text, '126件')).toBe('legality_review.contracts');
    expect(keyOf('全年作出重大行政决策7件，组织听证会2场。', '7件')).toBe('major_decisions.total');
  });

  it('counted noun: places named right after the number are what it counts, not the committees later', () => {
    expect(keyOf('镇辖19个村（社区）全部建立人民调解委员会。', '19个')).toBeNull();
    expect(keyOf('为1.1萬個村（社區）調委會選聘人民調解員5.9萬名。', '1.1萬個')).toBeNull();
  });

  it('role verb: people named after the number count as the role they take (担任村法律顾问)', () => {
    expect(keyOf('选聘2700余名律师、基层法律服务工作者担任村（社区）法律顾问。', '2700余名')).toBe(
      'pls.village_advisers',
    );
  });

  it('awards: people or places that won something are not counted as mediators, committees or sites', () => {
    expect(keyOf('镇调委会3名调解员获评市级“金牌调解员”。', '3名')).toBeNull();
    expect(keyOf('1个调委会被评为省级优秀人民调解委员会。', '1个')).toBeNull();
    expect(keyOf('1个村被命名为全国民主法治示范村。', '1个')).toBeNull();
  });

  it('breakdown: a part never reports its total’s metric', () => {
    const text = '全省共有人民调解组织31837个，其中村（社区）调委会26604个，乡镇（街道）调委会1629个。';
    expect(keyOf(text, '31837个')).toBe('mediation.committees');
    expect(keyOf(text, '26604个')).toBeNull();
    expect(keyOf(text, '1629个')).toBeNull();
    const cases = '办理法律援助案件612件，其中刑事案件287件。';
    expect(keyOf(cases, '287件')).toBeNull();
  });

  it('breakdown: parts with their own key keep it (其中维持…、驳回…)', () => {
    const text = '全年收到行政复议申请87件，受理79件，审结74件。其中维持41件、驳回12件。';
    expect(keyOf(text, '41件')).toBe('reconsideration.maintained');
    expect(keyOf(text, '12件')).toBe('reconsideration.rejected');
  });

  it('sample: 抽查 counts are not the total reviewed', () => {
    expect(keyOf('组织行政执法案卷评查，从31个执法部门抽查案卷186件。', '186件')).toBeNull();
  });

  it('inclusion: a figure inside (含…) is a part of the one before the bracket', () => {
    const text = '全国人民调解组织调解各类矛盾纠纷1494万件（含人民法院委派委托调解成功675万件）。';
    expect(keyOf(text, '1494万件')).toBe('mediation.cases');
    expect(keyOf(text, '675万件')).toBeNull();
  });

  it('new ones: a count of newly hired or built is not the stock', () => {
    const text = '2021年以来新聘专职人民调解员664名，调解员队伍增至4147名。';
    expect(keyOf(text, '664名')).toBeNull();
    expect(keyOf(text, '4147名')).toBe('mediation.mediators');
  });

  it('复议 verbs: the verb before the number decides, whatever noun follows', () => {
    const text = '区政府收到行政复议申请412件，依法受理368件，全年共审结行政复议申请351件。';
    expect(keyOf(text, '412件')).toBe('reconsideration.received');
    expect(keyOf(text, '368件')).toBe('reconsideration.accepted');
    expect(keyOf(text, '351件')).toBe('reconsideration.concluded');
    expect(keyOf('2023年全国新收行政复议案件31.5万件。', '31.5万件')).toBe('reconsideration.accepted');
    expect(keyOf('县司法局办理行政复议案件63件，办结54件。', '63件')).toBe('reconsideration.accepted');
    expect(keyOf('一季度新收行政复议申请846件，受理781件。', '846件')).toBe('reconsideration.received');
  });

  it('复议 settled: 调解/和解 in the phrase wins over the closing verb', () => {
    expect(keyOf('行政复议机构通过调解、和解方式结案3.7万件。', '3.7万件')).toBe('reconsideration.settled');
    expect(keyOf('办理行政复议案件63件，其中调解终止19件。', '19件')).toBe('reconsideration.settled');
  });

  it('复议 wording is not read as mediation (化解, 化解率, 受理前化解)', () => {
    const text =
      '区政府共收到行政复议申请1113件。以调解、和解等方式结案170件，综合化解率达到42%。复议受理前协商化解案件17件。';
    expect(keyOf(text, '170件')).toBe('reconsideration.settled');
    expect(keyOf(text, '42%')).toBeNull();
    expect(keyOf(text, '17件')).toBeNull();
  });

  it('应诉 wording is not read as 复议 (审结 of litigation cases)', () => {
    const text = '县司法局办理行政复议案件63件。办理行政应诉案件42件，其中审结30件。';
    expect(keyOf(text, '42件')).toBe('litigation.cases');
    expect(keyOf(text, '30件')).toBeNull();
  });

  it('成功调处 is resolved, not all cases', () => {
    const text = '全年排查矛盾纠纷132件，成功调处128件；成功调处纠纷207起。';
    expect(keyOf(text, '132件')).toBe('mediation.cases');
    expect(keyOf(text, '128件')).toBe('mediation.resolved');
    expect(keyOf(text, '207起')).toBe('mediation.resolved');
  });

  it('kinds: 讨薪类 legal aid cases are a kind, not all cases; 各类 is all of them', () => {
    expect(keyOf('共受理农民工讨薪类法律援助案件87件。', '87件')).toBeNull();
    expect(keyOf('全年调解各类矛盾纠纷3126件。', '3126件')).toBe('mediation.cases');
    expect(keyOf('全县各级调解组织调处涉疫矛盾纠纷316件。', '316件')).toBeNull();
  });

  it('list totals: 等共计 totals the legality-review family', () => {
    const text = '全年各镇（街道）审查规范性文件、行政合同、重大行政执法决定等共计2174件。';
    expect(keyOf(text, '2174件')).toBe('legality_review.total');
  });

  it('participants: a bare 覆盖…人次 after a training or publicity count reports its participants', () => {
    expect(keyOf('组织干部职工开展法治培训10场次，覆盖500余人次。', '500余人次')).toBe('training.attendees');
  });

  it('extra wordings: common 普法 and 调解 phrasings map (宣传活动, 成功率, 民间纠纷)', () => {
    expect(keyOf('现场发放普法纪念品5000余个。其余县同步开展集中宣传活动17场。', '17场')).toBe('publicity.activities');
    expect(keyOf('全年共受理矛盾纠纷417242件，调解成功410942件，成功率98.49%。', '98.49%')).toBe(
      'mediation.success_rate',
    );
  });

  it('required words: a contract count needs a review verb', () => {
    // A line that starts with 审核 is report text, not an editor's credit (审核：张三).
    expect(keyOf('审核政府合同89件。', '89件')).toBe('legality_review.contracts');
    expect(keyOf('村集体签订土地流转合同89件。', '89件')).toBeNull();
  });

  it('exclusions: received filings are not filed ones; 行业性专业性 committees are some committees', () => {
    expect(keyOf('接收县区报送备案规范性文件64件。', '64件')).toBeNull();
    expect(keyOf('辖区现有行业性专业性调解组织7个。', '7个')).toBeNull();
  });

  it('ratios and percentage points are read and never keyed', () => {
    const text = '复议案件数已是一审行政诉讼案件的2.95倍，纠错率同比上升5.42个百分点，较去年增长了近3倍。';
    const figures = extractFigures(text).map((f) => [f.value, f.unit, f.approx, f.metric]);
    expect(figures).toEqual([
      [2.95, '倍', null, null],
      [5.42, '个百分点', null, null],
      [3, '倍', '近', null],
    ]);
  });

  it('ordinals of meetings and plenary sessions are not counts', () => {
    const text =
      '统筹召开十五届区委全面依法治区委员会第一次（扩大）会议，传达党的十九届四中全会精神，召开依法治县第四次会议。';
    expect(extractFigures(text)).toEqual([]);
  });

  it('units met in the corpus: 卷, 台, 块, 大类', () => {
    const text = '抽查案卷186卷，出动宣传车二十三台，摆放展板四十二块，4大类领域案件。';
    expect(extractFigures(text).map((f) => [f.value, f.unit])).toEqual([
      [186, '卷'],
      [23, '台'],
      [42, '块'],
      [4, '类'],
    ]);
  });

  it('requirements: 不少于/不低于/至少 bounds are read with their marker and never keyed', () => {
    const text = '会前学法9次，超过不少于6次的要求；各部门集中学法均不低于4次，每人培训至少40学时。';
    expect(extractFigures(text).map((f) => [f.value, f.approx, f.metric])).toEqual([
      [9, null, 'leadership.pre_meeting_study'],
      [6, '不少于', null],
      [4, '不低于', null],
      [40, '至少', null],
    ]);
  });

  it('organisation counts are never in 件: applications received at stations are not stations', () => {
    expect(keyOf('各法律援助工作站全年受理法律援助申请436件。', '436件')).toBeNull();
    expect(keyOf('县公共法律服务中心窗口办理公证等事项2140件。', '2140件')).toBeNull();
  });

  it('permits: only the clause that says 持证 reports the officers holding one', () => {
    const text = '全县在岗行政执法人员946人，其中取得执法证件的持证人员912人。';
    expect(keyOf(text, '946人')).toBeNull();
    expect(keyOf(text, '912人')).toBe('enforcement.officers');
  });

  it('专职 mediators are some of them; 专兼职 are all of them', () => {
    expect(keyOf('镇调委会现有专职调解员4名。', '4名')).toBeNull();
    expect(keyOf('配备专兼职人民调解员96名。', '96名')).toBe('mediation.mediators');
  });

  it('people counted before a role noun: 36名乡镇和部门负责人述法', () => {
    expect(keyOf('组织36名乡镇和部门党政主要负责人向县委述法。', '36名')).toBe('cadres.law_reports');
  });

  it('review objects: a legality review of 议题 is a meeting-topic review', () => {
    expect(keyOf('对提交区政府常务会议审议的议题开展合法性审查96件。', '96件')).toBe('legality_review.meeting_topics');
  });

  it('分别: figures after it go, in order, to the items listed before it', () => {
    const text = '对区政府规范性文件、重大行政决策、行政协议分别审查8件、5件、64件。';
    expect(extractFigures(text).map((f) => f.metric)).toEqual([
      'legality_review.normative_docs',
      null,
      'legality_review.contracts',
    ]);
  });

  it('kinds of correction listed side by side are parts; one combined figure is the corrected total', () => {
    const kinds = '已审结225件，其中作出维持决定132件、撤销原行政行为19件、确认违法8件。';
    expect(keyOf(`全年收到行政复议申请264件。${kinds}`, '19件')).toBeNull();
    expect(keyOf(`全年收到行政复议申请264件。${kinds}`, '8件')).toBeNull();
    expect(keyOf('行政复议审结74件，其中维持41件、撤销或确认违法9件。', '9件')).toBe('reconsideration.corrected');
  });

  it('a report line that mentions the 12348 hotline is text; only a 热线: label line is furniture', () => {
    const text = '12348热线全年接听群众来电6210个。\n服务热线：0851-12348';
    expect(extractFigures(text).map((f) => [f.value, f.unit])).toEqual([[6210, '个']]);
  });

  it('explains the key: the words that gave it, or why there is none', () => {
    const [given, award] = extractFigures('审结行政复议申请135件；3名调解员获评市级金牌调解员。');
    expect(given).toMatchObject({ metric: 'reconsideration.concluded', keyWords: '审结' });
    expect(award).toMatchObject({ metric: null, noKeyReason: 'award' });
  });

  it('corrections synonyms: 入矫 is received, 解矫 released', () => {
    const text = '全年社区矫正入矫97人，解矫89人。';
    expect(keyOf(text, '97人')).toBe('corrections.received');
    expect(keyOf(text, '89人')).toBe('corrections.released');
  });

  it('headline: figures in the title restate the body and get no key', () => {
    const text = '全市去年化解矛盾纠纷超4万件\n本报讯 全市共排查调处矛盾纠纷41268件。';
    expect(keyOf(text, '超4万件')).toBeNull();
    expect(keyOf(text, '41268件')).toBe('mediation.cases');
  });

  it('remainder: what is left over (其余8个) is not the metric', () => {
    expect(keyOf('反馈问题112个，已整改销号104个，其余8个纳入长期整改。', '8个')).toBeNull();
    expect(keyOf('其余15县同步开展普法宣传活动17场。', '17场')).toBe('publicity.activities');
  });

  it('trained people: 培训新任科级干部86人 are attendees; 法律明白人 training is not cadre training', () => {
    expect(keyOf('举办新任领导干部法治理论培训班1期，培训新任科级干部86人。', '86人')).toBe('training.attendees');
    expect(keyOf('组织全镇“法律明白人”培训2期，参训78人次。', '78人次')).toBeNull();
  });

  it('distractors: hazards rectified, petitions handled and 村规民约 are not rule-of-law figures', () => {
    const safety = '检查企业1426家次，发现安全隐患3218处，已整改3190处，整改率99.1%。';
    expect(extractFigures(safety).map((f) => f.metric)).toEqual([null, null, null, null]);
    expect(keyOf('全年受理群众信访事项1286件，按期办结1279件。', '1279件')).toBeNull();
    expect(keyOf('区政府审结行政复议申请35件，受理群众信访事项128件。', '128件')).toBeNull();
    expect(extractFigures('指导各村修订完善村规民约14部。')[0]).toMatchObject({ value: 14, approx: null });
    expect(keyOf('反馈问题112个，已整改销号104个。', '104个')).toBe('oversight.rectified');
  });

  it('contracts by any name, with a review verb: 审查招商引资合同38件，提出修改建议116条', () => {
    const text = '签约项目46个，合同投资额218亿元；审查招商引资合同38件，提出修改建议116条。';
    expect(keyOf(text, '218亿元')).toBeNull();
    expect(keyOf(text, '38件')).toBe('legality_review.contracts');
    expect(keyOf(text, '116条')).toBe('legality_review.opinions');
  });

  it('coordination before the number: an alias closed by 和/及/、 names the neighbouring item', () => {
    const text = '街道人民调解委员会和23个社区调委会全年调解纠纷410件。';
    expect(keyOf(text, '23个')).toBeNull();
    // …等共计 totals the list, coordinators and all.
    expect(keyOf('审查规范性文件、行政合同等共计96件。', '96件')).toBe('legality_review.total');
  });

  it('coordination after the number: 和/、 right after the unit starts the next item', () => {
    const text = '审核规范性文件6件和合同118件，提出修改意见150条。';
    expect(keyOf(text, '6件')).toBe('legality_review.normative_docs');
    expect(keyOf(text, '118件')).toBe('legality_review.contracts');
    // A coordinator inside the noun after the number does not end the phrase.
    expect(keyOf('组织28名镇街和部门主要负责人现场述法。', '28名')).toBe('cadres.law_reports');
  });

  it('coordination: words of the next item do not exclude a key (…纠纷N件和信访积案M件)', () => {
    const text = '全年调处各类纠纷5230件和信访积案41件，调处成功5166件。';
    expect(keyOf(text, '5230件')).toBe('mediation.cases');
    expect(keyOf(text, '41件')).toBeNull();
    expect(keyOf(text, '5166件')).toBe('mediation.resolved');
  });

  it('legality-review breakdown: a part is a review of the object it names, or has no key', () => {
    const text = '全年开展合法性审查58件，其中规范性文件14件、重大行政决策9件、行政协议35件。';
    expect(keyOf(text, '58件')).toBe('legality_review.total');
    expect(keyOf(text, '14件')).toBe('legality_review.normative_docs');
    expect(keyOf(text, '9件')).toBeNull();
    expect(keyOf(text, '35件')).toBe('legality_review.contracts');
  });

  it('化解 alone is not resolved: 排查化解矛盾纠纷 has no key, 成功化解 is resolved', () => {
    expect(keyOf('全县共排查化解矛盾纠纷3120件。', '3120件')).toBeNull();
    expect(keyOf('各级调解组织成功化解矛盾纠纷2984件。', '2984件')).toBe('mediation.resolved');
  });

  it('cumulative: 累计接收 since the start is not the period’s intake; 全年累计 is', () => {
    expect(keyOf('全区累计接收社区矫正对象2210人，解除矫正1987人。', '2210人')).toBeNull();
    expect(keyOf('全区累计接收社区矫正对象2210人，解除矫正1987人。', '1987人')).toBeNull();
    expect(keyOf('全年累计接收社区矫正对象134人。', '134人')).toBe('corrections.received');
  });

  it('qualified noun: a 的-clause before the alias narrows it; 作为被告的 does not', () => {
    expect(keyOf('全县在矫对象96人，其中佩戴定位手环的在矫对象21人。', '21人')).toBeNull();
    expect(keyOf('县政府作为被告的行政应诉案件27件。', '27件')).toBe('litigation.cases');
  });

  it('manner of acceptance: 当场登记受理 is some of the accepted cases', () => {
    const text = '新收行政复议申请305件，其中当场登记受理211件。';
    expect(keyOf(text, '305件')).toBe('reconsideration.received');
    expect(keyOf(text, '211件')).toBeNull();
  });

  it('advice to villages is not a legality review opinion', () => {
    expect(keyOf('村法律顾问为村“两委”提供法律意见74条。', '74条')).toBeNull();
    expect(keyOf('司法局审查行政合同60件，提出法律意见91条。', '91条')).toBe('legality_review.opinions');
  });

  it('集体学法: the government team’s study is pre-meeting study; the party 中心组 and staff sessions are not', () => {
    expect(keyOf('全年组织政府班子集体学法9次。', '9次')).toBe('leadership.pre_meeting_study');
    expect(keyOf('镇党委理论学习中心组集体学法6次。', '6次')).toBeNull();
    expect(keyOf('全年组织干部职工集体学法5次。', '5次')).toBeNull();
  });

  it('new ones: 新创建/新命名 stocks are not the stock', () => {
    expect(keyOf('新创建人民调解委员会4个，全县人民调解委员会达到203个。', '4个')).toBeNull();
    expect(keyOf('新创建人民调解委员会4个，全县人民调解委员会达到203个。', '203个')).toBe('mediation.committees');
  });

  it('more wordings: 研究法治建设, 依法治县委员会全体会议, 法治宣传教育活动, 受益群众, 合同和协议', () => {
    expect(keyOf('县委常委会召开专题会议研究法治建设工作3次。', '3次')).toBe('leadership.special_studies');
    expect(keyOf('县委全面依法治县委员会召开全体会议1次。', '1次')).toBe('leadership.committee_meetings');
    expect(keyOf('县人大常委会召开全体会议7次。', '7次')).toBeNull();
    const publicity = '全年开展法治宣传教育活动870余场次，受益群众15万余人次。';
    expect(keyOf(publicity, '870余场次')).toBe('publicity.activities');
    expect(keyOf(publicity, '15万余人次')).toBe('publicity.participants');
    expect(keyOf('镇法律顾问审核村级合同和协议43份。', '43份')).toBe('legality_review.contracts');
  });

  it('generic 活动 needs 宣传/普法 in its own clause', () => {
    expect(keyOf('全县普法办组织“国家安全日”等主题活动64场次。', '64场次')).toBe('publicity.activities');
    const text = '开展民法典宣传，举办专题讲座12场、法律咨询现场活动30余场次。';
    expect(keyOf(text, '30余场次')).toBeNull();
  });

  it('subject: a department report’s 党组 special studies are its leadership’s; its 中心组 study is not 会前学法', () => {
    expect(keyOf('局党组会议专题研究法治建设工作3次。', '3次')).toBe('leadership.special_studies');
    expect(keyOf('局党组理论学习中心组集体学法8次。', '8次')).toBeNull();
  });

  it('respondent: a body’s 复议 cases as 被申请人 and their outcomes get no 复议 key', () => {
    const text = '本局作为被申请人的行政复议案件6件，其中维持5件、撤销1件。';
    expect(keyOf(text, '6件')).toBeNull();
    expect(keyOf(text, '5件')).toBeNull();
    expect(keyOf(text, '1件')).toBeNull();
  });

  it('court as subject: the court’s 一审 intake is not the body’s litigation unless the body is the defendant', () => {
    expect(keyOf('区法院新收一审行政诉讼案件88件。', '88件')).toBeNull();
    expect(keyOf('县法院受理以县政府及其部门为被告的行政诉讼案件52件。', '52件')).toBe('litigation.cases');
    expect(keyOf('全县办理一审行政应诉案件39件。', '39件')).toBe('litigation.cases');
  });

  it('受理前 mediation in 复议 is not a settled case', () => {
    const text = '收到行政复议申请210件，受理前通过调解化解27件，受理170件。';
    expect(keyOf(text, '27件')).toBeNull();
    expect(keyOf(text, '170件')).toBe('reconsideration.accepted');
  });

  it('bare 调处 after a mediation count counts cases; a part after 其中 that repeats a key gets none', () => {
    const text = '全年排查出矛盾纠纷64起，调处64起，调处成功63起，其中镇调委会直接调处20起。';
    expect(keyOf(text, '调处64起')).toBe('mediation.cases');
    expect(keyOf(text, '63起')).toBe('mediation.resolved');
    expect(keyOf(text, '20起')).toBeNull();
  });

  it('heads of units: N个单位主要负责人…述法 counts the heads who reported', () => {
    expect(keyOf('全区31个区直部门主要负责人在区委全会上现场述法。', '31个')).toBe('cadres.law_reports');
    expect(keyOf('全区31个区直部门完成法治建设自查。', '31个')).toBeNull();
  });

  it('法治宣传 N次 is a publicity count', () => {
    expect(keyOf('利用赶集日开展法治宣传9次，发放宣传单2000余份。', '9次')).toBe('publicity.activities');
    expect(keyOf('利用赶集日开展法治宣传9次，发放宣传单2000余份。', '2000余份')).toBeNull();
  });

  it('averages: 月均/日均/平均每… are not the total or the stock', () => {
    const text = '全年调解矛盾纠纷3650件，月均调解纠纷304件；日均在册社区矫正对象188人，年末在册社区矫正对象181人。';
    expect(keyOf(text, '3650件')).toBe('mediation.cases');
    expect(keyOf(text, '304件')).toBeNull();
    expect(keyOf(text, '188人')).toBeNull();
    expect(keyOf(text, '181人')).toBe('corrections.active');
    expect(keyOf('平均每名律师承办法律援助案件7件。', '7件')).toBeNull();
  });

  it('awards named before the number: 表彰优秀人民调解员N名 are not the mediators', () => {
    const text = '全年表彰优秀人民调解委员会11个、优秀人民调解员35名。全县现有人民调解员1620名。';
    expect(keyOf(text, '11个')).toBeNull();
    expect(keyOf(text, '35名')).toBeNull();
    expect(keyOf(text, '1620名')).toBe('mediation.mediators');
  });

  it('assisting another body (协助/配合…调解) is not the body’s own count', () => {
    expect(keyOf('法律顾问协助社区调解矛盾纠纷64件。', '64件')).toBeNull();
    expect(keyOf('街道人民调解委员会调解纠纷178件。', '178件')).toBe('mediation.cases');
  });

  it('an enterprise’s contracts are not the government’s legality review', () => {
    expect(keyOf('区司法局参与审查区属国有企业合同19件。', '19件')).toBeNull();
    expect(keyOf('区司法局审查区政府合同52件。', '52件')).toBe('legality_review.contracts');
  });

  it('tables: the title line names the business of short row labels; 万人次 in a label multiplies the cells', () => {
    const table = [
      '表3 行政复议案件情况',
      '指标\t2023年\t2024年',
      '收到行政复议申请（件）\t402\t455',
      '受理（件）\t371\t418',
      '审结（件）\t350\t396',
      '维持（件）\t201\t226',
    ].join('\n');
    expect(keyOf(table, '396')).toBe('reconsideration.concluded');
    expect(keyOf(table, '226')).toBe('reconsideration.maintained');
    expect(keyOf(table, '201')).toBeNull();
    const people = ['表5 普法情况', '指标\t2023年\t2024年', '受教育群众（万人次）\t61.5\t66.2'].join('\n');
    const cell = extractFigures(people).find((figure) => figure.value === 662000);
    expect(cell?.unit).toBe('人次');
    expect(cell?.metric).toBe('publicity.participants');
  });

  it('levels: the same kind of place at several levels in one sentence are parts, not the total', () => {
    const text = '全市建成市级公共法律服务中心1个、县级公共法律服务中心9个，乡镇公共法律服务工作站118个。';
    expect(keyOf(text, '1个')).toBeNull();
    expect(keyOf(text, '9个')).toBeNull();
    expect(keyOf(text, '118个')).toBe('pls.stations');
  });

  it('shared verb: list items after 、 take the head’s review verb; an object the catalogue has no key for gets none', () => {
    const text = '全年合法性审查市政府规章草案4件、规范性文件27件、重大合同38件。';
    expect(keyOf(text, '4件')).toBeNull();
    expect(keyOf(text, '27件')).toBe('legality_review.normative_docs');
    expect(keyOf(text, '38件')).toBe('legality_review.contracts');
    expect(keyOf('全年开展合法性审查96件。', '96件')).toBe('legality_review.total');
  });

  it('respondent in other words: 被申请行政复议N件 and what the 复议机关 decided on them get no 复议 key', () => {
    const text = '我局被申请行政复议4件，经复议机关审理维持3件、确认违法1件；作为被告参加行政诉讼2件。';
    expect(keyOf(text, '3件')).toBeNull();
    expect(keyOf(text, '1件')).toBeNull();
    expect(keyOf(text, '2件')).toBe('litigation.cases');
  });

  it('a verb after the number makes a later alias its object (N个联系点共承接…草案)', () => {
    const text = '全市9个基层立法联系点共承接法律草案征求意见任务17件，收集意见建议806条。';
    expect(keyOf(text, '9个')).toBeNull();
    expect(keyOf(text, '17件')).toBe('consultation.drafts');
    expect(keyOf('市人大常委会全年审议地方性法规草案4件。', '4件')).toBeNull();
  });

  it('problems need a rule-of-law inspection: a case-file self-check’s problems are not oversight problems', () => {
    expect(keyOf('开展行政执法案卷自查，评查案卷40卷，发现问题11个。', '11个')).toBeNull();
    expect(keyOf('县委依法治县办开展法治督察2次，反馈问题9个。', '9个')).toBe('oversight.problems');
  });

  it('what resident or specialised committees did is a part of the body’s mediation', () => {
    expect(keyOf('中心入驻的5个专业调委会共调解纠纷604件。', '604件')).toBeNull();
    expect(keyOf('全县各级人民调解组织调解矛盾纠纷5120件。', '5120件')).toBe('mediation.cases');
  });

  it('leadership wordings: 常务会议学法, 委员会召开会议, 专题听取法治…汇报', () => {
    const text =
      '县政府常务会议学法7次，县委全面依法治县委员会召开会议2次，县委常委会会议专题听取法治建设工作汇报3次。';
    expect(keyOf(text, '7次')).toBe('leadership.pre_meeting_study');
    expect(keyOf(text, '2次')).toBe('leadership.committee_meetings');
    expect(keyOf(text, '3次')).toBe('leadership.special_studies');
    expect(keyOf('县人大常委会召开会议6次。', '6次')).toBeNull();
  });

  it('mediation synonyms: 受理纠纷, 调结 and 调结率', () => {
    const text = '全县各级人民调解组织共受理纠纷1920件，调结1897件，调结率98.8%。';
    expect(keyOf(text, '1920件')).toBe('mediation.cases');
    expect(keyOf(text, '1897件')).toBe('mediation.resolved');
    expect(keyOf(text, '98.8%')).toBe('mediation.success_rate');
  });

  it('复议 synonyms: 收案 is received (新收案件 stays accepted); withdrawals counted with settlements are not settled', () => {
    const text = '全年行政复议收案912件，立案受理840件。申请人撤回申请及调解和解后终止97件。';
    expect(keyOf(text, '912件')).toBe('reconsideration.received');
    expect(keyOf(text, '840件')).toBe('reconsideration.accepted');
    expect(keyOf(text, '97件')).toBeNull();
    expect(keyOf('全年行政复议新收案件415件。', '415件')).toBe('reconsideration.accepted');
    expect(keyOf('行政复议审结案件中调解撤回31件。', '31件')).toBe('reconsideration.settled');
  });

  it('litigation and legal-aid synonyms: 负责人出庭率, 法援案件', () => {
    expect(keyOf('行政机关负责人出庭应诉152件次，负责人出庭率90.5%。', '90.5%')).toBe(
      'litigation.head_appearance_rate',
    );
    expect(keyOf('行政机关负责人出庭应诉152件次，负责人出庭率90.5%。', '152件次')).toBeNull();
    expect(keyOf('全年共办理法援案件377件。', '377件')).toBe('legal_aid.cases');
  });

  it('helpers as the subject: what 法律明白人/网格员/志愿者 did is not the body’s mediation or publicity', () => {
    const text = '全县培育法律明白人940名。法律明白人参与调解矛盾纠纷212件，开展法治宣传530余场次。';
    expect(keyOf(text, '940名')).toBe('pls.legal_literates');
    expect(keyOf(text, '212件')).toBeNull();
    expect(keyOf(text, '530余场次')).toBeNull();
    expect(keyOf('网格员协助排查矛盾纠纷880件。', '880件')).toBeNull();
    expect(keyOf('志愿者走访后，县人民调解组织调解矛盾纠纷1530件。', '1530件')).toBe('mediation.cases');
  });

  it('participants: 覆盖职工/师生 after a publicity count are its participants', () => {
    const text = '开展“法律进企业”普法活动45场，覆盖职工8600人次。';
    expect(keyOf(text, '45场')).toBe('publicity.activities');
    expect(keyOf(text, '8600人次')).toBe('publicity.participants');
  });
});

describe('keys a reviewer chose before', () => {
  it('remembers a figure by the words right before its quantity', () => {
    const text = '全年受理群众信访事项约1286件';
    expect(phraseBefore(text, text.indexOf('约'))).toBe('受理群众信访事项');
    expect(phraseBefore('4个协调小组', 0)).toBeNull();
  });

  it('applies a remembered phrase over the rules, and a remembered “no key” too', () => {
    const text = '全年受理群众信访事项1286件，审结行政复议申请135件。';
    const learned = [
      { phrase: '信访事项', metric: 'mediation.cases' as const },
      { phrase: '行政复议申请', metric: null },
    ];
    const [petitions, review] = extractFigures(text, { learned });
    expect(petitions).toMatchObject({ metric: 'mediation.cases', keyWords: '信访事项', learned: true });
    expect(review).toMatchObject({ metric: null, learned: true });
    expect(extractFigures(text)[1]).toMatchObject({ metric: 'reconsideration.concluded' });
  });
});
