import { type DeadlineKind, pointDeadline, smallNumeral } from './workpoints-extract-deadline.ts';
import { type UnitMatcher, unitMatcher, type WorkpointOrg } from './workpoints-extract-units.ts';

/**
 * A 工作要点 document (its plain text, as mammoth or the PDF reader gives it) → a proposed task tree. Every numbered
 * point (一、 /（一）/ 1. /（1）/ ①, and every row of a task table) is a task; nesting follows the numbering styles'
 * usual order. Each point's lead and assisting units come from "牵头单位：…；责任单位：…", "（区司法局牵头，各镇街配合）",
 * a trailing "责任单位：…" line (the first unit listed leads) or the table's columns; its deadline from the phrases
 * `findDeadlines` reads. Nothing here is final: the office corrects the proposal on one screen before publishing.
 */

export type { WorkpointOrg } from './workpoints-extract-units.ts';

export type ProposedPoint = {
  /** Stable within one proposal: p1, p2, … in document order. */
  key: string;
  parentKey: string | null;
  /** The number as written: 一、（一）1.（1）① or a table row's 序号. */
  number: string;
  /** 1-based line of the point in the text. */
  line: number;
  title: string;
  description: string;
  leadOrgId: number | null;
  /** text: the document names it; children: taken from the points below (a heading); none: the office must pick. */
  leadSource: 'text' | 'children' | 'none';
  assistOrgIds: number[];
  /** The unit wording found (for the office to compare with what was recognised). */
  unitsText: string;
  /** Unit-like names the org list does not know. */
  unmatchedUnits: string[];
  deadline: string | null;
  deadlineKind: DeadlineKind | null;
  deadlineText: string;
  deadlineSource: 'text' | 'children' | 'none';
};

export type WorkpointsProposal = { title: string; year: number; preamble: string; points: ProposedPoint[] };

type Style = { rank: number; re: RegExp; num: (m: RegExpExecArray) => number };

const CN = '[一二三四五六七八九十]{1,3}';
const styles: Style[] = [
  { rank: 1, re: new RegExp(`^(${CN})[、.．]\\s*(.*)$`), num: (m) => smallNumeral(m[1]!) },
  { rank: 2, re: new RegExp(`^[（(](${CN})[）)][、.．]?\\s*(.*)$`), num: (m) => smallNumeral(m[1]!) },
  { rank: 3, re: /^(\d{1,3})(?:[.．、](?!\d)|\s+(?=[\u4e00-\u9fff]))\s*(.*)$/, num: (m) => Number(m[1]) },
  { rank: 4, re: /^[（(](\d{1,3})[）)][、.．]?\s*(.*)$/, num: (m) => Number(m[1]) },
  { rank: 5, re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$/, num: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1 },
];

type Column = 'num' | 'task' | 'lead' | 'resp' | 'assist' | 'deadline' | 'other';
const headerWords: [RegExp, Column][] = [
  [/^(?:序号|编号|序)$/, 'num'],
  [/^(?:牵头单位|牵头部门|牵头领导单位|主责单位|主办单位)$/, 'lead'],
  [/^(?:责任单位|责任部门|主要责任单位|责任主体)$/, 'resp'],
  [/^(?:配合单位|配合部门|协办单位|参与单位|协同单位|协助单位|配合|协办|参与)$/, 'assist'],
  [/^(?:完成时限|完成时间|时间节点|时限要求|时限|完成期限|时间要求|进度安排)$/, 'deadline'],
  [
    /^(?:工作任务|任务内容|重点任务|工作内容|主要任务|工作要点|具体任务|任务|工作事项|主要内容|具体措施|工作措施|目标任务)$/,
    'task',
  ],
  [/^(?:工作类别|类别|备注|领域|项目|分类|责任领导)$/, 'other'],
];
const columnOf = (cell: string): Column | null => {
  const c = cell.replace(/\s+/g, '');
  for (const [re, col] of headerWords) if (re.test(c)) return col;
  return null;
};

type Token =
  | { kind: 'line'; text: string; line: number }
  | { kind: 'row'; line: number; num: string; cells: Partial<Record<Column, string>> };

const cleanLine = (raw: string) =>
  raw
    .replace(/[\u3000\u00a0\t]+$/g, '')
    .replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Page furniture a Word/PDF conversion leaves: "— 3 —", "-3-", "第 3 页 共 9 页". */
