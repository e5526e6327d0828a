import { toWeightsMode } from '@fazhi/core/assessment/template-mode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let office: Client;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t?.close());

describe('weights-mode templates through the API', () => {
  it('the office saves a weighted template, is told which indicator’s weights are off, and the copy keeps them', async () => {
    const created = (await office.post('/api/assessment/schemes', { year: 2029 })).json();
    const scheme = (await office.get(`/api/assessment/schemes/${created.id}`)).json();
    const definition = structuredClone(scheme.definition);
    definition.templates[1] = toWeightsMode(definition.templates[1]);
    const weighted = definition.templates[1];

    const broken = structuredClone(definition);
    const branch = broken.templates[1].indicators.find((i: { children?: unknown[] }) => i.children?.length);
    branch.children[0].weight += 5;
    const bad = await office.put(`/api/assessment/schemes/${scheme.id}`, { definition: broken });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain(`指标“${branch.name}”的下级指标权重合计`);
    expect((await office.get(`/api/assessment/schemes/${scheme.id}`)).json().definition.templates[1].mode).toBe(
      'points',
    );

    expect((await office.put(`/api/assessment/schemes/${scheme.id}`, { definition })).statusCode).toBe(200);
    const saved = (await office.get(`/api/assessment/schemes/${scheme.id}`)).json().definition.templates[1];
    expect(saved).toMatchObject({ mode: 'weights', indicators: weighted.indicators });

    const copy = (await office.post(`/api/assessment/schemes/${scheme.id}/copy`, { mode: 'next_year' })).json();
    const copied = (await office.get(`/api/assessment/schemes/${copy.id}`)).json().definition.templates[1];
    expect(copied.mode).toBe('weights');
    const weights = (list: { weight?: number; children?: unknown[] }[]): unknown[] =>
      list.map((i) => [i.weight, weights((i.children ?? []) as typeof list)]);
    expect(weights(copied.indicators)).toEqual(weights(weighted.indicators));
  });
});
