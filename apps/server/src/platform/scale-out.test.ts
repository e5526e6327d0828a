import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { mediationCaseHeaders } from '../../test/ledger-import.ts';
import { openSecondInstance } from '../../test/second-instance.ts';
import { buildApp } from '../app.ts';
import { type Db, queryRows } from '../db/client.ts';
import { importSettings } from '../ledgers/ledgers.import.service.ts';
import { runDueJobs, type ScheduledJob, scheduledJobs } from '../scheduled-work.ts';

/**
 * Two app instances on one database, as two processes (or machines) behind a load balancer run. On PostgreSQL the
 * second instance has its own connection pool; on PGlite (one process by design) it shares the one connection.
 */
let t: TestApp;
let instanceB: Awaited<ReturnType<typeof openSecondInstance>> | undefined;
let dbB: Db;
let appB: Awaited<ReturnType<typeof openSecondInstance>>['app'];
const defaults = { ...importSettings };

beforeAll(async () => {
  t = await createTestApp();
  instanceB = await openSecondInstance(t);
  dbB = instanceB.db;
  appB = instanceB.app;
});
afterAll(async () => {
  await instanceB?.close();
  await t?.close();
});
afterEach(() => {
  Object.assign(importSettings, defaults);
});

const onB = (client: Client) => clientFor(appB, client.cookie, client.csrf);

describe('two app instances on one database', () => {
  it('registers each instance as a live process with its own id', async () => {
    expect(appB.processId).not.toBe(t.app.processId);
    const rows = await queryRows<{ id: string }>(
      t.db,
      sql`select id from app_processes where id in (${t.app.processId}, ${appB.processId}) order by id`,
    );
    expect(rows.map((r) => r.id)).toEqual([t.app.processId, appB.processId].sort());
  });

  it('a session made on one instance works on the other, and logging out on one ends it on both', async () => {
    const officeA = await t.as('office');
    const officeB = onB(officeA);
    const me = await officeB.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('office');
    // A write needs the CSRF token issued by the other instance.
    const logout = await officeB.post('/api/auth/logout');
    expect(logout.statusCode).toBe(200);
    const after = await officeA.get('/api/auth/me');
    expect(await refusal(after)).toEqual([401, '登录已失效，请重新登录']);
  });

  it('the portal submission limit per client holds across both instances', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/portal/consultations' })).json().items;
    const openId = list.find((c: { windowStatus: string }) => c.windowStatus === 'open').id;
    const remoteAddress = '10.9.8.7';
    const submit = (app: typeof appB, i: number) =>
      app.inject({
        method: 'POST',
        url: `/api/portal/consultations/${openId}/opinions`,
        remoteAddress,
        payload: {
          articleKey: 'a3',
          name: '郑群',
          phone: '13800001111',
          content: `第${i}条关于第三条的建议，各不相同。`,
        },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await submit(i % 2 === 0 ? t.app : appB, i)).statusCode);
    expect(statuses).toEqual([...Array(10).fill(201), 429, 429]);
    const refused = await submit(appB, 99);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/^提交过于频繁，请\d+秒后再试$/);
  });

  it('scheduled work runs once across instances started at the same moment, and not again within its period', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notifications where kind like 'task.%'`)
      )[0]!.n;
    const before = await count();
    const now = new Date('2026-11-23T02:00:00Z');
    const [a, b] = await Promise.all([runDueJobs(t.db, now, t.app.processId), runDueJobs(dbB, now, appB.processId)]);
    const ran = [...a!, ...b!].filter((o) => o.name === 'reminders' && o.ran);
    expect(ran).toHaveLength(1);
    const sent = Number(/已发送 (\d+) 条任务到期提醒/.exec(ran[0]!.messages.join('\n'))?.[1]);
    expect(sent).toBeGreaterThan(0);
    expect(await count()).toBe(before + sent);
    const [runBy] = await queryRows<{ run_by: string }>(
      t.db,
      sql`select run_by from scheduled_runs where name = 'reminders'`,
    );
    expect([t.app.processId, appB.processId]).toContain(runBy!.run_by);

    const again = await Promise.all([runDueJobs(t.db, now, t.app.processId), runDueJobs(dbB, now, appB.processId)]);
    expect(again.flat().map((o) => o.ran)).toEqual(scheduledJobs.flatMap(() => [false, false]));
    expect(await count()).toBe(before + sent);
  });

  it('a job that both instances start at the same moment runs once', async () => {
    let runs = 0;
    const job: ScheduledJob = {
      name: 'test-once',
      periodMs: 60_000,
      run: async (tx) => {
        runs++;
        await tx.execute(sql`select pg_sleep(0.2)`);
        return [];
      },
    };
    const now = new Date();
    await Promise.all([runDueJobs(t.db, now, 'a', [job]), runDueJobs(dbB, now, 'b', [job])]);
    expect(runs).toBe(1);
  });
});

const headers = mediationCaseHeaders;
async function workbook(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(headers);
  for (let i = 1; i <= n; i++) {
    ws.addRow(['元坝镇', `SCALE-${i}`, '邻里纠纷', '张三、李四', '2026-03-02', '2026-03-05', '调解成功', 100]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type JobView = { status: string; phase: string; processed: number; total: number; percent: number; message: string };

async function pollUntil(client: Client, id: number, done: (job: JobView) => boolean): Promise<JobView> {
  for (let i = 0; i < 1200; i++) {
    const job = (await client.get(`/api/ledgers/jobs/${id}`)).json() as JobView;
    if (done(job)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} never reached the expected state`);
}

describe('an import on one instance', () => {
  it('is visible with its progress on the other, and starting a third instance does not interrupt it', async () => {
    const officeA = await t.as('office');
    const officeB = onB(officeA);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // PostgreSQL: the first COPY batch waits at the gate, so the job is caught mid-way. PGlite holds its one
    // connection in the write transaction (and runs one process only), so there the job is not held.
    if (t.kind === 'postgres') {
      importSettings.batchSize = 50;
      importSettings.beforeBatch = () => gate;
    }
    const res = await officeA.upload('/api/ledgers/types/mediation_case/import', 'data.xlsx', await workbook(120));
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();

    if (t.kind === 'postgres') {
      const midway = await pollUntil(officeB, jobId, (j) => j.phase === '正在写入');
      expect(midway).toMatchObject({ status: 'running', processed: 120, total: 120, percent: 88 });
    }

    // A third instance starting now sweeps for orphaned jobs: the first instance is alive, so its job is left alone.
    const third = await buildApp({ db: dbB, dbKind: t.kind, now: () => new Date() }, { serveWeb: false });
    await third.ready();
    expect((await officeB.get(`/api/ledgers/jobs/${jobId}`)).json().status).not.toBe('failed');
    release();
    const done = await pollUntil(officeB, jobId, (j) => j.status !== 'queued' && j.status !== 'running');
    expect(done).toMatchObject({ status: 'succeeded', percent: 100, processed: 120, total: 120, message: null });
    await third.close();
  });
});
