import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let office: Client;
let reporter: Client;
let countyId: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporter] = await Promise.all([t.as('office'), t.as('reporter-a')]);
  const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
  countyId = orgs.find((o) => o.name === '昭化区')!.id;
});
afterAll(() => t?.close());

type Dimension = { id: number; kind: string; name: string; ownerOrgId: number };
const dimensions = async () => (await office.get('/api/dimensions')).json().items as Dimension[];

describe('dimensions', () => {
  it('the office adds a coordination group, a duplicate is refused, and deleting it removes it', async () => {
    const before = await dimensions();
    const created = await office.post('/api/dimensions', {
      ownerOrgId: countyId,
      kind: 'coord_group',
      name: '法治乡村建设协调小组',
    });
    expect(created.statusCode, created.body).toBe(200);
    const added = (await dimensions()).find((d) => d.name === '法治乡村建设协调小组');
    expect(added).toMatchObject({ kind: 'coord_group', ownerOrgId: countyId });

    const duplicate = await office.post('/api/dimensions', {
      ownerOrgId: countyId,
      kind: 'coord_group',
      name: '法治乡村建设协调小组',
    });
    expect([duplicate.statusCode, duplicate.json().message]).toEqual([409, '维度“法治乡村建设协调小组”已存在']);
    const empty = await office.post('/api/dimensions', { ownerOrgId: countyId, kind: 'tier', name: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('名称不能为空');
    expect(await dimensions()).toHaveLength(before.length + 1);

    const removed = await office.delete(`/api/dimensions/${added!.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await dimensions()).map((d) => d.id)).not.toContain(added!.id);
    const again = await office.delete(`/api/dimensions/${added!.id}`);
    expect([again.statusCode, again.json().message]).toEqual([404, '维度不存在']);
    expect(await dimensions()).toHaveLength(before.length);
  });

  it('a reporter may not add or delete a dimension', async () => {
    const [first] = await dimensions();
    const add = await reporter.post('/api/dimensions', { ownerOrgId: countyId, kind: 'tier', name: '第四层级' });
    expect([add.statusCode, add.json().message]).toEqual([403, '您没有执行此操作的权限']);
    const del = await reporter.delete(`/api/dimensions/${first!.id}`);
    expect([del.statusCode, del.json().message]).toEqual([403, '您没有执行此操作的权限']);
    expect((await dimensions()).map((d) => d.id)).toContain(first!.id);
  });
});

describe('org export', () => {
  it('exports the units in scope with their parents and dimensions, as the org list gives them', async () => {
    const res = await office.get('/api/orgs/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const orgs = (await office.get('/api/orgs')).json().items as { name: string }[];
    expect(rows.length - 1).toBe(orgs.length);
    const sfj = rows.find((r) => r[0] === '区司法局')!;
    expect(sfj[1]).toBe('昭化区');

    // a reporter's export holds its own unit only
    const mine = await reporter.get('/api/orgs/export');
    expect(mine.statusCode).toBe(200);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    own.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    const visible = (await reporter.get('/api/orgs')).json().items as { name: string }[];
    expect(names.sort()).toEqual(visible.map((o) => o.name).sort());
    expect(names).toContain('区司法局');
  });
});
