import { describe, expect, it } from 'vitest';
import { scoreDeductions } from './deductions.ts';
import type { DeductionConfig } from './scheme.schemas.ts';
import type { Penalty } from './unit-inputs.schemas.ts';

const config: DeductionConfig = {
  items: [
    { kind: '督查发现问题', level: '省', points: 2 },
    { kind: '督查发现问题', level: '市', points: 1, cap: 2 },
    { kind: '党员干部违纪违法', points: 2 },
  ],
  cap: 5,
};
const penalty = (id: string, kind: string, level?: Penalty['level'], count?: number): Penalty => ({
  id,
  kind,
  title: `记录${id}`,
  ...(level ? { level } : {}),
  ...(count ? { count } : {}),
});

describe('scoreDeductions', () => {
  it('deducts by kind and level and explains each record', () => {
    const r = scoreDeductions(config, [penalty('a', '督查发现问题', '省')]);
    expect(r.applied).toBe(2);
    expect(r.lines[0]).toEqual({
      points: 2,
      reason: '督查发现问题（省级）：记录a，扣2分',
      source: { kind: 'penalty', id: 'a' },
    });
  });

  it('a level-free item matches the kind at any level', () => {
    expect(scoreDeductions(config, [penalty('a', '党员干部违纪违法', '市')]).applied).toBe(2);
  });

  it('applies the item cap', () => {
    const r = scoreDeductions(config, [penalty('a', '督查发现问题', '市', 3)]);
    expect(r.raw).toBe(3);
    expect(r.applied).toBe(2);
    expect(r.lines[0]?.reason).toBe('督查发现问题（市级）：记录a，3次，已达该项扣分上限2分，实扣2分');
  });

  it('applies the overall cap', () => {
    const r = scoreDeductions(config, [penalty('a', '督查发现问题', '省', 2), penalty('b', '党员干部违纪违法')]);
    expect(r.applied).toBe(5);
    expect(r.lines[1]?.reason).toContain('已达减分总上限5分，实扣1分');
  });

  it('without an overall cap only item caps apply', () => {
    const r = scoreDeductions({ items: config.items }, [
      penalty('a', '督查发现问题', '省', 4),
      penalty('b', '党员干部违纪违法'),
    ]);
    expect(r.applied).toBe(10);
  });

  it('an unmatched record deducts nothing and is reported', () => {
    const r = scoreDeductions(config, [penalty('a', '交办任务落实不力', '市')]);
    expect(r.applied).toBe(0);
    expect(r.warnings[0]).toBe('减分记录“记录a”未找到对应的减分标准（交办任务落实不力（市级）），未扣分');
  });
});
