import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// The two public (no-login) features in a real browser: the county's annual-report page (list, read, download .docx
// and PDF) at desktop width, and the 群众满意度测评 answered on a phone viewport (390×844) from the link the office's
// QR card shows. Screenshots go to /tmp/public-shots.

const shots = '/tmp/public-shots';

describe('公开页面', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('年度报告公开: the county lists its published report by year; the page reads it; .docx and PDF download', async () => {
    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const last = new Date().getFullYear() - 1;
    await page.goto('/public/reports');
    await page.getByText('昭化区', { exact: true }).click();
    await expect.poll(() => page.getByText(`${last}年度`, { exact: true }).isVisible()).toBe(true);
    // Only the published report: this year's draft is not listed.
    await expect.poll(() => page.locator('.pub-card').count()).toBe(1);
    await page.screenshot({ path: `${shots}/report-list-1440.png`, fullPage: true });
    await page.locator('.pub-card').first().click();
    const heading = page.locator('.pub-doc h1');
    await expect.poll(() => heading.textContent()).toContain(`${last}年`);
    await expect.poll(() => page.locator('.pub-doc h2').count()).toBeGreaterThan(2);
    await page.screenshot({ path: `${shots}/report-page-1440.png` });

    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 Word 版/ }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/法治政府建设年度报告\.docx$/);
    expect(
      readFileSync((await docx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 240_000 }),
      page.getByRole('button', { name: /下载 PDF 版/ }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // A draft's id under the same county is a 404 page, not the text.
    const url = new URL(page.url());
    await page.goto(`${url.pathname.replace(/\/\d+$/, '')}/999999`);
    await expect.poll(() => page.getByText('未找到该报告，或报告尚未公开').isVisible()).toBe(true);

    const phone = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto(url.pathname);
    await expect.poll(() => mobile.locator('.pub-doc h1').isVisible()).toBe(true);
    await mobile.screenshot({ path: `${shots}/report-page-390.png` });
    await phone.close();
    await context.close();
  });

  it("立法联系点门户 links to its county's published reports, and that page links back to the portal", async () => {
    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto('/portal');
    await expect.poll(() => page.locator('.portal-org').textContent()).toBe('昭化区基层立法联系点');
    await page.getByRole('link', { name: '昭化区年度报告公开', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/public\/reports\/\d+$/);
    await expect.poll(() => page.locator('.pub-crumbs > span').textContent()).toBe('全部区县 / 昭化区');
    await expect.poll(() => page.locator('.pub-card').count()).toBe(1);
    await page.screenshot({ path: `${shots}/portal-to-reports-1280.png` });
    await page.getByRole('link', { name: '昭化区基层立法联系点 · 法律法规草案意见征集', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/portal');
    await expect.poll(() => page.locator('.portal-title').textContent()).toBe('法律法规草案意见征集');
    // 利州区 has no 基层立法联系点 in the portal: its report page offers no way back to 昭化区's portal.
    await page.goto('/public/reports');
    await page.getByText('利州区', { exact: true }).click();
    await expect.poll(() => page.locator('.pub-crumbs > span').textContent()).toBe('全部区县 / 利州区');
    await expect.poll(() => page.locator('.pub-card').count()).toBe(1); // its own 2025 report (demo)
    expect(await page.locator('.pub-crumbs-out').count()).toBe(0);
    await context.close();
  });

  it('满意度测评: the office’s QR card links to the public page, answered once on a phone; results count it', async () => {
    const { page } = office;
    await page.goto('/surveys');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    await page.screenshot({ path: `${shots}/survey-list-1440.png` });
    const year = new Date().getFullYear();
    await page.getByRole('link', { name: `${year}年度昭化区法治建设群众满意度测评` }).click();
    await expect.poll(() => page.getByRole('img', { name: '测评二维码' }).locator('svg').count()).toBe(1);
    const received = async () =>
      Number(await page.locator('.ant-statistic').first().locator('.ant-statistic-content-value').textContent());
    await expect.poll(received).toBe(48);
    await expect.poll(() => page.locator('.metric-figure').count()).toBe(1);
    await page.screenshot({ path: `${shots}/survey-office-1440.png`, fullPage: true });
    const href = (await page.locator('a[href*="/portal/survey/"]').getAttribute('href')) ?? '';
    const path = new URL(href).pathname;
    expect(path).toMatch(/^\/portal\/survey\/\d+$/);

    const phone = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto(path);
    await expect.poll(() => mobile.getByText('群众满意度测评', { exact: true }).isVisible()).toBe(true);
    await mobile.screenshot({ path: `${shots}/survey-phone-empty-390.png`, fullPage: true });
    // Submitting with nothing chosen names what is missing.
    await mobile.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => mobile.getByText('请选择您要评价的单位或乡镇').isVisible()).toBe(true);

    await mobile.getByLabel('评价对象').click();
    await mobile.locator('.ant-select-item-option').filter({ hasText: '元坝镇' }).click();
    const groups = mobile.locator('fieldset.survey-question');
    expect(await groups.count()).toBe(4);
    for (let i = 0; i < 4; i++)
      await groups
        .nth(i)
        .getByText(i === 2 ? '一般' : '满意', { exact: true })
        .click();
    await mobile.getByLabel('手机号码').fill('１３９ ００９９ ８８７７');
    await mobile.screenshot({ path: `${shots}/survey-phone-filled-390.png`, fullPage: true });
    await mobile.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => mobile.getByText('提交成功，感谢您对法治建设工作的评价！').isVisible()).toBe(true);
    await mobile.screenshot({ path: `${shots}/survey-phone-done-390.png` });
    await phone.close();

    // Another device, the same phone typed differently: refused in Chinese.
    const second = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const other = await second.newPage();
    await other.goto(path);
    await other.getByLabel('评价对象').click();
    await other.locator('.ant-select-item-option').filter({ hasText: '元坝镇' }).click();
    const otherGroups = other.locator('fieldset.survey-question');
    for (let i = 0; i < 4; i++) await otherGroups.nth(i).getByText('非常满意', { exact: true }).click();
    await other.getByLabel('手机号码').fill('13900998877');
    await other.getByRole('button', { name: '提交评价' }).click();
    await expect
      .poll(() => other.getByText('该手机号码已参加过本次测评，每个手机号码只能提交一次').isVisible())
      .toBe(true);
    await other.screenshot({ path: `${shots}/survey-phone-duplicate-390.png` });
    await second.close();

    await page.reload();
    await expect.poll(received).toBe(49);
    // The answer page at desktop width too (the office's own browser, no login needed).
    await page.goto(path);
    await expect.poll(() => page.getByRole('button', { name: '提交评价' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${shots}/survey-public-1440.png` });
  });
});
