import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// Issue 17, point 8 and point 1's web panel: no internal code or false alarm reaches a user; the office configures
// push channels (secrets never shown, deletion confirmed) and reads the delivery log; the ledger menu has a search
// box; the portal shows Chinese dates and one receipt-code format.
describe('界面打磨：消息推送设置、台账搜索、门户回执码与日期、首次访问', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  const rowOf = (page: Page, text: string) => page.locator('.ant-table-row').filter({ hasText: text });

  it('a first visit shows the login page without "登录状态已失效"', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.baseUrl, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/workbench');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await page.getByText('登录状态已失效').count()).toBe(0);
    expect(await page.locator('.ant-alert').count()).toBe(0);
    await context.close();
  });

  it('the office adds a robot (secret never shown), cancels then confirms its deletion; empty state comes back', async () => {
    const { page } = office;
    await page.goto('/push-channels');
    await expect.poll(() => page.getByText('尚未配置推送渠道：消息只在系统内提醒').isVisible()).toBe(true);
    await page.getByRole('button', { name: '新增推送渠道' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位').click();
    await page.keyboard.type('区司法局');
    await page
      .locator('.ant-select-tree-treenode')
      .filter({ hasText: /^区司法局$/ })
      .click();
    await dialog.getByLabel('渠道类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '钉钉 / 浙政钉群机器人' }).click();
    await dialog.getByLabel('渠道名称').fill('司法局钉钉工作群');
    await dialog.getByLabel('推送地址').fill('ftp://wrong');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('推送地址须为 http:// 或 https:// 开头的网址').isVisible()).toBe(true);
    await dialog.getByLabel('推送地址').fill('https://oapi.dingtalk.com/robot/send?access_token=e2e-token-4417');
    await dialog.getByLabel('加签密钥（选填）').fill('SECe2e-secret-9902');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('已添加推送渠道“司法局钉钉工作群”').isVisible()).toBe(true);

    const row = rowOf(page, '司法局钉钉工作群');
    await expect.poll(() => row.textContent()).toContain('https://oapi.dingtalk.com/***');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('区司法局');
    expect(text).toContain('钉钉 / 浙政钉群机器人');
    expect(text).toContain('已设置');
    const html = await page.content();
    expect(html).not.toContain('e2e-token-4417');
    expect(html).not.toContain('SECe2e-secret-9902');

    // Deleting asks first; 取消 keeps the channel.
    await row.getByRole('button', { name: '删除' }).click();
    const confirm = page.locator('.ant-popconfirm');
    await expect.poll(() => confirm.textContent()).toContain('确定删除推送渠道“司法局钉钉工作群”吗？');
    await confirm.getByRole('button', { name: '取消' }).click();
    const kept = (await apiAs(office, 'GET', '/api/notification-channels')).body.items as { name: string }[];
    expect(kept.map((c) => c.name)).toEqual(['司法局钉钉工作群']);
    await row.getByRole('button', { name: '删除' }).click();
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByText('已删除推送渠道“司法局钉钉工作群”').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('尚未配置推送渠道：消息只在系统内提醒').isVisible()).toBe(true);
    expect((await apiAs(office, 'GET', '/api/notification-channels')).body.items).toEqual([]);
  });

  it('the delivery log lists a problem pushed to the unit’s robot, filtered by status', async () => {
    const orgs = (await apiAs(office, 'GET', '/api/orgs')).body.items as { id: number; name: string }[];
    const sfj = orgs.find((o) => o.name === '区司法局')!.id;
    // A robot nobody listens to: the push stays 待发送 (retried later) or fails, never 已发送.
    const created = await apiAs(office, 'POST', '/api/notification-channels', {
      orgId: sfj,
      type: 'wecom',
      name: '司法局政务微信群',
      url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=e2e-key-3381',
    });
    expect(created.status).toBe(200);
    const problem = await apiAs(office, 'POST', '/api/oversight/problems', {
      title: '端到端推送记录核查问题',
      description: '督察发现',
      unitIds: [sfj],
      deadline: null,
    });
    expect(problem.status).toBe(200);

    const { page } = office;
    await page.goto('/push-channels');
    await page.getByRole('tab', { name: '推送记录' }).click();
    const row = rowOf(page, '端到端推送记录核查问题');
    await expect.poll(() => row.isVisible()).toBe(true);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('司法局政务微信群');
    expect(text).toContain('督察问题交办');
    expect(text).not.toContain('problem.assigned');
    await page.locator('.ant-segmented-item').filter({ hasText: '已发送' }).click();
    await expect.poll(() => page.getByText('没有已发送的推送').isVisible()).toBe(true);
    expect(await row.count()).toBe(0);
    await page.locator('.ant-segmented-item').filter({ hasText: '全部' }).click();
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await page.content()).not.toContain('e2e-key-3381');
  });

  it('the ledger menu filters its entries by what is typed', async () => {
    const { page } = office;
    await page.goto('/ledgers');
    const menu = page.locator('.ant-card .ant-menu');
    await expect.poll(() => menu.getByText('法律援助案件', { exact: true }).isVisible()).toBe(true);
    const before = await menu.locator('.ant-menu-item').count();
    expect(before).toBeGreaterThan(20);
    await page.getByLabel('搜索台账').fill('法律援助');
    await expect.poll(() => menu.locator('.ant-menu-item').count()).toBeLessThan(before);
    const names = await menu.locator('.ant-menu-item').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('法律援助');
    await page.getByLabel('搜索台账').fill('不存在的台账名');
    await expect.poll(() => page.getByText('没有名称含“不存在的台账名”的台账').isVisible()).toBe(true);
  });

  it('the audit log names actions in Chinese, never as codes like auth.login', async () => {
    const auditor = await loginAs(harness, 'auditor');
    const { page } = auditor;
    await page.goto('/admin/audit');
    await expect.poll(() => rowOf(page, '登录').first().isVisible()).toBe(true);
    const table = (await page.locator('.ant-table').textContent()) ?? '';
    expect(table).not.toContain('auth.login');
    expect(table).not.toMatch(/[a-z_]+\.[a-z_]+/);
    await auditor.context.close();
  });

  it('the portal: a receipt code typed without the hyphen reads ABCDE-FGHJK, dates in Chinese, a wrong code in plain words', async () => {
    const list = (await apiAs(office, 'GET', '/api/portal/consultations')).body.items as {
      id: number;
      windowStatus: string;
    }[];
    const open = list.find((c) => c.windowStatus === 'open')!;
    const sent = await apiAs(office, 'POST', `/api/portal/consultations/${open.id}/opinions`, {
      articleKey: null,
      name: '李明',
      phone: '13800001111',
      content: '建议把公众参与的具体方式写进草案。',
    });
    expect(sent.status).toBe(201);
    const code = sent.body.receiptCode as string;
    const shown = `${code.slice(0, 5)}-${code.slice(5)}`;

    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    const citizen = await context.newPage();
    await citizen.goto('/portal/receipt');
    await citizen.getByLabel('回执码').fill(code.toLowerCase());
    await citizen.getByRole('button', { name: '查询' }).click();
    const result = citizen.getByTestId('receipt-result');
    await expect.poll(() => result.textContent()).toContain(shown);
    expect(await citizen.getByLabel('回执码').inputValue()).toBe(shown);
    expect(new URL(citizen.url()).searchParams.get('code')).toBe(shown);
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/提交时间\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(text).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);

    // With the hyphen, the same answer.
    await citizen.goto(`/portal/receipt?code=${shown}`);
    await expect.poll(() => result.textContent()).toContain(shown);

    await citizen.getByLabel('回执码').fill('ABCDEFGHJK');
    await citizen.getByRole('button', { name: '查询' }).click();
    const alert = citizen.locator('.ant-alert-error');
    await expect.poll(() => alert.textContent()).toBe('回执码有误，请核对后重新输入');
    await context.close();
  });
  it('at 1280 and 1440 px: 下达 is not clipped, ledger columns are one sticky scroll bar away', async () => {
    const wp = await apiAs(office, 'POST', '/api/plan/work-points', {
      year: new Date().getFullYear() + 1,
      title: '下年度依法治区工作要点（草稿）',
      content: '',
    });
    expect(wp.status).toBe(200);
    const orgs = (await apiAs(office, 'GET', '/api/orgs')).body.items as { id: number; name: string }[];
    const task = await apiAs(office, 'POST', '/api/plan/tasks', {
      workPointId: wp.body.id,
      title: '推进行政执法案卷评查结果运用并建立问题整改台账',
      leadOrgId: orgs.find((o) => o.name === '区司法局')!.id,
      deadline: `${new Date().getFullYear() + 1}-12-31`,
      milestones: [{ node: 'end', dueDate: `${new Date().getFullYear() + 1}-12-31` }],
    });
    expect(task.status).toBe(200);
    const { page } = office;
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/plan');
      await page.getByRole('combobox').first().click();
      await page.getByTitle(`${new Date().getFullYear() + 1}年`).click();
      const row = rowOf(page, '推进行政执法案卷评查结果运用并建立问题整改台账');
      const issue = row.getByRole('button', { name: '下达' });
      await expect.poll(() => issue.isVisible()).toBe(true);
      const [button, cell] = await Promise.all([issue.boundingBox(), row.locator('td').last().boundingBox()]);
      expect(button!.x + button!.width).toBeLessThanOrEqual(cell!.x + cell!.width);
      expect(button!.x).toBeGreaterThanOrEqual(cell!.x);

      await page.goto('/ledgers');
      const scrollBar = page.locator('.ant-table-sticky-scroll');
      await expect.poll(() => scrollBar.count()).toBe(1);
      const bar = await scrollBar.boundingBox();
      expect(bar!.y + bar!.height).toBeLessThanOrEqual(900);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the 大屏 fits 1440×900 without scrolling; its table is navy with light text, not black', async () => {
    const { page } = office;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/dashboard/screen');
    const cell = page.locator('.big-screen .ant-table-tbody .ant-table-cell').first();
    await expect.poll(() => cell.isVisible()).toBe(true);
    const size = await page.evaluate(() => {
      const screen = document.querySelector('.big-screen')!;
      return { scroll: screen.scrollHeight, client: screen.clientHeight, width: screen.scrollWidth };
    });
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    expect(size.width).toBeLessThanOrEqual(1440);
    const colours = await cell.evaluate((td) => {
      const rgb = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      return { bg: rgb(getComputedStyle(td).backgroundColor), text: rgb(getComputedStyle(td).color) };
    });
    // Navy (blue clearly above red and green), light text: never antd's near-black #141414.
    const [red = 0, , blue = 0] = colours.bg;
    expect(blue).toBeGreaterThan(60);
    expect(blue).toBeGreaterThan(red + 30);
    expect(Math.min(...colours.text)).toBeGreaterThan(180);
  });
});
