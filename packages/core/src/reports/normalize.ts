import { Converter } from 'opencc-js/t2cn';
import { identityMap, type MappedText, rewriteMatches } from './text-map.ts';

export type { MappedText } from './text-map.ts';

// Terms OpenCC renders in their Taiwanese form; in mainland legal usage they are written with 复.
const LEGAL_TERMS: readonly (readonly [string, string])[] = [
  ['覆议', '复议'],
  ['覆核', '复核'],
  ['覆查', '复查'],
  ['覆审', '复审'],
  ['布署', '部署'],
  ['规画', '规划'],
  ['计画', '计划'],
];

// Artefacts of scraped pages whose original wording is certain: a GBK page decoded as UTF-8 turns "。科" into "??茖".
const SCRAPE_REPAIRS: readonly (readonly [string, string])[] = [['??茖W', '。科學']];

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
// Pinyin glosses like 現(xiàn) that some sites append to characters; a tone mark tells them apart from "(N)" or "(2020)".
const PINYIN_GLOSS = new RegExp(`(?<=[${HAN}])[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)[)）]`, 'g');
// A single space between two Han characters is a typesetting artefact (镇 街); runs of spaces or tabs separate table columns.
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}])[ \\u00a0\\u3000](?=[${HAN}])`, 'g');
// OpenCC phrases never cross punctuation, so converting these runs one by one loses nothing and keeps the mapping exact.
const HAN_RUN = new RegExp(`[${HAN}]+`, 'g');

let twToCn: ((text: string) => string) | undefined;

function convertTraditional(run: string): string {
  twToCn ??= Converter({ from: 'tw', to: 'cn' });
  return twToCn(run);
}

/** Full-width ASCII forms (１２３，％（）) to half-width, ideographic and no-break spaces to plain spaces. */
function toHalfWidth(source: MappedText): MappedText {
  return rewriteMatches(source, /[\uff01-\uff5e\u3000\u00a0]/g, (match) => {
    const code = match[0].charCodeAt(0);
    if (code === 0x3000 || code === 0xa0) return ' ';
    return String.fromCharCode(code - 0xfee0);
  });
}

function replaceAll(source: MappedText, pairs: readonly (readonly [string, string])[]): MappedText {
  const pattern = new RegExp(pairs.map(([from]) => from.replace(/[?*+.()[\]{}|^$\\]/g, '\\$&')).join('|'), 'g');
  const table = new Map(pairs);
  return rewriteMatches(source, pattern, (match) => table.get(match[0]) ?? null);
}

function convertHanRuns(source: MappedText): MappedText {
  return rewriteMatches(source, HAN_RUN, (match) => {
    const converted = convertTraditional(match[0]);
    return converted === match[0] ? null : converted;
  });
}

/**
 * Normalises a report for matching: half-width digits and punctuation, Simplified characters (OpenCC tw→cn plus
 * legal terms it misses), pinyin glosses and stray spaces removed. The result keeps, for every character, the
 * span of the original text it came from, so that positions found in it can be reported against the input.
 */
export function normalizeReportText(text: string): MappedText {
  let mapped = identityMap(text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')));
  mapped = toHalfWidth(mapped);
  mapped = replaceAll(mapped, SCRAPE_REPAIRS);
  mapped = rewriteMatches(mapped, PINYIN_GLOSS, () => '');
  mapped = rewriteMatches(mapped, SPACE_BETWEEN_HAN, () => '');
  mapped = convertHanRuns(mapped);
  mapped = replaceAll(mapped, LEGAL_TERMS);
  return mapped;
}

/** Convenience for callers that only need the normalised string. */
export function normalizeText(text: string): string {
  return normalizeReportText(text).text;
}
