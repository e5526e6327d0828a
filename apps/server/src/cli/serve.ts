import cluster from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { type Executor, queryRows } from '../db/client.ts';
import { compactEncryptedTables } from '../platform/kernel/data-encryption.ts';
import { dbOptionsFromEnv, openFromEnv } from '../platform/kernel/open-database.ts';

// A restart loads only what it needs: the demo's seeders and accounts (demo/) load only when an empty database is
// seeded, the scheduled work's modules with its first run (in the compiled bundle each is a chunk of its own).

/**
 * PGlite runs PostgreSQL as WebAssembly, and V8 recompiles a WebAssembly function with its optimising compiler once
 * it has run about this many bytes of code. V8's default (1.8 MB) sends hundreds of functions that only opening the
 * database runs to that compiler — ~0.5 s of CPU at every start, and the event loop waits for those compilations.
 * Ten times that still optimises what queries keep running: warm query speed is unchanged (docs/benchmarks.md).
 * Set before the database's WebAssembly module is compiled; a process-wide V8 setting that only this module uses.
 */
const wasmTieringBudget = 18_000_000;

/** How often each process looks for due scheduled work; the work itself runs once per its period across processes. */
const scheduleCheckMs = 5 * 60 * 1000;
/** The first look waits a little, so it does not compete with the first requests right after a (re)start. */
const firstScheduleCheckMs = 10_000;

export async function serveCommand() {
  const workers = Math.max(1, Math.floor(Number(process.env.FAZHI_WORKERS ?? 1)) || 1);
  if (cluster.isPrimary && workers > 1) {
    if (process.env.DATABASE_URL) return servePrimary(workers);
    console.log(
      `未启用多进程：嵌入式数据库（PGlite）只能由一个进程打开，FAZHI_WORKERS=${workers} 不起作用，现以单进程运行。` +
        '如需多个服务进程，请设置 DATABASE_URL 使用 PostgreSQL。',
    );
  }
  return serveProcess();
}

/**
 * The cluster's primary: migrates and seeds once, then runs `workers` processes that share the port (node:cluster)
 * and restarts one that dies. Workers hold no state of their own: sessions, rate limits, jobs and the schedule are
 * in PostgreSQL, so any worker (or another machine's) answers any request.
 */
async function servePrimary(workers: number) {
  const started = performance.now();
  const database = await openFromEnv('fazhi serve (primary)');
  let seeded = false;
  if (process.env.FAZHI_DEMO !== 'false' && !(await hasData(database.db))) {
    await (await import('../demo/seed-demo.ts')).seedDemo(database.db, new Date());
    seeded = true;
  }
  const accounts = seeded ? await demoAccounts() : '';
  await database.close();
  const port = Number(process.env.PORT ?? 3000);
  let stopping = false;
  let listening = 0;
  const fork = () => cluster.fork({ FAZHI_DEMO: 'false' });
  cluster.on('listening', () => {
    listening++;
    if (listening !== workers) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `Fazhi 法治建设综合管理平台已启动：http://localhost:${port}  （数据库：PostgreSQL，${workers} 个服务进程，用时 ${seconds} 秒）`,
        seeded ? `已导入演示数据。演示账号（密码均为 Fazhi@2026）：${accounts}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`服务进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重新启动`);
    setTimeout(fork, 1000);
  });
  for (let i = 0; i < workers; i++) fork();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在安全关闭全部服务进程……`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const exitWhenDone = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    };
    cluster.on('exit', exitWhenDone);
    exitWhenDone();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function demoAccounts() {
  const [{ demoUsers }, { demoAssessors }, { lizhouAssessors }] = await Promise.all([
    import('../demo/demo-org.ts'),
    import('../demo/demo-assessment.ts'),
    import('../demo/demo-lizhou-assessment.ts'),
  ]);
  return [...demoUsers, ...demoAssessors, ...lizhouAssessors].map((u) => u.username).join('、');
}

/** Whether the database has an org tree (demo/seed-demo.ts's check, without loading the demo's modules). */
async function hasData(db: Executor) {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orgs`);
  return (row?.n ?? 0) > 0;
}

async function serveProcess() {
  const started = performance.now();
  if (!dbOptionsFromEnv().databaseUrl) setFlagsFromString(`--wasm-tiering-budget=${wasmTieringBudget}`);
  const database = await openFromEnv(`fazhi serve (port ${process.env.PORT ?? 3000})`);
  const now = () => new Date();
  let seeded = false;
  if (process.env.FAZHI_DEMO !== 'false' && !(await hasData(database.db))) {
    await (await import('../demo/seed-demo.ts')).seedDemo(database.db, now());
    await compactEncryptedTables(database.db); // the seeders' plain-text row versions out of the files
    seeded = true;
  }
  // Lag-tolerant reads (dashboards, 大屏, report previews) from a standby when one is named; PostgreSQL only.
  const readUrl = database.kind === 'postgres' ? process.env.FAZHI_READ_DATABASE_URL : undefined;
  const reads = readUrl ? (await import('../db/replica.ts')).openReadReplica(readUrl) : undefined; // loads pg
  const app = await buildApp(
    { db: database.db, dbKind: database.kind, now, reads },
    { logger: process.env.LOG_LEVEL !== 'silent' },
  );
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`收到 ${signal}，正在安全关闭……`);
    clearInterval(scheduleTimer);
    clearTimeout(firstScheduleTimer);
    await app.close();
    await reads?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const runScheduled = async () => {
    try {
      const { runDueJobs } = await import('../scheduled-work.ts');
      for (const outcome of await runDueJobs(database.db, now(), app.processId)) {
        for (const message of outcome.messages) app.log.info(message);
      }
    } catch (err) {
      app.log.error({ err }, 'scheduled work failed');
    }
  };
  const scheduleTimer = setInterval(runScheduled, scheduleCheckMs);
  scheduleTimer.unref();
  let firstScheduleTimer: NodeJS.Timeout | undefined;

  await app.listen({ port, host });
  firstScheduleTimer = setTimeout(() => void runScheduled(), firstScheduleCheckMs);
  firstScheduleTimer.unref();
  if (cluster.isWorker) return; // the primary prints the banner once every worker listens
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `Fazhi 法治建设综合管理平台已启动：http://localhost:${port}  （数据库：${database.kind === 'pglite' ? `嵌入式 PGlite，目录 ${process.env.FAZHI_DATA_DIR || 'data'}` : 'PostgreSQL'}，用时 ${seconds} 秒）`,
      seeded ? `已导入演示数据。演示账号（密码均为 Fazhi@2026）：${await demoAccounts()}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
