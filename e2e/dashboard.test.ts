import type { Dashboard } from '@fazhi/core/dashboard/dashboard.contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// The leader opens the 领导驾驶舱, sees the county's figures, and clicks one to see the rows it was counted from.
describe('领导驾驶舱', () => {
  let harness: Harness;
  let leader: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    leader = await loginAs(harness, 'leader');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the tiles and opens the source rows of a clicked figure', async () => {
    const { page } = leader;
    await page.getByRole('menuitem', { name: '领导驾驶舱' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '领导驾驶舱' }).isVisible()).toBe(true);
    await page.locator('.metric-figure[data-metric="mediation.cases"]').first().waitFor();
    const orgs = (await apiAs(leader, 'GET', '/api/orgs')).body.items as { id: number; name: string }[];
    const org = orgs.find((o) => o.name === '昭化区')!.id;
    const year = new Date().getFullYear();
    const api = await apiAs(leader, 'GET', `/api/dashboard?org=${org}&year=${year}`);
    expect(api.status).toBe(200);
    const tile = (api.body as unknown as Dashboard).tiles.find((t) => t.key === 'mediation.cases')!;
    const shown = await page.locator('.metric-figure[data-metric="mediation.cases"]').first().innerText();
    expect(shown.replace(/[,\s件]/g, '')).toBe(String(tile.value));

    await page.locator('.metric-figure[data-metric="mediation.cases"]').first().click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByText('调解矛盾纠纷 · 来源明细').isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText(`共 ${tile.value} 条`).first().isVisible()).toBe(true);
    expect(tile.value).toBeGreaterThan(0);
    await expect
      .poll(() => drawer.locator('.ant-table-tbody tr.ant-table-row').count())
      .toBe(Math.min(tile.value!, 10));
  });

  it('drills the region roll-up down one level', async () => {
    const { page } = leader;
    await page.goto('/dashboard');
    await expect.poll(() => page.getByRole('heading', { name: '领导驾驶舱' }).isVisible()).toBe(true);
    const township = page.getByRole('button', { name: /元坝镇/ });
    await township.first().click();
    await expect.poll(() => page.locator('.ant-breadcrumb').getByText('元坝镇').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('元坝镇司法所').first().isVisible()).toBe(true);
  });
});
