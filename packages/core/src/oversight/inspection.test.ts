import { describe, expect, it } from 'vitest';
import {
  inspectionCreateSchema,
  inspectionKeyNodeLabels,
  inspectionModeLabels,
  inspectionSchema,
} from './inspection.ts';

const valid = {
  year: 2024,
  title: '2024年中期法治督察',
  mode: 'random_unannounced',
  keyNode: 'mid',
  startDate: '2024-08-01',
  endDate: '2024-08-10',
  targetOrgIds: [11, 12],
  checklist: [{ content: '会前学法制度落实情况' }],
  team: [
    { name: '张三', role: 'leader' },
    { name: '李四', role: 'member' },
  ],
};

describe('inspection', () => {
  it('labels the 4 modes and 4 key nodes in Chinese', () => {
    expect(Object.values(inspectionModeLabels)).toEqual([
      '定期督查指导',
      '随机抽查暗访',
      '人大政协调研视察',
      '年度述职述法',
    ]);
    expect(Object.values(inspectionKeyNodeLabels)).toEqual(['年初部署', '半年小结', '中期推进', '年终总结']);
  });

  it('accepts a complete inspection and fills defaults', () => {
    const parsed = inspectionCreateSchema.parse(valid);
    expect(parsed.checklist[0]).toEqual({ content: '会前学法制度落实情况', basis: '' });
  });

  it('reports Chinese errors naming the field', () => {
    const messages = (input: object) =>
      inspectionCreateSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ mode: 'x' })).toEqual(['请选择督导方式']);
    expect(messages({ keyNode: undefined })).toEqual(['请选择关键节点']);
    expect(messages({ targetOrgIds: [] })).toEqual(['请至少选择一个被督察单位']);
    expect(messages({ targetOrgIds: [1, 1] })).toEqual(['被督察单位不能重复']);
    expect(messages({ endDate: '2024-07-01' })).toEqual(['结束日期不能早于开始日期']);
    expect(messages({ team: [{ name: '李四', role: 'member' }] })).toEqual(['督察组须确定一名组长']);
    expect(messages({ checklist: [] })).toEqual(['督察清单至少需要一项']);
  });

  it('describes the stored inspection for API responses', () => {
    const stored = { ...valid, id: 1, orgId: 2, status: 'in_progress', problemCount: 3 };
    expect(inspectionSchema.parse(stored).status).toBe('in_progress');
  });
});
