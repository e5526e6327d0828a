import { PGlite } from '@electric-sql/pglite';
import { dashboardTileKeys, dashboardTrendKeys, dashboardUnitKeys } from '@fazhi/core/dashboard/dashboard';
import {
  type AggregateComputation,
  aggregateParts,
  metricComputations,
  type RegistryKey,
} from '@fazhi/core/metrics/definitions';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type Database, type Db, openDatabase, queryRows } from '../db/client.ts';
import { computeFigures } from '../metrics/metrics.figures.service.ts';
import { queryChildren, queryRollupFacts } from '../metrics/metrics.repo.ts';
import { isRolledUp, rollupTriggerName } from '../metrics/metrics.rollup.repo.ts';
import { ensureMetricRollup, whenRollupReady } from '../metrics/metrics.rollup.service.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { hashPassword } from '../platform/platform.auth.service.ts';
import {
  type Alternation,
  alternate,
  type Benchmark,
  type BenchStatus,
  benchDatabaseUrl,
  formatRatio,
  formatTime,
  goal,
  loadText,
  notMeasured,
  postgresUnavailable,
  printAlternation,
  type Stats,
  stats,
} from './measure.ts';
import { generateLedgerRows, generateOrgs, generateTasks } from './province-data.ts';

/**
 * `npm run bench -- dashboard`: the province-scale dashboard API against the one roll-up read it is built on
 * (`queryRollupFacts` with exactly the keys, orgs and months the API asks for), alternating A B, B A … in this
 * process, at 100 000 ledger rows (PGlite and PostgreSQL), 1 000 000 and 10 000 000 (PostgreSQL, each in its own
 * database, created and dropped here). The raw aggregate over the rows is printed for reference. Then the write
 * side: a 50 000-row insert into `ledger_rows` with and without the roll-up triggers, alternating.
 * `--quick` runs 100 000 rows only. Goal: dashboard API ≤ 1.5 × the roll-up read at 10 M rows.
 * PostgreSQL at BENCH_DATABASE_URL (default: the test server).
 */
const year = 2025;
const GOAL = 1.5;
const RUNS = 7;
const log = (s: string) => process.stdout.write(`${s}\n`);

/** Mean time of one call over `calls` calls in a row (one sample of an alternating run). */
const batch = (calls: number, fn: () => Promise<unknown>) => async () => {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn();
  return (performance.now() - start) / calls;
};

type TaskWrites = { one: Alternation; all: Alternation };
type Result = {
  label: string;
  rows: number;
  read: Alternation;
  raw: Stats;
  write: Alternation | null;
  taskWrites: TaskWrites | null;
  load: string;
};

async function prepare(db: Db, rows: number): Promise<number> {
  const start = performance.now();
  await generateOrgs(db);
  await generateTasks(db, year);
  await db.execute(sql`insert into users (username, display_name, password_hash, role, data_scope, org_id, scope_org_id)
    values ('bench', '省级领导', ${await hashPassword('Fazhi@2026')}, 'leader', 'subtree', 1, 1)`);
  // Bulk import path: rows in without the per-statement triggers, then the roll-up rebuilt set-based once.
  await db.execute(sql`alter table ledger_rows disable trigger user`);
  await db.execute(sql`drop index ledger_rows_type_org_date_idx`);
  await db.execute(sql`drop index ledger_rows_org_idx`);
  await generateLedgerRows(db, rows, (done) => {
    if (rows > 1_000_000)
      log(`  … ${done.toLocaleString()} 行（${((performance.now() - start) / 1000).toFixed(0)} s）`);
  });
  await db.execute(sql`create index ledger_rows_type_org_date_idx on ledger_rows (type_key, org_id, row_date)`);
  await db.execute(sql`create index ledger_rows_org_idx on ledger_rows (org_id)`);
  await db.execute(sql`alter table ledger_rows enable trigger user`);
  await ensureMetricRollup(db); // installs the triggers, rebuilds the roll-up set-based, records the definitions
  await db.execute(sql`analyze`);
  return (performance.now() - start) / 1000;
}

/**
 * The write-side cost of keeping the roll-up: the same 50 000-row INSERT … SELECT into `ledger_rows` with the
 * roll-up's insert trigger disabled (A) and enabled (B). The rows are deleted after each run, untimed, with the
 * triggers off (the roll-up is not read again afterwards).
 */
