import { compareArticleKeys } from './article-key.ts';

export type ArticleOpinionGroup<T> = { articleKey: string | null; opinions: T[] };

/**
 * Sorts opinions for 整理汇总 and the report to the legislature: opinions on the whole draft first, then article
 * by article in legal order (第十条, 第十条之一, 第十一条), each group in the order given (e.g. by submission time).
 */
export function groupOpinionsByArticle<T extends { articleKey: string | null }>(
  opinions: readonly T[],
): ArticleOpinionGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const opinion of opinions) {
    const list = groups.get(opinion.articleKey) ?? [];
    list.push(opinion);
    groups.set(opinion.articleKey, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : compareArticleKeys(a, b)))
    .map(([articleKey, list]) => ({ articleKey, opinions: list }));
}
