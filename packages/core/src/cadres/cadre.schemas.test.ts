import { describe, expect, it } from 'vitest';
import { archiveUpdateSchema, cadreCreateSchema, lawReportScoresSchema } from './cadre.schemas.ts';

describe('cadre request schemas', () => {
  it('checks ID numbers and phones with Chinese messages', () => {
    const base = { orgId: 1, name: '张三', position: '局长' };
    expect(cadreCreateSchema.parse({ ...base, idNumber: '51081119800101123X' })).toMatchObject({ isPrincipal: false });
    const issue = (input: object) => cadreCreateSchema.safeParse({ ...base, ...input }).error?.issues[0]?.message;
    expect(issue({ idNumber: '12345' })).toBe('身份证号码应为15位或18位');
    expect(issue({ phone: 'abc' })).toBe('联系电话格式不正确');
    expect(issue({ name: ' ' })).toBe('请填写姓名');
  });

  it('scores stay within 0–100 and an archive defaults to not filed', () => {
    expect(lawReportScoresSchema.safeParse({ panelScores: [101] }).error?.issues[0]?.message).toBe(
      '评议分数不能大于100',
    );
    expect(archiveUpdateSchema.parse({ year: 2026 })).toEqual({ year: 2026, duties: [], filedOn: null });
    expect(
      archiveUpdateSchema.safeParse({ year: 2026, duties: [{ title: 'x', status: 'maybe' }] }).error?.issues[0]
        ?.message,
    ).toBe('履职情况不正确');
  });
});
