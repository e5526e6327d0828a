import type { RegistryKey } from '@fazhi/core/metrics/definitions';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connections } from '../../test/db-connections.ts';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { seedMetricFixture } from './fixtures/metrics-fixture.ts';
import { computeFigures } from './metrics.figures.service.ts';
import { rebuildMetricRollup, whenRollupReady } from './metrics.rollup.service.ts';

/**
 * Target-task figures (plan.tasks, plan.closed) are kept in the roll-up like the ledgers': a task counts while it is
 * issued and has no sub-tasks, so adding, removing or moving a sub-task changes its parent's part too. Every step
 * is checked three ways: the hand count, the roll-up table itself, and the same figures computed from the rows.
 * Fixture tasks of 2030: A (昭化区, parent) → A1 区司法局 closed 3-31, A2 区市场监督管理局 9-30; B 元坝镇 closed
 * 12-31; C 区司法局 draft 5-01.
 */
let t: TestApp;
let office: Client;
let ids: Awaited<ReturnType<typeof seedMetricFixture>>;
let cityPath = '';
let db: ReturnType<typeof connections>;

beforeAll(async () => {
  t = await createTestApp();
  db = connections(t);
  ids = await seedMetricFixture(t.db);
  expect(await whenRollupReady(t.db)).toBe(true);
  office = await t.as('office');
  const [city] = await queryRows<{ path: string }>(t.db, sql`select path from orgs where id = ${ids.city}`);
  cityPath = city!.path;
});
afterAll(async () => {
  await db?.closeAll();
  await t?.close();
});

const keys: RegistryKey[] = ['plan.tasks', 'plan.closed'];
const periods = ['2030', '2030-H1', '2030-06', '2030-09', '2031'];

const taskId = async (title: string) =>
  (await queryRows<{ id: number }>(t.db, sql`select id from tasks where title = ${title}`))[0]!.id;

const addTask = async (title: string, orgId: number, deadline: string, status: string, parentId: number | null) => {
  const [wp] = await queryRows<{ id: number }>(
    t.db,
    sql`select work_point_id as id from tasks where title = '指标测试任务A'`,
  );
  await t.db.execute(sql`insert into tasks (work_point_id, parent_id, org_id, year, title, deadline, status)
    values (${wp!.id}, ${parentId}, ${orgId}, 2030, ${title}, ${deadline}, ${status})`);
};

/** 2030's figure of `org`'s subtree as the roll-up table holds it (every slot). */
const rolled = async (key: string, org: number) =>
  (
    await queryRows<{ v: number }>(
      t.db,
      sql`select coalesce(sum(value), 0)::float8 as v from metric_rollup
          where metric_key = ${key} and org_id = ${org} and month >= '2030-01-01' and month < '2031-01-01'`,
    )
  )[0]!.v;

