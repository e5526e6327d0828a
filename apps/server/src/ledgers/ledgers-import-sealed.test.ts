import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { importLedgerFile } from '../../test/ledger-import.ts';
import { queryRows } from '../db/client.ts';
import { blindIndex, dataKeys, decryptValue, isCiphertext } from '../platform/kernel/field-crypto.ts';
import { sealWorkerSettings, stopSealWorker } from '../platform/kernel/seal-worker.ts';
import { importSettings } from './ledgers.import.service.ts';
import { xlsxLimits } from './ledgers.xlsx-reader.service.ts';

// An import of a type with an encrypted, unique field (社区矫正对象: 身份证号) seals its values in the sealing worker a
// slice at a time: what is stored must be exactly what a form save stores — SM4 ciphertext that opens to the file's
// value, and its blind index — whether the worker runs or the values are sealed in the request thread.

let t: TestApp;
let office: Client;
const defaults = { ...importSettings };
const sliceRows = xlsxLimits.sliceRows;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());
afterEach(async () => {
  Object.assign(importSettings, defaults);
  xlsxLimits.sliceRows = sliceRows;
  sealWorkerSettings.enabled = true;
  await stopSealWorker();
});

/** A valid 18-digit ID number (GB 11643 check character) with serial `n` (< 1000 per day `d`). */
function idNumber(d: number, n: number) {
  const body = `51081119${String(700101 + d).padStart(6, '0')}${String(n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['填报单位', '姓名', '身份证号', '矫正类别', '接收日期']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const runImport = (file: Buffer) => importLedgerFile(office, 'corrections_subject', file, { tries: 3000 });

const stored = (prefix: string) =>
  queryRows<{ data: Record<string, unknown>; blind: Record<string, string> }>(
    t.db,
    sql`select data, blind from ledger_rows where type_key = 'corrections_subject' and data->>'name' like ${`${prefix}%`}
        order by id`,
  );

describe.each([
  ['in the sealing worker', true, 1],
  ['in the request thread (worker off)', false, 2],
])('an encrypted import sealed %s', (_label, worker, day) => {
  it('stores every ID number as ciphertext that opens to the file value, with its blind index, in file order', async () => {
    sealWorkerSettings.enabled = worker;
    xlsxLimits.sliceRows = 7; // many slices, sealed batch after batch
    importSettings.batchSize = 10; // several COPY statements
    const prefix = `封存${day}-`;
    const ids = Array.from({ length: 45 }, (_, i) => idNumber(day, i));
    ids[3] = ids[3]!.replace(/X$/, 'x'); // a lower-case check letter is stored as typed, indexed upper-case
    const rows = ids.map((id, i) => ['区司法局', `${prefix}${i}`, id, '缓刑', '2026-04-01']);
    const job = await runImport(await workbook(rows));
    expect(job).toMatchObject({ status: 'succeeded', imported: 45, errorCount: 0 });
    const saved = await stored(prefix);
    expect(saved.map((r) => r.data.name)).toEqual(ids.map((_, i) => `${prefix}${i}`));
    saved.forEach((r, i) => {
      const sealed = r.data.id_number as string;
      expect(isCiphertext(sealed)).toBe(true);
      expect(decryptValue(dataKeys(), sealed)).toBe(ids[i]);
      expect(r.blind).toEqual({ id_number: blindIndex(dataKeys(), ids[i]!) });
    });
    // the same ID number again, on the last row of a second file: refused by its blind index, nothing written
    const again = await runImport(
      await workbook([
        ['区司法局', `${prefix}新`, idNumber(day, 900), '缓刑', '2026-04-01'],
        ['区司法局', `${prefix}重`, ids[44], '缓刑', '2026-04-01'],
      ]),
    );
    expect(again).toMatchObject({ status: 'failed', errorCount: 1 });
    const report = await office.get(`/api/ledgers/jobs/${again.id}/errors`);
    expect(report.statusCode).toBe(200);
    expect(await stored(`${prefix}新`)).toEqual([]);
  });
});
