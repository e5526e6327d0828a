import { sampleCountyReport } from '@fazhi/core/reports/sample-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/** Importing a historical report as a file: read, parsed into parts and figures, listed. */
let t: TestApp;
let office: Client;
let countyId: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
  countyId = orgs.find((o) => o.name === '昭化区')!.id;
});
afterAll(() => t?.close());

const importCount = async () => (await office.get('/api/reports/imports')).json().items.length as number;

describe('report import by upload', () => {
  it('an uploaded .txt report is imported with its title, file name, parts and figures', async () => {
    const before = await importCount();
    const res = await office.upload(
      `/api/reports/imports/upload?orgId=${countyId}&year=2023`,
      '2023年度报告.txt',
      Buffer.from(sampleCountyReport(2023)),
    );
    expect(res.statusCode, res.body).toBe(200);
    const imp = (await office.get(`/api/reports/imports/${res.json().id}`)).json();
    expect(imp).toMatchObject({
      orgId: countyId,
      year: 2023,
      title: '广元市利州区司法局2023年法治政府建设年度报告',
      filename: '2023年度报告.txt',
    });
    expect(imp.structure.parts.filter((p: { present: boolean }) => p.present)).toHaveLength(4);
    const mediation = imp.figures.find((f: { text: string }) => f.text.includes('调处各类矛盾纠纷2197件'));
    expect(mediation).toMatchObject({ value: 2197, metric: 'mediation.cases' });
    expect(await importCount()).toBe(before + 1);
  });

  it('an unsupported file or a missing unit is refused in Chinese and nothing is imported', async () => {
    const before = await importCount();
    const pdf = await office.upload(
      `/api/reports/imports/upload?orgId=${countyId}&year=2023`,
      '报告.pdf',
      Buffer.from('%PDF-1.4'),
    );
    expect([pdf.statusCode, pdf.json().message]).toEqual([
      415,
      '不支持的文件类型“报告.pdf”：请上传 .docx、.txt 或 .html 文件',
    ]);
    const noOrg = await office.upload('/api/reports/imports/upload?year=2023', '报告.txt', Buffer.from('正文'));
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().message).toContain('请选择单位');
    expect(await importCount()).toBe(before);
  });
});
