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
import { computeFigures } from '../metrics/figures.ts';
import { queryChildren, queryRollupFacts } from '../metrics/metrics.repo.ts';
import { ensureMetricRollup, whenRollupReady } from '../metrics/rollup.ts';
import { hashPassword } from '../platform/auth.service.ts';
import type { AuthUser } from '../platform/context.ts';
import { type Benchmark, type BenchStatus, goal } from './measure.ts';
import { generateLedgerRows, generateOrgs, generateTasks } from './province-data.ts';

/**
 * `npm run bench`: the province-scale dashboard at 100 000 and 10 000 000 ledger rows (the large one on
 * PostgreSQL only, in its own database, created and dropped here), against the raw SQL aggregate of the same
 * figures. `--quick` skips 10 M. PostgreSQL at BENCH_DATABASE_URL (default: the test server).
 */
const year = 2025;
const log = (s: string) => process.stdout.write(`${s}\n`);
const ms = (n: number) => `${n.toFixed(1)} ms`;

type Stats = { p50: number; p95: number };
async function measure(runs: number, fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

type Result = { label: string; rows: number; api: Stats; raw: Stats; rollupSql: Stats; loadSeconds: number };

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

async function run(label: string, database: Database, rows: number): Promise<Result> {
  log(`\n[${label}] 生成 ${rows.toLocaleString()} 行台账 …`);
  const loadSeconds = await prepare(database.db, rows);
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from metric_rollup`,
  );
  log(`  生成与汇总用时 ${loadSeconds.toFixed(0)} s，汇总表 ${n.toLocaleString()} 行`);
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
  // Exactly the roll-up read the API does: the ledger parts of every figure, stocks over all earlier months.
  const parts = [...new Set(keys.flatMap((k) => aggregateParts(k)))].filter((k) => {
    const c = metricComputations[k] as AggregateComputation;
    return c.source.kind === 'ledger' && c.kind !== 'distinct';
  });
  const cumulative = parts.filter((k) => (metricComputations[k] as AggregateComputation).window === 'cumulative');
  const rollupSql = () =>
    queryRollupFacts(database.db, parts, cumulative, orgIds, `${year - 1}-01-01`, `${year + 1}-01-01`);
  const runs = rows > 1_000_000 ? 5 : 20;
  const api = await measure(40, apiOnce);
  log(`  驾驶舱接口 p50 ${ms(api.p50)} p95 ${ms(api.p95)}`);
  const rawStats = await measure(runs, raw);
  log(`  同口径直接聚合 SQL p50 ${ms(rawStats.p50)} p95 ${ms(rawStats.p95)}`);
  const rollupStats = await measure(40, rollupSql);
  log(`  汇总表 SQL p50 ${ms(rollupStats.p50)} p95 ${ms(rollupStats.p95)}`);
  await app.close();
  return { label, rows, api, raw: rawStats, rollupSql: rollupStats, loadSeconds };
}

async function onPostgres(baseUrl: string, label: string, rows: number): Promise<Result> {
  const name = `fazhi_bench_${process.pid}_${rows}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    return await run(label, database, rows);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function runDashboardBench(): Promise<BenchStatus> {
  const quick = process.argv.includes('--quick');
  const baseUrl =
    process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const results: Result[] = [];
  const pglite = await openDatabase({ pglite: new PGlite() });
  try {
    results.push(await run('PGlite 10万行', pglite, 100_000));
  } finally {
    await pglite.close();
  }
  results.push(await onPostgres(baseUrl, 'PostgreSQL 10万行', 100_000));
  if (!quick) results.push(await onPostgres(baseUrl, 'PostgreSQL 1000万行', 10_000_000));

  log(
    '\n| 数据集 | 台账行数 | 驾驶舱接口 p50 / p95 | 直接聚合 SQL p50 / p95 | 汇总表 SQL p50 | 接口 ÷ 直接聚合 (p50) |',
  );
  log('|---|---:|---:|---:|---:|---:|');
  for (const r of results)
    log(
      `| ${r.label} | ${r.rows.toLocaleString()} | ${ms(r.api.p50)} / ${ms(r.api.p95)} | ${ms(r.raw.p50)} / ${ms(r.raw.p95)} | ${ms(r.rollupSql.p50)} | ${(r.api.p50 / r.raw.p50).toFixed(2)} |`,
    );
  const small = results.find((r) => r.label === 'PostgreSQL 10万行');
  const large = results.find((r) => r.label === 'PostgreSQL 1000万行');
  if (small && large) {
    log(`\n1000万行 ÷ 10万行（驾驶舱接口 p50）：${(large.api.p50 / small.api.p50).toFixed(2)}（目标 ≤ 1.5）`);
    log(`1000万行 ÷ 10万行（驾驶舱接口 p95）：${(large.api.p95 / small.api.p95).toFixed(2)}`);
    log(`1000万行 接口 ÷ 直接聚合 SQL（p50）：${(large.api.p50 / large.raw.p50).toFixed(3)}（目标 ≤ 1.3）`);
    log(`1000万行 接口 ÷ 汇总表 SQL（p50）：${(large.api.p50 / large.rollupSql.p50).toFixed(2)}`);
    return goal(large.api.p50 / small.api.p50 <= 1.5 && large.api.p50 / large.raw.p50 <= 1.3);
  }
  return 'not-measured';
}

export const dashboardBench: Benchmark = { name: 'dashboard', run: runDashboardBench };
