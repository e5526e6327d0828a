import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// A citizen comments on 第三条 from a phone, the office adopts it partly, the citizen sees the answer by receipt code.
describe('立法联系点：群众意见的采纳反馈', () => {
  let harness: Harness;
  let phone: BrowserContext;
  let citizen: Page;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    phone = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    citizen = await phone.newPage();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('goes from a comment on 第三条 to the partly-adopted answer', async () => {
    await citizen.goto('/portal');
    await citizen.getByText('广元市农村人居环境治理条例').first().click();
    const article = citizen.locator('[data-article="a3"]');
    await expect.poll(() => article.textContent()).toContain('第三条');
    // The page fits the phone: nothing scrolls sideways.
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await article.getByRole('button', { name: '对本条提意见' }).click();
    const content = `建议第三条写明“村民主体”包括参与决策和监督（端到端${Date.now() % 100000}）`;
    await citizen.getByLabel('意见建议').fill(content);
    await citizen.getByLabel('姓名').fill('王小明');
    await citizen.getByLabel('手机号码').fill('13912345678');
    await citizen.getByRole('button', { name: '提交意见' }).click();
    const codeText = (await citizen.getByTestId('receipt-code').textContent()) ?? '';
    const code = codeText.replace('-', '').trim();
    expect(code).toMatch(/^[2-9A-Z]{10}$/);

    const { page } = office;
    await page.goto('/consultation');
    await page.getByRole('link', { name: /广元市农村人居环境治理条例/ }).click();
    const row = page.locator('tr', { hasText: content });
    await expect.poll(() => row.isVisible()).toBe(true);
    // The office sees the full phone number.
    await expect.poll(() => row.textContent()).toContain('13912345678');
    const handle = async (action: string) => {
      await row.getByRole('button', { name: '办理' }).click();
      await page.getByRole('menuitem', { name: action }).click();
    };
    await handle('整理');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => row.textContent()).toContain('已整理');
    await handle('报送');
    await expect.poll(() => row.textContent()).toContain('已报送');
    await handle('答复采纳情况');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('部分采纳', { exact: true }).click();
    await dialog.getByLabel('理由说明').fill('村民参与决策的内容已在第五条中体现');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => row.textContent()).toContain('部分采纳');
    await handle('反馈');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => row.textContent()).toContain('已反馈');

    await citizen.goto('/portal/receipt');
    await citizen.getByLabel('回执码').fill(code.toLowerCase());
    await citizen.getByRole('button', { name: '查询' }).click();
    const result = citizen.getByTestId('receipt-result');
    await expect.poll(() => result.textContent()).toContain('部分采纳');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('村民参与决策的内容已在第五条中体现');
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
  });
});
