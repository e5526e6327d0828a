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
