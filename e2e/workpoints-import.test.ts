import type { Task } from '@fazhi/core/plan/plan.schemas';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, type UserSession } from './support.ts';

// The 工作要点 document import through the UI: upload a .docx, see the proposed tree, correct one lead unit the
// org list does not know, publish, and find the tasks in 目标任务.

const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const docTitle = `昭化区${year}年法治宣传工作要点（导入测试）`;

async function workpointsDocx(): Promise<Buffer> {
  const lines = [
    docTitle,
    '为推动普法责任落实，制定本要点。',
    '一、压实普法责任',
    '1.发布年度普法责任清单。（区委依法治区办牵头，区司法局配合，3月底前）',
    '2.开展文旅场所法治宣传。（区文旅局牵头，各镇配合，全年）',
    '二、加强基层法治宣传',
    '3.组织法律明白人培训。牵头单位：区司法局；责任单位：区民政局；完成时限：9月底前',
  ];
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** Picks a unit in the OrgTreeSelect inside `container` by typing its name. */
async function pickUnit(page: Page, container: ReturnType<Page['locator']>, name: string) {
  await container.locator('.ant-select').first().click();
  await page.keyboard.type(name);
  await page
    .locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${name}$`) })
    .first()
    .click();
}

describe('工作要点文档导入', () => {
  let harness: Harness;
  let office: UserSession;

  beforeAll(async () => {
    harness = await startHarness();
    office = await loginAs(harness, 'office');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('upload a .docx, correct one unit, publish, and the tasks are listed', async () => {
    const { page } = office;
    await page.goto('/plan');
    await page.getByRole('button', { name: '从文档导入' }).click();
    await page.waitForURL('**/plan/import');
    await page.locator('input[type=file]').setInputFiles({
      name: '普法工作要点.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await workpointsDocx(),
    });
    await expect
      .poll(() => page.getByText('从“普法工作要点.docx”识别出 5 项要点').count(), { timeout: 60_000 })
      .toBe(1);
    expect(await page.getByLabel('工作要点标题').inputValue()).toBe(docTitle);
    await page.getByText('还有 1 项缺少牵头单位或完成时限').waitFor();
    await page.getByText('未匹配：区文旅局').waitFor();
    const publish = page.getByRole('button', { name: /发布 5 项任务/ });
    expect(await publish.isDisabled()).toBe(true);

    // The point whose lead the org list lacks (p3: 2.开展文旅场所法治宣传) gets 区委宣传部.
    await pickUnit(page, page.getByTestId('lead-p3'), '区委宣传部');
    await page.getByText('全部要点都已有牵头单位和完成时限').waitFor();
    await publish.click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: '发布' }).click();
    await page.waitForURL((url) => url.pathname === '/plan', { timeout: 60_000 });
    await page.getByText('已发布工作要点，下达 5 项任务').waitFor();
    await page.getByText(docTitle).first().waitFor();

    // The tasks exist with their units: through the list the page shows and through the API.
    await page.getByPlaceholder('任务名称关键字').fill('开展文旅场所法治宣传');
    await page.getByPlaceholder('任务名称关键字').press('Enter');
    await page.locator('.ant-table-row', { hasText: '开展文旅场所法治宣传' }).first().waitFor();
    const list = await apiAs(office, 'GET', `/api/plan/tasks?year=${year}&q=${encodeURIComponent('法治宣传')}`);
    const mine = (list.body.items as Task[]).filter((t) =>
      ['开展文旅场所法治宣传', '发布年度普法责任清单', '组织法律明白人培训'].includes(t.title),
    );
    expect(
      mine.map((t) => [t.title, t.leadOrgName, t.status]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([['开展文旅场所法治宣传', '区委宣传部', 'issued']]);
    const all = await apiAs(office, 'GET', `/api/plan/tasks?year=${year}`);
    const byTitle = new Map((all.body.items as Task[]).map((t) => [t.title, t]));
    expect(byTitle.get('发布年度普法责任清单')).toMatchObject({
      leadOrgName: '区委依法治区办',
      assistOrgNames: ['区司法局'],
      deadline: `${year}-03-31`,
      status: 'issued',
    });
    expect(byTitle.get('组织法律明白人培训')).toMatchObject({
      leadOrgName: '区司法局',
      assistOrgNames: ['区民政局'],
      deadline: `${year}-09-30`,
    });
  });
});
