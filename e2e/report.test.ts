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

  /** Each test opens the demo county's current draft itself, so any one of them runs alone (`vitest -t`). */
  async function openCurrentDraft() {
    const { page } = office;
    const year = new Date().getFullYear();
    await page.goto(`/reports?year=${year}`);
    await page
      .getByRole('link', { name: `昭化区${year}年法治政府建设年度报告` })
      .first()
      .click();
    await expect.poll(() => page.locator('.mark-live').count()).toBeGreaterThan(0);
    return page;
  }

  it('the current draft shows live figures from the ledgers', async () => {
    const page = await openCurrentDraft();
    await expect.poll(() => page.getByTestId('compliance').isVisible()).toBe(true);
  });

  it('a figure in the composed report opens the rows behind it, as many as the figure says', async () => {
    const page = await openCurrentDraft();
    // 调解矛盾纠纷N件: a count metric, so the drawer lists exactly N source rows
    const figure = page.locator('.mark-live .metric-figure[data-metric="mediation.cases"]').first();
    const text = (await figure.textContent()) ?? '';
    const count = Number(/(\d+)件/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(0);
    await figure.click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '来源明细' });
    await expect.poll(() => drawer.getByText(`共 ${count} 条`).first().isVisible()).toBe(true);
    await expect.poll(() => drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(Math.min(count, 10));
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => drawer.isVisible()).toBe(false);
  });

  it('a grass-roots figure in the composed report opens its rows too', async () => {
    const page = await openCurrentDraft();
    // 建成居民评理说事点N个 in （X）夯实基层法治基础: a count of 法治阵地 rows, so the drawer lists exactly N rows
    const figure = page.locator('.mark-live .metric-figure[data-metric="grassroots.reasoning_points"]').first();
    const text = (await figure.textContent()) ?? '';
    expect(text).toMatch(/^建成居民评理说事点\d+个$/);
    const count = Number(/(\d+)个/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(0);
    await figure.click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '来源明细' });
    await expect.poll(() => drawer.getByText(`共 ${count} 条`).first().isVisible()).toBe(true);
    await expect.poll(() => drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(Math.min(count, 10));
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => drawer.isVisible()).toBe(false);
  });

  it('a figure typed by hand that disagrees with the ledgers is flagged with its sentence while typing', async () => {
    const page = await openCurrentDraft();
    await page.getByRole('button', { name: '编辑' }).click();
    const area = page.getByTestId('section-measures');
    const text = await area.inputValue();
    await area.fill(
      text
        .replace(/分解落实目标任务(\d+)项/, '分解落实目标任务999项')
        .replace(/挂点联系走访完成率[\d.]+%/, '挂点联系走访完成率12.3%'),
    );
    const warning = page.locator('.typing-check');
    await expect.poll(() => warning.textContent()).toContain('分解落实目标任务999项');
    await expect.poll(() => warning.textContent()).toMatch(/目标任务台账为 \d+项/);
    // a grass-roots figure is checked the same way
    await expect.poll(() => warning.textContent()).toContain('挂点联系走访完成率12.3%');
    await expect.poll(() => warning.textContent()).toMatch(/挂点联系走访完成率台账为 [\d.]+%/);
    await page.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.locator('.typing-check').count()).toBe(0);
  });

  it('the office moves the township deadline for a year, and the list of units follows', async () => {
    const { page } = office;
    const year = new Date().getFullYear() - 1;
    await page.goto(`/reports?year=${year}&tab=deadlines`);
    const row = page.locator('tr', { hasText: '乡镇（街道）法治建设年度报告' });
    await expect.poll(() => page.getByTestId('submit-by-township').textContent()).toBe(`${year + 1}-01-31`);
    await row.getByRole('button', { name: '调整' }).click();
    const dialog = page.getByRole('dialog');
    const submit = dialog.getByLabel('报送区（县）政府截止日期');
    await submit.click();
    await submit.fill(`${year + 1}-02-15`);
    await submit.press('Enter');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('submit-by-township').textContent()).toBe(`${year + 1}-02-15`);
    await expect.poll(() => row.getByText('本地规定').isVisible()).toBe(true);
    await page.getByRole('tab', { name: '报告与期限' }).click();
    // only the townships' reports (the list of every unit is paged, sorted by the org tree)
    await page.getByRole('combobox', { name: '报告类型' }).click();
    await page.locator('.ant-select-item-option', { hasText: '乡镇（街道）法治建设年度报告' }).click();
    const township = page.locator('tr', { hasText: '乡镇（街道）法治建设年度报告' }).first();
    // the list of 75 units reloads after the change
    await expect.poll(() => township.getByText(`${year + 1}-02-15`).isVisible()).toBe(true);
    // back to the default
    await page.getByRole('tab', { name: '报送期限设置' }).click();
    await row.getByRole('button', { name: '恢复默认' }).click();
    await page.locator('.ant-popconfirm').getByRole('button').last().click();
    await expect.poll(() => page.getByTestId('submit-by-township').textContent()).toBe(`${year + 1}-01-31`);
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

    // 五、其他需要报告的情况: added, removed after confirming, added again for the .docx
    const addOther = page.getByRole('button', { name: /添加“五、其他需要报告的情况”/ });
    await addOther.click();
    await expect.poll(() => page.getByTestId('section-view-other').isVisible()).toBe(true);
    await page.getByTestId('section-view-other').getByRole('button', { name: '删除本节' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('section-view-other').count()).toBe(0);
    await addOther.click();
    await expect.poll(() => page.getByTestId('section-view-other').isVisible()).toBe(true);

    await page.getByRole('button', { name: '提交审核' }).click();
    await page
      .getByRole('button', { name: '确 定' })
      .or(page.getByRole('button', { name: '确定' }))
      .first()
      .click();
    await expect.poll(() => page.getByText('审核中').first().isVisible()).toBe(true);
    // 定稿 opens the review dialog: a 审核意见 is optional when finalising.
    await page.getByRole('button', { name: '定稿' }).click();
    await page.getByRole('dialog', { name: '审核定稿' }).getByRole('button', { name: '确认定稿' }).click();
    await expect.poll(() => page.getByText('已冻结').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: '编辑' }).count()).toBe(0);
    // the final report still shows its frozen figures, and they still open their rows
    await expect.poll(() => page.locator('.mark-live .metric-figure').count()).toBeGreaterThan(0);
    await page.locator('.mark-live .metric-figure').first().click();
    const frozenDrawer = page.locator('.ant-drawer').filter({ hasText: '来源明细' });
    await expect
      .poll(() =>
        frozenDrawer
          .getByText(/共 \d+ 条/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await frozenDrawer.locator('.ant-drawer-close').click();
    await expect.poll(() => frozenDrawer.isVisible()).toBe(false);

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
    expect(xml).toContain('五、其他需要报告的情况');
  });
});
