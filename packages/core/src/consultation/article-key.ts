import { z } from '../shared/zod.ts';
import { formatChineseInteger } from './chinese-numeral.ts';

// Keys follow the article's number, not its position, so 第十条之一 inserted later keeps 第十一条's key stable;
// draft-diff supplies the old → new mapping when a new version renumbers.

/** 'a3' for 第三条, 'a20-1' for 第二十条之一. */
export function articleKey(number: number, suffix: number | null = null): string {
  return suffix ? `a${number}-${suffix}` : `a${number}`;
}

export const articleKeySchema = z.string().regex(/^a[1-9]\d*(-[1-9]\d*)?$/, { message: '条文编号格式不正确' });

export function parseArticleKey(key: string): { number: number; suffix: number | null } | null {
  const match = /^a([1-9]\d*)(?:-([1-9]\d*))?$/.exec(key);
  if (!match) return null;
  return { number: Number(match[1]), suffix: match[2] ? Number(match[2]) : null };
}

/** 第二十条之一 */
export function articleLabel(number: number, suffix: number | null = null): string {
  const base = `第${formatChineseInteger(number)}条`;
  return suffix ? `${base}之${formatChineseInteger(suffix)}` : base;
}

/** 第三条 for a3, or 草案整体 for an opinion on the whole draft (no key). */
export function articleLabelOf(key: string | null): string {
  if (key === null) return '草案整体';
  const parsed = parseArticleKey(key);
  return parsed ? articleLabel(parsed.number, parsed.suffix) : key;
}

/** Orders article keys as the articles stand in a law: a10 < a10-1 < a10-2 < a11. */
export function compareArticleKeys(a: string, b: string): number {
  const x = parseArticleKey(a);
  const y = parseArticleKey(b);
  if (!x || !y) return a.localeCompare(b);
  return x.number - y.number || (x.suffix ?? 0) - (y.suffix ?? 0);
}
