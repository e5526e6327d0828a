/** What a unit counts; metric mapping accepts a figure only when its unit family fits the metric's. */
export type UnitFamily =
  | 'person'
  | 'person_times'
  | 'item'
  | 'event'
  | 'place'
  | 'money'
  | 'percent'
  | 'score'
  | 'measure'
  /** A multiple (2.95倍): never a metric's value. */
  | 'ratio';

export type UnitDefinition = {
  /** As written after the number. */
  readonly written: string;
  /** As reported on the figure (万元 is reported as 元 with the value multiplied out). */
  readonly unit: string;
  readonly family: UnitFamily;
  /** Power of ten the written unit carries (万元 → 4). */
  readonly power: number;
  /** Characters that, right after the unit, show it is the start of another word (人民, 部门, 条例 …). */
  readonly notBefore?: string;
};

const definitions: readonly UnitDefinition[] = [
  { written: '个百分点', unit: '个百分点', family: 'percent', power: 0 },
  { written: '平方米', unit: '平方米', family: 'measure', power: 0 },
  { written: '亿元', unit: '元', family: 'money', power: 8 },
  { written: '万元', unit: '元', family: 'money', power: 4 },
  { written: '人次', unit: '人次', family: 'person_times', power: 0 },
  { written: '户次', unit: '户次', family: 'person_times', power: 0 },
  { written: '件次', unit: '件次', family: 'item', power: 0 },
  { written: '批次', unit: '批次', family: 'event', power: 0 },
  { written: '场次', unit: '场次', family: 'event', power: 0 },
  { written: '课时', unit: '课时', family: 'event', power: 0 },
  { written: '学时', unit: '学时', family: 'event', power: 0 },
  { written: '公里', unit: '公里', family: 'measure', power: 0 },
  { written: '%', unit: '%', family: 'percent', power: 0 },
  { written: '‰', unit: '‰', family: 'percent', power: 0 },
  { written: '元', unit: '元', family: 'money', power: 0, notBefore: '旦宵' },
  { written: '人', unit: '人', family: 'person', power: 0, notBefore: '民大' },
  { written: '名', unit: '名', family: 'person', power: 0, notBefore: '义称单录额' },
  { written: '位', unit: '位', family: 'person', power: 0, notBefore: '置于' },
  { written: '户', unit: '户', family: 'person', power: 0, notBefore: '籍口' },
  { written: '件', unit: '件', family: 'item', power: 0, notBefore: '事' },
  { written: '起', unit: '起', family: 'item', power: 0, notBefore: '诉草来到' },
  { written: '宗', unit: '宗', family: 'item', power: 0, notBefore: '教旨' },
  { written: '例', unit: '例', family: 'item', power: 0, notBefore: '如外' },
  { written: '份', unit: '份', family: 'item', power: 0, notBefore: '额子' },
  { written: '条', unit: '条', family: 'item', power: 0, notBefore: '例款件线' },
  { written: '部', unit: '部', family: 'item', power: 0, notBefore: '门署分位长级' },
  { written: '篇', unit: '篇', family: 'item', power: 0, notBefore: '章幅' },
  { written: '本', unit: '本', family: 'item', power: 0, notBefore: '级地部单着质' },
  { written: '册', unit: '册', family: 'item', power: 0 },
  { written: '套', unit: '套', family: 'item', power: 0 },
  { written: '张', unit: '张', family: 'item', power: 0, notBefore: '贴' },
  { written: '项', unit: '项', family: 'item', power: 0, notBefore: '目' },
  { written: '类', unit: '类', family: 'item', power: 0, notBefore: '似型别' },
  { written: '种', unit: '种', family: 'item', power: 0, notBefore: '类子植' },
  { written: '个', unit: '个', family: 'item', power: 0, notBefore: '月体别性案' },
  { written: '家', unit: '家', family: 'place', power: 0, notBefore: '庭长属乡' },
  { written: '所', unit: '所', family: 'place', power: 0, notBefore: '有在属长以谓得' },
  { written: '处', unit: '处', family: 'place', power: 0, notBefore: '理罚置分室长级' },
  { written: '座', unit: '座', family: 'place', power: 0, notBefore: '谈' },
  { written: '间', unit: '间', family: 'place', power: 0, notBefore: '隔' },
  { written: '支', unit: '支', family: 'item', power: 0, notBefore: '持付出部' },
  { written: '次', unit: '次', family: 'event', power: 0, notBefore: '年日月要' },
  { written: '场', unit: '场', family: 'event', power: 0, notBefore: '所景地合馆' },
  { written: '期', unit: '期', family: 'event', power: 0, notBefore: '间限满末初' },
  { written: '批', unit: '批', family: 'event', power: 0, notBefore: '准示复评' },
  { written: '轮', unit: '轮', family: 'event', power: 0 },
  { written: '分', unit: '分', family: 'score', power: 0, notBefore: '之钟别类析局工管' },
  { written: '亩', unit: '亩', family: 'measure', power: 0 },
  { written: '倍', unit: '倍', family: 'ratio', power: 0 },
  { written: '大类', unit: '类', family: 'item', power: 0 },
  { written: '家次', unit: '家次', family: 'event', power: 0 },
  { written: '卷', unit: '卷', family: 'item', power: 0, notBefore: '宗入首' },
  { written: '台', unit: '台', family: 'item', power: 0, notBefore: '账阶湾词上风区' },
  { written: '块', unit: '块', family: 'item', power: 0, notBefore: '钱' },
  { written: '幅', unit: '幅', family: 'item', power: 0, notBefore: '度员' },
];

// Longest first so that 人次 wins over 人 and 万元 over 元.
export const UNITS: readonly UnitDefinition[] = [...definitions].sort((a, b) => b.written.length - a.written.length);

/** Words after a number that make it a date, a duration or an ordinal rather than a figure. */
export const NON_FIGURE_FOLLOWERS: readonly string[] = [
  '个月',
  '个工作日',
  '周年',
  '年度',
  '年',
  '月',
  '日',
  '号',
  '天',
  '周',
  '小时',
  '分钟',
  '届',
  '中全会',
  '岁',
  '时',
];

/** Reads the unit written at `index`, if any. */
export function readUnit(text: string, index: number): UnitDefinition | null {
  for (const definition of UNITS) {
    if (!text.startsWith(definition.written, index)) continue;
    const next = text[index + definition.written.length];
    if (next && definition.notBefore?.includes(next)) continue;
    return definition;
  }
  return null;
}

const families = new Map(UNITS.map((definition) => [definition.unit, definition.family]));
families.set('万元', 'money');

export function unitFamily(unit: string): UnitFamily | null {
  return families.get(unit) ?? null;
}
