import { sampleCountyReport } from '@fazhi/core/reports/sample-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

const sampleReport = sampleCountyReport(2024);

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());

type Item = { key: string; status: string };
const statusOf = (items: Item[], key: string) => items.find((i) => i.key === key)?.status;

describe('compliance check of uploaded files', () => {
  it('a .docx downloaded from the platform reads back with every required part, its basis, signature and date', async () => {
    const list = (await office.get('/api/reports?year=2025')).json();
    const county = list.items.find((i: { orgKind: string }) => i.orgKind === 'county');
    const docx = await office.get(`/api/reports/${county.report.id}/docx`);
    expect(docx.statusCode).toBe(200);
    const res = await office.upload('/api/reports/check/upload', '年度报告.docx', docx.rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: Item[] };
    for (const key of ['part.measures', 'part.shortcomings', 'part.first_responsible', 'part.next_year']) {
      expect(statusOf(items, key), key).toBe('ok');
    }
    expect(statusOf(items, 'basis')).toBe('ok');
    expect(statusOf(items, 'signed')).toBe('ok');
    expect(statusOf(items, 'dated')).toBe('ok');
  });

  it('an .html page from a government site is read without its navigation; a page without parts says what is missing', async () => {
    const body = sampleReport
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('');
    const html = `<html><head><title>x</title><script>var a = "一、假标题";</script></head><body><nav>首页 &gt; 政务公开</nav>${body}</body></html>`;
    const res = await office.upload('/api/reports/check/upload', '报告.html', Buffer.from(html));
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: Item[] };
    expect(items.filter((i) => i.key.startsWith('part.')).every((i) => i.status === 'ok')).toBe(true);

    const thin = await office.upload(
      '/api/reports/check/upload',
      '通知.html',
      Buffer.from('<html><body><p>关于做好年度报告工作的通知，请各单位按时报送年度报告，不得延误。</p></body></html>'),
    );
    expect(thin.statusCode).toBe(200);
    const missing = (thin.json() as { items: (Item & { action: string | null })[] }).items.filter(
      (i) => i.status === 'missing',
    );
    expect(missing.map((i) => i.key)).toEqual(expect.arrayContaining(['part.measures', 'basis', 'signed']));
    for (const m of missing) expect(m.action).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a text far longer than any report is refused before it is read, and an oversized web page too', async () => {
    const long = '全区开展法治宣传活动，'.repeat(30_001);
    const res = await office.upload('/api/reports/check/upload', '汇编.txt', Buffer.from(long));
    expect([res.statusCode, res.json().message]).toEqual([
      400,
      '文件“汇编.txt”正文超过30万字，不像一份年度报告：请只上传报告正文',
    ]);
    const page = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    const html = await office.upload('/api/reports/check/upload', '网站.html', page);
    expect([html.statusCode, html.json().message]).toEqual([
      400,
      '网页文件“网站.html”超过5MB，请只保存报告正文所在的页面后重新上传',
    ]);
  });
});
