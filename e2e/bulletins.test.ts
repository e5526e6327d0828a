import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

const modal = (page: Page, title: string) =>
  page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const confirmDialog = (page: Page, title: string) => page.locator('.ant-modal-confirm').filter({ hasText: title });
const shotDir = process.env.FAZHI_SHOT_DIR;
const shot = async (page: Page, name: string) => {
  if (!shotDir) return;
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shotDir}/${name}-${width}.png` });
  }
};

// 印发 asks first and says what it will do; the issued 通报 carries its 文号 from the register and downloads as
// .docx; 撤回 takes a reason and takes the deductions out.
describe('通报：印发确认、文号、撤回', () => {
  let harness: Harness;
  let office: UserSession;
  const title = `关于督察问题整改情况的通报（端到端${Date.now().toString(36)}）`;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the office issues a 通报 after confirming, sees its 文号, downloads it and withdraws it', async () => {
    const { page } = office;
    const year = new Date().getFullYear();
    const deductions = async () => (await apiAs(office, 'GET', `/api/oversight/deductions?year=${year}`)).body.items;
    const deductionsBefore = await deductions();
    const register = (await apiAs(office, 'GET', `/api/oversight/doc-numbers?year=${year}`)).body as { next: string };
    await page.goto('/oversight');
    await page.getByRole('heading', { name: '督察督办' }).waitFor();
    await page.getByRole('tab', { name: '通报' }).click();
    await page.getByText(`下一文号：${register.next}`).waitFor();
    await shot(page, 'bulletins-panel');

    await page.getByRole('button', { name: '印发通报' }).click();
    const form = modal(page, '印发通报');
    await form.getByLabel('通报标题').fill(title);
    await form.getByLabel('抄送机关').fill('市委依法治市办');
    await form.getByRole('button', { name: '按问题整改情况生成建议' }).click();
    await page.getByText(/已根据问题整改情况生成\d+个单位的通报建议/).waitFor();
    expect(await form.getByRole('textbox', { name: '文号' }).inputValue()).toBe(`${register.next}（印发时分配）`);
    await shot(page, 'bulletin-form');
    await form.getByRole('button', { name: /^印\s?发$/ }).click();

    const confirm = confirmDialog(page, '确认印发通报？');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(
      new RegExp(`将编发文号“${register.next}”。通报批评的\\d+个单位将计入年度法治建设考核“督查发现问题”扣分项`),
    );
    await shot(page, 'bulletin-confirm');
    await confirm.getByRole('button', { name: '确认印发' }).click();
    await page.getByText('通报已印发').waitFor();

    const row = page.locator('tr', { hasText: title });
    await row.getByText(register.next).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: '下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${title}.docx`);
    type Listed = { id: number; title: string; withdrawReason: string; entries: { stance: string }[] };
    const listed = async () =>
      ((await apiAs(office, 'GET', `/api/oversight/bulletins?year=${year}`)).body as { items: Listed[] }).items;
    const issued = (await listed()).find((b) => b.title === title)!;
    expect(issued.entries.some((e) => e.stance === 'criticism')).toBe(true);

    await row.getByRole('button', { name: /^撤\s?回$/ }).click();
    const withdraw = modal(page, '撤回通报');
    await withdraw.getByRole('button', { name: '确认撤回' }).click();
    await withdraw.getByText('请填写撤回理由').waitFor();
    await withdraw.getByLabel('撤回理由').fill('通报对象认定有误，撤回重发');
    await shot(page, 'bulletin-withdraw');
    await withdraw.getByRole('button', { name: '确认撤回' }).click();
    await page.getByText('通报已撤回').waitFor();
    await row.getByText('已撤回').waitFor();
    expect(await row.getByRole('button', { name: /^撤\s?回$/ }).count()).toBe(0);
    await shot(page, 'bulletins-withdrawn');

    const after = (await listed()).find((b) => b.id === issued.id)!;
    expect(after.withdrawReason).toBe('通报对象认定有误，撤回重发');
    // Withdrawn, the bulletin feeds nothing: the deductions are those before it was issued.
    expect(await deductions()).toEqual(deductionsBefore);
  });
});
