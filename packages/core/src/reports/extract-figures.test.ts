import { describe, expect, it } from 'vitest';
import { extractFigures } from './extract-figures.ts';

const one = (text: string) => {
  const figures = extractFigures(text);
  expect(figures).toHaveLength(1);
  return figures[0]!;
};
const values = (text: string) => extractFigures(text).map((figure) => [figure.value, figure.unit]);

describe('extractFigures: quantities', () => {
  it('returns the CLI shape with offsets into the input', () => {
    const text = '坚持发展“枫桥经验”,调解成功率达99%。';
    const figure = one(text);
    expect(figure).toMatchObject({ value: 99, unit: '%', approx: null, metric: 'mediation.success_rate' });
    expect(figure.text).toBe('调解成功率达99%');
    expect(text.slice(figure.start, figure.end)).toBe(figure.text);
    expect(text.slice(figure.quantityStart, figure.quantityEnd)).toBe('99%');
  });

  it.each([
    ['服务群众1.19万人', 11900, '人', null],
    ['项目资金约1095.63万元', 10956300, '元', '约'],
    ['协议涉及金额1464余万元', 14640000, '元', '余'],
    ['受益群众3万余人', 30000, '人', '余'],
    ['引进人才300余人', 300, '人', '余'],
    ['提出建议近300条', 300, '条', '近'],
    ['培训超过2000人次', 2000, '人次', '超过'],
    ['定位率保持在95%以上', 95, '%', '以上'],
    ['走访企业20多家', 20, '家', '多'],
    ['办理案件一百二十三件', 123, '件', null],
    ['办理案件１２３件', 123, '件', null],
    ['收到申请1,234件', 1234, '件', null],
    ['涉及金额贰拾万元', 200000, '元', null],
    ['结案率百分之九十九', 99, '%', null],
    ['开展活动25场次', 25, '场次', null],
    ['考核得分13分', 13, '分', null],
  ])('%s', (text, value, unit, approx) => {
    expect(one(text)).toMatchObject({ value, unit, approx });
  });

  it('reads ranges as one figure with a lower and upper bound', () => {
    expect(one('每月开展3至5场')).toMatchObject({ value: 3, upper: 5, unit: '场' });
    expect(one('每组配备3-5人')).toMatchObject({ value: 3, upper: 5, unit: '人' });
  });

  it('reads Traditional text and reports original offsets', () => {
    const text = '健全聯調機制,矛盾糾紛化解率98.7%,受到表揚。';
    const figure = one(text);
    expect(figure).toMatchObject({ value: 98.7, unit: '%', metric: 'mediation.success_rate' });
    expect(figure.text).toBe('矛盾糾紛化解率98.7%');
  });
});

describe('extractFigures: what is not a figure', () => {
  it.each([
    ['years and dates', '2019年12月31日,2020年度工作要点于3月9日印发'],
    ['a date with its month lost', '截至1231日,全区'],
    ['ordinals', '第二批五星级调委会,第一次会议,第三届比赛,第十条'],
    ['plenums and campaigns', '十九届四中全会精神,七五普法,八五普法落实落细'],
    ['formula names', '推行“1+3+N”组织架构,任务按1×3清单销号'],
    ['mechanism names in quotes', '建立“四个一”工作机制,“12345”工程,“五个载体”,“两室”建设'],
    ['mechanism names without quotes', '落实三个一服务机制'],
    ['book titles', '案例收入《法治蓝皮书·地方法治发展报告(2021)》'],
    ['durations', '开展为期两个月的专项督察,连续3年开展活动,5年内刑满释放,1小时服务圈,70周年'],
    ['the single 一', '一批法治图书,一次年度述法活动,一份法治档案,一是健全机制'],
    ['idioms', '走进千家万户,三番五次,十分重要'],
    ['heading numbers', '1.开展法治宣传教育工作\n(二)全面开展工作\n二、主要举措'],
    ['numbers without a unit', '拨打12348热线,0760-88363148,+1'],
    ['clock times', '会议于15:35开始'],
  ])('%s', (_, text) => {
    expect(values(text)).toEqual([]);
  });

  it('ignores page furniture', () => {
    const text = [
      '发布日期: 2021-03-18 09:20      来源: 昭化区司法局       转发:',
      '【字号:',
      '浏览次数:1234次',
      '编辑:王晓雯',
      '蜀ICP备05002871号',
      '正文共调解纠纷12件。',
    ].join('\n');
    expect(values(text)).toEqual([[12, '件']]);
  });

  it('does not read the locality slogan 五个游仙 as five of something', () => {
    expect(values('绵阳市游仙区司法局把普法工作放进建设五个游仙的大局中谋划')).toEqual([]);
  });
});

