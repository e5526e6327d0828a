import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows } from '../db/client.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { serverPath } from '../paths.ts';
import { currentShanghaiYear } from '../platform/kernel/clock.ts';
import type { ClientJob, ClientResult, Sample } from './load-client.ts';
import {
  type Benchmark,
  type BenchStatus,
  benchDatabaseUrl,
  goal,
  loadText,
  notMeasured,
  postgresUnavailable,
} from './measure.ts';
import { type CpuTargets, formatCpu, perRequest } from './proc-cpu.ts';
import { generateLedgerRows } from './province-data.ts';

/**
 * `npm run bench -- load`: the compiled server (`scripts/build-server.mjs`, then `dist/fazhi.mjs serve`) with
 * FAZHI_WORKERS = 1, 2 and 4 on 127.0.0.1, against its own PostgreSQL database (created, migrated, seeded with the
 * demo and 100 000 generated ledger rows by the province generator, dropped at the end). Simulated users run in a
 * separate process (`load-client.ts`), each logged in once (its own session cookie and CSRF token), looping a mixed
 * workload: workbench, task list, ledger list with filters, a new ledger row, the dashboard, a portal opinion.
 * Steps of 25 → 50 → 100 → 200 → 400 users, each bounded in time; per step p50/p95/p99, requests per second and
 * errors for reads and writes, with the load average. Then the dashboard against the task list at a fixed number of
 * users, alternating A B B A. Goals: no errors below the knee (p95 > 1 s), 2 workers ≥ 1.6 × 1 worker, read p95
 * ≤ 300 ms at 100 users, dashboard throughput ≥ 0.3 × the task list's. Each step also prints where the CPU went
 * over its window (proc-cpu.ts): the machine's busy share, and the CPU seconds of the server's processes, of
 * PostgreSQL (the bench database's backends and the server's background processes) and of the load driver.
 * `BENCH_LOAD_SECONDS` sets a step's length; for a short run `BENCH_LOAD_STEPS` (users, e.g. `25,50`),
 * `BENCH_LOAD_WORKERS` (e.g. `1`), `BENCH_LOAD_LEDGER_ROWS` and `BENCH_LOAD_COMPARE=0` (no dashboard/task-list
 * phase) narrow it; goals whose figures the run did not take are reported as not measured.
 */
const numbers = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map((n) => Number(n.trim())) : fallback;
const steps = numbers(process.env.BENCH_LOAD_STEPS, [25, 50, 100, 200, 400]);
const workerCounts = numbers(process.env.BENCH_LOAD_WORKERS, [1, 2, 4]);
const stepSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const compareUsers = 25;
const compareSeconds = process.env.BENCH_LOAD_COMPARE === '0' ? 0 : 5;
const ledgerRows = Number(process.env.BENCH_LOAD_LEDGER_ROWS ?? 100_000);
const port = 3960;
const budgetMs = 12 * 60 * 1000;
const KNEE_MS = 1000;
const log = (s: string) => process.stdout.write(`${s}\n`);

type Figures = { p50: number; p95: number; p99: number; rps: number; errors: number; count: number };
type Step = {
  users: number;
  read: Figures;
  write: Figures;
  all: Figures;
  load: string;
  errorKinds: string;
  /** Per operation: `dashboard 812/1630`, p50/p95 in ms. */
  ops: string;
  /** Where the CPU went over the window (proc-cpu.ts), when the client could read /proc. */
  cpu: string;
};
type WorkerRun = { workers: number; steps: Step[]; tasksRps: number; dashboardRps: number };

