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

  it('labels the running year, colours and words each change by its polarity', async () => {
    const { page } = leader;
    await page.goto('/dashboard');
    await page.locator('.metric-figure[data-metric="mediation.cases"]').first().waitFor();
    const orgs = (await apiAs(leader, 'GET', '/api/orgs')).body.items as { id: number; name: string }[];
    const org = orgs.find((o) => o.name === '昭化区')!.id;
    const d = (await apiAs(leader, 'GET', `/api/dashboard?org=${org}&year=${new Date().getFullYear()}`))
      .body as unknown as Dashboard;
    expect(d.asOf).toMatch(/^截至\d+月\d+日$/);
    await expect.poll(() => page.getByText(`（${d.asOf}，与上年同期比较）`).isVisible()).toBe(true);
    const changed = d.tiles.filter((t) => t.change !== null && t.change !== 0);
    expect(changed.length).toBeGreaterThan(0);
    for (const tile of changed) {
      const shown = page.locator(`[data-tile="${tile.key}"] [data-tone]`);
      expect(await shown.getAttribute('data-tone'), tile.key).toBe(tile.tone);
      const text = await shown.innerText();
      expect(text, tile.key).toContain('较上年同期');
      const word = tile.tone === 'good' ? '向好' : tile.tone === 'bad' ? '需关注' : null;
      if (word) expect(text, tile.key).toContain(word);
      else expect(text, tile.key).not.toMatch(/向好|需关注/);
    }
  });

  it('drills the region roll-up down one level', async () => {
    const { page } = leader;
    await page.goto('/dashboard');
    await expect.poll(() => page.getByRole('heading', { name: '领导驾驶舱' }).isVisible()).toBe(true);
    const township = page.getByRole('button', { name: /元坝镇/ });
    await township.first().click();
    await expect.poll(() => page.locator('.ant-breadcrumb').getByText('元坝镇').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('元坝镇司法所').first().isVisible()).toBe(true);
    // The township's own rows are listed, so the total is the sum of the rows shown.
    await expect.poll(() => page.getByText('元坝镇（合计）').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('元坝镇本级').isVisible()).toBe(true);
    // A 本级 figure opens the township's own rows only.
    const ownRow = page.locator('tr', { hasText: '元坝镇本级' });
    const own = Number(
      (await ownRow.locator('.metric-figure[data-metric="mediation.cases"]').innerText()).replace(/\D/g, ''),
    );
    expect(own).toBeGreaterThan(0);
    await ownRow.locator('.metric-figure[data-metric="mediation.cases"]').click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByText('元坝镇本级（不含下级单位）').isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText(`共 ${own} 条`).first().isVisible()).toBe(true);
  });
});
