import type { MetricKey } from '../metrics/catalogue.ts';

/**
 * The rules metric mapping applies on top of the catalogue aliases, kept as data so that each can be read, tested and
 * changed on its own. Every rule was written from a sentence shape of the evaluation corpus (eval/extraction/dev);
 * map-metric.test.ts has one test per rule.
 */

/** The business a figure's words belong to; the nearest one named before the number decides conflicts. */
export type Business = 'reconsideration' | 'litigation' | 'mediation' | 'legal_aid' | 'corrections' | 'publicity';

/**
 * Words that name a business. 调解 alone is not one: 行政复议 settles cases 以调解、和解方式 too, so only the
 * people's-mediation nouns count.
 */
export const BUSINESS_CUES: readonly (readonly [string, Business])[] = [
  ['复议', 'reconsideration'],
  ['应诉', 'litigation'],
  ['行政诉讼', 'litigation'],
  ['法院', 'litigation'],
  ['一审', 'litigation'],
  ['人民调解', 'mediation'],
  ['矛盾纠纷', 'mediation'],
  ['民间纠纷', 'mediation'],
  ['调委会', 'mediation'],
  ['调解员', 'mediation'],
  ['调解组织', 'mediation'],
  ['法律援助', 'legal_aid'],
  ['矫正', 'corrections'],
  ['普法', 'publicity'],
];

/** Businesses whose words overlap (化解, 调解, 审结 …): a figure of one is never given a key of the other. */
export const CONFLICTING: Partial<Record<string, readonly Business[]>> = {
  mediation: ['reconsideration', 'litigation'],
  reconsideration: ['litigation', 'mediation'],
  litigation: ['reconsideration'],
};

/** 以调解、和解方式结案12件, 调解和解后终止61件: settled, whichever verb closes the phrase. */
export const RECONSIDERATION_SETTLED = /调解|和解/;
/** 申请人撤回申请及调解和解后终止153件: withdrawals counted together with settlements are not the settled count. */
export const WITHDRAWN_WITH_OTHERS = /撤回申请?(?:及|和|与|以及)|(?:及|和|与|以及)[^，。；、]*撤回/;

/**
 * Verbs that decide a 行政复议 count whatever noun follows them (收到行政复议申请, 审结行政复议申请, 办理行政复议案件):
 * the verb nearest before the number wins.
 */
export const RECONSIDERATION_VERBS: readonly { readonly pattern: RegExp; readonly key: MetricKey }[] = [
  { pattern: /维持/g, key: 'reconsideration.maintained' },
  { pattern: /驳回/g, key: 'reconsideration.rejected' },
  { pattern: /纠错|纠正|撤销|变更|确认违法|责令履行/g, key: 'reconsideration.corrected' },
  { pattern: /审结|办结|结案/g, key: 'reconsideration.concluded' },
  // 新收行政复议申请 counts applications (received); 新收行政复议案件 counts cases (accepted).
  { pattern: /新收(?=[^,;。]*申请)|收到|接到|接收|(?<!新)收案(?!件)/g, key: 'reconsideration.received' },
  { pattern: /新收|新受理|受理(?!前)|办理(?=[^,;。]*复议)/g, key: 'reconsideration.accepted' },
];

/** 成功调处128件, 调解成功3087件: resolved, even when the noun after the verb is an alias of all cases (调解成功率 is a rate). */
export const MEDIATION_RESOLVED_VERB = /(?:成功(?:调处|化解|调解)|(?:调处|化解|调解)成功)(?!率)/;

/** Words after a number that make it an award (2名调解员获评…, 1个村被命名为…): the people or places are not counted. */
export const AWARD_WORDS = /获评|被评为|被命名|荣获|获得.{0,12}(?:称号|表彰|奖)|表彰|授予/;

/** 涉疫矛盾纠纷, 讨薪类案件: a kind of the metric's things right before its alias (各类 is all of them). */
export const KIND_BEFORE_ALIAS = /(?:[^各]类|涉[\u4e00-\u9fff])$/;

/** A sample (抽查案卷186卷, 随机抽取40件) is not the total of what it was drawn from. */
export const SAMPLE = /抽查|抽取|抽检|随机抽/;

