import { grassrootsDashboardMetrics } from '@fazhi/core/grassroots/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/** The grass-roots figures panel reads the metric registry; the list of liaison leaders shows new ones. */
let t: TestApp;
let office: Client;
let reporterA: Client;
let orgIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  [office, reporterA] = await Promise.all([t.as('office'), t.as('reporter-a')]);
  const orgs = (await office.get('/api/orgs')).json().items as { id: number; name: string }[];
  orgIds = new Map(orgs.map((o) => [o.name, o.id]));
});
afterAll(() => t?.close());

describe('grass-roots figures', () => {
  it('gives the county each dashboard figure with the value the metric registry gives', async () => {
    const res = await office.get('/api/grassroots/figures?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      org: { id: number; name: string };
      period: string;
      items: { key: string; name: string; unit: string; value: number | null }[];
    };
    expect(body.org.name).toBe('昭化区');
    expect(body.period).toBe('2025');
    expect(body.items.map((i) => i.key)).toEqual(grassrootsDashboardMetrics);
    const county = orgIds.get('昭化区')!;
    for (const item of body.items) {
      const metric = (await office.get(`/api/metrics/${item.key}?org=${county}&period=2025`)).json();
      expect(item.value, item.key).toBe(metric.value);
    }
    expect(body.items.some((i) => (i.value ?? 0) > 0)).toBe(true);
  });

  it('a bad year is a Chinese 400', async () => {
    const res = await office.get('/api/grassroots/figures?year=abc');
    expect([res.statusCode, res.json().message]).toEqual([
      400,
      '查询参数有误：year：无效输入：期望 数字，实际接收 NaN',
    ]);
  });
});

describe('liaison leaders', () => {
  it('a leader the office adds is listed, with the unit', async () => {
    const before = (await office.get('/api/grassroots/liaison/leaders')).json().items as { id: number }[];
    const created = await office.post('/api/grassroots/liaison/leaders', {
      orgId: orgIds.get('区司法局'),
      name: '钱立新',
      title: '党组成员',
    });
    expect(created.statusCode, created.body).toBe(200);
    const after = (await office.get('/api/grassroots/liaison/leaders')).json().items as Record<string, unknown>[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((l) => l.id === created.json().id)).toMatchObject({
      name: '钱立新',
      title: '党组成员',
      orgId: orgIds.get('区司法局'),
    });
    const refused = await reporterA.post('/api/grassroots/liaison/leaders', {
      orgId: orgIds.get('区司法局'),
      name: '孙晓',
    });
    expect([refused.statusCode, refused.json().message]).toEqual([403, '您没有执行此操作的权限']);
    expect((await office.get('/api/grassroots/liaison/leaders')).json().items).toHaveLength(before.length + 1);
  });
});
