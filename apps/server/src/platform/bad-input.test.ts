import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';

let t: TestApp;
let office: Client;
let reporter: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  reporter = await t.as('reporter-a');
});
afterAll(() => t?.close());

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

describe('bad input gets a clear Chinese 4xx and leaves the data unchanged', () => {
  it('malformed JSON', async () => {
    const before = await count('work_points');
    const res = await office.post('/api/plan/work-points', '{"year": 2027, "title": ', {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
    expect(await count('work_points')).toBe(before);
  });

  it('wrong types name the field', async () => {
    const res = await office.post('/api/plan/work-points', { year: '明年', title: 123 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.message).toMatch(/year|年度/);
    expect(body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['year', 'title']));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i);
  });

  it('out-of-range values and bad dates', async () => {
    const task = (await reporter.get('/api/plan/tasks?year=2026'))
      .json()
      .items.find((x: { status: string }) => x.status === 'in_progress');
    const before = await count('task_entries');
    const over = await reporter.post(`/api/plan/tasks/${task.id}/entries`, {
      entryDate: '2026-11-20',
      percent: 120,
      content: '超出',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('进度不能大于100');
    const date = await reporter.post(`/api/plan/tasks/${task.id}/entries`, {
      entryDate: '20日',
      percent: 20,
      content: '日期错',
    });
    expect(date.statusCode).toBe(400);
    expect(date.json().message).toContain('日期格式应为 YYYY-MM-DD');
    expect(await count('task_entries')).toBe(before);
  });

  it('an oversized JSON body is 413', async () => {
    const res = await office.post('/api/plan/work-points', { year: 2027, title: 'x', content: '字'.repeat(600_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('过大');
  });

  it('an oversized upload is 413 and nothing is stored', async () => {
    const before = await count('attachments');
    const big = Buffer.concat([tinyPdf, Buffer.alloc(21 * 1024 * 1024, 32)]);
    const res = await reporter.upload('/api/attachments', '大文件.pdf', big, 'application/pdf');
    expect(await refusal(res)).toEqual([413, '上传内容过大，超过系统允许的大小']);
    expect(await count('attachments')).toBe(before);
  });

  it('a file whose content is not an allowed type is refused whatever its name says', async () => {
    const before = await count('attachments');
    const res = await reporter.upload(
      '/api/attachments',
      '伪装.pdf',
      Buffer.from('<script>alert(1)</script>'),
      'application/pdf',
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('不支持的文件类型');
    expect(await count('attachments')).toBe(before);
    const pdf = await reporter.upload('/api/attachments', '方案.pdf', tinyPdf, 'application/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.json()).toMatchObject({ mime: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('SQL and HTML in text fields are stored as text, never executed', async () => {
    const title = `'); drop table tasks; -- <img src=x onerror=alert(1)>`;
    const res = await office.post('/api/plan/work-points', { year: 2027, title, content: '<script>alert(1)</script>' });
    expect(res.statusCode).toBe(200);
    const list = (await office.get('/api/plan/work-points?year=2027')).json().items;
    expect(list.find((w: { id: number }) => w.id === res.json().id).title).toBe(title);
    expect(await count('tasks')).toBeGreaterThan(0);
    const search = await office.get(`/api/plan/tasks?q=${encodeURIComponent("' or 1=1 --")}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
  });

  it('ids of the wrong shape and unknown routes are 4xx JSON', async () => {
    expect(await refusal(office.get('/api/plan/tasks/abc'))).toEqual([400, '路径参数有误：id：编号不正确']);
    expect(await refusal(office.get('/api/plan/tasks/-1'))).toEqual([400, '路径参数有误：id：编号不正确']);
    const missing = await office.get('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('接口不存在');
  });

  it('an unexpected content type is 415', async () => {
    const res = await office.post('/api/plan/work-points', 'year=2027', { 'content-type': 'text/plain' });
    expect(await refusal(res), res.body).toEqual([415, '不支持的请求内容类型']);
  });
});