const NOISE = /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\f)$/;
const headingStart = (text: string) => styles[0]!.re.test(text) || styles[1]!.re.test(text);

/** Lines → tokens, table rows recognised: tab-separated rows, or one cell per line after a header run (mammoth). */
function tokenise(lines: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i]!;
    // A tab-separated header: every following tabbed line is a row.
    if (text.includes('\t')) {
      const cols = text.split('\t').map((c) => columnOf(c));
      if (cols.includes('task') && (cols.includes('lead') || cols.includes('resp'))) {
        let j = i + 1;
        let n = 0;
        while (j < lines.length && lines[j]!.includes('\t')) {
          const cells = lines[j]!.split('\t').map((c) => c.trim());
          const row: Partial<Record<Column, string>> = {};
          cols.forEach((col, k) => {
            if (col && cells[k]) row[col] = row[col] ? `${row[col]}；${cells[k]}` : cells[k];
          });
          n++;
          if (row.task) tokens.push({ kind: 'row', line: j + 1, num: row.num || String(n), cells: row });
          j++;
        }
        i = j;
        continue;
      }
    }
    // A header run, one short cell per line (blank lines were dropped).
    const run: Column[] = [];
    for (let j = i; j < lines.length && run.length < 8; j++) {
      const col = lines[j]!.length <= 10 ? columnOf(lines[j]!) : null;
      if (!col) break;
      run.push(col);
    }
    if (run.length >= 3 && run.includes('task') && (run.includes('lead') || run.includes('resp'))) {
      i = readCellRows(lines, i + run.length, run, tokens);
      continue;
    }
    tokens.push({ kind: 'line', text: text.replace(/\t+/g, ' '), line: i + 1 });
    i++;
  }
  return tokens;
}

/** Rows of a one-cell-per-line table; returns the index of the first line after the table. */
function readCellRows(lines: string[], start: number, cols: Column[], tokens: Token[]): number {
  const numbered = cols[0] === 'num';
  const perRow = numbered ? cols.length - 1 : cols.length;
  const rest = numbered ? cols.slice(1) : cols;
  const taskAt = rest.indexOf('task');
  let i = start;
  let expected = 1;
  while (i < lines.length) {
    if (headingStart(lines[i]!)) {
      // A section row (一、… in a merged cell) between task rows: a heading, and the table goes on.
      if (numbered && lines[i + 1] === String(expected)) {
        tokens.push({ kind: 'line', text: lines[i]!, line: i + 1 });
        i++;
        continue;
      }
      break;
    }
    if (numbered && lines[i] !== String(expected)) break;
    const rowLine = i + 1;
    if (numbered) i++;
    // A row's cells run to the next row number (or heading); a multi-paragraph task cell takes the extra lines.
    let end = i;
    while (
      end < lines.length &&
      !headingStart(lines[end]!) &&
      !(numbered && lines[end] === String(expected + 1) && end > i)
    ) {
      end++;
      if (!numbered && end - i === perRow) break;
    }
    let cells = lines.slice(i, end);
    const isLast = end >= lines.length || headingStart(lines[end] ?? '') || !numbered;
    if (isLast && cells.length > perRow) {
      // The last row ends where its columns do; what follows is text after the table.
      end = i + perRow;
      cells = lines.slice(i, end);
    }
    if (cells.length === 0) break;
    const extra = Math.max(0, cells.length - perRow);
    const row: Partial<Record<Column, string>> = {};
    let k = 0;
    rest.forEach((col, c) => {
      const take = c === taskAt ? 1 + extra : 1;
      const value = cells.slice(k, k + take).join('\n');
      k += take;
      if (value) row[col] = value;
    });
    tokens.push({ kind: 'row', line: rowLine, num: numbered ? String(expected) : String(expected), cells: row });
    expected++;
    i = end;
    if (!numbered && cells.length < perRow) break;
  }
  return i;
}

