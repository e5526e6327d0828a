import { registryMetrics } from '@fazhi/core/metrics/definitions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let leader: Client;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.as('leader');
});
afterAll(() => t?.close());

describe('GET /api/metrics', () => {
  it('lists every registry metric with its name, unit, kind, polarity and how it is computed', async () => {
    const res = await leader.get('/api/metrics');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; name: string; unit: string; kind: string; computation: unknown }[];
    expect(items).toEqual(
      registryMetrics.map((m) => ({
        key: m.key,
        name: m.name,
        unit: m.unit,
        kind: m.kind,
        polarity: m.polarity,
        computation: JSON.parse(JSON.stringify(m.computation)),
      })),
    );
    expect(items.find((m) => m.key === 'mediation.cases')).toMatchObject({ name: '调解矛盾纠纷', unit: '件' });
    expect(items.find((m) => m.key === 'petitions.repeat_rate')).toMatchObject({ polarity: 'lower' });
    expect(items.find((m) => m.key === 'mediation.success_rate')).toMatchObject({ polarity: 'higher' });
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/metrics' });
    expect([res.statusCode, res.json().message]).toEqual([401, '请先登录']);
  });
});
