import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

type OrgItem = {
  id: number;
  name: string;
  parentId: number | null;
  path: string;
  kind: string;
  version: number;
  dimensionIds: number[];
};

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());

const orgsOf = async (c: Client): Promise<OrgItem[]> => (await c.get('/api/orgs')).json().items;
const named = (list: OrgItem[], name: string) => list.find((o) => o.name === name)!;
const orgCount = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from orgs`))[0]!.n;

describe('the "1+3+N" organisation', () => {
  it('the demo county has its committee, office, 17 member units, townships with villages and 6 中心司法所 areas', async () => {
    const list = await orgsOf(office);
    const county = named(list, '昭化区');
    const children = list.filter((o) => o.parentId === county.id);
    expect(children.filter((o) => o.kind === 'department')).toHaveLength(17);
    expect(children.filter((o) => o.kind === 'committee')).toHaveLength(1);
    expect(children.filter((o) => o.kind === 'township')).toHaveLength(12);
    expect(list.filter((o) => o.kind === 'village').length).toBeGreaterThanOrEqual(24);
    const dims = (await office.get('/api/dimensions')).json().items as { kind: string; name: string; id: number }[];
    expect(dims.filter((d) => d.kind === 'coord_group')).toHaveLength(3);
    expect(dims.filter((d) => d.kind === 'center_office')).toHaveLength(6);
    const group = dims.find((d) => d.name === '执法协调小组')!;
    expect(list.filter((o) => o.dimensionIds.includes(group.id)).map((o) => o.name)).toContain('区市场监督管理局');
  });

  it('a unit and a dimension leave the server with the contract fields only', async () => {
    const list = await orgsOf(office);
    const fields = ['id', 'parentId', 'name', 'shortName', 'kind', 'code', 'path', 'sort', 'dimensionIds', 'version'];
    expect(Object.keys(list[0]!).sort()).toEqual([...fields].sort());
    const one = await office.get(`/api/orgs/${list[0]!.id}`);
    expect(Object.keys(one.json()).sort()).toEqual([...fields].sort());
    const dims = (await office.get('/api/dimensions')).json().items;
    expect(Object.keys(dims[0]).sort()).toEqual(['id', 'kind', 'name', 'ownerOrgId']);
  });

  it('each user sees only their scope: a reporter its own unit, the office its county, the city both counties', async () => {
    expect((await orgsOf(await t.as('reporter-a'))).map((o) => o.name)).toEqual(['区司法局']);
    const county = await orgsOf(office);
    expect(county.map((o) => o.name)).not.toContain('利州区司法局');
    expect(county.map((o) => o.name)).not.toContain('广元市');
    const city = await orgsOf(await t.as('city'));
    expect(city.map((o) => o.name)).toEqual(expect.arrayContaining(['广元市', '昭化区', '利州区司法局']));
    const lz = named(city, '利州区司法局');
    expect(await refusal(await office.get(`/api/orgs/${lz.id}`))).toEqual([
      404,
      '未找到该单位，或该单位不在您的数据范围内',
    ]);
  });

  it('adds, edits with optimistic locking, moves a subtree and refuses to delete a unit in use', async () => {
    const list = await orgsOf(office);
    const county = named(list, '昭化区');
    const created = await office.post('/api/orgs', { parentId: county.id, name: '区应急管理局', kind: 'department' });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const [org] = (await orgsOf(office)).filter((o) => o.id === id);
    expect(org!.path).toBe(`${county.path}${id}/`);
    expect((await office.patch(`/api/orgs/${id}`, { shortName: '应急局', version: org!.version })).statusCode).toBe(
      200,
    );
    expect(await refusal(office.patch(`/api/orgs/${id}`, { shortName: '旧版本', version: org!.version }))).toEqual([
      409,
      '该单位已被他人修改，请刷新后再编辑',
    ]);

    const township = named(list, '元坝镇');
    const village = named(list, '泉坝村');
    const moved = await office.post(`/api/orgs/${township.id}/move`, { parentId: id });
    expect(moved.statusCode).toBe(200);
    const after = await orgsOf(office);
    expect(named(after, '泉坝村').path).toBe(`${county.path}${id}/${township.id}/${village.id}/`);
    const cyclic = await office.post(`/api/orgs/${id}/move`, { parentId: village.id });
    expect(await refusal(cyclic)).toEqual([400, '不能将单位移动到其自身或其下级单位之下']);
    await office.post(`/api/orgs/${township.id}/move`, { parentId: county.id });

    const inUse = await office.delete(`/api/orgs/${named(list, '区司法局').id}`);
    expect(await refusal(inUse)).toEqual([409, '“区司法局”下还有1个用户、16项目标任务，不能删除']);
    expect((await office.delete(`/api/orgs/${id}`)).statusCode).toBe(200);
  });

  it('imports units from Excel, all or nothing, with row-level errors', async () => {
    const template = await office.get('/api/orgs/import-template');
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.spliceRows(2, 1);
    ws.addRow(['区退役军人事务局', '昭化区', '区级部门', '退役军人局', '', '执法协调小组、区级部门']);
    ws.addRow(['退役军人服务站', '区退役军人事务局', '区级部门', '', '', '']);
    ws.addRow(['', '昭化区', '不存在的类型', '', '', '']);
    ws.addRow(['某单位', '查无此单位', '区级部门', '', '', '']);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await orgCount();
    const res = await office.upload('/api/orgs/import', '单位.xlsx', bad);
    expect(await refusal(res)).toEqual([
      422,
      '导入失败，共3处错误，未写入任何数据。第4行“单位名称”：不能为空；第4行“单位类型”：“不存在的类型”不是有效的单位类型，可选：省、市、县（区）、乡镇（街道）、村（社区）、网格、委员会、办公室、区级部门、司法所；第5行“上级单位”：找不到单位“查无此单位”（须为已有单位或本表中在前面的行）',
    ]);
    expect(res.json().details).toEqual(
      expect.arrayContaining([
        { row: 4, column: '单位名称', message: '不能为空' },
        expect.objectContaining({ row: 4, column: '单位类型' }),
        expect.objectContaining({ row: 5, column: '上级单位' }),
      ]),
    );
    expect(await orgCount()).toBe(before);

    const goodBook = new ExcelJS.Workbook();
    const goodSheet = goodBook.addWorksheet('单位导入');
    for (const n of [1, 2, 3]) goodSheet.addRow((ws.getRow(n).values as unknown[]).slice(1));
    const good = Buffer.from(await goodBook.xlsx.writeBuffer());
    const ok = await office.upload('/api/orgs/import', '单位.xlsx', good);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 2 });
    const list = await orgsOf(office);
    expect(named(list, '退役军人服务站').parentId).toBe(named(list, '区退役军人事务局').id);
    expect(named(list, '区退役军人事务局').dimensionIds.length).toBe(2);
  });

  it('a broken or foreign file is a clear 400', async () => {
    const res = await office.upload('/api/orgs/import', 'x.xlsx', Buffer.from('not excel at all'));
    expect(await refusal(res)).toEqual([400, '文件无法读取：请上传有效的 Excel（.xlsx）文件']);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['姓名', '电话']);
    const wrong = await office.upload('/api/orgs/import', 'x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('缺少必需的列');
  });
});
