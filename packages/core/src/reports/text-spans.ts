export type Span = { readonly start: number; readonly end: number };

export type Line = Span & { readonly text: string };

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return lines;
}

// Page furniture of government sites and news apps: publication stamps, font-size and share buttons, editor
// credits, hotlines, ICP numbers. Figures found there are never report figures.
// Labels of page furniture need their colon or bracket (审核：张三), so a report line that starts with the same verb
// (审核政府合同89件) stays; buttons (打印, 关闭, 反馈 …) only make up short lines (反馈问题112个… is report text).
const NOISE_LINE_START = new RegExp(
  `^[\\s【[]*(?:${[
    '发布时间|发布日期|发文日期|日期|时间|来源|文章来源|信息来源|作者|编辑|责编|责任编辑|校对|审核|审校|一审|二审|三审',
    '浏览次数|浏览量|阅读量|阅读次数|点击数|点击量|访问量|原标题|咨询热线|联系电话|电话|传真|地址|邮编|网站标识码',
    '主办单位|承办单位|技术支持|上一篇|下一篇|相关链接',
  ].join('|')})(?:[\\s:：】\\]]|$)`,
);
const BUTTON_LINE_START =
  /^[\s【[]*(?:字号|字体|分享|打印|关闭|返回|收藏|扫一扫|扫码|阅读原文|我要举报|举报|登录|下载客户端|反馈|【)/;
const MAX_BUTTON_LINE = 30;
const NOISE_ANYWHERE =
  /ICP备|公网安备|许可证|版权所有|Copyright|©|欢迎您|热线\s*[:：]|\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}/i;
const MAX_NOISE_LINE = 80;

/** Lines that are site navigation or page furniture rather than report text. */
export function isNoiseLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > MAX_NOISE_LINE) return false;
  if (NOISE_LINE_START.test(trimmed) || NOISE_ANYWHERE.test(trimmed)) return true;
  const isSentence = /[,，。;；]/.test(trimmed);
  if (trimmed.length <= MAX_BUTTON_LINE && !isSentence && BUTTON_LINE_START.test(trimmed)) return true;
  if (/(?:来源|编辑|作者)\s*[:：]/.test(trimmed)) return true;
  // Breadcrumbs: 首页 > 政务公开 > …
  if (/\s>\s|>\s*$/.test(trimmed)) return true;
  // Bare phone numbers and counters such as "12348", "+1", "0760-88363148".
  if (/^[+\d\s\-()]+$/.test(trimmed)) return true;
  return false;
}

export function findNoiseSpans(text: string): Span[] {
  return splitLines(text).filter((line) => isNoiseLine(line.text));
}

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '‘': '’', '〈': '〉' };
const MAX_QUOTE = 40;

/**
 * Spans inside quotation marks and title marks. In reports these hold names — “四个一”, “12345”工程, 《…(2020)》 —
 * so numbers inside them are not figures. Long "quotes" are usually unbalanced marks and are ignored.
 */
export function findQuotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const stack: { close: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const close = QUOTE_PAIRS[ch];
    if (close) {
      stack.push({ close, at: i });
      continue;
    }
    if (ch === '\n') {
      stack.length = 0;
      continue;
    }
    const top = stack.at(-1);
    const isClosing =
      top && (ch === top.close || (ch === '"' && top.close === '”') || (ch === '”' && top.close === '"'));
    if (isClosing) {
      stack.pop();
      if (i - top.at <= MAX_QUOTE) spans.push({ start: top.at, end: i + 1 });
      continue;
    }
    if (ch === '"') stack.push({ close: '”', at: i });
  }
  return spans;
}

export function isInside(spans: readonly Span[], index: number): boolean {
  return spans.some((span) => index >= span.start && index < span.end);
}

const CLAUSE_BREAK = /[,;。:!?\n]/;
const SENTENCE_BREAK = /[。;!?\n]/;

/** Index where the clause containing `index` starts (after the previous comma, semicolon, colon or full stop). */
export function clauseStartBefore(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (CLAUSE_BREAK.test(text[i]!)) return i + 1;
  }
  return 0;
}

/** Index where the clause containing `index` ends (at the next break, exclusive). */
export function clauseEndAfter(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    if (CLAUSE_BREAK.test(text[i]!)) return i;
  }
  return text.length;
}

export function sentenceStartBefore(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (SENTENCE_BREAK.test(text[i]!)) return i + 1;
  }
  return 0;
}

export function sentenceEndAfter(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    if (SENTENCE_BREAK.test(text[i]!)) return i;
  }
  return text.length;
}