describe('extractFigures: context', () => {
  it('links 其中 breakdowns to the total they add up to', () => {
    const text = '2021年全区收到行政复议申请3件,审结2件,尚有1件在审。其中维持1件,不予受理1件。';
    const figures = extractFigures(text);
    expect(figures.map((figure) => figure.value)).toEqual([3, 2, 1, 1, 1]);
    expect(figures[3]!.partOf).toBe(1);
    expect(figures[4]!.partOf).toBe(1);
    expect(figures[0]!.partOf).toBeUndefined();
  });

  it('links a breakdown in the same sentence', () => {
    const figures = extractFigures('征询意见建议1094条,其中148条被采纳。');
    expect(figures[1]).toMatchObject({ value: 148, partOf: 0, metric: 'consultation.adopted' });
  });

  it('marks year-on-year changes as comparisons without a metric', () => {
    const figures = extractFigures('共调解纠纷2197件,较上年增加120件,同比增长5.8%,调解成功率提高2个百分点。');
    expect(figures.map((figure) => [figure.value, figure.comparison ?? false])).toEqual([
      [2197, false],
      [120, true],
      [5.8, true],
      [2, true],
    ]);
    expect(figures[1]!.metric).toBeNull();
  });

  it('treats a share as a share, not a rate metric', () => {
    const figures = extractFigures('驻所调解室化解纠纷864件,占全区调解纠纷总量的41.32%。');
    expect(figures[1]).toMatchObject({ value: 41.32, unit: '%', metric: null });
  });

  it('repairs a year glued to a count and flags it', () => {
    expect(one('组织2021186名行政执法人员参加证件年审')).toMatchObject({
      value: 186,
      unit: '名',
      repaired: 'glued-year',
      metric: 'enforcement.officers',
    });
  });

  it('keeps a count whose unit the source dropped, flagged and unit-less', () => {
    const figures = extractFigures('以购买服务方式配备专职人民调解员14(2021年新增5),全年化解矛盾纠纷864件');
    expect(figures.map((figure) => [figure.value, figure.unit, figure.repaired ?? null])).toEqual([
      [14, '', 'missing-unit'],
      [5, '', 'missing-unit'],
      [864, '件', null],
    ]);
  });

  it('starts the phrase at its clause and extends a bare leading quantity to its noun', () => {
    const text = '二是统筹推进力度不够,3个协调小组作用发挥尚不充分。';
    expect(one(text).text).toBe('3个协调小组作用发挥尚不');
  });
});

describe('extractFigures: tables', () => {
  it('reads tab-separated rows with a unit column', () => {
    const text = [
      '项目\t数量\t单位',
      '调处各类矛盾纠纷\t2197\t件',
      '办理法律援助案件\t361\t件',
      '',
      '以上为全年数据。',
    ].join('\n');
    const figures = extractFigures(text);
    expect(figures.map((figure) => [figure.value, figure.unit, figure.metric, figure.fromTable])).toEqual([
      [2197, '件', 'mediation.cases', true],
      [361, '件', 'legal_aid.cases', true],
    ]);
    expect(text.slice(figures[0]!.quantityStart, figures[0]!.quantityEnd)).toBe('2197');
  });

  // An earlier year's column is read but gets no key: keyed, it would silently become this period's baseline.
  it('reads space-aligned rows with the unit in the header and a year column per figure', () => {
    const text = [
      '指标(件)        2018年    2019年',
      '行政复议受理    5         3',
      '行政应诉案件    7         9',
    ].join('\n');
    const figures = extractFigures(text);
    expect(figures.map((figure) => [figure.value, figure.unit, figure.metric])).toEqual([
      [5, '件', null],
      [3, '件', 'reconsideration.accepted'],
      [7, '件', null],
      [9, '件', 'litigation.cases'],
    ]);
  });

  it('uses units written in the label or cell', () => {
    const text = ['涉及金额(万元)  1464', '调解成功率      99%'].join('\n');
    expect(values(text)).toEqual([
      [14640000, '元'],
      [99, '%'],
    ]);
  });
});

describe('extractFigures: a ledger paragraph written for this test', () => {
  it('maps the usual 司法行政 figures', () => {
    const text =
      '全年共收到行政复议申请56件,受理48件,审结45件,其中维持32件,驳回5件,撤销3件,调解和解5件,纠错率6.7%。' +
      '举办法治培训班12期,培训干部1500余人次。开展普法宣传活动320场次,受教育群众5.6万人次。' +
      '全县共有人民调解委员会215个,人民调解员1,260名,调解成功率98.5%。办理法律援助案件426件,同比增长12.3%。' +
      '社区矫正在册236人,新接收95人,解除矫正88人。开展法治督察3次,发现问题27个,整改到位25个,整改率92.6%。';
    const figures = extractFigures(text);
    expect(figures.map((figure) => [figure.value, figure.unit, figure.metric])).toEqual([
      [56, '件', 'reconsideration.received'],
      [48, '件', 'reconsideration.accepted'],
      [45, '件', 'reconsideration.concluded'],
      [32, '件', 'reconsideration.maintained'],
      [5, '件', 'reconsideration.rejected'],
      [3, '件', 'reconsideration.corrected'],
      [5, '件', 'reconsideration.settled'],
      [6.7, '%', 'reconsideration.correction_rate'],
      [12, '期', 'training.sessions'],
      [1500, '人次', 'training.attendees'],
      [320, '场次', 'publicity.activities'],
      [56000, '人次', 'publicity.participants'],
      [215, '个', 'mediation.committees'],
      [1260, '名', 'mediation.mediators'],
      [98.5, '%', 'mediation.success_rate'],
      [426, '件', 'legal_aid.cases'],
      [12.3, '%', null],
      [236, '人', 'corrections.active'],
      [95, '人', 'corrections.received'],
      [88, '人', 'corrections.released'],
      [3, '次', 'oversight.inspections'],
      [27, '个', 'oversight.problems'],
      [25, '个', 'oversight.rectified'],
      [92.6, '%', 'oversight.rectification_rate'],
    ]);
    // The 其中 parts belong to 审结45件 (their sum, 45, fits it and not the 48 accepted).
    expect(figures.slice(3, 7).map((figure) => figure.partOf)).toEqual([2, 2, 2, 2]);
  });
});
