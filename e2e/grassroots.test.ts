import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// The office records a leader's liaison visit that raises a problem; the problem lands in the oversight pool.
describe('基层法治：挂点联系走访', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the overdue liaison point and sends a problem heard on a visit to the problem pool and the dashboard', async () => {
    const { page } = office;
    const year = new Date().getFullYear();
    const orgs = (await apiAs(office, 'GET', '/api/orgs')).body.items as { id: number; name: string }[];
    const county = orgs.find((o) => o.name === '昭化区')!.id;
    const dashboard = async () =>
      (await apiAs(office, 'GET', `/api/dashboard?org=${county}&year=${year}`)).body as {
        tiles: { key: string; value: number }[];
      };
    const problemsBefore = (await dashboard()).tiles.find((t) => t.key === 'oversight.problems')!.value;
    await page.goto('/grassroots?tab=liaison');
    await expect.poll(() => page.getByRole('heading', { name: '基层法治' }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/逾期\d个周期/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    await page.getByRole('button', { name: '登记走访' }).click();
    const modal = page.locator('.ant-modal', { hasText: '登记走访' });
    await modal.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '柏林沟镇司法所' }).first().click();
    await modal.getByLabel('座谈对象').fill('司法所全体干部');
    await modal.getByLabel('听取的问题和意见建议').fill('社区矫正对象走访车辆紧缺');
    const title = `社区矫正车辆紧缺（端到端${Date.now() % 100000}）`;
    await modal.getByLabel('转入问题池的问题（选填）').fill(title);
    await modal.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('走访已登记，问题已转入问题池').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`${title}：已转入问题池`).isVisible()).toBe(true);

    const pool = await apiAs(office, 'GET', '/api/oversight/problems?pageSize=200');
    expect(pool.status).toBe(200);
    expect(JSON.stringify(pool.body)).toContain(title);

    // The leadership dashboard counts it among the problems found this year.
    expect((await dashboard()).tiles.find((t) => t.key === 'oversight.problems')!.value).toBe(problemsBefore + 1);
    await page.goto('/dashboard');
    await expect
      .poll(() => page.locator('.metric-figure[data-metric="oversight.problems"]').first().textContent())
      .toContain(String(problemsBefore + 1));
  });

  it('opens a 司法所 profile with its functions checklist and this year’s figures', async () => {
    const { page } = office;
    await page.goto('/grassroots');
    await page.getByRole('button', { name: '元坝镇司法所' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '元坝镇司法所' });
    await expect.poll(() => drawer.getByText(/法定职能履行清单/).isVisible()).toBe(true);
    await expect
      .poll(() => drawer.getByText('调解矛盾纠纷').or(drawer.getByText(/调解/)).first().isVisible())
      .toBe(true);
  });
});
