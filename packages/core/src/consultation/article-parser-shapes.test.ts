import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDraft } from './article-parser.ts';
import { draftLabelsSchema, expectedArticleLabels, scoreDraft } from './article-parser-score.ts';
import { listArticles, renderDraft } from './draft-render.ts';
import type { DraftNode, ParsedDraft } from './draft-types.ts';

// One test per rule and per failure kind met in real drafts; the snippets are cut from the shapes in eval/drafts.

const labels = (draft: ParsedDraft) => listArticles(draft).map((a) => a.label);
const texts = (draft: ParsedDraft) => listArticles(draft).map((a) => a.text);
const chapters = (draft: ParsedDraft) =>
  draft.nodes.flatMap(function walk(n: DraftNode): string[] {
    if (n.kind === 'chapter') return [n.heading || n.label];
    return n.kind === 'article' ? [] : n.children.flatMap(walk);
  });
const issues = (draft: ParsedDraft) => draft.issues.map((i) => [i.code, i.line, i.message]);
const codes = (draft: ParsedDraft) => draft.issues.map((i) => i.code);
const lines = (...l: string[]) => l.join('\n');

describe('tables of contents', () => {
  it('drops a table of contents that has no 目录 line, says so with its line, and keeps the real first chapter', () => {
    const draft = parseDraft(
      lines(
        '绿源市养犬管理条例',
        '第一章 总则',
        '第二章 养犬登记',
        '第三章 附则',
        '第一章 总则',
        '第一条 为了规范养犬行为，制定本条例。',
        '第二章 养犬登记',
        '第二条 本市实行养犬登记制度。',
        '第三章 附则',
        '第三条 本条例自2022年1月1日起施行。',
      ),
    );
    expect(chapters(draft)).toEqual(['总则', '养犬登记', '附则']);
    expect(labels(draft)).toEqual(['第一条', '第二条', '第三条']);
    expect(issues(draft)).toEqual([
      [
        'toc_guessed',
        2,
        '从这一行起的3行只有章节标题、没有条文，看起来是目录（原文没有“目录”二字），已略去；如有误请核对',
      ],
    ]);
  });

  it('drops a table of contents whose chapters have no names, and one with dot leaders and page numbers', () => {
    const blank = parseDraft(
      lines(
        '某条例',
        '第一章  ',
        '第二章 志愿服务活动',
        '第三章  ',
        '第一章   ',
        '第一条(立法目的)为了弘扬志愿精神，制定本条例。',
      ),
    );
    expect(chapters(blank)).toEqual(['第一章']);
    expect(blank.nodes[0]!.children.map((n) => n.heading)).toEqual(['立法目的']);
    const leaders = parseDraft(
      lines(
        '某条例',
        '第一章　总则……………1',
        '第二章　附则……………9',
        '第一章　总则',
        '第一条　甲。',
        '第二章　附则',
        '第二条　乙。',
      ),
    );
    expect(chapters(leaders)).toEqual(['总则', '附则']);
    expect(codes(leaders)).toEqual(['toc_guessed']);
  });

  it('drops a 目录 with sections without a warning', () => {
    const draft = parseDraft(
      lines(
        '张河市立法条例',
        '目 录',
        '第一章 总 则',
        '第二章 立法程序',
        '第一节 市人民代表大会立法程序',
        '第二节 常务委员会立法程序',
        '第一章 总 则',
        '第一条 甲。',
        '第二章 立法程序',
        '第一节 市人民代表大会立法程序',
        '第二条 乙。',
        '第二节 常务委员会立法程序',
        '第三条 丙。',
      ),
    );
    expect(chapters(draft)).toEqual(['总则', '立法程序']);
    expect(draft.nodes[1]!.children.map((n) => n.heading)).toEqual(['市人民代表大会立法程序', '常务委员会立法程序']);
    expect(draft.issues).toEqual([]);
  });

  it('drops the chapter list of the amended law that a page shows above an amending decision', () => {
    const draft = parseDraft(
      lines(
        '西岭省人民代表大会常务委员会关于修改《西岭省防汛条例》的决定',
        '第一章 总则',
        '第二章 防汛组织',
        '第三章 附则',
        '会议决定对《西岭省防汛条例》作如下修改：',
        '一、将第三条修改为：“防汛工作实行行政首长负责制。”',
        '二、本决定自2016年10月1日起施行。',
      ),
    );
    expect(chapters(draft)).toEqual([]);
    expect(labels(draft)).toEqual(['第一条', '第二条']);
    expect(codes(draft)).toEqual(['enumerated_items', 'toc_guessed']);
  });
});

