import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness } from './support.ts';

/** Collects every Content-Security-Policy violation a page reports, so a test can say there were none. */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
const shotDir = process.env.FAZHI_SHOT_DIR;
const shot = async (page: Page, name: string) => {
  if (!shotDir) return;
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shotDir}/${name}-${width}.png` });
  }
};

describe('security headers and 三员 in the browser', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the portal works on a phone under the strict CSP, and the staff dashboard too', async () => {
    const phone = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await watchCsp(phone);
    const citizen = await phone.newPage();
    const response = await citizen.goto('/portal');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await citizen.getByText('广元市农村人居环境治理条例').first().click();
    await expect
      .poll(() => citizen.locator('[data-article="a3"]').textContent(), { timeout: 60_000 })
      .toContain('第三条');
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await violations(citizen)).toEqual([]);
    await phone.close();

    const office = await loginAs(harness, 'office');
    await watchCsp(office.context);
    await office.page.goto('/dashboard');
    await office.page.locator('canvas').first().waitFor({ timeout: 60_000 });
    expect(await violations(office.page)).toEqual([]);
    await office.context.close();
  });

  it('sysadmin creates an account without a role, secadmin grants it, the user must change the password first', async () => {
    const sys = await loginAs(harness, 'sysadmin');
    await sys.page.goto('/admin/users');
    await sys.page.getByRole('button', { name: '新建用户' }).click();
    const form = sys.page.getByRole('dialog');
    await expect.poll(() => form.textContent()).toContain('角色和数据范围由安全保密管理员授予');
    expect(await form.getByLabel('角色').count()).toBe(0);
    await shot(sys.page, 'user-form');
    await sys.context.close();

    const sec = await loginAs(harness, 'secadmin');
    await sec.page.goto('/admin/security');
    await sec.page.getByText('仅显示被锁定的账号').click();
    const row = sec.page.locator('tr', { hasText: 'reporter-b' });
    await row.getByRole('button', { name: '授权' }).click();
    await expect.poll(() => sec.page.getByRole('dialog').textContent()).toContain('业务角色');
    await shot(sec.page, 'grant-dialog');
    await sec.page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await sec.page.locator('tr', { hasText: 'leader' }).first().getByRole('button', { name: '重置密码' }).click();
    await sec.page.getByRole('dialog').getByLabel('新密码').fill('Temp#Reset42');
    await sec.page.getByRole('dialog').getByRole('button', { name: '确定重置' }).click();
    await sec.page.getByText('该用户下次登录须修改密码').waitFor();
    await sec.context.close();

    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByPlaceholder('用户名').fill('leader');
    await page.getByPlaceholder('密码').fill('Temp#Reset42');
    await page.getByRole('button', { name: '登录' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent(), { timeout: 60_000 }).toContain('请先修改密码');
    await shot(page, 'forced-password-change');
    await context.close();

    const auditor = await loginAs(harness, 'auditor');
    await auditor.page.goto('/admin/audit');
    await expect.poll(() => auditor.page.getByText(/完整：共 \d+ 条记录/).count(), { timeout: 60_000 }).toBe(1);
    await shot(auditor.page, 'audit-chain');
    await auditor.context.close();
  });
});
