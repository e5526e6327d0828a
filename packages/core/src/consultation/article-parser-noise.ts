import * as OpenCC from 'opencc-js/t2cn';
import { NUMERAL_CHARS } from './chinese-numeral.ts';

// What offices paste is rarely a clean draft: web pages bring breadcrumbs, page furniture and jump links; PDF
// conversions bring page numbers, running headers and footers; reprints bring Traditional characters, pinyin after
// characters and mojibake. This pass removes that noise line by line. It never adds or removes a line break, so the
// line numbers the parser reports are the lines of the text the person gave.

let toSimplified: ((text: string) => string) | null = null;

// Legal terms opencc leaves in a form a mainland reader would not write.
const LEGAL_TERMS: [RegExp, string][] = [[/覆议/g, '复议']];

function simplify(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  let out = toSimplified(text);
  for (const [re, to] of LEGAL_TERMS) out = out.replace(re, to);
  return out;
}

const HAN_RE = /\p{Script=Han}/gu;

/** True when enough characters change under Traditional → Simplified conversion to call the text Traditional. */
export function isTraditionalText(text: string): boolean {
  const han = text.match(HAN_RE)?.length ?? 0;
  if (han === 0) return false;
  const converted = simplify(text);
  let changed = 0;
  const a = Array.from(text);
  const b = Array.from(converted);
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed += 1;
  return changed >= 5 && changed / han >= 0.02;
}