export const loadBench: Benchmark = {
  name: 'load',
  run: async (): Promise<BenchStatus> => {
    const baseUrl = benchDatabaseUrl();
    const unavailable = await postgresUnavailable(baseUrl);
    if (unavailable) return notMeasured('load', unavailable);
    const run = new LoadRun(baseUrl);
    const interrupted = () => {
      run.cleanup().finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    const guard = setTimeout(() => {
      console.error(`load：超过 ${budgetMs / 60000} 分钟仍未完成，正在清理并退出`);
      run.cleanup().finally(() => process.exit(1));
    }, budgetMs);
    try {
      return await run.main();
    } finally {
      clearTimeout(guard);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      await run.cleanup();
    }
  },
};

class LoadRun {
  name = `fazhi_load_${process.pid}`;
  url: string;
  admin: pg.Client;
  server: ChildProcess | null = null;
  clients = new Set<ChildProcess>();
  cleaned = false;
  adminOpen = false;

  constructor(public baseUrl: string) {
    const url = new URL(baseUrl);
    url.pathname = `/${this.name}`;
    this.url = url.toString();
    this.admin = new pg.Client({ connectionString: baseUrl });
  }

  async main(): Promise<BenchStatus> {
    const started = Date.now();
    await this.admin.connect();
    this.adminOpen = true;
    await this.admin.query(`drop database if exists ${this.name}`);
    await this.admin.query(`create database ${this.name}`);
    const postmasterPid = await localPostmaster(this.admin);
    log(`load：数据库 ${this.name}（用后删除），步长 ${stepSeconds} 秒；${loadText()}`);

    // Demo accounts and data, then 100 000 ledger rows from the province generator spread over the demo's units.
    const database = await openDatabase({ databaseUrl: this.url });
    const year = currentShanghaiYear();
    let orgId = 0;
    try {
      await seedDemo(database.db, new Date());
      const orgs = await queryRows<{ id: number }>(database.db, sql`select id from orgs order by id`);
      const [office] = await queryRows<{ org_id: number }>(
        database.db,
        sql`select org_id from users where username = 'office'`,
      );
      orgId = office!.org_id;
      const t0 = performance.now();
      await generateLedgerRows(database.db, ledgerRows, undefined, {
        orgSql: `(array[${orgs.map((o) => o.id).join(',')}])[1 + g % ${orgs.length}]`,
        firstYear: year - 9,
      });
      await database.db.execute(sql`analyze`);
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ledger_rows`,
      );
      log(
        `load：演示数据 + 生成台账 ${ledgerRows.toLocaleString()} 行（共 ${n.toLocaleString()} 行，${orgs.length} 个单位），` +
          `生成用时 ${((performance.now() - t0) / 1000).toFixed(0)} 秒；${loadText()}`,
      );
    } finally {
      await database.close();
    }

    const build = spawnSync(process.execPath, [serverPath('../../scripts/build-server.mjs'), '--if-stale'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('load：服务端构建失败');

    const runs: WorkerRun[] = [];
    let sessions: ClientJob['sessions'] = [];
    let consultationId = 0;
    for (const workers of workerCounts) {
      await this.startServer(workers);
      const base = `http://127.0.0.1:${port}`;
      if (sessions.length === 0) {
        // Sessions live in the database, so one login per virtual user serves all three server runs.
        sessions = await this.loginAll(base, Math.max(...steps));
        consultationId = await openConsultation(base);
      }
      const job = (users: number): ClientJob => ({
        base,
        mode: 'mixed',
        users,
        seconds: stepSeconds,
        sessions,
        orgId,
        consultationId,
        year,
        tag: `${workers}w${users}`,
        cpu: { serverPid: this.server!.pid!, postmasterPid, database: this.name } satisfies CpuTargets,
      });
      const run: WorkerRun = { workers, steps: [], tasksRps: 0, dashboardRps: 0 };
      log(`\n[${workers} 个服务进程]`);
      for (const users of steps) {
        await this.clearLimits();
        const result = await this.client(job(users));
        const step = summarise(users, result);
        run.steps.push(step);
        log(
          `  ${String(users).padStart(3)} 用户  读 ${fmt(step.read)}  |  写 ${fmt(step.write)}  |  ${step.load}` +
            (step.errorKinds ? `  错误：${step.errorKinds}` : ''),
        );
        log(`        各操作 p50/p95 ms：${step.ops}`);
        if (step.cpu) log(`        CPU：${step.cpu}`);
      }
      // Dashboard (B) against task list (A) at a fixed number of users, alternating A B B A.
      let tasks = 0;
      let dashboards = 0;
      const cpuPerRequest: string[] = [];
      for (const op of compareSeconds > 0 ? (['tasks', 'dashboard', 'dashboard', 'tasks'] as const) : []) {
        await this.clearLimits();
        const result = await this.client({ ...job(compareUsers), mode: 'only', op, seconds: compareSeconds });
        const ok = result.samples.filter((s) => s.status >= 200 && s.status < 300).length;
        if (result.cpu) cpuPerRequest.push(`${op === 'tasks' ? '任务列表' : '驾驶舱'} ${perRequest(result.cpu, ok)}`);
        if (op === 'tasks') tasks += ok / (result.windowMs / 1000) / 2;
        else dashboards += ok / (result.windowMs / 1000) / 2;
      }
      run.tasksRps = tasks;
      run.dashboardRps = dashboards;
      if (compareSeconds > 0)
        log(
          `  单独读取（${compareUsers} 用户，A B B A 各 ${compareSeconds} 秒）：任务列表 ${tasks.toFixed(0)} 次/秒，` +
            `驾驶舱 ${dashboards.toFixed(0)} 次/秒，驾驶舱 ÷ 任务列表 = ${(dashboards / tasks).toFixed(2)}；${loadText()}`,
        );
      if (cpuPerRequest.length > 0) log(`        每次请求的 CPU（A B B A）：${cpuPerRequest.join('；')}`);
      runs.push(run);
      await this.stopServer();
    }

    // The knee and the goals.
    log('\n拐点（总体 p95 超过 1 秒时的并发用户数）：');
    const knees = new Map<number, number | null>();
    for (const run of runs) {
      const knee = run.steps.find((s) => s.all.p95 > KNEE_MS)?.users ?? null;
      knees.set(run.workers, knee);
      log(
        `  ${run.workers} 个服务进程：${knee === null ? `未出现（至 ${Math.max(...steps)} 用户 p95 ≤ 1 秒）` : `${knee} 用户`}`,
      );
    }
    const belowKnee = runs.flatMap((run) =>
      run.steps.filter((s) => {
        const knee = knees.get(run.workers);
        return knee === null || knee === undefined || s.users < knee;
      }),
    );
    const errorsBelow = belowKnee.reduce((n, s) => n + s.all.errors, 0);
    const g1 = goal(errorsBelow === 0);
    log(`目标一：拐点以下各步 0 错误 —— 实测 ${errorsBelow} 个错误：${g1 === 'met' ? '达到' : '未达到'}`);

    // Goals whose figures this run did not take (a narrowed run: BENCH_LOAD_STEPS, _WORKERS, _COMPARE) are null.
    const one = runs.find((r) => r.workers === 1);
    const two = runs.find((r) => r.workers === 2);
    let g2: BenchStatus | null = null;
    if (one && two) {
      const k1 = knees.get(1) ?? null;
      const k2 = knees.get(2) ?? null;
      const lowestKnee = Math.min(k1 ?? Number.POSITIVE_INFINITY, k2 ?? Number.POSITIVE_INFINITY);
      const before = [...steps].reverse().find((u) => u < lowestKnee) ?? steps[0]!;
      const rps = (r: WorkerRun) => r.steps.find((s) => s.users === before)!.all.rps;
      const scale = rps(two) / rps(one);
      g2 = goal(scale >= 1.6);
      log(
        `目标二：2 个服务进程吞吐 ≥ 1.6 × 1 个（${before} 用户：两者中较早拐点的前一步，拐点在首步时取首步）—— ${rps(two).toFixed(0)} ÷ ${rps(one).toFixed(0)} 次/秒 = ${scale.toFixed(2)}×：${g2 === 'met' ? '达到' : '未达到'}`,
      );
    } else log('目标二：本次未测（需要 1 个与 2 个服务进程）');

    let g3: BenchStatus | null = null;
    if (steps.includes(100)) {
      const at100 = runs.map((r) => ({ workers: r.workers, p95: r.steps.find((s) => s.users === 100)!.read.p95 }));
      const best = at100.filter((r) => r.p95 <= 300);
      g3 = goal(best.length > 0);
      log(
        `目标三：100 用户时读页面 p95 ≤ 300 ms —— ${at100.map((r) => `${r.workers} 进程 ${r.p95.toFixed(0)} ms`).join('，')}：` +
          `${g3 === 'met' ? `达到（${best.map((r) => r.workers).join('、')} 个进程）` : '未达到'}`,
      );
    } else log('目标三：本次未测（没有 100 用户这一步）');

    let g4: BenchStatus | null = null;
    if (compareSeconds > 0) {
      const ratios = runs.map((r) => ({ workers: r.workers, ratio: r.dashboardRps / r.tasksRps }));
      g4 = goal(ratios.every((r) => r.ratio >= 0.3));
      log(
        `目标四：驾驶舱吞吐 ≥ 0.3 × 任务列表（同一次运行）—— ${ratios.map((r) => `${r.workers} 进程 ${r.ratio.toFixed(2)}`).join('，')}：` +
          `${g4 === 'met' ? '达到' : '未达到'}`,
      );
    } else log('目标四：本次未测（BENCH_LOAD_COMPARE=0）');
    const all = [g1, g2, g3, g4];
    const measured = all.filter((g) => g !== null);
    const met = measured.filter((g) => g === 'met').length;
    const unmeasured = all.length - measured.length;
    log(`（全程 ${((Date.now() - started) / 1000).toFixed(0)} 秒；${loadText()}）`);
    log(
      `load: ${met} of ${all.length} goals met` +
        (unmeasured > 0 ? `, ${unmeasured} not measured in this run` : '') +
        (measured.length === met ? '' : ' — goals not met'),
    );
    if (met === all.length) return 'met';
    return measured.length === met ? 'not-measured' : 'missed';
  }

  async clearLimits() {
    const c = new pg.Client({ connectionString: this.url });
    await c.connect();
    try {
      await c.query('delete from rate_limits');
    } finally {
      await c.end();
    }
  }

  async startServer(workers: number) {
    const started = Date.now();
    this.server = spawn(process.execPath, [serverPath('dist/fazhi.mjs'), 'serve'], {
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: this.url,
        FAZHI_WORKERS: String(workers),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        FAZHI_PORTAL_SUBMIT_LIMIT: '100000000',
      },
    });
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      // Every worker listens before the bench starts: give the later ones a moment after the first answers.
      if (ok) break;
      if (Date.now() > deadline || this.server.exitCode !== null) throw new Error('load：服务未能启动');
      await sleep(500);
    }
    await sleep(2000 * workers);
    log(`load：已启动编译后的服务（${workers} 个服务进程，${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  }

  async stopServer() {
    const server = this.server;
    this.server = null;
    if (!server?.pid || server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    await Promise.race([exited, sleep(15_000)]);
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
  }

  /** One login per virtual user, a few at a time; the login limit (30 a minute per address) is cleared between. */
  async loginAll(base: string, count: number): Promise<ClientJob['sessions']> {
    const t0 = Date.now();
    const sessions: ClientJob['sessions'] = [];
    while (sessions.length < count) {
      await this.clearLimits();
      const batch = await Promise.all(Array.from({ length: Math.min(20, count - sessions.length) }, () => login(base)));
      sessions.push(...batch);
    }
    log(
      `load：${count} 个虚拟用户各登录一次（office 账号，各自的会话与 CSRF 令牌），用时 ${((Date.now() - t0) / 1000).toFixed(0)} 秒`,
    );
    return sessions;
  }

  /** Runs the virtual users in their own process and returns what they measured. */
  client(job: ClientJob): Promise<ClientResult> {
    const file = fileURLToPath(new URL('./load-client.ts', import.meta.url));
    const tsx = import.meta.resolve('tsx');
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', tsx, file, JSON.stringify(job)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      this.clients.add(child);
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.on('exit', (code) => {
        this.clients.delete(child);
        const line = out.trim().split('\n').at(-1);
        if (code !== 0 || !line) return reject(new Error(`load：模拟用户进程失败（${code}）`));
        resolve(JSON.parse(line) as ClientResult);
      });
    });
  }

  async cleanup() {
    if (this.cleaned) return;
    this.cleaned = true;
    for (const c of this.clients) c.kill('SIGKILL');
    await this.stopServer();
    if (this.adminOpen) {
      await this.admin.query(`drop database if exists ${this.name} with (force)`).catch(() => undefined);
      await this.admin.end().catch(() => undefined);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function figures(samples: Sample[], windowMs: number): Figures {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const ok = samples.filter((s) => s.status >= 200 && s.status < 300);
  return {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    rps: ok.length / (windowMs / 1000),
    errors: samples.length - ok.length,
    count: samples.length,
  };
}

function summarise(users: number, result: ClientResult): Step {
  const errors = new Map<string, number>();
  for (const s of result.samples) {
    if (s.status >= 200 && s.status < 300) continue;
    const key = `${s.op} ${s.status === 0 ? '连接错误/超时' : s.status}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  return {
    users,
    read: figures(
      result.samples.filter((s) => s.kind === 'read'),
      result.windowMs,
    ),
    write: figures(
      result.samples.filter((s) => s.kind === 'write'),
      result.windowMs,
    ),
    all: figures(result.samples, result.windowMs),
    load: loadText(),
    errorKinds: [...errors].map(([k, n]) => `${k} × ${n}`).join('，'),
    cpu: result.cpu ? formatCpu(result.cpu, result.samples.length) : '',
    ops: [...new Set(result.samples.map((s) => s.op))]
      .map((op) => {
        const f = figures(
          result.samples.filter((s) => s.op === op),
          result.windowMs,
        );
        return `${op} ${f.p50.toFixed(0)}/${f.p95.toFixed(0)}`;
      })
      .join('，'),
  };
}

const fmt = (f: Figures) =>
  `p50/p95/p99 ${f.p50.toFixed(0)}/${f.p95.toFixed(0)}/${f.p99.toFixed(0)} ms，${f.rps.toFixed(0)} 次/秒，错误 ${f.errors}`;

/** The PostgreSQL server's postmaster when it runs on this machine (its backends' CPU is then read from /proc). */
async function localPostmaster(client: pg.Client): Promise<number | null> {
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  try {
    const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return readFileSync(`/proc/${ppid}/cmdline`, 'utf8').includes('postgres') ? ppid : null;
  } catch {
    return null; // another machine's PostgreSQL, or no /proc
  }
}

async function login(base: string): Promise<ClientJob['sessions'][number]> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: 'Fazhi@2026' }),
  });
  if (!res.ok) throw new Error(`load：登录失败（${res.status}）`);
  const cookie = /fazhi_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { cookie: `fazhi_sid=${cookie}`, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function openConsultation(base: string): Promise<number> {
  const res = await fetch(`${base}/api/portal/consultations`);
  const items = ((await res.json()) as { items: { id: number; windowStatus: string }[] }).items;
  const id = items.find((c) => c.windowStatus === 'open')?.id;
  if (!id) throw new Error('load：演示数据中没有正在征求意见的草案');
  return id;
}