/** Inside (含…) the figure is a part of the figure before the bracket. */
export const INCLUSION = /\(含[^)]*$/;

/** Stock metrics (how many exist) that a count of new ones (新聘, 新建 …) does not report. */
export const STOCK_METRICS: readonly MetricKey[] = [
  'mediation.committees',
  'mediation.mediators',
  'legal_aid.stations',
  'pls.centers',
  'pls.stations',
  'pls.rooms',
  'pls.village_advisers',
  'pls.legal_literates',
  'enforcement.officers',
  'corrections.active',
];
export const NEW_ONES = /新聘|新增|新建|新设|新招|新申领|新培育|新选聘|新创建|新命名/;

/**
 * Words in the clause that show a figure counts something narrower or different from what its alias names
 * (行业性专业性调解组织 are some committees; 累计接收 since the start is not this period's intake).
 */
export const EXCLUSIONS: Partial<Record<MetricKey, readonly string[]>> = {
  'legality_review.total': ['意见书'],
  // 村法律顾问为村“两委”提供法律意见: advice to villages is not the government's legality review.
  'legality_review.opinions': ['意见书', '两委', '为村', '为企业'],
  // 当场登记受理, 网上受理: a manner of acceptance names some of the accepted cases.
  'reconsideration.accepted': ['不予受理', '受理前', '法院', '一审', '二审', '当场', '网上', '线上', '容缺'],
  'reconsideration.received': ['法院'],
  'reconsideration.concluded': ['法院', '一审'],
  'enforcement.officers': ['考试', '培训', '法制审核'],
  'mediation.mediators': ['专职'],
  'mediation.committees': ['行业性', '专业性', '专业调委会', '工作室'],
  // 中心入驻的…6个专业调委会共调解纠纷913件: what some committees did is a part of the body's mediation.
  'mediation.cases': ['线索', '专业调委会', '行业性', '专业性', '入驻', '驻所'],
  'mediation.resolved': ['专业调委会', '行业性', '专业性', '入驻', '驻所'],
  'major_decisions.total': ['审查', '审核'],
  'normative_docs.filed': ['接收'],
  'legal_aid.cases': ['讨薪'],
  // 政府班子集体学法 is the government's study; the party 中心组 and staff study sessions are not.
  'leadership.pre_meeting_study': ['中心组', '职工'],
  // 受理前通过调解化解: settled before a case exists is not a settled 复议 case.
  'reconsideration.settled': ['受理前'],
  'plan.closed': ['整改', '问题'],
  // 参与审查区属国有企业合同: an enterprise's contracts are not the government's legality review.
  'legality_review.contracts': ['国有企业', '国企'],
};

/** Metrics the catalogue alias alone is too common for: the clause must also hold one of these words (the sentence will
 * do, except for the metrics in CLAUSE_ONLY: 在岗行政执法人员946人，其中持证人员912人 — only the second holds a permit). */
export const CLAUSE_ONLY: readonly MetricKey[] = ['enforcement.officers'];

export const REQUIRED_WORDS: Partial<Record<MetricKey, readonly string[]>> = {
  'enforcement.officers': ['持证', '执法证', '证件'],
  'legality_review.contracts': ['审查', '审核', '把关', '合法性'],
  'legality_review.opinions': ['审查', '审核', '合法性', '法律意见'],
  'pls.village_advisers': ['村', '社区', '居'],
  'publicity.activities': ['普法', '宣传', '法治', '送法', '宪法'],
  // 草案 alone is any draft (审议地方性法规草案5件); a consultation names its opinions.
  'consultation.drafts': ['联系点', '征求意见', '征询', '征集', '意见建议'],
  // 案卷自查…发现问题14个: problems of a rule-of-law inspection, not of any check.
  'oversight.problems': ['督察', '督查'],
};

/**
 * Extra wordings met in reports, by metric. They join the catalogue aliases for mapping (the catalogue stays the
 * list users see); a generic word still needs its business nearby (DOMAIN_CUES in map-metric.ts).
 */
