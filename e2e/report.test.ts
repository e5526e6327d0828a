import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// The annual report through the UI: the office composes the demo county's report from the ledgers, sends it for
// review, finalises it (frozen) and downloads the GB/T 9704 .docx.
describe('年度报告', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the current draft shows live figures from the ledgers', async () => {
    const { page } = office;
    const year = new Date().getFullYear();
    await page.goto(`/reports?year=${year}`);
    await page
      .getByRole('link', { name: `昭化区${year}年法治政府建设年度报告` })
      .first()
      .click();
    await expect.poll(() => page.locator('.mark-live').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('compliance').isVisible()).toBe(true);
  });

  it('composes, finalises and downloads the .docx', async () => {
    const { page } = office;
    const year = new Date().getFullYear() - 2;
    await page.goto(`/reports?year=${year}`);
    const row = page.locator('tr', { hasText: '昭化区' }).filter({ hasText: '法治政府建设年度报告' }).first();
    await row.getByRole('button', { name: '生成初稿' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '生成初稿' }).click();
    const title = `昭化区${year}年法治政府建设年度报告`;
    await expect.poll(() => page.getByRole('heading', { name: title }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('section-view-first_responsible').isVisible()).toBe(true);

    await page.getByRole('button', { name: '提交审核' }).click();
    await page
      .getByRole('button', { name: '确 定' })
      .or(page.getByRole('button', { name: '确定' }))
      .first()
      .click();
    await expect.poll(() => page.getByText('审核中').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: '定稿' }).click();
    await page
      .getByRole('button', { name: '确 定' })
      .or(page.getByRole('button', { name: '确定' }))
      .first()
      .click();
    await expect.poll(() => page.getByText('已冻结').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: '编辑' }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${title}.docx`);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(title);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('三、党政主要负责人履行推进法治建设第一责任人职责情况');
  });
});
