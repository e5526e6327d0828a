import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// Issue 17: a task issued reaches the lead unit's bell; a reporter who turns "任务下达" off in 提醒设置 no longer
// gets it, and gets it again once turned back on.
describe('消息提醒与提醒设置', () => {
  let harness: Harness;
  let office: UserSession;
  let reporter: UserSession;
  let workPointId: number;
  let sfj: number;

  beforeAll(async () => {
    harness = await startHarness();
    [office, reporter] = [await loginAs(harness, 'office'), await loginAs(harness, 'reporter-a')];
    const orgs = (await apiAs(office, 'GET', '/api/orgs')).body.items as { id: number; name: string }[];
    sfj = orgs.find((o) => o.name === '区司法局')!.id;
    const wp = await apiAs(office, 'POST', '/api/plan/work-points', {
      year: 2030,
      title: '2030年提醒测试要点',
      content: '',
    });
    workPointId = wp.body.id as number;
  });
  afterAll(async () => {
    await harness?.close();
  });

  const issue = async (title: string) => {
    const task = await apiAs(office, 'POST', '/api/plan/tasks', {
      workPointId,
      title,
      leadOrgId: sfj,
      deadline: '2030-06-30',
      milestones: [{ node: 'end', dueDate: '2030-06-30' }],
    });
    expect(task.status).toBe(200);
    expect((await apiAs(office, 'POST', `/api/plan/tasks/${task.body.id}/issue`)).status).toBe(200);
  };

  it('an issued task shows in the list; switched off, the next one does not; switched on, it does again', async () => {
    const { page } = reporter;
    await issue('端到端下达任务甲');
    await page.goto('/notifications');
    const row = (text: string) => page.locator('.ant-table-row').filter({ hasText: text });
    await expect.poll(() => row('端到端下达任务甲').isVisible()).toBe(true);
    await expect.poll(() => row('端到端下达任务甲').getByText('任务下达', { exact: true }).isVisible()).toBe(true);

    const toggle = page.getByRole('switch', { name: '任务下达' });
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => page.getByText('已关闭“任务下达”').isVisible()).toBe(true);
    const prefs = (await apiAs(reporter, 'GET', '/api/notifications/preferences')).body.items as {
      kind: string;
      inApp: boolean;
    }[];
    expect(prefs.find((p) => p.kind === 'task.issued')?.inApp).toBe(false);

    await issue('端到端下达任务乙');
    await page.reload();
    await expect.poll(() => row('端到端下达任务甲').isVisible()).toBe(true);
    expect(await row('端到端下达任务乙').count()).toBe(0);

    await page.getByRole('switch', { name: '任务下达' }).click();
    await expect.poll(() => page.getByText('已开启“任务下达”').isVisible()).toBe(true);
    await issue('端到端下达任务丙');
    await page.reload();
    await expect.poll(() => row('端到端下达任务丙').isVisible()).toBe(true);
  });
});
