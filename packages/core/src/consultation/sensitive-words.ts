import { normalizeForMatching } from './match-normalize.ts';

// A starter list of spam and illegal-advertising terms; each point maintains its own list in settings. A match
// never rejects a submission: it sends it to 待审核 so a person decides.
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = [
  '代开发票',
  '办证',
  '刷单',
  '网络赌博',
  '博彩',
  '六合彩',
  '贷款秒批',
  '套现',
  '枪支出售',
  '出售毒品',
  '迷药',
  '裸聊',
];

export type SensitiveWordFilter = (text: string) => string[];

/** Builds a matcher for a word list; it returns the listed words found in a text, in list order. */
export function createSensitiveWordFilter(words: readonly string[] = DEFAULT_SENSITIVE_WORDS): SensitiveWordFilter {
  const entries = [...new Set(words.map((w) => w.trim()).filter((w) => w !== ''))]
    .map((word) => ({ word, key: normalizeForMatching(word) }))
    .filter((e) => e.key !== '');
  return (text) => {
    const haystack = normalizeForMatching(text);
    return entries.filter((e) => haystack.includes(e.key)).map((e) => e.word);
  };
}

/** Longest word and largest list the office may keep or import at once. */
export const SENSITIVE_WORD_MAX_LENGTH = 20;
export const SENSITIVE_WORD_IMPORT_MAX = 500;

/** One word as the office types it: trimmed, full-width forms folded (NFKC), 1–20 characters. */
export function checkSensitiveWord(raw: string): { ok: true; word: string } | { ok: false; message: string } {
  const word = raw.normalize('NFKC').trim();
  if (word === '') return { ok: false, message: '请填写敏感词' };
  if ([...word].length > SENSITIVE_WORD_MAX_LENGTH)
    return { ok: false, message: `敏感词不能超过${SENSITIVE_WORD_MAX_LENGTH}个字：${word}` };
  if (normalizeForMatching(word) === '') return { ok: false, message: `敏感词不能只含标点或空白：${word}` };
  return { ok: true, word };
}

/**
 * An imported list, one word per line (blank lines and repeats skipped). Refuses an empty list, more than
 * SENSITIVE_WORD_IMPORT_MAX words, or a line that is not a word, naming the line.
 */
export function parseSensitiveWordList(text: string): { ok: true; words: string[] } | { ok: false; message: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const words: string[] = [];
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const checked = checkSensitiveWord(line);
    if (!checked.ok) return { ok: false, message: `第${i + 1}行：${checked.message}` };
    if (seen.has(checked.word)) continue;
    seen.add(checked.word);
    words.push(checked.word);
    if (words.length > SENSITIVE_WORD_IMPORT_MAX)
      return { ok: false, message: `词表过大：一次最多导入${SENSITIVE_WORD_IMPORT_MAX}个敏感词` };
  }
  if (words.length === 0) return { ok: false, message: '词表为空：请每行填写一个敏感词' };
  return { ok: true, words };
}
