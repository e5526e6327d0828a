import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness, type UserSession } from './support.ts';

async function mediationSheet(rows: number, prefix: string, badRow?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('矛盾纠纷调解');
  ws.addRow(['填报单位', '案件编号', '纠纷类型', '当事人', '受理日期', '办结日期', '调解结果', '协议涉及金额（元）']);
  for (let i = 1; i <= rows; i++)
    ws.addRow([
      '元坝镇',
      `${prefix}-${i}`,
      i === badRow ? '吵架' : '邻里纠纷',
      `王${i}、李${i}`,
      '2026-03-02',
      '2026-03-06',
      '调解成功',
      1000 + i,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// The office imports a sheet of mediation cases: the import runs as a background job with a progress bar, then the
// rows are in the table; a sheet with a bad cell writes nothing and offers the row-level error report.
describe('业务台账导入', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('imports an Excel file with a progress bar, then shows the rows and the dashboard figure grows by them', async () => {
    const { page } = office;
    const mediationTile = page.locator('.metric-figure[data-metric="mediation.cases"]').first();
    const tileValue = async () => Number(((await mediationTile.textContent()) ?? '').replace(/[^\d]/g, ''));
    await page.goto('/dashboard');
    await mediationTile.waitFor();
    const before = await tileValue();
    expect(before).toBeGreaterThan(0);

    await page.goto('/ledgers');
    await page.getByRole('menuitem', { name: /矛盾纠纷调解/ }).click();
    await page.getByText(/^共 \d+ 条$/).waitFor();
    await page.locator('button', { hasText: /^导入$/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '导入矛盾纠纷调解' });
    await modal.locator('input[type=file]').setInputFiles({
      name: '调解台账.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await mediationSheet(300, 'E2E'),
    });
    await modal.getByRole('button', { name: '开始导入' }).click();
    const progress = modal.getByTestId('import-progress');
    await progress.locator('.ant-progress').waitFor();
    await modal.getByText('导入完成：共写入 300 条记录').waitFor({ timeout: 60_000 });
    expect(await progress.locator('.ant-progress-status-success').count()).toBe(1);
    await modal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

    await page.getByPlaceholder('关键词').fill('E2E-');
    await page.getByPlaceholder('关键词').press('Enter');
    await page.getByText('共 300 条').waitFor();
    // the first page of the filtered list: 20 of the imported rows
    await expect.poll(() => page.locator('.ant-table-row', { hasText: /E2E-\d+/ }).count()).toBe(20);
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '元坝镇' }).count()).toBe(20);

    // The leadership dashboard reads the same rows through the metric registry: 300 more mediated disputes.
    await page.goto('/dashboard');
    await mediationTile.waitFor();
    await expect.poll(tileValue).toBe(before + 300);
  });

  it('a sheet with a bad cell writes nothing and offers the error report', async () => {
    const { page } = office;
    await page.goto('/ledgers');
    await page.getByRole('menuitem', { name: /矛盾纠纷调解/ }).click();
    await page.getByText(/^共 \d+ 条$/).waitFor();
    await page.locator('button', { hasText: /^导入$/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '导入矛盾纠纷调解' });
    await modal.locator('input[type=file]').setInputFiles({
      name: '有错误.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await mediationSheet(5, 'BAD', 3),
    });
    await modal.getByRole('button', { name: '开始导入' }).click();
    await modal
      .getByText('导入失败：共 1 处错误，未写入任何数据。请下载错误报告，修改后重新导入')
      .waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download');
    await modal.getByRole('button', { name: '下载错误报告' }).click();
    expect((await download).suggestedFilename()).toBe('导入错误报告.xlsx');
    await modal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await page.getByPlaceholder('关键词').fill('BAD-');
    await page.getByPlaceholder('关键词').press('Enter');
    await page.getByText('暂无记录').waitFor();
  });

  it('a reporter sees personal data masked and can still save an edit without retyping it', async () => {
    const { page } = await loginAs(harness, 'reporter-a');
    await page.goto('/ledgers/legal_aid_case');
    await page.getByText('（个人信息已按权限脱敏显示）', { exact: false }).waitFor();
    const first = page.locator('.ant-table-row').first();
    await expect.poll(() => first.innerText()).toMatch(/\*/);
    await first.getByRole('button', { name: '编辑' }).click();
    const modal = page.locator('.ant-modal', { hasText: '编辑法律援助案件' });
    await modal.getByLabel('承办律师').fill('赵律师');
    await modal.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存修改').waitFor();
  });
});
