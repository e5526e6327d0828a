import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

const modal = (page: Page, title: string) =>
  page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

// The org page reads the unit tree and the dimensions through their contracts; a dimension written in the
// dialog shows in the list at once (the write refreshes /api/dimensions) and goes again when deleted.
describe('组织机构', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the office sees its county in the unit tree', async () => {
    const { page } = office;
    await page.goto('/org');
    await expect.poll(() => page.getByText('单位树', { exact: true }).isVisible()).toBe(true);
    // A tree node's title is the unit's name followed by its kind.
    const county = page.locator('.ant-tree-title').filter({ hasText: /^昭化区县（区）$/ });
    await expect.poll(() => county.first().isVisible()).toBe(true);
  });

  it('adds a dimension in the dialog, refuses an empty name with the schema message, then deletes it', async () => {
    const { page } = office;
    const name = '端到端测试协调组';
    await page.goto('/org');
    await page.getByRole('button', { name: '维度管理' }).click();
    const dialog = modal(page, '维度管理');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '新增维度' }).click();
    await expect.poll(() => dialog.getByText('名称不能为空', { exact: true }).isVisible()).toBe(true);

    await dialog.getByPlaceholder('如：立法协调小组').fill(name);
    await dialog.getByRole('button', { name: '新增维度' }).click();
    const row = dialog.locator('.ant-table-row').filter({ hasText: name });
    await expect.poll(() => row.isVisible()).toBe(true);
    const listed = await apiAs(office, 'GET', '/api/dimensions');
    expect((listed.body.items as { name: string }[]).filter((d) => d.name === name)).toHaveLength(1);

    await row.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const after = await apiAs(office, 'GET', '/api/dimensions');
    expect((after.body.items as { name: string }[]).filter((d) => d.name === name)).toHaveLength(0);
  });
});
