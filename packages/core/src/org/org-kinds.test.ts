import { describe, expect, it } from 'vitest';
import { placementError } from './org-kinds.ts';

describe('org placement', () => {
  it('a grid goes under a village or community only', () => {
    expect(placementError('grid', { kind: 'village', name: '元坝社区' })).toBeNull();
    expect(placementError('grid', { kind: 'department', name: '区司法局' })).toBe(
      '网格只能设在村（社区）之下，所选上级单位“区司法局”是区级部门',
    );
    expect(placementError('grid', { kind: 'township', name: '元坝镇' })).toBe(
      '网格只能设在村（社区）之下，所选上级单位“元坝镇”是乡镇（街道）',
    );
  });

  it('nothing goes under a grid, not even another grid', () => {
    expect(placementError('grid', { kind: 'grid', name: '第一网格' })).toBe(
      '网格只能设在村（社区）之下，所选上级单位“第一网格”是网格',
    );
    expect(placementError('department', { kind: 'grid', name: '第一网格' })).toBe('网格“第一网格”之下不能再设下级单位');
  });

  it('other kinds keep their free placement', () => {
    expect(placementError('department', { kind: 'county', name: '昭化区' })).toBeNull();
    expect(placementError('village', { kind: 'township', name: '元坝镇' })).toBeNull();
  });
});
