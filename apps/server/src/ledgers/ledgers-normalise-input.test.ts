import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { importLedgerFile } from '../../test/ledger-import.ts';
import { queryRows } from '../db/client.ts';

/*
 * One normalisation of typed numbers, dates and phones (core shared/normalise-input.ts) in the JSON API and the
 * Excel import: "３", "一百二十", a full-width phone and a written date are stored in their normal form by both.
 */
let t: TestApp;
let office: Client;
const orgIds = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  const orgs = await queryRows<{ id: number; name: string }>(t.db, sql`select id, name from orgs`);
  for (const o of orgs) orgIds.set(o.name, o.id);
});
afterAll(() => t?.close());

async function workbook(head: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const runImport = (file: Buffer, type: string) => importLedgerFile(office, type, file);

/** The stored row as the office reads it (personal values decrypted). */
async function readRow(type: string, id: number) {
  const res = await office.get(`/api/ledgers/types/${type}/rows/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as Record<string, unknown>;
}

const expectedLocation = {
  month_date: '2025-03-01',
  active_count: 120,
  located_count: 3,
  visits: 12,
  education_sessions: 35,
};
const expectedStaff = { joined_date: '2025-03-01', phone: '13908121234' };

describe('typed numbers, dates and phones are normalised the same way', () => {
  it('JSON API: "３", "一百二十", "１２" and "三十五" in number fields and a written date are stored as numbers and ISO', async () => {
    const res = await office.post('/api/ledgers/types/corrections_location/rows', {
      orgId: orgIds.get('元坝镇司法所'),
      data: {
        month_date: '２０２５年３月１日',
        active_count: '一百二十',
        located_count: '３',
        visits: '１２',
        education_sessions: '三十五',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await readRow('corrections_location', res.json().id)).toMatchObject(expectedLocation);
  });

  it('JSON API: a full-width phone is stored normalised and refused when it is not a phone', async () => {
    const res = await office.post('/api/ledgers/types/jo_staff/rows', {
      orgId: orgIds.get('元坝镇司法所'),
      data: {
        name: '测试规范化甲',
        position: 'staff',
        joined_date: '2025/3/1',
        has_qualification: true,
        phone: '１３９ ０８１２ １２３４',
        active: true,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await readRow('jo_staff', res.json().id)).toMatchObject(expectedStaff);
    const bad = await office.post('/api/ledgers/types/jo_staff/rows', {
      orgId: orgIds.get('元坝镇司法所'),
      data: {
        name: '测试规范化乙',
        position: 'staff',
        joined_date: '2025-03-01',
        has_qualification: true,
        phone: '一三九',
        active: true,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('联系电话应为手机号或座机号（如 0839-1234567）');
    const notNumber = await office.post('/api/ledgers/types/corrections_location/rows', {
      orgId: orgIds.get('元坝镇司法所'),
      data: { month_date: '2025-04-01', active_count: '很多', located_count: 1 },
    });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().message).toBe('在册人数应为数字');
  });

  it('Excel import: the same values are stored the same way', async () => {
    const locations = await workbook(
      ['填报单位', '统计月份', '在册人数', '定位正常人数', '走访', '分类教育'],
      [['卫子镇司法所', '２０２５年３月１日', '一百二十', '３', '１２', '三十五']],
    );
    const job = await runImport(locations, 'corrections_location');
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded' });
    const [loc] = await queryRows<{ id: number }>(
      t.db,
      sql`select r.id from ledger_rows r join orgs o on o.id = r.org_id
          where r.type_key = 'corrections_location' and o.name = '卫子镇司法所' and r.row_date = '2025-03-01'`,
    );
    expect(await readRow('corrections_location', loc!.id)).toMatchObject(expectedLocation);

    const staff = await workbook(
      ['填报单位', '姓名', '职务', '到所日期', '具有法律职业资格', '联系电话', '在岗'],
      [['卫子镇司法所', '测试规范化丙', '工作人员', '2025年3月1日', '是', '１３９０８１２１２３４', '是']],
    );
    const staffJob = await runImport(staff, 'jo_staff');
    expect(staffJob, JSON.stringify(staffJob)).toMatchObject({ status: 'succeeded' });
    const [person] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from ledger_rows where type_key = 'jo_staff' and data->>'name' = '测试规范化丙'`,
    );
    expect(await readRow('jo_staff', person!.id)).toMatchObject(expectedStaff);
  });
});