/** A field label, the role its units play, or a deadline. */
const LABELS: [RegExp, 'lead' | 'resp' | 'assist' | 'deadline'][] = [
  [/^(?:牵头单位|牵头部门|主责单位|主办单位|牵头)$/, 'lead'],
  [/^(?:责任单位|责任部门|主要责任单位|责任主体)$/, 'resp'],
  [/^(?:配合单位|配合部门|协办单位|参与单位|协同单位|协助单位|配合|协办|参与)$/, 'assist'],
  [/^(?:完成时限|完成时间|时间节点|时限要求|时限|完成期限|时间要求)$/, 'deadline'],
];
const LABEL_RE =
  /(牵头单位|牵头部门|主责单位|主办单位|主要责任单位|责任单位|责任部门|责任主体|配合单位|配合部门|协办单位|参与单位|协同单位|协助单位|完成时限|完成时间|时间节点|时限要求|完成期限|时间要求|牵头|配合|协办|参与)\s*[:：]/g;
/** A line that is nothing but labelled fields. */
const FIELD_LINE =
  /^[（(]?(?:牵头单位|牵头部门|主责单位|主办单位|主要责任单位|责任单位|责任部门|责任主体|配合单位|配合部门|协办单位|参与单位|协同单位|协助单位|完成时限|完成时间|时间节点|时限要求|完成期限|时间要求|牵头|配合)\s*[:：]/;

const roleOf = (label: string) => LABELS.find(([re]) => re.test(label))?.[1] ?? null;

type Units = { lead: string[]; resp: string[]; assist: string[]; deadline: string[]; raw: string[] };

/** A field's value ends at a line end, a full stop, or the bracket that opened the fields (not one inside a name). */
function fieldValue(value: string): string {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\n' || c === '。') return value.slice(0, i);
    if (c === '（' || c === '(') depth++;
    if (c === '）' || c === ')') {
      if (depth === 0) return value.slice(0, i);
      depth--;
    }
  }
  return value;
}

/** Units and deadline wording written as labelled fields; the text with those fields cut out is returned too. */
function labelledFields(text: string, units: Units): string {
  const marks: { label: string; at: number; valueAt: number }[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    marks.push({ label: m[1]!, at: m.index, valueAt: m.index + m[0].length });
  }
  if (marks.length === 0) return text;
  let remaining = '';
  let from = 0;
  marks.forEach((mark, n) => {
    const next = marks[n + 1]?.at ?? text.length;
    const value = fieldValue(text.slice(mark.valueAt, next));
    const end = mark.valueAt + value.length;
    const start = mark.at;
    remaining += text.slice(from, start);
    from = end;
    const clean = value.replace(/^[\s；;，,]+|[\s；;，,。]+$/g, '');
    const role = roleOf(mark.label);
    if (!role || !clean) return;
    units[role].push(clean);
    if (role !== 'deadline') units.raw.push(`${mark.label}：${clean}`);
  });
  remaining += text.slice(from);
  return remaining;
}

/** "（区司法局牵头，各镇街配合）", "由区委政法委牵头、区法院配合": clauses ending in a role verb. */
function roleClauses(text: string, units: Units, matcher: UnitMatcher) {
  for (const clause of text.split(/[，,。；;\n（）()：:]/)) {
    const c = clause.trim();
    // A unit phrase is short; a long run of text without a stop is a sentence (and would cost the lazy patterns).
    if (c.length > 200) continue;
    let m = /^(?:由)?(.+?)(?:牵头负责|牵头抓总|牵头落实|共同牵头|牵头)(?:，|,)?$/.exec(c);
    if (m && mentionsUnit(m[1]!, matcher) && m[1]!.length <= 80) {
      units.lead.push(m[1]!);
      units.raw.push(c);
      continue;
    }
    m = /^(?:由)?(.+?)(?:协同配合|配合落实|共同落实|共同推进|共同参与|协助|协办|配合|参与|参加)$/.exec(c);
    if (m && mentionsUnit(m[1]!, matcher) && m[1]!.length <= 80) {
      units.assist.push(m[1]!);
      units.raw.push(c);
      continue;
    }
    // No lead named: the first unit listed leads (分别负责, 按职责落实 …).
    m =
      /^(?:由)?(.+?)(?:具体负责|负责落实|负责实施|按职责分工负责|按职责分工落实|按职责落实|分工负责|分工落实|负责)$/.exec(
        c,
      );
    if (m && hasUnit(m[1]!, matcher) && isMostlyUnits(m[1]!, matcher)) {
      units.resp.push(m[1]!);
      units.raw.push(c);
      continue;
    }
    // A bracket holding nothing but units: "（区司法局、区法院）".
    if (bracketOnly(text, c) && isMostlyUnits(c, matcher)) {
      units.resp.push(c);
      units.raw.push(c);
    }
  }
}

