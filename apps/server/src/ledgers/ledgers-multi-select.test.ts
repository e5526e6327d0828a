import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { importLedgerFile } from '../../test/ledger-import.ts';
import { queryRows } from '../db/client.ts';

// The 综治中心 rooms checklist is a multi-select: one row per centre with the rooms it has.
let t: TestApp;
let office: Client;
let reporterB: Client;
let township: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterB] = await Promise.all([t.as('office'), t.as('reporter-b')]);
  township = (await queryRows<{ id: number }>(t.db, sql`select id from orgs where name = '元坝镇'`))[0]!.id;
});
afterAll(() => t?.close());

const base = '/api/ledgers/types/center_room/rows';
const centres = async () =>
  (
    await queryRows<{ name: string; rooms: string[] }>(
      t.db,
      sql`select data->>'center_name' as name, data->'rooms' as rooms from ledger_rows where type_key = 'center_room'
          order by id`,
    )
  ).map((r) => ({ ...r, rooms: typeof r.rooms === 'string' ? JSON.parse(r.rooms) : r.rooms }));
const withMediationRoom = async () =>
  (await office.get(`/api/metrics/grassroots.centers_with_mediation_room?org=${township}&period=2026`)).json()
    .value as number;

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['填报单位', '综治中心', '设置日期', '已设置功能室', '已配备人员的功能室']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const runImport = (file: Buffer) => importLedgerFile(office, 'center_room', file, { filename: 'rooms.xlsx' });

describe('multi-select ledger field (综治中心功能室)', () => {
  it('refuses an unknown room naming the field and the value, writing nothing', async () => {
    const before = await centres();
    const res = await office.post(base, {
      orgId: township,
      data: { center_name: '测试综治中心', set_up_date: '2026-03-01', rooms: ['mediation_room', 'spa'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^已设置功能室中的“spa”不是可选值，应为以下之一：综治中心办公室、/);
    expect(await centres()).toEqual(before);
  });

  it('stores the rooms as a list, filters rows containing a room, and counts it in a registry metric', async () => {
    const counted = await withMediationRoom();
    const res = await office.post(base, {
      orgId: township,
      data: {
        center_name: '测试综治中心',
        set_up_date: '2026-03-01',
        rooms: ['mediation_room', 'center_office'],
        staffed_rooms: ['center_office'],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.rooms).toEqual(['center_office', 'mediation_room']);
    const found = await office.get(`${base}?f.rooms=mediation_room&q=测试综治中心`);
    expect(found.json().items.map((r: { data: { center_name: string } }) => r.data.center_name)).toContain(
      '测试综治中心',
    );
    const notFound = await office.get(`${base}?f.rooms=police_room`);
    expect(notFound.json().items.map((r: { data: { center_name: string } }) => r.data.center_name)).not.toContain(
      '测试综治中心',
    );
    expect(await withMediationRoom()).toBe(counted + 1);
    // Another unit's reporter sees none of it.
    expect((await reporterB.get(base)).json().total).toBe(0);
  });

  it('notes the allowed values in the template and exports labels joined by 、', async () => {
    const template = await office.get('/api/ledgers/types/center_room/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const head = wb.worksheets[0]!.getRow(1);
    const col = (head.values as string[]).findIndex((v) => String(v).replace(/\*$/, '') === '已设置功能室');
    expect(col).toBeGreaterThan(0);
    expect(JSON.stringify(head.getCell(col).note)).toMatch(/可多选.*人民调解室/);
    const exported = await office.get('/api/ledgers/types/center_room/export');
    expect(exported.statusCode).toBe(200);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    out.worksheets[0]!.eachRow((r) => {
      cells.push(...(r.values as unknown[]).map(String));
    });
    expect(cells).toContain('综治中心办公室、人民调解室');
  });

  it('imports cells separated by 、 , or ；, and reports an unknown room by row and column', async () => {
    const good = await runImport(
      await workbook([
        ['元坝镇', '导入综治中心甲', '2026-04-01', '人民调解室、综治中心办公室', '人民调解室'],
        ['元坝镇', '导入综治中心乙', '2026-04-01', '社区警务室，心理疏导室；人民调解室', ''],
      ]),
    );
    expect(good.status, JSON.stringify(good)).toBe('succeeded');
    const rows = (await centres()).filter((c) => c.name.startsWith('导入综治中心'));
    expect(rows).toEqual([
      { name: '导入综治中心甲', rooms: ['center_office', 'mediation_room'] },
      { name: '导入综治中心乙', rooms: ['mediation_room', 'counselling_room', 'police_room'] },
    ]);
    const before = await centres();
    const bad = await runImport(await workbook([['元坝镇', '导入综治中心丙', '2026-04-01', '人民调解室、桑拿房', '']]));
    expect(bad.status).toBe('failed');
    const errors = await office.get(`/api/ledgers/jobs/${bad.id ?? bad.jobId}/errors`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(errors.rawPayload as unknown as ArrayBuffer);
    const row2 = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row2.slice(1)).toEqual([2, '已设置功能室', expect.stringMatching(/已设置功能室中的“桑拿房”不是可选值/)]);
    expect(await centres()).toEqual(before);
  });

  it('lets the office design a type with a multi-select; its template note names the values', async () => {
    const created = await office.post('/api/ledgers/types', {
      name: '法律七进活动',
      dateField: '活动日期',
      fields: [
        { label: '活动名称', kind: 'text', required: true },
        { label: '活动日期', kind: 'date', required: true },
        {
          label: '覆盖行业',
          kind: 'multi_enum',
          required: true,
          options: [
            { key: '', label: '进机关' },
            { key: '', label: '进学校' },
          ],
        },
      ],
      filters: ['覆盖行业'],
    });
    expect(created.statusCode, created.body).toBe(200);
    const { key, definition } = created.json();
    expect(definition.fields[2]).toMatchObject({ kind: 'multi_enum', help: '可多选，用“、”分隔：进机关、进学校' });
    const bad = await office.post(`/api/ledgers/types/${key}/rows`, {
      orgId: township,
      data: { f1: '宪法宣传', f2: '2026-05-01', f3: ['o1', 'o9'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('覆盖行业中的“o9”不是可选值，应为以下之一：进机关、进学校');
    const ok = await office.post(`/api/ledgers/types/${key}/rows`, {
      orgId: township,
      data: { f1: '宪法宣传', f2: '2026-05-01', f3: ['o2', 'o1'] },
    });
    expect(ok.json().data.f3).toEqual(['o1', 'o2']);
  });
});