// Pinyin a web page printed after characters (ruby text copied as plain text): 經(jīng)濟 → 經濟. Only a syllable
// with a tone mark counts, so (app) or (ABC) after a word is kept.
const PINYIN_RE = /(\p{Script=Han})[(（]\s*([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*)\s*[)）]/gu;

/** Drops pinyin printed in brackets after characters. */
export function stripPinyin(line: string): string {
  return line.replace(PINYIN_RE, '$1');
}

const BREADCRUMB_SEPARATOR_RE = /\s*(?:->|>|»|＞|›|→)\s*/;
const BREADCRUMB_RE = /^(?:您?当前的?位置|您的位置|当前位置|所在位置)\s*[:：]/;
const PAGE_FURNITURE_RE =
  /^\[?\s*(?:发布时间|发布日期|发文日期|时间|日期|来源|作者|浏览次数|浏览|阅读|点击|更新|下载地址|分享到|上一篇|下一篇|上一条|下一条|责任编辑|编辑|校对|审核|排版|监制|投稿|字体)\s*[:：]/;
// Articles copied from a government WeChat account: the follow prompt, dividers and the footer buttons.
const WECHAT_RE =
  /^(?:[-—\s]*(?:THE\s+)?END[-—\s]*|[▲△▼●◆■★☆↑↓→←\s]+)$|点击上方.{0,12}关注|长按(?:识别)?二维码|扫码关注|^阅读原文$|^(?:分享|收藏|点赞|在看|转发)(?:\s+(?:分享|收藏|点赞|在看|转发))+$/i;
const PAGE_BUTTONS_RE = /【\s*(?:打印|关闭|打印本页|关闭窗口|字体|收藏|大\s*中\s*小)[^【】]*】|\[\s*[大中小]\s*\]/;
const ARTICLE_REF = `第\\s*[${NUMERAL_CHARS}]+\\s*[条條]`;
/** A row of links to articles (第十条 第二十条 …) at the top of a web page: navigation, not an article. */
const JUMP_LINKS_RE = new RegExp(`^(?:${ARTICLE_REF}\\s*[|｜、,，]?\\s*){2,}$`);
const MOJIBAKE_RE = /[\u00c0-\u024f]/g;
const GARBLED_RE = /锟斤拷|烫烫烫|屯屯屯/;
// Leading and trailing page numbers PDF conversion glues onto a line: "— 3 —第五条……" or "……施行。 - 4 -".
const LEADING_PAGE_RE = /^[-—－–]\s*\d{1,4}\s*[-—－–]\s*(?=\S)/;
const TRAILING_PAGE_RE = /(?<=[。；;：:！？!?”」）)]|\s)\s*[-—－–]\s*\d{1,4}\s*[-—－–]$/;
// Tags law databases put before a heading or the title: 【章名】第一章　总则, 【法规名称】……
const HEADING_TAG_RE = /^【\s*(?:章\s*名|节\s*名|章|节|编\s*名|条\s*文|法规名称|标\s*题|名\s*称)\s*】\s*/;
const STRUCTURE_START_RE = new RegExp(`^第\\s*[${NUMERAL_CHARS}]+\\s*[编編章节節条條]`);

/** True for a line that is page furniture of a web page: breadcrumbs, publication info, buttons, table rows. */
export function isWebFurniture(line: string): boolean {
  if (BREADCRUMB_RE.test(line) || PAGE_FURNITURE_RE.test(line) || WECHAT_RE.test(line)) return true;
  if (/首页|主页|网站/.test(line) && line.split(BREADCRUMB_SEPARATOR_RE).length >= 3 && !/[。；]/.test(line))
    return true;
  if (PAGE_BUTTONS_RE.test(line) && line.replace(PAGE_BUTTONS_RE, '').replace(/[\s【】[\]]/g, '').length < 6)
    return true;
  if ((line.match(/\|/g)?.length ?? 0) >= 2) return true; // a row of a page's information table
  return false;
}

/** True for a line of mojibake or replacement characters, which must never become a title or an article. */
export function isGarbled(line: string): boolean {
  if (GARBLED_RE.test(line)) return true;
  const han = line.match(HAN_RE)?.length ?? 0;
  return han === 0 && (line.match(MOJIBAKE_RE)?.length ?? 0) >= 3;
}

export function isJumpLinks(line: string): boolean {
  return JUMP_LINKS_RE.test(line);
}

export type CleanedDraftText = { text: string; isTraditional: boolean };

/**
 * Removes the noise of web pages, PDF conversions and reprints from a pasted or extracted draft, keeping every line
 * break. A line that is entirely noise becomes empty.
 */
export function cleanDraftText(input: string): CleanedDraftText {
  let text = input
    .normalize('NFC')
    .replace(/\uFEFF|\uFFFD|[\uE000-\uF8FF]|[\u200B-\u200D\u2060]/g, '')
    // Control characters other than line breaks and tabs (NUL, BEL, …) are dropped.
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\r' || c === '\t' || c === '\f' ? c : ''));
  const isTraditional = isTraditionalText(text);
  if (isTraditional)
    text = text
      .split(/(\r\n|\r|\n|\f)/)
      .map((part, i) => (i % 2 ? part : simplify(part)))
      .join('');
  const parts = text.split(/(\r\n|\r|\n|\f|\u2028|\u2029)/);
  const lines: { lead: string; body: string }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const raw = parts[i]!;
    const lead = /^\s*/.exec(raw)![0];
    let body = stripPinyin(raw.slice(lead.length).trimEnd());
    body = body.replace(HEADING_TAG_RE, '').replace(LEADING_PAGE_RE, '').replace(TRAILING_PAGE_RE, '');
    if (isWebFurniture(body) || isGarbled(body) || isJumpLinks(body)) body = '';
    lines.push({ lead, body });
  }
  dropRunningHeaders(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { lead, body } = lines[i]!;
    out.push(body === '' ? '' : `${lead}${body}`);
    if (i * 2 + 1 < parts.length) out.push(parts[i * 2 + 1]!);
  }
  return { text: out.join(''), isTraditional };
}

// A running header or footer of a PDF (the title, the issuing office and date) repeats on every page. From its
// third appearance on, every copy after the first is dropped; the first may be the title.
function dropRunningHeaders(lines: { body: string }[]): void {
  const counts = new Map<string, number>();
  const key = (body: string) => body.replace(/\s+/g, '');
  const isCandidate = (body: string) =>
    body !== '' && Array.from(body).length <= 40 && !/[。；;，,：:]/.test(body) && !STRUCTURE_START_RE.test(body);
  for (const { body } of lines) if (isCandidate(body)) counts.set(key(body), (counts.get(key(body)) ?? 0) + 1);
  const seen = new Set<string>();
  for (const line of lines) {
    if (!isCandidate(line.body)) continue;
    const k = key(line.body);
    if ((counts.get(k) ?? 0) < 3) continue;
    if (seen.has(k)) line.body = '';
    else seen.add(k);
  }
}
