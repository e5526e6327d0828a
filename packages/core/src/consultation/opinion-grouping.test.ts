import { describe, expect, it } from 'vitest';
import { groupOpinionsByArticle } from './opinion-grouping.ts';

describe('groupOpinionsByArticle', () => {
  it('puts whole-draft opinions first, then articles in legal order', () => {
    const groups = groupOpinionsByArticle([
      { id: 1, articleKey: 'a11' },
      { id: 2, articleKey: 'a10-1' },
      { id: 3, articleKey: null },
      { id: 4, articleKey: 'a2' },
      { id: 5, articleKey: 'a11' },
      { id: 6, articleKey: 'a10' },
    ]);
    expect(groups.map((g) => [g.articleKey, g.opinions.map((o) => o.id)])).toEqual([
      [null, [3]],
      ['a2', [4]],
      ['a10', [6]],
      ['a10-1', [2]],
      ['a11', [1, 5]],
    ]);
  });
});