export const EXTRA_ALIASES: Partial<Record<MetricKey, readonly string[]>> = {
  'reconsideration.accepted': ['新收行政复议案件', '办理行政复议案件', '新受理行政复议案件'],
  'reconsideration.corrected': ['直接纠正', '纠错决定'],
  'legality_review.normative_docs': ['审核规范性文件'],
  'leadership.pre_meeting_study': ['集体学法', '常务会议学法', '常务会学法'],
  'leadership.special_studies': [
    '研究法治建设',
    '研究法治工作',
    '研究法治政府建设',
    '研究依法治',
    '专题听取法治',
    '听取法治政府建设',
    '听取法治建设',
  ],
  'leadership.committee_meetings': ['全体会议', '委员会召开会议'],
  'litigation.cases': ['行政诉讼'],
  'enforcement.officers': ['持证人员'],
  'corrections.received': ['入矫', '新入矫'],
  'corrections.released': ['解矫'],
  'training.sessions': ['轮训'],
  'reconsideration.settlement_rate': ['调解率'],
  'legality_review.contracts': ['行政合同', '政府合同', '合同及协议', '合同和协议', '合同与协议', '行政协议', '合同'],
  'legality_review.opinions': ['修改意见', '修改建议', '审查意见'],
  'mediation.cases': [
    '排查矛盾纠纷',
    '排查调处矛盾纠纷',
    '受理调解矛盾纠纷',
    '民间纠纷',
    '矛盾纠纷',
    '各类纠纷',
    '受理纠纷',
  ],
  // 调结 is 调解结案: a dispute settled by mediation.
  'mediation.resolved': ['调结'],
  'mediation.success_rate': ['成功率', '调结率'],
  'litigation.head_appearance_rate': ['负责人出庭率', '出庭率'],
  'legal_aid.cases': ['法援案件', '办理法援案件'],
  'pls.village_advisers': ['村(社区)法律顾问', '法律顾问'],
  'publicity.activities': [
    '宣传活动',
    '普法宣传',
    '法律进乡村活动',
    '法治宣传教育活动',
    '普法宣传教育活动',
    '主题活动',
    '活动',
    '法治宣传',
  ],
  'publicity.participants': ['受众群众', '受教育', '受益群众'],
};

/** A clause that only says how many took part (…10场次，覆盖500余人次) reports the partner of the figure before it. */
export const PARTICIPANTS_OF: Partial<Record<MetricKey, MetricKey>> = {
  'training.sessions': 'training.attendees',
  'publicity.activities': 'publicity.participants',
};
export const PARTICIPATION_LEAD =
  /^(?:覆盖|参训|参与|惠及|受教育|受益|参加)?(?:群众|干部|人员|职工|师生|学生|居民|村民|市民|党员|青少年)?(?:达|约|近)?$/;

/** A list closed by 等 and a total (审查规范性文件、行政合同…等共计2174件) counts the whole family. */
export const LIST_TOTAL = /等(?:共计|合计|共|计)?$/;
export const FAMILY_TOTALS: Partial<Record<string, MetricKey>> = { legality_review: 'legality_review.total' };

/** People or things named right after the number count as the metric only through a role verb: 42名律师…担任村法律顾问. */
export const ROLE_VERBS = /担任|作为|任/;

/** Organisation metrics (个) are never counted in 件/宗/起/条/份: those count cases and documents (受理法律援助申请436件). */
export const ORGANISATION_UNITS_REFUSED = ['件', '宗', '起', '例', '条', '份', '件次'];

/**
 * What a legality review looked at, when the phrase names it (对提交常务会议的议题开展合法性审查96件): the specific key
 * instead of the total.
 */
export const REVIEW_OBJECTS: readonly (readonly [RegExp, MetricKey])[] = [
  [/议题/, 'legality_review.meeting_topics'],
  [/规范性文件/, 'legality_review.normative_docs'],
  [/合同|协议/, 'legality_review.contracts'],
];

/** 分别: the figures after it belong, in order, to the items listed before it. */
export const RESPECTIVELY = '分别';

/** A single kind of 行政复议 correction; several of them side by side are parts of the corrected total. */
export const CORRECTION_KIND = /^(?:撤销|变更|确认违法|责令履行|责令履职)$/;

