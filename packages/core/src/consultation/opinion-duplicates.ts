import { normalizeForMatching } from './match-normalize.ts';
import { normalizeMobile } from './phone.ts';
import { createSimilarity } from './text-diff.ts';

/**
 * The input to hash (SHA-256 on the server) for spotting the same person sending the same opinion twice:
 * draft, article, phone and the content with case, width, Traditional characters, spacing and punctuation folded.
 */
export function opinionFingerprint(input: {
  draftId: string;
  articleKey?: string | null;
  phone: string;
  content: string;
}): string {
  return [
    input.draftId,
    input.articleKey ?? '*',
    normalizeMobile(input.phone),
    normalizeForMatching(input.content),
  ].join('|');
}

export type OpinionForGrouping = { id: string; articleKey: string | null; content: string };

/**
 * Groups opinions on the same article whose wording is nearly the same (for 整理汇总: merge suggestions staff
 * confirm). Returns groups of two or more ids, each in input order.
 */
export function suggestDuplicateGroups(opinions: readonly OpinionForGrouping[], threshold = 0.85): string[][] {
  const similarity = createSimilarity();
  const keys = opinions.map((o) => normalizeForMatching(o.content));
  const parent = opinions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < opinions.length; i++) {
    for (let j = i + 1; j < opinions.length; j++) {
      if (opinions[i]!.articleKey !== opinions[j]!.articleKey) continue;
      if (keys[i] === '' || similarity(keys[i]!, keys[j]!) < threshold) continue;
      const [a, b] = [find(i), find(j)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, string[]>();
  opinions.forEach((o, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), o.id]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
