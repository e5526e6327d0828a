import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { mediationCaseHeaders } from '../../test/ledger-import.ts';
import { queryRows } from '../db/client.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());

/**
 * 50,000 rows written with exceljs's streaming writer (shared strings after the sheet in the zip, 100,000 distinct
 * Chinese strings): the whole path — reader, validation, COPY — with the server answering in between.
 */
async function bigWorkbook(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('台账');
  ws.addRow(mediationCaseHeaders).commit();
  const types = ['邻里纠纷', '婚姻家庭', '土地承包', '合同纠纷'];
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    ws.addRow([
      '元坝镇',
      `BIG-${i}`,
      types[i % 4],
      `当事人${i}`,
      `2026-03-${day}`,
      `2026-04-${day}`,
      '调解成功',
      (i % 500) + 0.5,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe('a 50,000-row import', () => {
  it('runs in the background: the server keeps answering while it runs, and every row lands', async () => {
    const file = await bigWorkbook(50_000);
    const res = await office.upload('/api/ledgers/types/mediation_case/import', 'big.xlsx', file);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    let answeredWhileRunning = 0;
    const phases = new Set<string>();
    let job = (await office.get(`/api/ledgers/jobs/${jobId}`)).json();
    while (job.status === 'queued' || job.status === 'running') {
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      if (health.statusCode === 200) answeredWhileRunning++;
      await new Promise((r) => setTimeout(r, 50));
      job = (await office.get(`/api/ledgers/jobs/${jobId}`)).json();
      phases.add(job.phase);
    }
    expect(job.message).toBeNull();
    expect(job).toMatchObject({ status: 'succeeded', imported: 50_000, percent: 100 });
    expect(answeredWhileRunning).toBeGreaterThan(3);
    expect(phases.has('正在读取和校验')).toBe(true);
    const [count] = await queryRows<{ n: number; fen: number }>(
      t.db,
      sql`select count(*)::int as n, sum((data->>'agreement_amount')::bigint)::bigint as fen from ledger_rows where data->>'case_no' like 'BIG-%'`,
    );
    expect(count!.n).toBe(50_000);
    // Σ over i of ((i mod 500) + 0.5) 元 = 100 × Σ(0…499) + 25,000 元, exactly, in 分.
    expect(Number(count!.fen)).toBe((100 * ((499 * 500) / 2) + 25_000) * 100);
  }, 300_000);
});
