import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness } from './support.ts';

// The 干部考察 export on the 关键少数 page: the office picks last year and downloads the .xlsx; a reporter sees no
// button. Screenshots of the button at 1440 and 1280 px go to /tmp/results-export-shots.

const shots = '/tmp/results-export-shots';

describe('关键少数 考核结果运用表', () => {
  let harness: Harness;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the office downloads last year’s table; a reporter has no button', async () => {
    const last = new Date().getFullYear() - 1;
    const office = await loginAs(harness, 'office');
    const page = office.page;
    await page.goto('/cadres?tab=archives');
    await page.getByLabel('年度').click();
    await page.getByTitle(`${last}年`, { exact: true }).click();
    const button = page.getByRole('button', { name: '导出考核结果运用表' });
    await button.waitFor();
    await page.screenshot({ path: `${shots}/cadres-export-1440.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${shots}/cadres-export-1280.png` });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe(`领导干部${last}年度法治建设考核结果运用表.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe(`${last}年度`);
    expect((ws.getRow(1).values as string[]).slice(1, 6)).toEqual(['序号', '姓名', '单位', '职务', '党政主要负责人']);
    const justice = ws.getSheetValues().find((r) => Array.isArray(r) && r[3] === '区司法局' && r[4] === '局长') as
      | unknown[]
      | undefined;
    expect(justice?.slice(6, 10)).toEqual([`${last}年度法治建设考核方案`, 88.65, '非执法部门组第5名', '良好']);
    await office.context.close();

    const reporter = await loginAs(harness, 'reporter-a');
    await reporter.page.goto('/cadres');
    await reporter.page.getByRole('tab', { name: '会前学法' }).waitFor();
    expect(await reporter.page.getByRole('button', { name: '导出考核结果运用表' }).count()).toBe(0);
    await reporter.context.close();
  });
});
