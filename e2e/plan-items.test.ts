import type { Task, WorkPoint } from '@fazhi/core/plan/plan.schemas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

/** An open antd modal by its title. */
const modal = (page: Page, title: string) =>
  page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

// Issue 17 point 8, as seen on screen: a parent task lists its sub-tasks and asks no percent the roll-up would
// override; a new year's work point takes that year's title and the page moves to it; the workbench says it is
// loading before it says there is nothing.
describe('目标任务：子任务、新年度工作要点、加载状态', () => {
  let harness: Harness;
  let reporter: UserSession;
  let office: UserSession;
  let orgId: number;

  beforeAll(async () => {
    harness = await startHarness();
    [reporter, office] = await Promise.all([loginAs(harness, 'reporter-a'), loginAs(harness, 'office')]);
    orgId = (await apiAs(reporter, 'GET', '/api/auth/me')).body.orgId as number;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a parent task lists its sub-tasks with their progress and its ledger form asks no percent', async () => {
    const year = new Date().getFullYear();
    const points = (await apiAs(office, 'GET', `/api/plan/work-points?year=${year}`)).body.items as WorkPoint[];
    const published = points.find((p) => p.status === 'published')!;
    const create = async (title: string, parentId?: number, weight = 1) => {
      const res = await apiAs(office, 'POST', '/api/plan/tasks', {
        workPointId: published.id,
        parentId,
        title,
        leadOrgId: orgId,
        deadline: `${year}-12-31`,
        weight,
      });
      expect(res.status).toBe(200);
      return res.body.id as number;
    };
    const parent = await create('规范行政执法全过程记录');
    const first = await create('执法记录仪配备到位', parent, 1);
    await create('音像记录归档制度', parent, 1);
    const entry = await apiAs(reporter, 'POST', `/api/plan/tasks/${first}/entries`, {
      entryDate: `${year}-11-20`,
      percent: 60,
      content: '已配备执法记录仪36台',
      attachmentIds: [],
    });
    expect(entry.status).toBe(200);

    const { page } = reporter;
    await page.goto(`/plan/tasks/${parent}`);
    const card = page.locator('.ant-card').filter({ has: page.getByText('子任务（2）', { exact: true }) });
    await card.waitFor();
    const row = card.locator('.ant-table-row').filter({ hasText: '执法记录仪配备到位' });
    await row.waitFor();
    await expect.poll(() => row.getByText('60%').isVisible()).toBe(true);
    await expect.poll(() => card.locator('.ant-table-row').filter({ hasText: '音像记录归档制度' }).count()).toBe(1);
    // The parent's progress is the roll-up (60 and 0, equal weights) and the ledger form does not ask for one.
    await page.getByText('当前进度（子任务汇总）').waitFor();
    const form = page.getByRole('form', { name: '填报进展' });
    await form.waitFor();
    expect(await form.getByLabel('完成进度').count()).toBe(0);
    await form.getByText('由子任务汇总（当前 30%），无需填写').waitFor();
    await form.getByLabel('进展说明').fill('统一部署，两项子任务推进中');
    await form.getByRole('button', { name: '提交进展' }).click();
    await page.getByText('进展已填报').waitFor();
    const detail = await apiAs(reporter, 'GET', `/api/plan/tasks/${parent}`);
    const task = detail.body.task as Task;
    expect(task.progress).toBe(30);
    expect(task.childCount).toBe(2);
    await row.getByRole('link', { name: '执法记录仪配备到位' }).click();
    await page.waitForURL(`**/plan/tasks/${first}`);
  });

  it("a new year's work point takes that year's title and the page moves to that year to show the draft", async () => {
    const next = new Date().getFullYear() + 2;
    const { page } = office;
    await page.goto('/plan');
    await page.getByRole('button', { name: '新建工作要点' }).click();
    const dialog = modal(page, '新建工作要点');
    const title = dialog.getByLabel('标题');
    await expect.poll(() => title.inputValue()).toBe(`${new Date().getFullYear()}年全面依法治区工作要点`);
    await dialog.getByLabel('年度').fill(String(next));
    await expect.poll(() => title.inputValue()).toBe(`${next}年全面依法治区工作要点`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(`${next}年度工作要点已保存为草稿`).waitFor();
    await page.getByText(`${next}年度工作要点`, { exact: true }).waitFor();
    await page.locator('.ant-list-item', { hasText: `${next}年全面依法治区工作要点` }).waitFor();
    const drafts = (await apiAs(office, 'GET', `/api/plan/work-points?year=${next}`)).body.items as WorkPoint[];
    expect(drafts.map((w) => [w.title, w.status])).toEqual([[`${next}年全面依法治区工作要点`, 'draft']]);
  });

  it('the workbench shows a loading state, never "本单位暂无目标任务", while the tasks load', async () => {
    const { page } = reporter;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/plan/tasks?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/workbench');
    await page.getByText('正在加载任务…').waitFor();
    expect(await page.getByText('本单位暂无目标任务').count()).toBe(0);
    release();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByText('正在加载任务…').count()).toBe(0);
    expect(await page.getByText('本单位暂无目标任务').count()).toBe(0);
    await page.unroute('**/api/plan/tasks?*');
  });
});
