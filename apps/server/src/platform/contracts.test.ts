import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ recordRoutes: false });
});
afterAll(() => t?.close());

type Operation = {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: { in: string; name: string; schema?: unknown }[];
};

describe('one contract per route', () => {
  it('describes a success answer with its schema for every API route in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    const withoutAnswer = routes
      .filter(({ op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
        return !success.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((c) => c.schema));
      })
      .map(({ route }) => route);
    expect(withoutAnswer).toEqual([]);
    // Every route the access table knows is in the document (none hidden from it but the document itself).
    const documented = new Set(routes.map(({ route }) => route.replace(/\{(\w+)\}/g, ':$1')));
    const undocumented = t.app.accessTable
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !documented.has(r) && r !== 'GET /api/openapi.json');
    expect(undocumented).toEqual([]);
  });

  it('declares the schema of every path parameter a route takes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(operations)) {
        for (const name of names) {
          const declared = op.parameters?.some((p) => p.in === 'path' && p.name === name && p.schema);
          if (!declared) missing.push(`${method.toUpperCase()} ${path} :${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
