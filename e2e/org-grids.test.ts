import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

const modal = (page: Page, title: string) =>
  page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const node = (page: Page, name: string, kind: string) =>
  page.locator('.ant-tree-title').filter({ hasText: new RegExp(`^${name}${kind}$`) });

// 网格 is the level below a 村（社区）: the tree shows the demo community's grids, and adding a unit under a
// community offers 网格 (preselected) while a grid offers no 新增下级单位.
describe('组织机构：网格', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the grids of 元坝社区 and adds a fourth one from the community', async () => {
    const { page } = office;
    await page.goto('/org');
    await page.getByPlaceholder('搜索单位名称').fill('元坝社区');
    for (const n of ['第一', '第二', '第三'])
      await expect.poll(() => node(page, `元坝社区${n}网格`, '网格').isVisible()).toBe(true);

    await node(page, '元坝社区', '村（社区）').click();
    await page.getByRole('button', { name: '新增下级单位' }).click();
    const dialog = modal(page, '新增下级单位（上级：元坝社区）');
    await dialog.waitFor();
    // The kind select (the first select of the form) comes preset to 网格.
    await expect.poll(() => dialog.locator('.ant-select').first().textContent()).toBe('网格');
    await dialog.getByPlaceholder('如：区司法局').fill('元坝社区第四网格');
    await dialog.getByLabel('排序号').fill('4');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => node(page, '元坝社区第四网格', '网格').isVisible()).toBe(true);

    const listed = await apiAs(office, 'GET', '/api/orgs');
    const items = listed.body.items as { id: number; name: string; kind: string; parentId: number | null }[];
    const community = items.find((o) => o.name === '元坝社区')!;
    const grids = items.filter((o) => o.parentId === community.id);
    expect(grids).toHaveLength(4);
    expect(grids.map((o) => [o.name, o.kind])).toEqual(
      expect.arrayContaining([
        ['元坝社区第一网格', 'grid'],
        ['元坝社区第二网格', 'grid'],
        ['元坝社区第三网格', 'grid'],
        ['元坝社区第四网格', 'grid'],
      ]),
    );

    await node(page, '元坝社区第一网格', '网格').click();
    await expect.poll(() => page.getByRole('button', { name: '新增下级单位' }).isDisabled()).toBe(true);

    await node(page, '元坝社区', '村（社区）').click();
    await expect.poll(() => page.getByRole('button', { name: '新增下级单位' }).isEnabled()).toBe(true);
    await page.waitForTimeout(500); // let the button's colour transition finish before the screenshot
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `/tmp/grids-org-${width}.png` });
    }
  });

  it('the 矛盾纠纷调解 (人民调解 case) form offers the grids in its 填报单位 picker, below their community', async () => {
    const { page } = office;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/ledgers/mediation_case');
    await page.getByRole('button', { name: '新增' }).click();
    const form = page.locator('.ant-modal', { hasText: '新增矛盾纠纷调解' });
    await form.waitFor();
    await form.locator('.ant-select').first().click();
    await page.keyboard.type('网格');
    const option = page.locator('.ant-select-tree-title', { hasText: '元坝社区第二网格' });
    await expect.poll(() => option.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/grids-ledger-picker-1440.png' });
    await option.click();
    await expect.poll(() => form.locator('.ant-select').first().textContent()).toBe('元坝社区第二网格');
  });
});