/** The county's 2030 [tasks, closed] from the API, after checking the roll-up and the rows agree everywhere. */
async function countyFigures(): Promise<[number | null, number | null]> {
  const user: AuthUser = {
    id: 0,
    username: 'city',
    displayName: '',
    role: 'office',
    dataScope: 'subtree',
    orgId: ids.city,
    orgName: '',
    scopePath: cityPath,
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
  };
  const request = {
    user,
    keys,
    orgIds: [ids.city, ids.county, ids.neighbour, ids.justice, ids.market, ids.township],
    rootPath: cityPath,
    periods,
  };
  const fast = await computeFigures(t.db, request);
  const raw = await computeFigures(t.db, { ...request, forceRaw: true });
  for (const key of keys)
    for (const org of request.orgIds) {
      for (const period of periods)
        expect(fast.get(key, org, period), `${key} ${org} ${period}`).toEqual(raw.get(key, org, period));
      expect(await rolled(key, org), `roll-up ${key} ${org}`).toBe(raw.get(key, org, '2030').value);
    }
  const value = async (key: string) => {
    const res = await office.get(`/api/metrics/${key}?org=${ids.county}&period=2030`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().value as number | null;
  };
  return [await value('plan.tasks'), await value('plan.closed')];
}

describe('target-task figures in the roll-up', () => {
  it('follow a task through sub-tasks, issue, re-parenting, closing, a new deadline and an org move', async () => {
    // A1 (closed), A2, B (closed) count; A has sub-tasks, C is a draft.
    expect(await countyFigures()).toEqual([3, 2]);
    // A sub-task under B: B now counts through it.
    await addTask('指标测试任务B1', ids.township, '2030-06-30', 'in_progress', await taskId('指标测试任务B'));
    expect(await countyFigures()).toEqual([3, 1]);
    await t.db.execute(sql`delete from tasks where title = '指标测试任务B1'`);
    expect(await countyFigures()).toEqual([3, 2]);
    // C issued: it counts.
    await t.db.execute(sql`update tasks set status = 'in_progress' where title = '指标测试任务C'`);
    expect(await countyFigures()).toEqual([4, 2]);
    // A2 moved under C: C stops counting, A still has A1.
    await t.db.execute(
      sql`update tasks set parent_id = ${await taskId('指标测试任务C')} where title = '指标测试任务A2'`,
    );
    expect(await countyFigures()).toEqual([3, 2]);
    await t.db.execute(sql`update tasks set status = 'closed', closed_at = now() where title = '指标测试任务A2'`);
    expect(await countyFigures()).toEqual([3, 3]);
    // A2's deadline moves into 2031; its progress (an unwatched column) changes nothing.
    await t.db.execute(sql`update tasks set deadline = '2031-01-15', own_percent = 40 where title = '指标测试任务A2'`);
    expect(await countyFigures()).toEqual([2, 2]);
    // 元坝镇 (B) moves under the neighbour county: B's figures follow it.
    const sysadmin = await t.as('sysadmin');
    const move = await sysadmin.post(`/api/orgs/${ids.township}/move`, { parentId: ids.neighbour });
    expect(move.statusCode, move.body).toBe(200);
    expect(await countyFigures()).toEqual([1, 1]);
    expect(await rolled('plan.tasks', ids.neighbour)).toBe(1);
    // A rebuild from the rows gives the same roll-up.
    await rebuildMetricRollup(t.db);
    expect(await countyFigures()).toEqual([1, 1]);
  });

  it('a parent losing its only sub-task while another is added under it counts through the new one only, not as well', async () => {
    const parent = await taskId('指标测试任务B');
    await addTask('指标测试任务B1', ids.township, '2030-06-30', 'in_progress', parent);
    const before = await rolled('plan.tasks', ids.city);
    const removeB1 = `delete from tasks where title = '指标测试任务B1'`;
    const [task] = await queryRows<{ wp: number }>(
      t.db,
      sql`select work_point_id as wp from tasks where id = ${parent}`,
    );
    const addB2 = `insert into tasks (work_point_id, parent_id, org_id, year, title, deadline, status)
      values (${task!.wp}, ${parent}, ${ids.township}, 2030, '指标测试任务B2', '2030-07-31', 'in_progress')`;
    if (t.kind === 'postgres') {
      // a removes B1 (B alone would count again); b adds B2 before a commits. b's trigger waits for a's commit and
      // then sees B with B2: without that wait, b would judge B from before a's delete and B would count as well.
      const [a, b] = [await db.open(), await db.open()];
      const pid = (await b.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      await a.query('begin');
      await a.query(removeB1);
      await b.query('begin');
      const adding = b.query(addB2);
      await expect
        .poll(async () => {
          const { rows } = await a.query<{ waiting: boolean }>(
            `select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = ${pid}`,
          );
          return rows[0]?.waiting;
        })
        .toBe(true);
      await a.query('commit');
      await adding;
      await b.query('commit');
    } else {
      // PGlite is one connection: the two statements run one after the other.
      await t.db.execute(sql.raw(removeB1));
      await t.db.execute(sql.raw(addB2));
    }
    // B1 gone and B2 in: still one task under 元坝镇 (now B2), counted once.
    expect(await rolled('plan.tasks', ids.city)).toBe(before);
    await countyFigures();
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from metric_rollup_parts where row_id = ${parent}`,
    );
    expect(row!.n).toBe(0);
  });
});