async function writeSide(db: Db): Promise<Alternation> {
  const [{ max } = { max: 0 }] = await queryRows<{ max: number }>(
    db,
    sql`select coalesce(max(id), 0)::float8 as max from ledger_rows`,
  );
  const insert = (withTriggers: boolean) => async () => {
    await db.execute(
      sql.raw(`alter table ledger_rows ${withTriggers ? 'enable' : 'disable'} trigger metric_rollup_ins`),
    );
    const start = performance.now();
    await generateLedgerRows(db, 50_000);
    const elapsed = performance.now() - start;
    await db.execute(sql`alter table ledger_rows disable trigger metric_rollup_del`);
    await db.execute(sql`delete from ledger_rows where id > ${max}`);
    await db.execute(sql`alter table ledger_rows enable trigger metric_rollup_del`);
    await db.execute(sql`alter table ledger_rows enable trigger metric_rollup_ins`);
    return elapsed;
  };
  return alternate({ a: insert(false), b: insert(true), runs: 5, warmup: 1 });
}

/**
 * What keeping the target tasks in the roll-up costs a writer: one task closed and reopened (two single-row
 * UPDATEs, 25 times) and all 1 800 tasks moved to the next month and back (two UPDATEs of every row), with the
 * tasks' roll-up update trigger disabled (A) and enabled (B). Each side undoes its own change, so the roll-up stays
 * right either way.
 */
async function taskWriteSide(db: Db): Promise<TaskWrites> {
  const trigger = `${rollupTriggerName('plan.tasks')}_upd`;
  const [task] = await queryRows<{ id: number }>(db, sql`select min(id)::int as id from tasks`);
  const timed = (statements: string[], times: number) => (withTrigger: boolean) => async () => {
    await db.execute(sql.raw(`alter table tasks ${withTrigger ? 'enable' : 'disable'} trigger ${trigger}`));
    const start = performance.now();
    for (let i = 0; i < times; i++) for (const statement of statements) await db.execute(sql.raw(statement));
    const elapsed = (performance.now() - start) / (times * statements.length);
    await db.execute(sql.raw(`alter table tasks enable trigger ${trigger}`));
    return elapsed;
  };
  const one = timed(
    [
      `update tasks set status = 'closed' where id = ${task!.id}`,
      `update tasks set status = 'in_progress' where id = ${task!.id}`,
    ],
    25,
  );
  const all = timed([`update tasks set deadline = deadline + 31`, `update tasks set deadline = deadline - 31`], 2);
  return {
    one: await alternate({ a: one(false), b: one(true), runs: 5, warmup: 1 }),
    all: await alternate({ a: all(false), b: all(true), runs: 5, warmup: 1 }),
  };
}

