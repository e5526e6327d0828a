import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { databaseRefusal } from './kernel/db-errors.ts';

/** Regression tests for the four causes of 500 answers found by fuzzing, each at the route where it was found. */

let t: TestApp;
let office: Client;
let reporter: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  reporter = await t.as('reporter-a');
});
afterAll(() => t?.close());

describe('ids above the 32-bit range (cause A)', () => {
  it('GET /api/plan/tasks/2147483648 is a Chinese 400, and the largest id is a 404', async () => {
    const res = await office.get('/api/plan/tasks/2147483648');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toBe('路径参数有误：id：编号超出允许范围');
    const max = await office.get('/api/plan/tasks/2147483647');
    expect(await refusal(max)).toEqual([404, '未找到该任务，或该任务不在您的数据范围内']);
  });

  it('an id inside a body (leadOrgId) past the range is a 400 naming the field', async () => {
    const res = await office.post('/api/plan/tasks', {
      workPointId: 1,
      title: '测试任务',
      leadOrgId: 2147483648,
      deadline: '2026-12-31',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请求内容有误：leadOrgId：编号超出允许范围');
  });
});

describe('NUL and other control characters (cause B)', () => {
  it('POST /api/auth/login with a NUL in the username is a 400 naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000b', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION',
      message: '字段「username」含有不可见控制字符，请删除后重试',
    });
  });

  it('/api/ledgers/types/%00/rows is a 400 naming the path parameter', async () => {
    const res = await office.get('/api/ledgers/types/%00/rows');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('字段「type」含有不可见控制字符，请删除后重试');
  });

  it('U+0001, U+001F and U+007F in a name are refused; tab and line breaks in text are kept', async () => {
    for (const c of ['\u0001', '\u001f', '\u007f']) {
      const res = await office.post('/api/plan/work-points', { year: 2027, title: `要点${c}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('字段「title」含有不可见控制字符，请删除后重试');
    }
  });
});

describe('impossible dates (cause C)', () => {
  it('a task entry dated 2025-02-30 or 0000-01-01 is a Chinese 400', async () => {
    const task = (await reporter.get('/api/plan/tasks?year=2026'))
      .json()
      .items.find((x: { status: string }) => x.status === 'in_progress');
    for (const entryDate of ['2025-02-30', '0000-01-01', '2101-01-01']) {
      const res = await reporter.post(`/api/plan/tasks/${task.id}/entries`, {
        entryDate,
        percent: 20,
        content: '进展',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe(
        '请求内容有误：entryDate：日期格式应为 YYYY-MM-DD，且须是1900年至2100年之间的真实日期',
      );
    }
  });
});

describe('a null where an object is expected (cause D)', () => {
  it('an assessment scheme with definition null is a Chinese 400', async () => {
    const create = await office.post('/api/assessment/schemes', { year: 2027, definition: null });
    expect(create.statusCode).toBe(400);
    expect(create.json().message).toBe('请求内容有误：definition：考核方案内容格式不正确，应为完整的方案定义');
    const list = (await office.get('/api/assessment/schemes')).json().items as { id: number }[];
    const update = await office.put(`/api/assessment/schemes/${list[0]!.id}`, { definition: null });
    expect(update.statusCode).toBe(400);
    expect(update.json().message).toBe('请求内容有误：definition：考核方案内容格式不正确，应为完整的方案定义');
  });
});

describe("Fastify's own errors answer in the Chinese shape", () => {
  it('a path parameter over 100 characters is a Chinese 414', async () => {
    const res = await office.get(`/api/plan/tasks/${'9'.repeat(150)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ code: 'URI_TOO_LONG', message: '请求地址中的参数过长，请检查后重试' });
  });

  it('an unknown route with a long path is a short Chinese 404', async () => {
    const res = await office.get(`/api/${'x'.repeat(5000)}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.json().message.length).toBeLessThan(200);
  });

  it('malformed JSON, a text body and a too-large body', async () => {
    const json = await office.post('/api/plan/work-points', '{"a":', { 'content-type': 'application/json' });
    expect(json.json()).toEqual({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
    const text = await office.post('/api/plan/work-points', 'hello', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' });
  });
});

describe('database data errors are 4xx, not 500', () => {
  it('maps the SQLSTATE of a real refusal to a Chinese 400/409 without quoting the value', async () => {
    const refusal = async (query: string) => {
      const error = await t.db.execute(sql.raw(query)).then(
        () => null,
        (e: unknown) => e,
      );
      return databaseRefusal(error);
    };
    expect(await refusal('select 2147483648::int4')).toMatchObject({
      status: 400,
      code: 'INVALID_DATA',
      message: '数值超出允许的范围',
      log: { sqlState: '22003' },
    });
    expect(await refusal("select '2025-02-30'::date")).toMatchObject({ status: 400, log: { sqlState: '22008' } });
    expect(await refusal("select 'abc'::int4")).toMatchObject({ status: 400, message: '数据格式不正确' });
    expect(await refusal('insert into orgs (id) values (999999)')).toMatchObject({
      status: 400,
      code: 'MISSING_VALUE',
      message: '缺少必填内容，无法保存',
    });
    expect(await refusal('insert into orgs select * from orgs limit 1')).toMatchObject({
      status: 409,
      code: 'DUPLICATE',
      message: '该记录与已有记录重复，无法保存',
    });
    expect(await refusal('select 1')).toBeNull();
  });
});
