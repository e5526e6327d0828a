/**
 * Deadlines of a work point from the phrases 工作要点 use: "6月底前", "2026年9月30日前", "三季度末", "上半年", "年底前",
 * "全年", "长期坚持", "每季度". A point may name several stages ("6月底前完成摸底，年底前全面推开"); its deadline is the
 * last of them. Recurring and standing work (每季度, 长期坚持) is due at the end of the year, marked as such.
 */

export type DeadlineKind = 'date' | 'month' | 'quarter' | 'half_year' | 'year_end' | 'ongoing' | 'recurring';

export type FoundDeadline = { date: string; kind: DeadlineKind; text: string };

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (and Arabic digits) as a number; NaN otherwise. */
export function smallNumeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return Number.NaN;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGIT[m[1]]! : Number.NaN;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const validDay = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);

/** Full-width digits to ASCII and Chinese month numerals (十二月 → 12月), so one set of patterns reads them all. */
function normaliseNumbers(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/([一二三四五六七八九十]{1,3})(?=月)/g, (m) => {
      const n = smallNumeral(m);
      return n >= 1 && n <= 12 ? String(n) : m;
    })
    .replace(/(\d{1,2}月)([一二三四五六七八九十]{1,3})(?=日)/g, (_m, month: string, day: string) => {
      const n = smallNumeral(day);
      return Number.isNaN(n) ? _m : `${month}${n}`;
    })
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (m) =>
      [...m].map((c) => (c === '〇' || c === '零' ? '0' : String(CN_DIGIT[c] ?? c))).join(''),
    );
}

type Rule = { pattern: RegExp; read: (m: RegExpExecArray, year: number) => Omit<FoundDeadline, 'text'> | null };

const yearOf = (written: string | undefined, year: number) => (written ? Number(written) : year);
const BEFORE = '(?:前|之前|以前|止|完成|内)';
const NOT_AFTER_NUMBER = '(?<![0-9一二三四五六七八九十两几多])';

const rules: Rule[] = [
  // 2026年9月30日前, 9月30日前
  {
    pattern: new RegExp(`(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日${BEFORE}`, 'g'),
    read: (m, year) => {
      const y = yearOf(m[1], year);
      const month = Number(m[2]);
      const day = Number(m[3]);
      return validDay(y, month, day) ? { date: iso(y, month, day), kind: 'date' } : null;
    },
  },
  // 3—5月, 3月至5月: the later month's end
  {
    pattern: /(?:(\d{4})年)?(\d{1,2})(?:月)?\s*[—–\-~～至到]\s*(\d{1,2})月(?:份)?(?:底|末)?/g,
    read: (m, year) => {
      const y = yearOf(m[1], year);
      const month = Number(m[3]);
      return month >= 1 && month <= 12 ? { date: iso(y, month, lastDay(y, month)), kind: 'month' } : null;
    },
  },
  // 6月底前, 2026年6月底, 9月中旬前, 10月前, 11月份完成
  {
    pattern: new RegExp(
      `(?:(\\d{4})年)?(?<![\\d—–\\-~～至到])(\\d{1,2})月(?:份)?(?:(上旬|中旬|下旬)(?:${BEFORE.slice(3, -1)})?|(底|末)(?:${BEFORE.slice(3, -1)})?|(?:${BEFORE.slice(3, -1)}))`,
      'g',
    ),
    read: (m, year) => {
      const y = yearOf(m[1], year);
      const month = Number(m[2]);
      if (month < 1 || month > 12) return null;
      const day = m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : lastDay(y, month); // 下旬, 底, 末, or the month
      return { date: iso(y, month, day), kind: 'month' };
    },
  },
  // 4月份启动, 11月份: the month's end
  {
    pattern: /(?:(\d{4})年)?(?<![\d—–\-~～至到])(\d{1,2})月份/g,
    read: (m, year) => {
      const y = yearOf(m[1], year);
      const month = Number(m[2]);
      return month >= 1 && month <= 12 ? { date: iso(y, month, lastDay(y, month)), kind: 'month' } : null;
    },
  },
  // 一季度, 第三季度末, 二季度前 (not 每季度)
  {
    pattern: /(?<!每)(?:(\d{4})年)?第?([一二三四1-4])季度(?:末|底)?/g,
    read: (m, year) => {
      const y = yearOf(m[1], year);
      const q = smallNumeral(m[2]!);
      const month = q * 3;
      return { date: iso(y, month, lastDay(y, month)), kind: 'quarter' };
    },
  },
  {
    pattern: /(?:(\d{4})年)?(上半年|年中|下半年)/g,
    read: (m, year) => {
      const y = yearOf(m[1], year);
      return m[2] === '下半年'
        ? { date: iso(y, 12, 31), kind: 'half_year' }
        : { date: iso(y, 6, 30), kind: 'half_year' };
    },
  },
  // 2027年底前, 年底前, 年内, 全年, 本年度
  {
    pattern: new RegExp(
      `(?:(\\d{4})年(?:底|末)(?:前)?|${NOT_AFTER_NUMBER}(?:年底前|年末前|年底|年末|年内|全年|本年度))`,
      'g',
    ),
    read: (m, year) => {
      const y = yearOf(m[1], year);
      return { date: iso(y, 12, 31), kind: 'year_end' };
    },
  },
  {
    pattern: /(?:长期坚持|长期推进|持续推进|持续开展|常态化|长期)/g,
    read: (_m, year) => ({ date: iso(year, 12, 31), kind: 'ongoing' }),
  },
  {
    pattern: /(?:每季度|按季度|每月|按月|每半年|每年)/g,
    read: (_m, year) => ({ date: iso(year, 12, 31), kind: 'recurring' }),
  },
];

/** Every deadline phrase in a text, in order of appearance (overlapping phrases: the first rule to claim a span wins). */
export function findDeadlines(text: string, year: number): FoundDeadline[] {
  const normal = normaliseNumbers(text);
  const claimed: boolean[] = new Array(normal.length).fill(false);
  const found: (FoundDeadline & { at: number })[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(normal); m; m = rule.pattern.exec(normal)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed.slice(start, end).some(Boolean)) continue;
      const read = rule.read(m, year);
      if (!read) continue;
      for (let i = start; i < end; i++) claimed[i] = true;
      found.push({ ...read, text: m[0], at: start });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...d }) => d);
}

/**
 * The deadline of a point: the latest date its text names. A dated stage outranks standing work of the same date
 * ("每季度通报，年底前完成" is due at year end as a dated task). Null when the text names none.
 */
export function pointDeadline(text: string, year: number): FoundDeadline | null {
  const all = findDeadlines(text, year);
  if (all.length === 0) return null;
  const rank = (d: FoundDeadline) => (d.kind === 'ongoing' || d.kind === 'recurring' ? 0 : 1);
  return all.reduce((best, d) => {
    if (d.date > best.date) return d;
    if (d.date === best.date && rank(d) > rank(best)) return d;
    return best;
  });
}
