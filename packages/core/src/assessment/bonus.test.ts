import { describe, expect, it } from 'vitest';
import { scoreBonus } from './bonus.ts';
import type { BonusConfig } from './scheme.schemas.ts';
import type { Honour } from './unit-inputs.schemas.ts';

const config = (overrides: Partial<BonusConfig> = {}): BonusConfig => ({
  table: { 通报表扬: { 中央: 3, 省: 2, 市: 1, 区: 0.5 }, 示范建设: { 省: 3, 市: 2 } },
  cap: 5,
  sameMatterHighestOnly: true,
  ...overrides,
});
const honour = (id: string, category: Honour['category'], level: Honour['level'], matterId?: string): Honour => ({
  id,
  category,
  level,
  title: `荣誉${id}`,
  ...(matterId ? { matterId } : {}),
});

describe('scoreBonus', () => {
  it('adds table points per honour and explains each line', () => {
    const r = scoreBonus(config(), [honour('a', '通报表扬', '省'), honour('b', '示范建设', '市')]);
    expect(r.awarded).toBe(4);
    expect(r.lines[0]).toEqual({
      points: 2,
      reason: '通报表扬（省级）：荣誉a，加2分',
      source: { kind: 'honour', id: 'a' },
    });
  });

  it('caps the total and says which line met the cap', () => {
    const r = scoreBonus(config(), [
      honour('a', '通报表扬', '中央'),
      honour('b', '示范建设', '省'),
      honour('c', '通报表扬', '市'),
    ]);
    expect(r.raw).toBe(7);
    expect(r.awarded).toBe(5);
    expect(r.lines.map((l) => l.points)).toEqual([3, 2, 0]);
    expect(r.lines[1]?.reason).toBe('示范建设（省级）：荣誉b，已达加分上限5分，实加2分');
    expect(r.lines[2]?.reason).toContain('不再加分');
  });

  it('applies a category cap before the total cap', () => {
    const r = scoreBonus(config({ categoryCaps: { 示范建设: 4 } }), [
      honour('a', '示范建设', '省'),
      honour('b', '示范建设', '省'),
    ]);
    expect(r.awarded).toBe(4);
    expect(r.lines[1]?.reason).toContain('已达“示范建设”类加分上限4分，实加1分');
  });

  it('counts the same matter once, at its highest level', () => {
    const r = scoreBonus(config(), [honour('a', '通报表扬', '市', 'm1'), honour('b', '通报表扬', '省', 'm1')]);
    expect(r.awarded).toBe(2);
    expect(r.lines[0]?.reason).toContain('同一事项已按最高级别加分');
  });

  it('a matter honoured in two categories counts in each, so a new honour in a full category lowers nothing', () => {
    const caps = config({ categoryCaps: { 示范建设: 0 } });
    const before = scoreBonus(caps, [honour('a', '通报表扬', '市', 'm1')]);
    const after = scoreBonus(caps, [honour('a', '通报表扬', '市', 'm1'), honour('b', '示范建设', '省', 'm1')]);
    expect(before.awarded).toBe(1);
    expect(after.awarded).toBe(1);
  });

  it('counts the same matter at every level when the rule is off', () => {
    const r = scoreBonus(config({ sameMatterHighestOnly: false }), [
      honour('a', '通报表扬', '市', 'm1'),
      honour('b', '通报表扬', '省', 'm1'),
    ]);
    expect(r.awarded).toBe(3);
  });

  it('an honour outside the table adds nothing, and says so', () => {
    const r = scoreBonus(config(), [honour('a', '批示肯定', '省')]);
    expect(r.awarded).toBe(0);
    expect(r.lines[0]?.reason).toBe('批示肯定（省级）：荣誉a，不在本方案加分标准内，不加分');
  });

  it('does not depend on the order honours arrive in', () => {
    const hs = [honour('c', '通报表扬', '中央'), honour('a', '示范建设', '省'), honour('b', '通报表扬', '省')];
    expect(scoreBonus(config(), hs)).toEqual(scoreBonus(config(), [...hs].reverse()));
  });
});
