import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RollupNode, rollupProgress } from './progress-rollup.ts';

const node = (id: number, parentId: number | null, weight: number, ownPercent: number | null, isClosed = false) =>
  ({ id, parentId, weight, ownPercent, isClosed }) satisfies RollupNode;

describe('progress roll-up', () => {
  it('a parent is the weighted mean of its children, weights normalised', () => {
    const p = rollupProgress([node(1, null, 10, null), node(2, 1, 3, 100), node(3, 1, 1, 20)]);
    expect(p.get(1)).toBe(80); // (3×100 + 1×20) / 4
  });

  it('closed counts 100, a leaf without entries 0, zero weights count equally', () => {
    const p = rollupProgress([node(1, null, 1, null), node(2, 1, 0, 50, true), node(3, 1, 0, null)]);
    expect(p.get(2)).toBe(100);
    expect(p.get(3)).toBe(0);
    expect(p.get(1)).toBe(50);
  });

  it('rolls up through three levels and keeps one decimal', () => {
    const p = rollupProgress([
      node(1, null, 1, null),
      node(2, 1, 1, null),
      node(3, 2, 1, 100),
      node(4, 2, 2, 0),
      node(5, 1, 1, 50),
    ]);
    expect(p.get(2)).toBe(33.3);
    expect(p.get(1)).toBe(41.7);
  });

  it('a parent always lies between its lowest and highest child', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: 0, max: 100 }), p: fc.integer({ min: 0, max: 100 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (kids) => {
          const nodes = [node(0, null, 1, null), ...kids.map((k, i) => node(i + 1, 0, k.w, k.p))];
          const v = rollupProgress(nodes).get(0) ?? -1;
          const ps = kids.map((k) => k.p);
          expect(v).toBeGreaterThanOrEqual(Math.min(...ps) - 0.05);
          expect(v).toBeLessThanOrEqual(Math.max(...ps) + 0.05);
        },
      ),
    );
  });
});