function hasUnit(phrase: string, matcher: UnitMatcher) {
  const r = matcher.match(phrase);
  return r.ids.length + r.collectiveIds.length > 0;
}

/** A known unit, or a name shaped like one that the list lacks (reported to the office). */
function mentionsUnit(phrase: string, matcher: UnitMatcher) {
  const r = matcher.match(phrase);
  return r.ids.length + r.collectiveIds.length + r.unmatched.length > 0;
}

/** True when a phrase is unit names and separators, nothing more (a sentence that mentions a unit is not). */
function isMostlyUnits(phrase: string, matcher: UnitMatcher) {
  if (phrase.length > 80 || !hasUnit(phrase, matcher)) return false;
  const r = matcher.match(phrase);
  return r.unmatched.length === 0 && r.leftover.replace(/[、，,；;和及与等\s]|单位|部门/g, '').length <= 2;
}

const bracketOnly = (text: string, clause: string) =>
  clause.length > 0 && (text.includes(`（${clause}）`) || text.includes(`(${clause})`));

type Resolved = { leadOrgId: number | null; assistOrgIds: number[]; unmatched: string[]; unitsText: string };

function resolveUnits(units: Units, matcher: UnitMatcher): Resolved {
  const unmatched: string[] = [];
  const read = (phrases: string[]) => {
    const ids: number[] = [];
    const collective: number[] = [];
    for (const p of phrases) {
      const r = matcher.match(p);
      ids.push(...r.ids);
      collective.push(...r.collectiveIds);
      unmatched.push(...r.unmatched);
    }
    return { ids, collective };
  };
  const lead = read(units.lead);
  const resp = read(units.resp);
  const assist = read(units.assist);
  let leadOrgId: number | null = null;
  const assists: number[] = [];
  if (lead.ids.length > 0) {
    leadOrgId = lead.ids[0]!;
    assists.push(...lead.ids.slice(1), ...lead.collective, ...resp.ids, ...resp.collective);
  } else {
    // Without a named lead, the first of the 责任单位 leads (the usual "列第一位的为牵头单位").
    leadOrgId = resp.ids[0] ?? null;
    assists.push(...lead.collective, ...resp.ids.slice(1), ...resp.collective);
  }
  assists.push(...assist.ids, ...assist.collective);
  const assistOrgIds = [...new Set(assists)].filter((id) => id !== leadOrgId).slice(0, 50);
  return { leadOrgId, assistOrgIds, unmatched: [...new Set(unmatched)], unitsText: units.raw.join('；') };
}

/**
 * A point's lines as one text. A line that stops mid-sentence — longer than a short field line and not ending in a
 * stop, or leaving a bracket open — is a hard wrap (text copied out of a PDF) and runs on without a break.
 */
function joinLines(lines: string[]): string {
  let out = '';
  let open = 0;
  lines.forEach((line, n) => {
    if (n > 0) {
      const prev = lines[n - 1]!;
      const wrapped = open > 0 || (prev.length >= 28 && !/[。；;！？!?：:）)」”]$/.test(prev));
      out += wrapped ? '' : '\n';
    }
    out += line;
    open += (line.match(/[（(]/g) ?? []).length - (line.match(/[）)]/g) ?? []).length;
    if (open < 0) open = 0;
  });
  return out;
}

/** The first sentence of a point, without its unit and deadline fields; a long one is cut at a clause. */
function titleOf(text: string): string {
  const firstLine = text.split('\n')[0] ?? '';
  let t = firstLine.replace(/[（(][^（）()]*(?:牵头|配合|负责|责任单位|完成时限)[^（）()]*[）)]/g, '').trim();
  const stop = t.search(/[。！；;]/);
  if (stop > 0) t = t.slice(0, stop);
  t = t.replace(/[：:，,]$/, '').trim();
  if (t.length > 60) {
    const comma = t.slice(0, 60).lastIndexOf('，');
    t = comma >= 12 ? t.slice(0, comma) : `${t.slice(0, 60)}…`;
  }
  return t;
}