describe('chapter headings', () => {
  it('reads 第X章 and its title on separate lines, 附则 included, after a 目录 with page numbers', () => {
    const draft = parseDraft(
      lines(
        '某条例',
        '目录',
        '第一章 总则 1',
        '第二章 附则 4',
        '第一章',
        '总则',
        '第一条（立法目的） 甲。',
        '第二章',
        '附则',
        '第二条 乙。',
      ),
    );
    expect(draft.nodes.map((n) => [n.label, n.heading])).toEqual([
      ['第一章', '总则'],
      ['第二章', '附则'],
    ]);
    expect(draft.issues).toEqual([]);
  });

  it('takes a short line between articles as a chapter without 第X章 and says so with its line', () => {
    const draft = parseDraft(
      lines(
        '江城市社会信用条例(草案)',
        '  总 则',
        '  第一条 为了推进社会信用体系建设，制定本条例。',
        '  信用信息管理',
        '  第二条 市社会信用主管部门负责编制信用信息目录。',
        '  附 则',
        '  第三条 本条例自2023年10月1日起施行。',
      ),
    );
    expect(draft.nodes.map((n) => [n.label, n.heading])).toEqual([
      ['第一章', '总则'],
      ['第二章', '信用信息管理'],
      ['附则', ''],
    ]);
    expect(issues(draft)).toEqual([
      ['unnumbered_heading', 2, '“总则”没有“第X章”字样，已作为第一章的标题；如不是章的标题，请修改'],
      ['unnumbered_heading', 4, '“信用信息管理”没有“第X章”字样，已作为第二章的标题；如不是章的标题，请修改'],
    ]);
  });

  it('does not take a last paragraph without a full stop, or a sentence, for a chapter heading', () => {
    const draft = parseDraft(
      lines(
        '某办法',
        '第一条 甲。',
        '本办法由县司法局负责解释',
        '第二条 乙。',
        '第三条 丙应当遵守。',
        '县级人民政府应当统筹',
        '第四条 丁。',
      ),
    );
    expect(chapters(draft)).toEqual([]);
    expect(texts(draft)[0]).toBe('甲。\n本办法由县司法局负责解释');
    expect(codes(draft)).toEqual([]);
  });

  it('reads a chapter heading behind a law database tag, with or without a space after its number', () => {
    const draft = parseDraft(
      lines('某办法', '【章名】 第一章 总则', '第一条　甲。', '【章名】第二章人民调解委员会', '第二条　乙。'),
    );
    expect(chapters(draft)).toEqual(['总则', '人民调解委员会']);
    expect(draft.issues).toEqual([]);
  });
});

describe('article captions (条旨)', () => {
  it('reads captions in 【】, （）, () and 〖〗', () => {
    const draft = parseDraft(
      lines(
        '某条例',
        '第一条【立法目的】甲。',
        '第二条（适用范围）　乙。',
        '第三条(基本原则)丙。',
        '第四条〖部门职责〗 丁。',
      ),
    );
    expect(listArticles(draft).map((a) => [a.heading, a.text])).toEqual([
      ['立法目的', '甲。'],
      ['适用范围', '乙。'],
      ['基本原则', '丙。'],
      ['部门职责', '丁。'],
    ]);
  });

  it('reads a caption lengthened by pinyin after its characters', () => {
    const draft = parseDraft(
      lines(
        '某条例',
        '第一条【傩(nuó)戏和皮影(yǐng)戏等濒(bīn)危(wēi)项目的抢救(jiù)性保护】对濒危项目优先采取抢救性保护措施。',
      ),
    );
    expect(listArticles(draft)[0]!.heading).toBe('傩戏和皮影戏等濒危项目的抢救性保护');
  });
});

