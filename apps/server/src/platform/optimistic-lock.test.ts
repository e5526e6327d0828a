import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Two saves of the same record with the same version, sent at the same time, 20 times per versioned entity: exactly
 * one succeeds and the other gets a Chinese 409, and the version moves by exactly 1. On PostgreSQL the two requests
 * run on two connections at once (the race that lost updates when the version was compared in the service and the
 * UPDATE matched by id alone); PGlite runs one query at a time, so there the same assertions check the sequential
 * behaviour (the second save sees the first one's version).
 */

let t: TestApp;
let office: Client;
let reporter: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  reporter = await t.as('reporter-a');
});
afterAll(() => t?.close());

type Entity = {
  name: string;
  client: () => Client;
  /** The record's current version. */
  version: () => Promise<number>;
  /** A save of the record with `version`; `tag` makes the two concurrent saves differ. */
  save: (version: number, tag: string) => Promise<{ statusCode: number; json: () => { message?: string } }>;
};

const rounds = 20;

async function entities(): Promise<Entity[]> {
  const workPoint = (await office.get('/api/plan/work-points?year=2026')).json().items[0];
  const tasks = (await office.get('/api/plan/tasks?year=2026')).json().items as {
    id: number;
    status: string;
    title: string;
  }[];
  const officeTask = tasks.find((x) => ['draft', 'issued', 'in_progress'].includes(x.status))!;
  const reporterTasks = (await reporter.get('/api/plan/tasks?year=2026')).json().items as {
    id: number;
    status: string;
  }[];
  const planTask = reporterTasks.find((x) => x.status === 'in_progress')!;
  const org = ((await office.get('/api/orgs')).json().items as { id: number; parentId: number | null }[]).find(
    (o) => o.parentId !== null,
  )!;
  const cadre = (await office.get('/api/cadres')).json().items[0] as { id: number };
  const taskVersion = async (client: Client, id: number) =>
    (await client.get(`/api/plan/tasks/${id}`)).json().task.version as number;
  return [
    {
      name: '工作要点 work point',
      client: () => office,
      version: async () =>
        ((await office.get('/api/plan/work-points?year=2026')).json().items as { id: number; version: number }[]).find(
          (w) => w.id === workPoint.id,
        )!.version,
      save: (version, tag) =>
        office.patch(`/api/plan/work-points/${workPoint.id}`, { title: `${workPoint.title}${tag}`, version }),
    },
    {
      name: '任务 task',
      client: () => office,
      version: () => taskVersion(office, officeTask.id),
      save: (version, tag) => office.patch(`/api/plan/tasks/${officeTask.id}`, { title: `并发修改${tag}`, version }),
    },
    {
      name: '任务工作方案 task plan',
      client: () => reporter,
      version: () => taskVersion(reporter, planTask.id),
      save: (version, tag) =>
        reporter.put(`/api/plan/tasks/${planTask.id}/plan`, { planText: `工作方案${tag}`, measures: [], version }),
    },
    {
      name: '单位 org unit',
      client: () => office,
      version: async () => (await office.get(`/api/orgs/${org.id}`)).json().version as number,
      save: (version, tag) => office.patch(`/api/orgs/${org.id}`, { shortName: `简称${tag}`.slice(0, 10), version }),
    },
    {
      name: '干部 cadre',
      client: () => office,
      version: async () =>
        ((await office.get('/api/cadres')).json().items as { id: number; version: number }[]).find(
          (c) => c.id === cadre.id,
        )!.version,
      save: (version, tag) => office.patch(`/api/cadres/${cadre.id}`, { position: `职务${tag}`, version }),
    },
  ];
}

describe('optimistic locking is atomic', () => {
  it(`two saves with the same version: one 200, one Chinese 409, version +1 (${rounds} rounds per entity)`, async () => {
    const results: string[] = [];
    for (const entity of await entities()) {
      for (let round = 0; round < rounds; round++) {
        const before = await entity.version();
        const [a, b] = await Promise.all([entity.save(before, `甲${round}`), entity.save(before, `乙${round}`)]);
        const statuses = [a.statusCode, b.statusCode].sort();
        const refused = a.statusCode === 409 ? a : b;
        const after = await entity.version();
        const ok =
          statuses[0] === 200 &&
          statuses[1] === 409 &&
          /已被他人|同时/.test(String(refused.json().message)) &&
          after === before + 1;
        if (!ok) results.push(`${entity.name} round ${round}: ${statuses.join('/')} version ${before}→${after}`);
      }
    }
    expect(results).toEqual([]);
  }, 300_000);
});
