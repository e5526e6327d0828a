import type { Task } from '@fazhi/core/plan/plan.schemas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, tinyPng, type UserSession, uploadAs } from './support.ts';

/** An open antd modal by its title (antd's dialog is labelled by an id that is not unique in every build). */
const modal = (page: Page, title: string) =>
  page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

// The 1×3 close-off path through the UI: the lead unit reports with evidence and applies; the office approves;
// the task is then locked for everyone, in the page and in the API.
describe('目标任务销号', () => {
  let harness: Harness;
  let reporter: UserSession;
  let office: UserSession;
  let found: Task | undefined;

  beforeAll(async () => {
    harness = await startHarness();
    [reporter, office] = await Promise.all([loginAs(harness, 'reporter-a'), loginAs(harness, 'office')]);
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** The in-progress leaf task 区司法局 leads in the demo data (found once, by the API). */
  async function closeOffTask(): Promise<Task> {
    if (found) return found;
    const me = await apiAs(reporter, 'GET', '/api/auth/me');
    const list = await apiAs(reporter, 'GET', '/api/plan/tasks?status=in_progress');
    const tasks = list.body.items as Task[];
    const hasChildren = new Set(tasks.map((t) => t.parentId));
    found = tasks.find(
      (t) =>
        t.leadOrgId === me.body.orgId &&
        !hasChildren.has(t.id) &&
        t.planText.length > 0 &&
        t.measures.length > 0 &&
        !t.isOverdue,
    );
    expect(found, '区司法局 should lead an in-progress task in the demo data').toBeDefined();
    return found!;
  }
  const statusOf = async (id: number) =>
    ((await apiAs(office, 'GET', `/api/plan/tasks/${id}`)).body.task as Task).status;

  /** Brings the task to 申请销号 through the API (entry with evidence, then apply) unless an earlier test did. */
  async function applied(): Promise<Task> {
    const task = await closeOffTask();
    if ((await statusOf(task.id)) === 'in_progress') {
      const file = await uploadAs(reporter, '/api/attachments', {
        name: '佐证照片.png',
        mimeType: 'image/png',
        buffer: tinyPng(),
      });
      expect(file.status).toBe(200);
      const entry = await apiAs(reporter, 'POST', `/api/plan/tasks/${task.id}/entries`, {
        entryDate: new Date().toISOString().slice(0, 10),
        percent: 100,
        content: '已全面完成年度任务，佐证材料已上传。',
        attachmentIds: [file.body.id],
      });
      expect(entry.status).toBe(200);
      expect((await apiAs(reporter, 'POST', `/api/plan/tasks/${task.id}/apply`, {})).status).toBe(200);
    }
    expect(await statusOf(task.id)).toBe('applied');
    return task;
  }

  /** Brings the task to 已销号 through the API unless an earlier test did. */
  async function closed(): Promise<Task> {
    const task = await closeOffTask();
    if ((await statusOf(task.id)) !== 'closed') {
      await applied();
      const review = await apiAs(office, 'POST', `/api/plan/tasks/${task.id}/review`, {
        decision: 'approve',
        reason: '材料齐全，同意销号',
      });
      expect(review.status).toBe(200);
    }
    expect(await statusOf(task.id)).toBe('closed');
    return task;
  }

  /** Opens the bell and returns the unread item whose title is `title`. */
  async function bellItem(page: Page, title: string) {
    await page.getByRole('button', { name: '消息提醒' }).click();
    const item = page.locator('.ant-popover .ant-list-item').filter({ hasText: title }).first();
    await item.waitFor();
    return item;
  }

  it('reporter-a adds a progress entry with evidence and applies for 销号 with a 申请说明 and 佐证材料', async () => {
    const task = await closeOffTask();
    const { page } = reporter;
    await page.goto(`/plan/tasks/${task.id}`);
    await expect.poll(() => page.getByRole('heading', { name: task.title }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('推进中', { exact: true }).first().isVisible()).toBe(true);

    const form = page.getByRole('form', { name: '填报进展' });
    await form.getByLabel('完成进度').fill('100');
    await form.getByLabel('进展说明').fill('已全面完成年度任务，佐证材料已上传。');
    await form.locator('input[type=file]').setInputFiles({
      name: '佐证照片.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    await form.getByText('佐证照片.png').waitFor();
    await form.getByRole('button', { name: '提交进展' }).click();
    await page.getByText('进展已填报').waitFor();

    const entry = page.locator('.ant-list-item', { hasText: '已全面完成年度任务，佐证材料已上传。' });
    await entry.waitFor();
    await expect.poll(() => entry.getByText('进度 100%').isVisible()).toBe(true);
    await expect.poll(() => entry.getByRole('link', { name: /佐证照片\.png/ }).isVisible()).toBe(true);

    await page.getByRole('button', { name: '申请销号' }).click();
    const dialog = modal(page, '申请销号');
    await dialog.getByLabel('申请说明').fill('全年任务已完成，印发文件见佐证材料');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '销号佐证.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    await dialog.getByText('销号佐证.png').waitFor();
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('已提交销号申请，等待依法治办审核').waitFor();
    await page.getByText('销号申请审核中').waitFor();
    // The 流转记录 keeps the application with its note and its file.
    await page.getByText('申请说明：全年任务已完成，印发文件见佐证材料').waitFor();
    await expect.poll(() => page.getByRole('link', { name: /销号佐证\.png/ }).isVisible()).toBe(true);
    // While under review the reporter can no longer add entries.
    expect(await page.getByRole('form', { name: '填报进展' }).count()).toBe(0);
  });

  it('the office is told in the bell, opens the task from it and approves with a 审核意见', async () => {
    const task = await applied();
    const { page } = office;
    await page.goto('/plan');
    const note = await bellItem(page, '任务申请销号待审核');
    await expect.poll(() => note.textContent()).toContain(`“${task.title}”已申请销号，附佐证材料1份`);
    await note.click();
    await page.waitForURL(`**/plan/tasks/${task.id}`);
    await page.getByRole('heading', { name: task.title }).waitFor();
    // The office can open the unit's evidence from the history.
    await expect.poll(() => page.getByRole('link', { name: /销号佐证\.png/ }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '审核通过' }).click();
    const dialog = modal(page, '审核通过并销号');
    await dialog.getByLabel('审核意见').fill('材料齐全，同意销号');
    // The office attaches its own file to the decision.
    await dialog.locator('input[type=file]').setInputFiles({
      name: '销号审核表.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    await dialog.getByText('销号审核表.png').waitFor();
    await dialog.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('审核通过，任务已销号').waitFor();
    await page.getByText('该任务已销号，内容已锁定').waitFor();
    expect(await page.getByText('已销号', { exact: true }).first().isVisible()).toBe(true);
    // The 流转记录 keeps the approval with its opinion.
    expect(await page.getByText('审核通过（销号）').isVisible()).toBe(true);
    expect(await page.getByText('审核意见：材料齐全，同意销号').isVisible()).toBe(true);
  });

  it('the reporter is told in the bell with the 审核意见 and sees it in the task history', async () => {
    const task = await closed();
    const { page } = reporter;
    await page.goto('/plan');
    const note = await bellItem(page, '任务销号已通过');
    await expect
      .poll(() => note.textContent())
      .toContain(`“${task.title}”销号申请已审核通过，审核意见：材料齐全，同意销号`);
    await note.click();
    await page.waitForURL(`**/plan/tasks/${task.id}`);
    await page.getByText('审核意见：材料齐全，同意销号').waitFor();
    // The office's file is downloadable by the lead unit through the task.
    const link = page.getByRole('link', { name: /销号审核表\.png/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/api/plan/tasks/${task.id}/files/\\d+$`));
    const file = await page.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(tinyPng())).toBe(true);
  });

  it('the closed task is locked for the lead unit: no form, no edit buttons, and the API refuses entries', async () => {
    const task = await closed();
    const { page } = reporter;
    await page.goto(`/plan/tasks/${task.id}`);
    await page.getByText('该任务已销号，内容已锁定').waitFor();
    expect(await page.getByText('已销号', { exact: true }).first().isVisible()).toBe(true);
    for (const name of ['提交进展', '编辑方案', '编辑措施', '申请销号', '标记完成', '上传佐证材料']) {
      expect(await page.getByRole('button', { name }).count(), `button ${name}`).toBe(0);
    }
    expect(await page.getByRole('form', { name: '填报进展' }).count()).toBe(0);
    // The evidence is still there to read.
    expect(await page.getByRole('link', { name: /佐证照片\.png/ }).isVisible()).toBe(true);

    const refused = await apiAs(reporter, 'POST', `/api/plan/tasks/${task.id}/entries`, {
      entryDate: '2026-01-01',
      percent: 100,
      content: '销号后补报',
      attachmentIds: [],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('任务已销号，不能再填报进展');
  });
  it('the office drafts a work point, corrects its title, then deletes it after confirming', async () => {
    const { page } = office;
    await page.goto('/plan');
    await page.getByRole('button', { name: '新建工作要点' }).click();
    const dialog = modal(page, '新建工作要点');
    await dialog.getByLabel('标题').fill('专项工作要点（草稿）');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('工作要点已保存为草稿').waitFor();
    const item = page.locator('.ant-list-item', { hasText: '专项工作要点（草稿）' });
    await item.getByRole('button', { name: '修改' }).click();
    const edit = modal(page, '修改工作要点');
    await edit.getByLabel('标题').fill('营商环境法治保障专项工作要点');
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText('工作要点已修改').waitFor();
    const renamed = page.locator('.ant-list-item', { hasText: '营商环境法治保障专项工作要点' });
    await renamed.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByText('删除后不可恢复').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除', { exact: true }).waitFor();
    await renamed.waitFor({ state: 'detached' });
    const year = new Date().getFullYear();
    const left = await apiAs(office, 'GET', `/api/plan/work-points?year=${year}`);
    expect((left.body.items as { title: string }[]).map((w) => w.title)).not.toContain('营商环境法治保障专项工作要点');
  });
});
