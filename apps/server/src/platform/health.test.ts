import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('health and OpenAPI', () => {
  it('reports ok and which database runs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.kind });
    expect(['pglite', 'postgres']).toContain(process.env.FAZHI_TEST_DB);
    expect(t.kind).toBe(process.env.FAZHI_TEST_DB);
  });

  it('publishes an OpenAPI document listing the task routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/plan/tasks/{id}/apply');
    expect(doc.paths['/api/plan/tasks'].post.requestBody).toBeTruthy();
  });
});
