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
    // Visits done vs due is a registry tile too: it shows the same percentage as the registry.
    const liaison = (await dashboard()).tiles.find((t) => t.key === 'grassroots.liaison_rate')!;
    await expect
      .poll(() => page.locator('.metric-figure[data-metric="grassroots.liaison_rate"]').first().textContent())
      .toContain(String(liaison.value));
  });

  it('shows the grass-roots figures from the registry; a click lists the liaison periods behind the rate', async () => {
    const { page } = office;
    await page.goto('/grassroots');
    const figures = page.getByLabel('基层法治指标');
    await expect.poll(() => figures.getByText('挂点联系走访完成率').isVisible()).toBe(true);
    await expect.poll(() => figures.getByText('居民评理说事点覆盖率').isVisible()).toBe(true);
    await expect
      .poll(() => figures.locator('.metric-figure[data-metric="grassroots.reasoning_coverage_rate"]').textContent())
      .toContain('95.8');
    await figures.locator('.metric-figure[data-metric="grassroots.liaison_rate"]').click();
    const drawer = page.locator('.ant-drawer', { hasText: '来源明细' });
    await expect.poll(() => drawer.getByText('挂点联系走访任务').first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        drawer
          .getByText(/第[一二三四]季度/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('keeps a 综治中心 rooms checklist as one row with a multi-select, shown as tags', async () => {
    const { page } = office;
    await page.goto('/ledgers/center_room');
    await page.getByRole('button', { name: '新增' }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增综治中心功能室' });
    await modal.locator('.ant-select').first().click();
    await page.locator('.ant-select-tree-title', { hasText: '元坝镇' }).first().click();
    await modal.getByLabel('综治中心', { exact: true }).fill('端到端综治中心');
    await modal.getByLabel('设置日期').fill('2026-03-01');
    await modal.getByLabel('设置日期').press('Enter');
    const rooms = modal.locator('.ant-form-item', { hasText: '已设置功能室' }).first();
    await rooms.getByLabel('人民调解室', { exact: true }).check();
    await rooms.getByLabel('综治中心办公室', { exact: true }).check();
    await modal.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('已新增记录').isVisible()).toBe(true);
    const row = page.locator('.ant-table-row', { hasText: '端到端综治中心' });
    await expect.poll(() => row.locator('.ant-tag', { hasText: '人民调解室' }).isVisible()).toBe(true);
    await expect.poll(() => row.locator('.ant-tag', { hasText: '综治中心办公室' }).isVisible()).toBe(true);
  });

  it('shows each 重大行政决策’s five legal steps and warns when an adopted one misses steps', async () => {
    const { page } = office;
    await page.goto('/ledgers/major_decision');
    await expect.poll(() => page.getByRole('columnheader', { name: '法定程序' }).isVisible()).toBe(true);
    const orgs = (await apiAs(office, 'GET', '/api/orgs')).body.items as { id: number; name: string }[];
    const saved = await apiAs(office, 'POST', '/api/ledgers/types/major_decision/rows', {
      orgId: orgs.find((o) => o.name === '区政府办公室')!.id,
      data: {
        title: '端到端决策：老旧小区改造',
        decision_agency: '昭化区人民政府',
        in_catalogue: true,
        public_participation: true,
        risk_assessment: true,
        legality_reviewed: true,
        collective_discussion: true,
        decided_date: '2026-06-01',
        status: 'decided',
      },
    });
    expect(saved.body.warnings).toEqual(['“端到端决策：老旧小区改造”已作出决策，但缺少法定程序：专家论证']);
    await page.reload();
    const row = page.locator('.ant-table-row', { hasText: '端到端决策：老旧小区改造' });
    await expect.poll(() => row.locator('.ant-tag', { hasText: '缺专家论证' }).isVisible()).toBe(true);
    await row.getByRole('button', { name: '编辑' }).click();
    const modal = page.locator('.ant-modal', { hasText: '编辑重大行政决策' });
    await expect.poll(() => modal.getByText('已作出决策，但缺少法定程序：专家论证').isVisible()).toBe(true);
    await modal.locator('.ant-form-item', { hasText: '专家论证' }).getByLabel('是').check();
    await expect.poll(() => modal.getByText('五项法定程序均已履行').isVisible()).toBe(true);
    await modal.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row.locator('.ant-tag', { hasText: '五项程序齐全' }).isVisible()).toBe(true);
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
    // The office's own figures, and the township's beside them under a label of their own.
    await expect.poll(() => drawer.getByText('本所（元坝镇司法所）').isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText('所在乡镇（元坝镇合计）').isVisible()).toBe(true);
    // Its figures come from the registry: a click on the township's village coverage lists the rows behind it.
    const coverage = drawer.locator('.metric-figure[data-metric="grassroots.reasoning_coverage_rate"]');
    await expect.poll(() => coverage.count()).toBe(2);
    await coverage.nth(1).click();
    const rows = page.locator('.ant-drawer', { hasText: '来源明细' });
    await expect.poll(() => rows.getByText('泉坝村居民评理说事点').first().isVisible()).toBe(true);
  });
});