async function run(label: string, database: Database, rows: number, options: { write: boolean }): Promise<Result> {
  log(`\n[${label}] 生成 ${rows.toLocaleString()} 行台账 …`);
  const loadSeconds = await prepare(database.db, rows);
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from metric_rollup`,
  );
  log(`  生成与汇总用时 ${loadSeconds.toFixed(0)} s，汇总表 ${n.toLocaleString()} 行（${loadText()}）`);
  const app = await buildApp({ db: database.db, dbKind: database.kind, now: () => new Date() }, { serveWeb: false });
  await app.ready();
  if (!(await whenRollupReady(database.db))) throw new Error('roll-up not ready');
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench', password: 'Fazhi@2026' },
  });
  const cookie = login.cookies.find((c) => c.name === 'fazhi_sid')!.value;
  const url = `/api/dashboard?org=1&year=${year}`;
  const apiOnce = async () => {
    const res = await app.inject({ method: 'GET', url, cookies: { fazhi_sid: cookie } });
    if (res.statusCode !== 200) throw new Error(`dashboard ${res.statusCode} ${res.body}`);
  };
  const user: AuthUser = {
    id: 0,
    username: 'bench',
    displayName: '',
    role: 'leader',
    dataScope: 'subtree',
    orgId: 1,
    orgName: '',
    scopePath: '/1/',
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
  };
  const children = await queryChildren(database.db, 1);
  const keys = [
    ...new Set<RegistryKey>([
      ...dashboardTileKeys,
      ...dashboardTrendKeys,
      ...dashboardUnitKeys,
      'plan.tasks',
      'plan.closed',
      'plan.closure_rate',
    ]),
  ];
  const periods = [
    String(year),
    String(year - 1),
    ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
  ];
  const orgIds = [1, ...children.map((c) => c.id)];
  const raw = () => computeFigures(database.db, { user, keys, orgIds, rootPath: '/1/', periods, forceRaw: true });
  // Exactly the roll-up read the API does: the rolled-up parts of every figure (ledgers, target tasks), stocks over
  // all earlier months.
  const parts = [...new Set(keys.flatMap((k) => aggregateParts(k)))].filter((k) =>
    isRolledUp(metricComputations[k] as AggregateComputation),
  );
  const cumulative = parts.filter((k) => (metricComputations[k] as AggregateComputation).window === 'cumulative');
  const rollupRead = () =>
    queryRollupFacts(database.db, parts, cumulative, orgIds, `${year - 1}-01-01`, `${year + 1}-01-01`);
  const calls = 20;
  log(`  A = 汇总表读取（接口所依据的那一次查询），B = 驾驶舱接口；每轮各 ${calls} 次取平均`);
  const read = await alternate({ a: batch(calls, rollupRead), b: batch(calls, apiOnce), runs: RUNS, warmup: 1 });
  printAlternation(read, { a: '汇总表读取', b: '驾驶舱接口' });
  const rawTimes: number[] = [];
  for (let i = 0; i < (rows > 1_000_000 ? 3 : 7); i++) rawTimes.push(await batch(1, raw)());
  const rawStats = stats(rawTimes);
  log(`  参考：同口径直接聚合台账行（不用汇总表）${formatTime(rawStats)}（${loadText()}）`);
  await app.close();
  let write: Alternation | null = null;
  if (options.write) {
    log('  写入代价：插入 5 万行台账，A = 不触发汇总，B = 触发汇总（语句级触发器）');
    write = await writeSide(database.db);
    printAlternation(write, { a: '无汇总触发器', b: '有汇总触发器' });
  }
  let taskWrites: TaskWrites | null = null;
  if (options.write) {
    log('  目标任务写入代价：A = 不触发汇总，B = 触发汇总；单个任务销号再恢复（单行更新），全部 1800 个任务改期再改回');
    taskWrites = await taskWriteSide(database.db);
    printAlternation(taskWrites.one, { a: '单行更新（无触发器）', b: '单行更新（有触发器）' });
    printAlternation(taskWrites.all, { a: '全部任务改期（无触发器）', b: '全部任务改期（有触发器）' });
  }
  return { label, rows, read, raw: rawStats, write, taskWrites, load: loadText() };
}

async function onPostgres(baseUrl: string, label: string, rows: number, write: boolean): Promise<Result> {
  const name = `fazhi_bench_${process.pid}_${rows}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    return await run(label, database, rows, { write });
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function runDashboardBench(): Promise<BenchStatus> {
  const quick = process.argv.includes('--quick');
  // --large: the goal's data set alone (PostgreSQL, 10 M rows), without the smaller sizes and the write side.
  const large = process.argv.includes('--large');
  const baseUrl = benchDatabaseUrl();
  const results: Result[] = [];
  if (!large) {
    const pglite = await openDatabase({ pglite: new PGlite() });
    try {
      results.push(await run('PGlite 10万行', pglite, 100_000, { write: false }));
    } finally {
      await pglite.close();
    }
  }
  const unavailable = await postgresUnavailable(baseUrl);
  if (unavailable) return notMeasured('dashboard', `目标按 PostgreSQL 1000万行计；${unavailable}`);
  if (!large) results.push(await onPostgres(baseUrl, 'PostgreSQL 10万行', 100_000, true));
  if (!quick && !large) results.push(await onPostgres(baseUrl, 'PostgreSQL 100万行', 1_000_000, true));
  if (!quick) results.push(await onPostgres(baseUrl, 'PostgreSQL 1000万行', 10_000_000, false));

  log('\n| 数据集 | 台账行数 | 汇总表读取 (A) | 驾驶舱接口 (B) | B ÷ A | 直接聚合台账行（参考） | 负载 |');
  log('|---|---:|---|---|---|---|---|');
  for (const r of results)
    log(
      `| ${r.label} | ${r.rows.toLocaleString()} | ${formatTime(r.read.a)} | ${formatTime(r.read.b)} | ${formatRatio(r.read.ratio)} | ${formatTime(r.raw)} | ${r.load} |`,
    );
  for (const r of results.filter((x) => x.write))
    log(
      `写入 5 万行（${r.label}）：无触发器 ${formatTime(r.write!.a)}，有触发器 ${formatTime(r.write!.b)}，有 ÷ 无 ${formatRatio(r.write!.ratio)}`,
    );
  for (const r of results.filter((x) => x.taskWrites)) {
    const { one, all } = r.taskWrites!;
    log(
      `目标任务（${r.label}）：单行更新 ${formatTime(one.a)} → ${formatTime(one.b)}（${formatRatio(one.ratio)}），全部 1800 个任务改期 ${formatTime(all.a)} → ${formatTime(all.b)}（${formatRatio(all.ratio)}）`,
    );
  }
  const tenMillion = results.find((r) => r.rows === 10_000_000);
  if (!tenMillion)
    return notMeasured('dashboard', '目标按 1000万行计，本次（--quick）未运行 1000万行；以上为较小规模的实测值');
  const ratio = tenMillion.read.ratio.median;
  log(`\n1000万行：驾驶舱接口 ÷ 汇总表读取 ${formatRatio(tenMillion.read.ratio)}（目标 ≤ ${GOAL}）`);
  return goal(ratio <= GOAL);
}

export const dashboardBench: Benchmark = { name: 'dashboard', run: runDashboardBench };