describe('articles and lines', () => {
  it('opens the next article after a line without a full stop even with no space after its number', () => {
    const draft = parseDraft(
      lines(
        '某条例',
        '第二条 本条例适用于本市',
        '第三条公安机关是养犬管理的主管部门。',
        '（三）犬只照片',
        '第四条 丁。',
      ),
    );
    expect(labels(draft)).toEqual(['第二条', '第三条', '第四条']);
    expect(texts(draft)[0]).toBe('本条例适用于本市');
  });

  it('keeps a citation of another article at the start of a wrapped line inside its article', () => {
    const draft = parseDraft(
      lines(
        '某办法',
        '第五条 编制村镇规划应当依照本条例',
        '第六条规定的程序报批。',
        '第六条 确需变更的，依照本办法',
        '第三条第二款确定的程序办理。',
        '第七条 双方当事人可以依照本办法',
        '第八条、第九条的规定申请确认。',
      ),
    );
    expect(labels(draft)).toEqual(['第五条', '第六条', '第七条']);
    expect(texts(draft)).toEqual([
      '编制村镇规划应当依照本条例第六条规定的程序报批。',
      '确需变更的，依照本办法第三条第二款确定的程序办理。',
      '双方当事人可以依照本办法第八条、第九条的规定申请确认。',
    ]);
  });

  it('joins hard-wrapped lines, a comma pushed to the next line included, and reads 第一条为了 with no space', () => {
    const draft = parseDraft(
      lines(
        '南岭省行政机构编制管理办法',
        '  第一章总则',
        '  第一条为了规范省级行政机构的设置，加强编制管',
        '理，提高行政效率，制定本办',
        '法。',
        '  第二条行政机构的职责调整应当明确牵头部门；但是',
        '，在一届政府任期内应当保持相对',
        '稳定。',
      ),
    );
    expect(texts(draft)).toEqual([
      '为了规范省级行政机构的设置，加强编制管理，提高行政效率，制定本办法。',
      '行政机构的职责调整应当明确牵头部门；但是，在一届政府任期内应当保持相对稳定。',
    ]);
    expect(chapters(draft)).toEqual(['总则']);
  });

  it('reads an article number alone on its line with the text on the next', () => {
    const draft = parseDraft(
      lines('某条例', '  第三条', '  听证机构应当公告下列事项：', '  （一）听证事项；', '  第四条 乙。'),
    );
    expect(texts(draft)[0]).toBe('听证机构应当公告下列事项：\n（一）听证事项；');
  });

  it('keeps 目 (1. 2.) under an item as lines of the item', () => {
    const draft = parseDraft(
      lines(
        '某办法',
        '第四条 产权单位应当履行下列职责：',
        '（一）发现井盖缺失的，按照下列时限处置：',
        '1.主干道二小时内设置警示标志；',
        '2.次干道四小时内设置警示标志。',
        '（二）汛期前全面清掏。',
      ),
    );
    expect(texts(draft)[0]).toBe(
      '产权单位应当履行下列职责：\n（一）发现井盖缺失的，按照下列时限处置：\n1.主干道二小时内设置警示标志；\n2.次干道四小时内设置警示标志。\n（二）汛期前全面清掏。',
    );
  });

  it('reads 编, 章 restarting in each 编, 节 and an unnumbered 附则', () => {
    const draft = parseDraft(
      lines(
        '某条例（草案）',
        '第一编 总则',
        '第一章 一般规定',
        '第一条 甲。',
        '第二编 执法程序',
        '第一章 一般程序',
        '第一节 立案',
        '第二条 乙。',
        '附则',
        '第三条 丙。',
      ),
    );
    expect(draft.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['part', '第一编'],
      ['part', '第二编'],
    ]);
    expect(chapters(draft)).toEqual(['一般规定', '一般程序', '附则']);
    expect(draft.issues).toEqual([]);
  });

  it('names a gap in the numbering with the line where it shows', () => {
    const draft = parseDraft(lines('某办法', '第一条 甲。', '第二条 乙。', '第四条 丁。'));
    expect(issues(draft)).toEqual([['missing_article', 4, '第二条之后缺少第三条']]);
  });
});

