import { describe, expect, it } from 'vitest';
import { bulletinCreateSchema, problemListQuerySchema } from './oversight.schemas.ts';

describe('oversight request schemas', () => {
  it('coerces list filters from the query string and defaults paging', () => {
    expect(problemListQuerySchema.parse({ year: '2026', unitId: '7', overdue: 'true' })).toEqual({
      year: 2026,
      unitId: 7,
      overdue: 'true',
      page: 1,
      pageSize: 20,
    });
    expect(problemListQuerySchema.safeParse({ status: 'done' }).error?.issues[0]?.message).toBe('问题状态不正确');
    expect(problemListQuerySchema.safeParse({ pageSize: '500' }).error?.issues[0]?.message).toBe('每页最多200条');
  });

  it('a bulletin names at least one unit, each with a reason, and defaults to the county level', () => {
    const ok = bulletinCreateSchema.parse({
      title: '通报',
      issuedOn: '2026-11-22',
      entries: [{ orgId: 3, stance: 'praise', reason: '整改到位' }],
    });
    expect(ok).toMatchObject({ level: 'county', cc: '', entries: [{ problemIds: [] }] });
    const issues = (input: object) =>
      bulletinCreateSchema
        .safeParse({ title: '通报', issuedOn: '2026-11-22', ...input })
        .error?.issues.map((i) => i.message);
    expect(issues({ entries: [] })).toEqual(['通报至少须列明一个单位']);
    expect(issues({ entries: [{ orgId: 3, stance: 'praise', reason: ' ' }] })).toEqual(['请填写通报事由']);
    expect(issues({ entries: [{ orgId: 3, stance: 'blame', reason: 'x' }] })).toEqual(['请选择表扬或批评']);
  });
});
