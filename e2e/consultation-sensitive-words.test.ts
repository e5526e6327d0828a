import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// The office adds a sensitive word on the consultation page and removes it after confirming.
describe('立法联系点：门户敏感词表', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('adds a word and deletes it after confirmation', async () => {
    const { page } = office;
    await page.goto('/consultation');
    await page.getByRole('tab', { name: '敏感词' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '代开发票' }).count()).toBe(1);
    await page.getByPlaceholder('输入一个敏感词').fill('高息揽储');
    await page.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '高息揽储' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/sensitive-words-panel.png', fullPage: true });
    const row = page.getByRole('row', { name: /高息揽储/ });
    await row.getByRole('button', { name: '删除' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '高息揽储' }).count()).toBe(0);
  });
});