describe('PDF and web noise', () => {
  it('keeps page numbers, running headers and footers out of the articles', () => {
    const draft = parseDraft(
      lines(
        '北湾市公共法律服务条例（草案）',
        '北湾市司法局 2025年3月',
        '第一条  甲。',
        '第二条  乙方应当',
        '北湾市司法局 2025年3月',
        '—3—履行义务。',
        '第 2 页 共 5 页',
        '北湾市司法局 2025年3月',
        '—4—第三条  丙。 - 5 -',
      ),
    );
    expect(texts(draft)).toEqual(['甲。', '乙方应当履行义务。', '丙。']);
    expect(draft.title).toBe('北湾市公共法律服务条例（草案）');
  });

  it('drops the title repeated as a page header even when a two-page PDF shows it only twice', () => {
    const draft = parseDraft(
      lines(
        '柳城市停车管理条例（草案）',
        '第一条 甲。',
        '第二条 乙方负责管理。',
        '— 1 —',
        '柳城市停车管理条例（草案）',
        '第三条 丙。',
      ),
    );
    expect(texts(draft)).toEqual(['甲。', '乙方负责管理。', '丙。']);
  });

  it('takes the title from the draft, not from breadcrumbs, garbled lines, a notice or a page title', () => {
    const web = parseDraft(
      lines(
        'ç¦æ­¢è½¬è½½ æ¬ç«æ¨è',
        '当前位置：首页 » 人大立法 » 立法征求意见',
        '泉溪市人民代表大会常务委员会关于公开征求《泉溪市电动自行车管理条例（草案）》意见的公告',
        '发布日期：2024-04-02　　来源：法制工作委员会',
        '2020年泉溪市电动自行车管理条例全文',
        '泉溪市电动自行车管理条例',
        '（草案）',
        '第一条　甲。',
      ),
    );
    expect(web.title).toBe('泉溪市电动自行车管理条例（草案）');
    const tagged = parseDraft(
      lines('江南省法律资料库', '【法规名称】江南省实施《中华人民共和国人民调解法》办法', '第一条　甲。'),
    );
    expect(tagged.title).toBe('江南省实施《中华人民共和国人民调解法》办法');
    const quoted = parseDraft(lines('《清溪土家族自治县自治条例》', '(修正草案·二审稿)', '第一条  甲。'));
    expect(quoted.title).toBe('清溪土家族自治县自治条例(修正草案·二审稿)');
    const wrappedNotice = parseDraft(
      lines(
        '遵水市人大常委会办公室关于公开征求《遵水市城市绿化条例',
        '(修订草案)》意见的公告',
        '遵水市城市绿化条例(修订草案)',
        '第一条 甲。',
      ),
    );
    expect(wrappedNotice.title).toBe('遵水市城市绿化条例(修订草案)');
  });

  it('keeps a navigation line of article links and prev/next links out of the articles', () => {
    const draft = parseDraft(
      lines(
        '第十条 第二十条',
        '某办法',
        '第一条 甲。',
        '第二条 乙。',
        '上一篇：某某办法（征求意见稿）',
        '下一篇：关于开展考评的通知',
      ),
    );
    expect(labels(draft)).toEqual(['第一条', '第二条']);
    expect(texts(draft)).toEqual(['甲。', '乙。']);
    expect(draft.issues).toEqual([]);
  });

  it('reads Traditional text with no space after numbers, converting it and saying so', () => {
    const draft = parseDraft(
      lines(
        '雲嶺省矛盾糾紛多元化解條例',
        '第一章 總 則',
        '第一條為了規範矛盾糾紛多元化解工作，制定本條例。',
        '第二條當事人可以依法申請行政複議或者提起訴訟。',
      ),
    );
    expect(draft.title).toBe('云岭省矛盾纠纷多元化解条例');
    expect(chapters(draft)).toEqual(['总则']);
    expect(texts(draft)[1]).toBe('当事人可以依法申请行政复议或者提起诉讼。');
    expect(codes(draft)).toEqual(['converted_traditional']);
  });
});