/** Words anywhere in the sentence before the number that rule a metric out (法律明白人培训 is not cadre training). */
export const SENTENCE_EXCLUSIONS: Partial<Record<MetricKey, readonly string[]>> = {
  // 安全隐患已整改3190处: rectifying hazards is not the rule-of-law oversight's problems.
  'oversight.problems': ['隐患', '安全生产'],
  'oversight.rectified': ['隐患', '安全生产'],
  'oversight.rectification_rate': ['隐患', '安全生产'],
  'training.sessions': ['法律明白人'],
  'training.attendees': ['法律明白人'],
};

/** 其余8个纳入长期整改, 另有2件…: what is left over is not the metric. */
export const REMAINDER = /^(?:其余|剩余|尚有|另有|还有|余下)(?:的)?$/;

/** 培训新任科级干部86人, 培训执法人员1200余人次: people trained, whoever they are. */
export const TRAINED_PEOPLE = /培训[\u4e00-\u9fff]{0,8}$/;

/** Objects in the clause that belong to other work: 受理群众信访事项 is not a 行政复议 intake even beside one. */
export const BUSINESS_EXCLUSIONS: Partial<Record<string, readonly string[]>> = {
  reconsideration: ['信访', '诉求', '审批', '政务服务', '热线'],
  mediation: ['信访', '诉求', '热线'],
};

/**
 * Aliases too generic to stand alone: the words one of them needs in its own clause (活动 only in a clause about
 * 宣传/普法 — 法律咨询现场活动 is not a publicity count) or in its sentence (全体会议 of the 依法治县委员会, not of the
 * 人大常委会).
 */
export const ALIAS_NEEDS: Readonly<Record<string, { readonly clause?: RegExp; readonly sentence?: RegExp }>> = {
  委员会召开会议: { sentence: /依法治[县区市省镇]|法治建设委员会|法治政府建设/ },
  活动: { clause: /普法|法治宣传|宣传|送法/ },
  主题活动: { clause: /普法|法治|宣传|宪法/ },
  全体会议: { sentence: /依法治[县区市省镇]|法治建设委员会|法治政府建设/ },
};

/**
 * Coordination: an alias separated from the number by 和/及/与/、 names the neighbouring item (镇调委会和18个村调委会:
 * 18 counts the village ones). A coordinator right after the unit starts the next item (审核规范性文件7件和合同153件:
 * 合同 is not what 7 counts); one inside the noun after the number does not (36名乡镇和部门负责人述法). 和解 is a word.
 */
export const COORDINATOR = /、|和(?!解)|及|与/;
export const LEADING_COORDINATOR = /^(?:、|和(?!解)|及|与|以及)/;
/** …等共计, 合计: the list before the number is what it totals, coordinators and all. */
export const LIST_CLOSER = /等|共计|合计|总计|共/;

/**
 * 化解矛盾纠纷N件 says the disputes were dealt with, not that they were settled: resolved needs 成功 (成功化解, 化解成功 —
 * MEDIATION_RESOLVED_VERB); these aliases of mediation.resolved give no key on their own.
 */
export const RESOLVED_NEEDS_SUCCESS: readonly string[] = ['化解矛盾纠纷', '化解纠纷', '化解'];

/**
 * 累计接收社区矫正对象1532人 counts since the start of the work, not the period reported; 全年累计 is the period.
 */
export const CUMULATIVE = /(?<!全年|年内|今年|本年|当年|上半年|一季度)累计/;
export const FLOW_METRICS: readonly MetricKey[] = ['corrections.received', 'corrections.released'];

/**
 * A noun qualified by a clause ending in 的 right before its alias (落实电子定位监管的在矫对象) is a kind of it; the
 * whole area (全县的) is not a qualifier.
 */
export const QUALIFIED_BEFORE_ALIAS = /(?<!全[县区市省镇国]|各级|本级|被告)的$/;

/**
 * Words anywhere in the sentence before the number that rule a whole business out: 本局作为被申请人的行政复议案件9件，其中
 * 维持7件 are a respondent's cases, not the 复议机关's work.
 */
