import * as OpenCC from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | null = null;

/**
 * The form two texts are compared in: Simplified characters, full-width letters and digits folded (NFKC), lower
 * case, and nothing but letters and digits, so 賭 博, 赌*博 and 赌博 compare equal.
 */
export function normalizeForMatching(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');
}