describe('decisions and amendments', () => {
  it('splits a 修正案 by its items and never takes a quoted article or chapter for its own', () => {
    const draft = parseDraft(
      lines(
        '海澄市大气污染防治条例修正案（草案）',
        '一、将第四条第二款修改为：“生态环境主管部门实施统一监督管理。”',
        '二、在第三章后增加一章，作为第四章：',
        '“第四章　重污染天气应对',
        '“第二十一条　市人民政府应当建立重污染天气监测预警体系。',
        '“第二十二条　有关单位应当按照应急预案采取措施。”',
        '三、本修正案自公布之日起施行。',
      ),
    );
    expect(labels(draft)).toEqual(['第一条', '第二条', '第三条']);
    expect(chapters(draft)).toEqual([]);
    expect(texts(draft)[1]).toBe(
      '在第三章后增加一章，作为第四章：\n“第四章　重污染天气应对\n“第二十一条　市人民政府应当建立重污染天气监测预警体系。\n“第二十二条　有关单位应当按照应急预案采取措施。”',
    );
    expect(issues(draft)).toEqual([
      [
        'enumerated_items',
        null,
        '本件是修改决定或修正案，已按“一、二、……”各项拆分为条；引号内的条文属于被修改的法规，不作为本件的条文',
      ],
    ]);
  });

  it('keeps a quotation wrapped onto the next line inside its item', () => {
    const draft = parseDraft(
      lines(
        '某州人民代表大会关于修改《某州林业管理条例》的决定',
        '一、第六条修改为：',
        '“第六条　自治州人民政府应当将林业发展纳入规划，',
        '第七条规定的投入应当逐年增加。”',
        '二、本决定自2021年3月1日起施行。',
      ),
    );
    expect(labels(draft)).toEqual(['第一条', '第二条']);
    expect(texts(draft)[0]).toBe(
      '第六条修改为：\n“第六条　自治州人民政府应当将林业发展纳入规划，第七条规定的投入应当逐年增加。”',
    );
  });

  it('keeps 第九条修改为… lines of a decision amending several laws inside their item', () => {
    const draft = parseDraft(
      lines(
        '北原省人民代表大会常务委员会关于修改部分地方性法规的决定',
        '一、对《北原省农村能源建设管理条例》作出修改',
        '第七条增加一项，作为第六项：“（六）指导农村清洁能源推广工作；”',
        '第九条修改为：“各级人民政府应当开发利用农村可再生能源。”',
        '二、本决定自公布之日起施行。',
      ),
    );
    expect(labels(draft)).toEqual(['第一条', '第二条']);
    expect(texts(draft)[0]).toBe(
      '对《北原省农村能源建设管理条例》作出修改\n第七条增加一项，作为第六项：“（六）指导农村清洁能源推广工作；”\n第九条修改为：“各级人民政府应当开发利用农村可再生能源。”',
    );
  });

  it('splits a decision without 第X条 by its items, and a decision with its own articles by those', () => {
    const items = parseDraft(
      lines(
        '青山县人民代表大会常务委员会关于加强基层立法联系点建设的决定',
        '（草案）',
        '作出如下决定：',
        '一、甲。',
        '二、乙：',
        '（一）丙；',
        '三、丁。',
      ),
    );
    expect(items.title).toBe('青山县人民代表大会常务委员会关于加强基层立法联系点建设的决定（草案）');
    expect(labels(items)).toEqual(['第一条', '第二条', '第三条']);
    expect(items.preamble).toBe('作出如下决定：');
    expect(codes(items)).toEqual(['enumerated_items']);
    const own = parseDraft(
      lines(
        '川北市人民代表大会常务委员会关于加强农村人居环境治理的决定',
        '第一条 甲。',
        '第二条 违反本决定第一条规定的，依法处理。',
      ),
    );
    expect(labels(own)).toEqual(['第一条', '第二条']);
    expect(own.issues).toEqual([]);
  });

  it('takes the revised law published after a decision as an appendix, not as more items', () => {
    const draft = parseDraft(
      lines(
        '南江省人民代表大会常务委员会关于修改《南江省渔业管理条例》的决定',
        '一、将第十五条修改为：“禁止电鱼、炸鱼、毒鱼。”',
        '二、本决定自公布之日起施行。',
        '南江省渔业管理条例',
        '第一章　总则',
        '第一条　为了保护渔业资源，制定本条例。',
      ),
    );
    expect(labels(draft)).toEqual(['第一条', '第二条']);
    expect(draft.appendix).toBe('南江省渔业管理条例\n第一章　总则\n第一条　为了保护渔业资源，制定本条例。');
    expect(parseDraft(renderDraft(draft)).appendix).toBe(draft.appendix);
  });

  it('an amendment rendered for saving parses back to the same articles', () => {
    const draft = parseDraft(
      lines(
        '南湖市电动自行车管理条例修正案（草案）',
        '一、将第五条修改为：',
        '“第五条　市、区人民政府应当加强充电场所的规划和建设。',
        '“住宅小区新建的，应当配套建设集中充电设施。”',
        '二、增加一条，作为第十二条之一：',
        '“第十二条之一【充电安全】禁止在楼梯间为电动自行车充电。”',
        '三、删去第二十三条。',
      ),
    );
    const again = parseDraft(renderDraft(draft));
    expect(listArticles(again).map((a) => [a.label, a.text])).toEqual(
      listArticles(draft).map((a) => [a.label, a.text]),
    );
  });
});

describe('the evaluation corpus', () => {
  const root = new URL('../../../../eval/drafts/', import.meta.url);
  const files = ['dev', 'test'].flatMap((half) =>
    readdirSync(new URL(`${half}/`, root))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `${half}/${f}`),
  );

  it('has at least 30 labelled drafts split into dev and test', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => f.startsWith('test/')).length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('%s parses as labelled and re-parses to the same tree after rendering', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    const labelled = draftLabelsSchema.parse(
      JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, '.labels.json'), root), 'utf8')),
    );
    const draft = parseDraft(text);
    expect(scoreDraft(draft, labelled).checks.filter((c) => !c.isRight)).toEqual([]);
    expect(labels(draft)).toEqual(expectedArticleLabels(labelled.expected));
    const again = parseDraft(renderDraft(draft));
    expect(again.title).toBe(draft.title);
    expect(listArticles(again).map((a) => [a.label, a.heading, a.text, a.path])).toEqual(
      listArticles(draft).map((a) => [a.label, a.heading, a.text, a.path]),
    );
  });
});
