import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

// 网格 (grid): the level below a 村（社区）. A row recorded at a grid counts in its community, township and county
// because every roll-up is a prefix match on the materialised path.
type OrgItem = { id: number; name: string; parentId: number | null; path: string; kind: string; version: number };

let t: TestApp;
let office: Client;
let orgs: OrgItem[];
const named = (name: string) => orgs.find((o) => o.name === name)!;
const orgCount = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from orgs`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  orgs = (await office.get('/api/orgs')).json().items;
});
afterAll(() => t?.close());

const figure = async (key: string, org: number, scope = 'subtree') => {
  const res = await office.get(`/api/metrics/${key}?org=${org}&period=2026&scope=${scope}`);
  expect(res.statusCode).toBe(200);
  return res.json().value as number;
};
const drill = async (key: string, org: number) => {
  const res = await office.get(`/api/metrics/${key}/rows?org=${org}&period=2026&pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json() as { total: number; items: { orgName: string; values: { case_no: string } }[] };
};

describe('网格 under a 村（社区）', () => {
  it('the demo community 元坝社区 has three grids, each with 3 mediation cases handed down from it', async () => {
    const community = named('元坝社区');
    const grids = orgs.filter((o) => o.parentId === community.id);
    expect(grids.map((g) => [g.name, g.kind])).toEqual([
      ['元坝社区第一网格', 'grid'],
      ['元坝社区第二网格', 'grid'],
      ['元坝社区第三网格', 'grid'],
    ]);
    for (const g of grids) expect(g.path).toBe(`${community.path}${g.id}/`);
    const perGrid = await queryRows<{ org_id: number; n: number }>(
      t.db,
      sql`select org_id, count(*)::int as n from ledger_rows where type_key = 'mediation_case'
          and org_id in (${sql.join(
            grids.map((g) => sql`${g.id}`),
            sql`, `,
          )}) group by org_id order by org_id`,
    );
    expect(perGrid.map((r) => r.n)).toEqual([3, 3, 3]);
    // The community's subtree figure is its own rows plus its grids' rows.
    const own = await figure('mediation.cases', community.id, 'own');
    let fromGrids = 0;
    for (const g of grids) fromGrids += await figure('mediation.cases', g.id);
    expect(fromGrids).toBeGreaterThan(0);
    expect(await figure('mediation.cases', community.id)).toBe(own + fromGrids);
  });

  it('a case recorded at a new grid counts in its community, township and county, and their drill-downs list it', async () => {
    const [community, township, county] = [named('元坝社区'), named('元坝镇'), named('昭化区')];
    const created = await office.post('/api/orgs', { parentId: community.id, name: '元坝社区第四网格', kind: 'grid' });
    expect(created.statusCode).toBe(200);
    const grid = created.json().id as number;
    expect(created.json().path).toBe(`${community.path}${grid}/`);

    const keys = ['mediation.cases', 'mediation.resolved'] as const;
    const before = new Map<string, number>();
    for (const key of keys)
      for (const o of [community, township, county]) before.set(`${key}@${o.id}`, await figure(key, o.id));

    const base = { dispute_type: 'neighbourhood', parties: '张甲、李乙', received_date: '2026-10-12' };
    const cases = [
      { ...base, case_no: '元坝网格调〔2026〕1号', result: 'success', concluded_date: '2026-10-20' },
      { ...base, case_no: '元坝网格调〔2026〕2号', result: 'ongoing' },
    ];
    for (const data of cases) {
      const res = await office.post('/api/ledgers/types/mediation_case/rows', { orgId: grid, data });
      expect(res.statusCode).toBe(200);
    }

    // Hand-counted: two cases at the grid, one of them resolved.
    expect(await figure('mediation.cases', grid)).toBe(2);
    expect(await figure('mediation.resolved', grid)).toBe(1);
    for (const o of [community, township, county]) {
      expect(await figure('mediation.cases', o.id)).toBe(before.get(`mediation.cases@${o.id}`)! + 2);
      expect(await figure('mediation.resolved', o.id)).toBe(before.get(`mediation.resolved@${o.id}`)! + 1);
    }
    // The grid's cases are not the community's own (本级) rows.
    const communityOwn = await office.get(
      `/api/metrics/mediation.cases/rows?org=${community.id}&period=2026&scope=own&pageSize=200`,
    );
    expect(communityOwn.json().items.map((i: { orgName: string }) => i.orgName)).not.toContain('元坝社区第四网格');

    for (const o of [community, township]) {
      const page = await drill('mediation.cases', o.id);
      expect(page.total).toBe(await figure('mediation.cases', o.id));
      const mine = page.items.filter((i) => i.orgName === '元坝社区第四网格').map((i) => i.values.case_no);
      expect(mine.sort()).toEqual(cases.map((c) => c.case_no).sort());
    }
    const gridPage = await drill('mediation.cases', grid);
    expect(gridPage.total).toBe(2);
  });

  it('refuses a grid under a department, a township or another grid with 400 naming the parent kind', async () => {
    const count = await orgCount();
    const grid = named('元坝社区第一网格');
    const cases: [number, string][] = [
      [named('区司法局').id, '网格只能设在村（社区）之下，所选上级单位“区司法局”是区级部门'],
      [named('元坝镇').id, '网格只能设在村（社区）之下，所选上级单位“元坝镇”是乡镇（街道）'],
      [grid.id, '网格只能设在村（社区）之下，所选上级单位“元坝社区第一网格”是网格'],
    ];
    for (const [parentId, message] of cases)
      expect(await refusal(office.post('/api/orgs', { parentId, name: '错位网格', kind: 'grid' }))).toEqual([
        400,
        message,
      ]);
    expect(
      await refusal(office.post('/api/orgs', { parentId: grid.id, name: '网格下的部门', kind: 'department' })),
    ).toEqual([400, '网格“元坝社区第一网格”之下不能再设下级单位']);
    expect(await orgCount()).toBe(count);
  });

  it('moves a grid to another village, refuses moving it under a township, and keeps a village with grids a village', async () => {
    const grid = named('元坝社区第二网格');
    expect(await refusal(office.post(`/api/orgs/${grid.id}/move`, { parentId: named('卫子镇').id }))).toEqual([
      400,
      '网格只能设在村（社区）之下，所选上级单位“卫子镇”是乡镇（街道）',
    ]);
    const [unchanged] = await queryRows<{ path: string }>(t.db, sql`select path from orgs where id = ${grid.id}`);
    expect(unchanged!.path).toBe(grid.path);

    const community = named('元坝社区');
    expect(
      await refusal(office.patch(`/api/orgs/${community.id}`, { kind: 'township', version: community.version })),
    ).toEqual([400, '“元坝社区”下设有网格，只能是村（社区）']);
    const [kind] = await queryRows<{ kind: string }>(t.db, sql`select kind from orgs where id = ${community.id}`);
    expect(kind!.kind).toBe('village');

    const village = named('泉坝村');
    const moved = await office.post(`/api/orgs/${grid.id}/move`, { parentId: village.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`${village.path}${grid.id}/`);
  });

  it("another county's village as the parent is not found (404), nothing created", async () => {
    const neighbour = (
      await queryRows<{ id: number; path: string }>(t.db, sql`select id, path from orgs where name = '利州区'`)
    )[0]!;
    const [next] = await queryRows<{ id: number }>(
      t.db,
      sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`,
    );
    await t.db.execute(sql`insert into orgs (id, parent_id, name, kind, path)
      values (${next!.id}, ${neighbour.id}, '利州区某社区', 'village', ${`${neighbour.path}${next!.id}/`})`);
    const count = await orgCount();
    expect(await refusal(office.post('/api/orgs', { parentId: next!.id, name: '越界网格', kind: 'grid' }))).toEqual([
      404,
      '未找到该上级单位，或该上级单位不在您的数据范围内',
    ]);
    expect(await orgCount()).toBe(count);
  });
});