/** Title, year and preamble of the document: the line naming 要点 (or the first line) before the first point. */
function documentHead(lines: Token[], firstPointAt: number, fallbackYear: number) {
  const head = lines.slice(0, firstPointAt).filter((t): t is Token & { kind: 'line' } => t.kind === 'line');
  // The last title-like line before the points: a cover letter's own title comes before the list's.
  const titleLine =
    head.findLast(
      (t) => t.text.length <= 60 && !/[。；]$/.test(t.text) && /要点|工作安排|任务分工|重点任务|任务清单/.test(t.text),
    ) ?? head[0];
  const title = (titleLine?.text ?? '').replace(/\s+/g, '').slice(0, 200);
  const year = Number(/((?:19|20)\d{2})\s*年/.exec(title)?.[1] ?? fallbackYear);
  const preamble = head
    .filter((t) => t !== titleLine)
    .map((t) => t.text)
    .join('\n');
  return { title, year, preamble };
}

const ATTACHMENTS = /^附件\s*[:：\d]/;
/** The title of a list that follows a cover letter's 附件 line. */
const LIST_TITLE = /要点|清单|方案|工作安排|任务分工/;
const STOP = /^(?:抄送[:：]|(?:中共)?[\u4e00-\u9fff]{2,20}(?:办公室|委员会)\s*\d{4}年\d{1,2}月\d{1,2}日印发)/;

