import { expect } from 'vitest';
import type { Client } from './harness.ts';

/** The header row of a 调解案件 sheet as the import tests fill it in: the unit column, then the case fields. */
export const mediationCaseHeaders = [
  '填报单位',
  '案件编号',
  '纠纷类型',
  '当事人',
  '受理日期',
  '办结日期',
  '调解结果',
  '协议涉及金额（元）',
];

/**
 * Uploads a workbook to a ledger type's import (answered 202 with a job), then polls the job every 20 ms until it
 * has succeeded or failed, and returns it; throws after `tries` polls.
 */
export async function importLedgerFile(
  client: Client,
  type: string,
  file: Uint8Array,
  { filename = 'data.xlsx', tries = 2000 } = {},
) {
  const res = await client.upload(`/api/ledgers/types/${type}/import`, filename, Buffer.from(file));
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json();
  for (let i = 0; i < tries; i++) {
    const job = (await client.get(`/api/ledgers/jobs/${jobId}`)).json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import job did not finish');
}
