import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Harness, loginAs, startHarness, tinyPng, type UserSession, uploadAs } from './support.ts';

// Year-end assessment through the UI: 区司法局 self-assesses with evidence, an assessor scores it, the office
// publishes the ranking, the unit appeals, and after the decision sees it together with every lost point explained.
describe('年度考核', () => {
  let harness: Harness;
  let unit: UserSession;
  let assessor: UserSession;
  let office: UserSession;
  let roundId: number;
  let orgId: number;
  const leafName = '党政主要负责人履行推进法治建设第一责任人职责';

  beforeAll(async () => {
    harness = await startHarness();
    [unit, assessor, office] = await Promise.all([
      loginAs(harness, 'reporter-a'),
      loginAs(harness, 'kaohe-1'),
      loginAs(harness, 'office'),
    ]);
    const rounds = (await apiAs(office, 'GET', '/api/assessment/rounds')).body.items as {
      id: number;
      status: string;
    }[];
    roundId = rounds.find((r) => r.status === 'self_assessment')!.id;
    orgId = (await apiAs(unit, 'GET', '/api/auth/me')).body.orgId as number;
  });
  afterAll(async () => {
    await harness?.close();
  });

  // Each stage is reached through the page by its own test, or through the API by a later test run alone (`-t`).
  let selfSubmitted = false;
  let scoredByAssessor = false;
  const roundStatus = async () =>
    ((await apiAs(office, 'GET', '/api/assessment/rounds')).body.items as { id: number; status: string }[]).find(
      (r) => r.id === roundId,
    )!.status;

  async function submittedSelfAssessment() {
    if (selfSubmitted) return;
    const evidence = await uploadAs(unit, '/api/attachments', {
      name: '述法报告.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    expect(evidence.status).toBe(200);
    const url = `/api/assessment/rounds/${roundId}/units/${orgId}`;
    const entry = await apiAs(unit, 'PUT', `${url}/self/fz-1-1`, {
      value: 5.5,
      note: '落实第一责任人职责，年度述法已完成',
      evidenceIds: [evidence.body.id],
    });
    expect(entry.status).toBe(200);
    expect((await apiAs(unit, 'POST', `${url}/submit`)).status).toBe(200);
    selfSubmitted = true;
  }

  async function inReview() {
    await submittedSelfAssessment();
    if ((await roundStatus()) === 'self_assessment') {
      const moved = await apiAs(office, 'POST', `/api/assessment/rounds/${roundId}/transition`, {
        action: 'start_review',
        allowMissing: true,
      });
      expect(moved.status).toBe(200);
    }
    expect(await roundStatus()).toBe('review');
  }

  async function published() {
    if (['publicity', 'appeal', 'final'].includes(await roundStatus())) return;
    await inReview();
    if (!scoredByAssessor) {
      const scored = await apiAs(assessor, 'PUT', `/api/assessment/rounds/${roundId}/units/${orgId}/review/fz-1-1`, {
        value: 4,
        note: '述法材料不完整',
      });
      expect(scored.status).toBe(200);
      scoredByAssessor = true;
    }
    // 公示 needs every participating unit submitted and every hand-scored leaf scored: the other units stay out of
    // this journey (不参评, with a reason) and the assessor gives 区司法局's remaining leaves their full marks.
    const round = await apiAs(office, 'GET', `/api/assessment/rounds/${roundId}`);
    for (const other of round.body.units as { orgId: number; excludedReason: string | null }[]) {
      if (other.orgId === orgId || other.excludedReason) continue;
      const marked = await apiAs(
        office,
        'PUT',
        `/api/assessment/rounds/${roundId}/units/${other.orgId}/participation`,
        {
          participating: false,
          reason: '本次演练只考核区司法局',
        },
      );
      expect(marked.status).toBe(200);
    }
    const sheet = await apiAs(assessor, 'GET', `/api/assessment/rounds/${roundId}/units/${orgId}`);
    for (const leaf of sheet.body.leaves as {
      id: string;
      ruleKind: string;
      points: number;
      rule: { scaleMax?: number };
    }[]) {
      if (leaf.ruleKind !== 'manual' || leaf.id === 'fz-1-1') continue;
      const full = await apiAs(assessor, 'PUT', `/api/assessment/rounds/${roundId}/units/${orgId}/review/${leaf.id}`, {
        value: leaf.rule.scaleMax ?? leaf.points,
      });
      expect(full.status).toBe(200);
    }
    const done = await apiAs(office, 'POST', `/api/assessment/rounds/${roundId}/transition`, { action: 'publish' });
    expect(done.status).toBe(200);
    expect(await roundStatus()).toBe('publicity');
  }

  it('the unit fills a leaf with evidence and submits its self-assessment', async () => {
    const { page } = unit;
    await page.goto('/assessment');
    await page.getByRole('tab', { name: '本单位自评' }).click();
    await page.getByRole('button', { name: `自评 ${leafName}` }).click();
    const modal = page.locator('.ant-modal', { hasText: '填写自评' });
    await modal.getByLabel('评分', { exact: true }).fill('5.5');
    await modal.getByLabel('自评说明').fill('落实第一责任人职责，年度述法已完成');
    await modal
      .locator('input[type=file]')
      .setInputFiles({ name: '述法报告.png', mimeType: 'image/png', buffer: tinyPng() });
    await modal.getByText('述法报告.png').waitFor();
    await modal.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
    await page.getByRole('link', { name: /述法报告\.png/ }).waitFor();
    await page.getByRole('button', { name: '提交自评' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交' }).click();
    await page.getByText('自评已提交').first().waitFor();
    const sheet = await apiAs(unit, 'GET', `/api/assessment/rounds/${roundId}/units/${orgId}`);
    expect((sheet.body.unit as { submittedAt: string | null }).submittedAt).not.toBeNull();
    selfSubmitted = true;
  });

  it('an assessor scores the unit in the review stage', async () => {
    await inReview();
    const { page } = assessor;
    await page.goto('/assessment');
    await page.getByRole('tab', { name: '考核评分' }).click();
    await page.getByLabel('被考核单位').click();
    await page.getByLabel('被考核单位').fill('区司法局');
    await page.locator('.ant-select-item-option', { hasText: '区司法局' }).click();
    await page.getByRole('button', { name: `评分 ${leafName}` }).click();
    const modal = page.locator('.ant-modal', { hasText: '考核评分' });
    await modal.getByLabel('评分', { exact: true }).fill('4');
    await modal.getByLabel('评分意见').fill('述法材料不完整');
    await modal.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
    await expect.poll(() => page.getByText('述法材料不完整', { exact: false }).first().isVisible()).toBe(true);
    scoredByAssessor = true;
  });

  it('the ranking publishes and the unit sees every lost point explained', async () => {
    await published();
    const { page } = unit;
    await page.goto('/assessment');
    await page.getByRole('tab', { name: '排名公示' }).click();
    const row = page.locator('tr', { hasText: '区司法局' });
    await row.getByRole('button', { name: '得分说明' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('得失分依据').waitFor();
    const score = await apiAs(unit, 'GET', `/api/assessment/rounds/${roundId}/units/${orgId}/score`);
    const explanation = (score.body.score as { explanation: { kind: string; points: number; reason: string }[] })
      .explanation;
    const lost = explanation.filter((l) => l.kind === 'lost' && l.points > 0);
    const s = score.body.score as { baseMax: number; baseScore: number };
    expect(Math.round((s.baseMax - s.baseScore) * 100)).toBe(Math.round(lost.reduce((a, l) => a + l.points, 0) * 100));
    for (const line of lost) await expect.poll(() => drawer.getByText(line.reason).first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        drawer
          .getByText(/述法材料不完整/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        drawer
          .getByRole('link', { name: /述法报告\.png/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await drawer.locator('.ant-drawer-close').click();
  });

  it('the unit appeals; the office upholds it; the unit sees the decision and the new figures', async () => {
    await published();
    const { page } = unit;
    await page.goto('/assessment');
    await page.getByRole('tab', { name: '申诉' }).click();
    const reason = page.getByLabel('申诉理由');
    await reason.waitFor();
    // The disputed indicator is chosen from the unit's template; the 佐证材料 is uploaded with the appeal.
    await page.getByLabel('有异议的指标').click();
    await page.getByLabel('有异议的指标').fill('第一责任人');
    await page.locator('.ant-select-item-option', { hasText: leafName }).click();
    await page.keyboard.press('Escape');
    await reason.fill('述法材料已于公示前补交，请复核“第一责任人职责”评分');
    await page
      .locator('.ant-card', { hasText: '提出申诉' })
      .locator('input[type=file]')
      .setInputFiles({ name: '补交述法材料.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByText('补交述法材料.png').waitFor();
    await page.getByRole('button', { name: '提交申诉' }).click();
    // The submission is settled when the server has it (the toast is short-lived on a loaded machine).
    const appealOf = async () => {
      const appeals = await apiAs(office, 'GET', `/api/assessment/rounds/${roundId}/appeals`);
      type Item = { id: number; orgId: number; indicators: { id: string }[]; evidence: { filename: string }[] };
      return (appeals.body.items as Item[]).find((a) => a.orgId === orgId);
    };
    await expect.poll(appealOf).toBeTruthy();
    const appeal = (await appealOf())! as {
      id: number;
      indicators: { id: string }[];
      evidence: { filename: string }[];
    };
    expect(appeal.indicators.map((i) => i.id)).toEqual(['fz-1-1']);
    expect(appeal.evidence.map((e) => e.filename)).toEqual(['补交述法材料.png']);
    // The office's own file goes with its decision; the unit downloads it through the appeal.
    const officeFile = await uploadAs(office, '/api/attachments', {
      name: '申诉复核意见书.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    expect(officeFile.status).toBe(200);
    const decided = await apiAs(office, 'POST', `/api/assessment/appeals/${appeal.id}/decide`, {
      outcome: 'upheld',
      reason: '补交材料属实，第一责任人职责改评5.5分',
      corrections: { leaves: [{ indicatorId: 'fz-1-1', value: 5.5, note: '申诉复核' }] },
      attachmentIds: [officeFile.body.id],
    });
    expect(decided.status).toBe(200);
    await page.reload();
    await page.getByRole('tab', { name: '申诉' }).click();
    await expect
      .poll(() => page.getByTestId('appeal-decision').first().textContent())
      .toContain('审核意见：补交材料属实');
    await page.getByRole('link', { name: /补交述法材料\.png/ }).waitFor();
    const decisionFile = page.getByRole('link', { name: /申诉复核意见书\.png/ });
    await decisionFile.waitFor();
    const href = (await decisionFile.getAttribute('href'))!;
    expect(href).toBe(`/api/assessment/appeals/${appeal.id}/files/${officeFile.body.id}`);
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(tinyPng())).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/成绩由.*调整为/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole('tab', { name: '排名公示' }).click();
    await page.locator('tr', { hasText: '区司法局' }).getByRole('button', { name: '得分说明' }).click();
    await expect
      .poll(() =>
        page
          .locator('.ant-drawer')
          .getByText(/申诉复核调整/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });
  it('the unit downloads one workbook: the whole ranking and only its own score sheet, as the API gives them', async () => {
    await published();
    const { page } = unit;
    await page.goto('/assessment');
    await page.getByRole('tab', { name: '排名公示' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出排名和本单位评分表' }).click(),
    ]);
    expect(download.suggestedFilename()).toContain('排名和评分表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const ranking = (await apiAs(unit, 'GET', `/api/assessment/rounds/${roundId}/ranking`)).body.items as unknown[];
    expect(wb.getWorksheet('考核排名')!.rowCount).toBe(ranking.length + 1);
    const detail = wb.getWorksheet('评分明细')!;
    const units = new Set<string>();
    let total: unknown;
    detail.eachRow((row, n) => {
      if (n === 1) return;
      units.add(String(row.getCell(1).value));
      if (row.getCell(3).value === '总分') total = row.getCell(7).value;
    });
    expect([...units]).toEqual(['区司法局']);
    const score = await apiAs(unit, 'GET', `/api/assessment/rounds/${roundId}/units/${orgId}/score`);
    expect(total).toBe((score.body.score as { total: number }).total);
  });

  it('the office switches a template to weights and assessors’ scores to the median in the editor, and saves', async () => {
    const created = await apiAs(office, 'POST', '/api/assessment/schemes', { year: 2030 });
    const { page } = office;
    await page.goto(`/assessment/schemes/${created.body.id}`);
    await page.getByText('分值制', { exact: true }).waitFor();
    await page.getByText('权重制', { exact: true }).click();
    await expect
      .poll(() =>
        page
          .locator('.ant-tree')
          .getByText(/%（.*分）/)
          .count(),
      )
      .toBeGreaterThan(3);
    await page.getByLabel('评分合成方式').click();
    await page.locator('.ant-select-item-option', { hasText: '取中位数' }).click();
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.getByText('方案已保存').first().waitFor();
    const saved = await apiAs(office, 'GET', `/api/assessment/schemes/${created.body.id}`);
    const template = (saved.body.definition as { templates: { mode: string; indicators: { weight?: number }[] }[] })
      .templates[0]!;
    expect(template.mode).toBe('weights');
    expect((saved.body.definition as { aggregation: { method: string } }).aggregation.method).toBe('median');
    expect(Math.round(template.indicators.reduce((a, i) => a + (i.weight ?? 0), 0) * 100)).toBe(10_000);
  });
});