export const BUSINESS_SENTENCE_EXCLUSIONS: Partial<Record<string, readonly string[]>> = {
  // 被申请人, 被申请行政复议6件: the body is the respondent.
  reconsideration: ['被申请'],
};

/**
 * A clause with a court as its subject (区法院新收一审行政诉讼案件104件) counts the court's cases, not the body's — unless it
 * names the body as the defendant (以区政府为被告的).
 */
export const COURT_SUBJECT = /法院/;
export const DEFENDANT = /被告|应诉/;
export const COURT_SIDE_METRICS: readonly MetricKey[] = ['litigation.cases'];

/** 调处86起 right after a mediation count: the bare verb of people's mediation counts its cases. */
export const MEDIATION_CASE_VERB = /(?:调处|调解)$/;

/**
 * 48个市直单位主要负责人…述法: the number of units is the number of heads who reported on the rule of law.
 */
export const HEADS_OF_UNITS = /^个?[\u4e00-\u9fff（）()、]{0,10}?(?:单位|部门|乡镇|街道)(?:党政)?(?:主要)?负责人/;
export const LAW_REPORT = /述法/;

/**
 * An average (月均调解纠纷359件, 日均在册…241人, 平均每名律师承办…9件, 平均每个调委会…28件) is not the period's total or the
 * stock at its end.
 */
export const AVERAGE = /月均|日均|年均|周均|平均|人均|每[个名人家所村]/;

/** Commendation words before the number (表彰优秀人民调解员42名, 评选表彰…先进单位12个): an award, like AWARD_WORDS after it. */
export const AWARD_BEFORE = /表彰|评选|命名|授予|获评|被评为|优秀|先进/;
/** Metrics whose things exist by being named or commended (命名法治示范点37个): AWARD_BEFORE does not apply. */
export const NAMED_METRICS: readonly MetricKey[] = ['publicity.demo_sites'];

/** 协助社区调解矛盾纠纷87件, 配合法院调解案件: work done for another body is not the body's own count. */
export const ASSISTING = /(?:协助|配合)[\u4e00-\u9fff（）()]{0,8}?(?:调解|调处|化解|审查|审核|办理|处理)/;

/**
 * Levels of one kind of place listed side by side (省级…中心1个、市级…中心16个、县级…中心137个): each is a part of the
 * whole, so figures of one sentence that share a key and each name a level get none.
 */
export const LEVEL_QUALIFIER = /(?:[省市县区乡镇]级|乡镇（街道）|镇（街道）|村（社区）|村（居）)[\u4e00-\u9fff]{0,10}$/;

/**
 * 合法性审查重大行政决策事项19件: an object named between the review alias and the number that is not one the catalogue
 * counts (REVIEW_OBJECTS) means the figure counts that object; no key.
 */
export const REVIEW_TOTAL_ALIASES: readonly string[] = ['合法性审查', '合法性审核', '法制审核'];

/** A verb shared by a list of objects (审查规章草案7件、规范性文件31件、重大合同44件): each item takes it. */
export const SHARED_VERB = /(?:合法性审查|合法性审核|审查|审核)(?=[^审]*$)/;

/** After the number, a verb before an alias shows the alias is another phrase's object (12个联系点共承接…草案征求意见). */
export const VERB_AFTER_NUMBER = /共|承接|开展|组织|完成|办理|参与|提供|收集|征集|审议/;

/**
 * Helpers as the subject (法律明白人参与调解矛盾纠纷420件, 网格员协助排查…, 志愿者开展普法宣讲…): what they did is
 * their contribution, not the body's mediation or publicity count — unless a body is named after them in the sentence
 * (县人民调解组织…, 县司法局…). The helpers' own stock (法律明白人1860名) keeps its key.
 */
export const HELPER_SUBJECT = /法律明白人|网格员|志愿者|调解能手|乡贤|中心户/g;
export const BODY_SUBJECT = /人民调解组织|调解组织|调委会|调解委员会|司法局|司法所|人民政府|普法办|依法治[县区市省]办/g;
export const HELPED_BUSINESSES: readonly string[] = ['mediation', 'publicity'];