export function extractWorkpoints(
  text: string,
  orgs: readonly WorkpointOrg[],
  options: { year: number },
): WorkpointsProposal {
  const matcher = unitMatcher(orgs);
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  // Blank lines carry nothing here (mammoth ends every paragraph with one); page furniture goes too.
  const kept: string[] = [];
  const lineNos: number[] = [];
  raw.forEach((l, n) => {
    const c = cleanLine(l);
    if (c === '' || NOISE.test(c)) return;
    kept.push(c);
    lineNos.push(n + 1);
  });
  const tokens = tokenise(kept).map((t) => ({ ...t, line: lineNos[t.line - 1] ?? t.line }));

  type Draft = { point: ProposedPoint; rank: number; body: string[]; row?: Partial<Record<Column, string>> };
  const drafts: Draft[] = [];
  const stack: { rank: number; draft: Draft; lastChild: Map<number, number> }[] = [];
  const rootLast = new Map<number, number>();
  /** Some documents number 1. 2. … straight through the chapters: 3. may follow 2. of the previous （一）. */
  const lastOfStyle = new Map<number, number>();
  let firstPointAt = -1;

  const open = (rank: number, n: number, number: string, line: number, first: string, tokenAt: number) => {
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    const last = parent ? parent.lastChild : rootLast;
    last.set(rank, n);
    lastOfStyle.set(rank, n);
    const point: ProposedPoint = {
      key: `p${drafts.length + 1}`,
      parentKey: parent?.draft.point.key ?? null,
      number,
      line,
      title: '',
      description: '',
      leadOrgId: null,
      leadSource: 'none',
      assistOrgIds: [],
      unitsText: '',
      unmatchedUnits: [],
      deadline: null,
      deadlineKind: null,
      deadlineText: '',
      deadlineSource: 'none',
    };
    const draft: Draft = { point, rank, body: first ? [first] : [] };
    drafts.push(draft);
    stack.push({ rank, draft, lastChild: new Map() });
    if (firstPointAt < 0) firstPointAt = tokenAt;
    return draft;
  };

  /** A numbered line opens a point when its number continues its style's count under the current parent. */
  const accepts = (rank: number, n: number) => {
    // The parent this point would get: the nearest open point of a higher rank.
    let p = stack.length - 1;
    while (p >= 0 && stack[p]!.rank >= rank) p--;
    const last = (p >= 0 ? stack[p]!.lastChild : rootLast).get(rank) ?? 0;
    if (n === last + 1) return true;
    return last === 0 && (n === 1 || n === (lastOfStyle.get(rank) ?? -1) + 1);
  };

  let stopped = false;
  let inAttachments = false;
  tokens.forEach((token, at) => {
    if (stopped) return;
    if (token.kind === 'row') {
      const rank = 6;
      const d = open(rank, Number(token.num) || 0, token.num, token.line, '', at);
      d.row = token.cells;
      // Rows number themselves; a later row must not be refused for breaking a count.
      return;
    }
    const line = token.text;
    if (firstPointAt >= 0 && STOP.test(line)) {
      stopped = true;
      return;
    }
    if (firstPointAt >= 0 && ATTACHMENTS.test(line)) {
      inAttachments = true;
      return;
    }
    if (inAttachments) {
      // After 附件: the attachments' names, until the attached list itself starts with its title. What was
      // numbered before it was the cover letter's own text (一、高度重视…), not work points.
      if (line.length <= 40 && LIST_TITLE.test(line) && !styles.some((st) => st.re.test(line))) {
        inAttachments = false;
        drafts.length = 0;
        stack.length = 0;
        rootLast.clear();
        lastOfStyle.clear();
        firstPointAt = -1;
      }
      return;
    }
    for (const style of styles) {
      const m = style.re.exec(line);
      if (!m) continue;
      const n = style.num(m);
      const rest = (m[2] ?? '').trim();
      if (Number.isNaN(n) || !rest || !accepts(style.rank, n)) break;
      const number = line.slice(0, line.length - (m[2] ?? '').length).trim();
      open(style.rank, n, number, token.line, rest, at);
      return;
    }
    let current = stack[stack.length - 1];
    // "责任单位：…" on its own line after a ①②③ list belongs to the item that holds the list.
    if (current && current.rank === 5 && FIELD_LINE.test(line)) {
      current = [...stack].reverse().find((e) => e.rank < 5) ?? current;
    }
    if (current) current.draft.body.push(line);
  });

  const head = documentHead(tokens as Token[], firstPointAt < 0 ? tokens.length : firstPointAt, options.year);

  for (const d of drafts) {
    const units: Units = { lead: [], resp: [], assist: [], deadline: [], raw: [] };
    let text: string;
    if (d.row) {
      const r = d.row;
      if (r.lead) units.lead.push(r.lead);
      if (r.resp) units.resp.push(r.resp);
      if (r.assist) units.assist.push(r.assist);
      units.raw.push(...[r.lead, r.resp, r.assist].filter((x): x is string => !!x));
      text = [r.task ?? '', joinLines(d.body)].filter(Boolean).join('\n');
      const rest = labelledFields(text, units);
      roleClauses(rest, units, matcher);
      if (r.deadline) units.deadline.push(r.deadline);
    } else {
      text = joinLines(d.body);
      const rest = labelledFields(text, units);
      roleClauses(rest, units, matcher);
    }
    const resolved = resolveUnits(units, matcher);
    const p = d.point;
    p.title = titleOf(text);
    p.description = text.slice(0, 5000);
    p.leadOrgId = resolved.leadOrgId;
    p.leadSource = resolved.leadOrgId ? 'text' : 'none';
    p.assistOrgIds = resolved.assistOrgIds;
    p.unmatchedUnits = resolved.unmatched;
    p.unitsText = resolved.unitsText;
    // In a 完成时限 field or column a bare month ("11月") is that month's end.
    const fields = units.deadline.map((v) => v.replace(/^((?:\d{4}年)?\d{1,2})月$/, '$1月底'));
    const deadlineSource = fields.length ? fields.join('；') : text;
    const found = pointDeadline(deadlineSource, head.year);
    if (found) {
      p.deadline = found.date;
      p.deadlineKind = found.kind;
      p.deadlineText = found.text;
      p.deadlineSource = 'text';
    }
  }

  // Headings without units of their own: lead from the points below (the unit leading most of them), deadline the
  // last of theirs. Deepest first, so a chapter sees its sections' results.
  const childrenOf = new Map<string, ProposedPoint[]>();
  for (const d of drafts) {
    const parent = d.point.parentKey;
    if (parent) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), d.point]);
  }
  for (const d of [...drafts].reverse()) {
    const p = d.point;
    const kids = childrenOf.get(p.key) ?? [];
    if (kids.length === 0) continue;
    if (!p.leadOrgId) {
      const counts = new Map<number, number>();
      for (const k of kids) if (k.leadOrgId) counts.set(k.leadOrgId, (counts.get(k.leadOrgId) ?? 0) + 1);
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      if (ranked.length) {
        p.leadOrgId = ranked[0]![0];
        p.leadSource = 'children';
        p.assistOrgIds = ranked.slice(1, 51).map(([id]) => id);
      }
    }
    if (!p.deadline) {
      const dates = kids.map((k) => k.deadline).filter((x): x is string => !!x);
      if (dates.length) {
        p.deadline = dates.sort().at(-1)!;
        p.deadlineKind = 'date';
        p.deadlineSource = 'children';
      }
    }
  }

  return { title: head.title, year: head.year, preamble: head.preamble, points: drafts.map((d) => d.point) };
}
