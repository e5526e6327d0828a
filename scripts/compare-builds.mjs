#!/usr/bin/env node
// Compares two builds of the server in one run: `node scripts/compare-builds.mjs <revA> <revB> [options]`.
//
// Each revision is checked out in its own git worktree under /tmp (node_modules hard-linked from this checkout),
// its server bundle built there (`scripts/build-server.mjs`; a revision without one runs from source through the
// same bin for both), and started as `fazhi serve` on its own PostgreSQL database (created here, demo data seeded by
// the server's first start) and its own port. Then fixed-duration bursts alternate between the two servers
// (A B, B A, A B … so a busy machine's noise falls on both alike), with the load of `npm run bench --
// consultation-load`: portal opinion submissions, 20 connections, a fresh text per request, the submission rate
// limit raised (FAZHI_PORTAL_SUBMIT_LIMIT). The dashboard API (GET /api/dashboard as the demo leader, on the demo
// data) is alternated the same way. Each pair gives one ratio B ÷ A of throughput and one of the server process's
// CPU time per request (from /proc; it moves far less with the machine's load); the median, middle half and range of
// the pairs' ratios, a 95 % bootstrap interval of that median, and a sign test of how many pairs B won, are the result. Worktrees, databases and servers are removed at the end, also on failure or Ctrl-C.
//
// Options: --pairs N (default 6), --duration S seconds per burst (default 5), --connections N for the portal
//   (default 20), --dashboard-connections N (default 4), --no-dashboard, --prof-dir DIR (run both servers under `node --cpu-prof`, profiles written to DIR/<rev>/),
//   --keep (leave worktrees and databases for inspection).
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), a role that may create
// databases.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const pg = require('pg');
const autocannonBin = require.resolve('autocannon/autocannon.js');

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pairs: { type: 'string', default: '6' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    'dashboard-connections': { type: 'string', default: '4' },
    'no-dashboard': { type: 'boolean', default: false },
    'prof-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
if (positionals.length !== 2) {
  console.error('用法：node scripts/compare-builds.mjs <版本A> <版本B> [--pairs 6] [--duration 5] [--connections 20]');
  console.error('      [--no-dashboard] [--prof-dir 目录] [--keep]');
  process.exit(1);
}
const PAIRS = Number(opts.pairs);
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
const DASHBOARD_CONNECTIONS = Number(opts['dashboard-connections']);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (s) => process.stdout.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** Everything to undo, newest first. */
const cleanups = [];
let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      try {
        await step();
      } catch (err) {
        console.error(`清理失败：${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`\n收到 ${signal}，正在清理……`);
    void cleanUp().then(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** A worktree of `rev` under /tmp with this checkout's node_modules hard-linked (cp -al), its server bundle built. */
function prepareWorktree(rev, sha, key) {
  const dir = `/tmp/ab-${key}-${process.pid}`;
  git('worktree', 'add', '--quiet', '--detach', dir, sha);
  if (!opts.keep)
    cleanups.push(() => {
      git('worktree', 'remove', '--force', dir);
      git('worktree', 'prune');
    });
  const moduleDirs = ['node_modules'];
  for (const parent of ['apps', 'packages']) {
    if (!existsSync(join(root, parent))) continue;
    for (const name of readdirSync(join(root, parent))) {
      if (existsSync(join(root, parent, name, 'node_modules'))) moduleDirs.push(join(parent, name, 'node_modules'));
    }
  }
  for (const d of moduleDirs) {
    if (existsSync(join(dir, d))) continue;
    if (!existsSync(join(dir, d, '..'))) continue; // that workspace does not exist in this revision
    execFileSync('cp', ['-al', join(root, d), join(dir, d)]);
  }
  const bundle = join(dir, 'apps/server/dist/fazhi.mjs');
  if (existsSync(join(dir, 'scripts/build-server.mjs'))) {
    const started = performance.now();
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: dir, stdio: 'inherit' });
    log(`  ${rev}（${sha}）：服务端已构建（${((performance.now() - started) / 1000).toFixed(1)} s）`);
  }
  return { dir, entry: existsSync(bundle) ? bundle : join(dir, 'apps/server/bin/fazhi.js') };
}

/** Its own database, created here; the server seeds the demo data at its first start. */
async function createDatabase(admin, sha) {
  const name = `fazhi_ab_${sha}_${process.pid}`;
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  if (!opts.keep) cleanups.push(() => admin.query(`drop database if exists ${name} with (force)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `fazhi serve` of that build on its own port; resolves once it listens (first start seeds the demo data). */
async function startServer(label, entry, databaseUrl) {
  const port = await freePort();
  const nodeArgs = [];
  if (opts['prof-dir']) {
    const dir = resolve(opts['prof-dir'], label);
    mkdirSync(dir, { recursive: true });
    nodeArgs.push('--cpu-prof', '--cpu-prof-dir', dir);
  }
  const child = spawn(process.execPath, [...nodeArgs, entry, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      FAZHI_WORKERS: '1',
      FAZHI_DATA_KEY: randomBytes(32).toString('hex'),
      // As consultation-load raises it: every burst comes from one client address.
      FAZHI_PORTAL_SUBMIT_LIMIT: '1000000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  const exit = new Promise((done) => child.on('exit', done));
  child.on('exit', () => {
    exited = true;
  });
  cleanups.push(async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exit;
    clearTimeout(timer);
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  await new Promise((ready, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('已启动')) ready();
    });
    child.on('exit', (code) => fail(new Error(`${label} 服务未能启动（${code}）：${(err || out).slice(-1500)}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

/** The workload's targets in that database: the consultation open now (as consultation-load picks it), the leader's scope. */
async function targets(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: c } = await client.query(
      `select id from consultations
        where status = 'published' and opens_on <= (now() at time zone 'Asia/Shanghai')::date
          and closes_on >= (now() at time zone 'Asia/Shanghai')::date
        order by id limit 1`,
    );
    const { rows: u } = await client.query(
      `select coalesce(scope_org_id, org_id) as org from users where username = 'leader'`,
    );
    if (!c[0]) throw new Error('演示数据中没有正在征求意见的事项');
    return { consultationId: c[0].id, leaderOrg: u[0]?.org };
  } finally {
    await client.end();
  }
}

async function login(origin) {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: 'Fazhi@2026' }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fazhi_sid='));
  if (res.status !== 200 || !cookie) throw new Error(`登录失败（${res.status}）：${await res.text()}`);
  return cookie.split(';')[0];
}

const submitBody = JSON.stringify({
  articleKey: 'a3',
  name: '压测用户',
  phone: '13900000000',
  // autocannon replaces [<id>] with a fresh id per request, so no two submissions are duplicates.
  content: '压测意见[<id>]：建议第三条增加“尊重村民意愿”的表述。',
});

/**
 * CPU seconds (user + system) the server process has used, from /proc (null where there is none). CPU per request
 * moves far less with the machine's load than throughput does: other processes take wall time, not this one's CPU.
 */
function cpuSeconds(pid) {
  try {
    // Fields after the command name (which is in parentheses and may contain spaces): utime is the 12th, stime 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** One burst from a second process (autocannon's CLI), bounded by time or by count. */
function fire(workload, bound) {
  const limit = 'amount' in bound ? ['-a', String(bound.amount)] : ['-d', String(bound.duration)];
  const connections = workload.kind === 'portal' ? CONNECTIONS : DASHBOARD_CONNECTIONS;
  const args = [autocannonBin, '-c', String(connections), ...limit, '-j'];
  if (workload.kind === 'portal') {
    args.push('-m', 'POST', '-I', '-H', 'content-type=application/json', '-b', submitBody);
  } else {
    args.push('-H', `cookie=${workload.cookie}`);
  }
  args.push(workload.url);
  const cpuBefore = cpuSeconds(workload.pid);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) return fail(new Error(`autocannon 运行失败（${code}）：${err.slice(0, 500)}`));
      const r = JSON.parse(line);
      const statuses = Object.entries(r.statusCodeStats ?? {})
        .filter(([code]) => Number(code) !== workload.expect)
        .map(([code, s]) => `${code}×${s.count}`);
      if (statuses.length || r.errors || r.timeouts) {
        return fail(new Error(`${workload.url}：意外响应 ${statuses.join(' ')}，错误 ${r.errors}，超时 ${r.timeouts}`));
      }
      const cpuAfter = cpuSeconds(workload.pid);
      const cpuMs = cpuBefore === null || cpuAfter === null ? NaN : ((cpuAfter - cpuBefore) * 1000) / r.requests.total;
      done({
        rps: r.requests.total / r.duration,
        p50: r.latency.p50,
        p99: r.latency.p99,
        total: r.requests.total,
        cpuMs,
      });
    });
  });
}

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}
function stats(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  return {
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0],
    max: sorted.at(-1),
  };
}
/** 95 % bootstrap interval of the median (5 000 resamples, fixed seed so a run's printout is reproducible). */
function bootstrapMedian(samples) {
  let seed = 19;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const medians = [];
  for (let i = 0; i < 5000; i++) {
    const resample = samples.map(() => samples[Math.floor(random() * samples.length)]);
    medians.push(stats(resample).median);
  }
  medians.sort((x, y) => x - y);
  return [quantile(medians, 0.025), quantile(medians, 0.975)];
}

/** Two-sided sign test: the chance of a split at least this uneven if neither build were faster. */
function signTest(wins, n) {
  const choose = (k) => {
    let c = 1;
    for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
    return c;
  };
  const extreme = Math.min(wins, n - wins);
  let p = 0;
  for (let k = 0; k <= extreme; k++) p += choose(k) / 2 ** n;
  return Math.min(1, 2 * p);
}
const ratioText = (samples) => {
  const s = stats(samples);
  const [lo, hi] = bootstrapMedian(samples);
  return `${s.median.toFixed(3)}×（中位数的 95% 自助区间 ${lo.toFixed(3)}–${hi.toFixed(3)}；中间一半 ${s.q1.toFixed(3)}–${s.q3.toFixed(3)}，全部 ${s.min.toFixed(3)}–${s.max.toFixed(3)}）`;
};

async function main() {
  const revs = positionals.map((rev) => ({ rev, sha: git('rev-parse', '--short', `${rev}^{commit}`) }));
  if (revs[0].sha === revs[1].sha) log('注意：两个版本相同（A ÷ A，可用来看本机的噪声）');
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  cleanups.push(() => admin.end());
  log(`准备两个构建（负载 ${load()}）……`);
  const builds = [];
  for (const [i, { rev, sha }] of revs.entries()) {
    const label = i === 0 ? 'A' : 'B';
    // Both databases and worktrees are named by sha; the same revision twice gets a suffix.
    const key = revs[0].sha === revs[1].sha ? `${sha}_${label.toLowerCase()}` : sha;
    const { dir, entry } = prepareWorktree(rev, sha, key);
    const databaseUrl = await createDatabase(admin, key);
    const started = performance.now();
    const server = await startServer(`${label}-${sha}`, entry, databaseUrl);
    log(
      `  ${label} = ${rev}（${sha}）：${entry.replace(`${dir}/`, '')}，${server.origin}，启动并导入演示数据 ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const t = await targets(databaseUrl);
    const workloads = [
      {
        name: 'portal',
        kind: 'portal',
        expect: 201,
        pid: server.child.pid,
        url: `${server.origin}/api/portal/consultations/${t.consultationId}/opinions`,
      },
    ];
    if (!opts['no-dashboard']) {
      const cookie = await login(server.origin);
      const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
      workloads.push({
        name: 'dashboard',
        kind: 'dashboard',
        expect: 200,
        pid: server.child.pid,
        cookie,
        url: `${server.origin}/api/dashboard?org=${t.leaderOrg}&year=${year}`,
      });
    }
    builds.push({ label, rev, sha, workloads });
  }

  const names = builds[0].workloads.map((w) => w.name);
  log(`\n预热：每个构建每种负载一次 ${DURATION} s（负载 ${load()}）`);
  for (const b of builds) for (const w of b.workloads) await fire(w, { duration: DURATION });

  log(
    `\n${PAIRS} 对交替（A B、B A、A B …），每次 ${DURATION} s，门户提交 ${CONNECTIONS} 个连接、驾驶舱 ${DASHBOARD_CONNECTIONS} 个；autocannon 在另一进程中经回环地址施压`,
  );
  log(
    '| 轮 | 负载 | 顺序 | A req/s | B req/s | B ÷ A | A p50/p99 ms | B p50/p99 ms | 服务进程 CPU ms/请求 A / B | B ÷ A | 1/5/15 分钟负载 |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|---|');
  const ratios = Object.fromEntries(names.map((n) => [n, []]));
  const cpuRatios = Object.fromEntries(names.map((n) => [n, []]));
  const rates = Object.fromEntries(names.map((n) => [n, { A: [], B: [] }]));
  for (let pair = 0; pair < PAIRS; pair++) {
    const order = pair % 2 === 0 ? [0, 1] : [1, 0];
    for (const [w, name] of names.entries()) {
      const result = {};
      for (const i of order) result[builds[i].label] = await fire(builds[i].workloads[w], { duration: DURATION });
      const ratio = result.B.rps / result.A.rps;
      ratios[name].push(ratio);
      rates[name].A.push(result.A.rps);
      rates[name].B.push(result.B.rps);
      const cpuRatio = result.B.cpuMs / result.A.cpuMs;
      cpuRatios[name].push(cpuRatio);
      log(
        `| ${pair + 1} | ${name} | ${order.map((i) => builds[i].label).join(' ')} | ${result.A.rps.toFixed(0)} | ${result.B.rps.toFixed(0)} | ${ratio.toFixed(3)} | ${result.A.p50}/${result.A.p99} | ${result.B.p50}/${result.B.p99} | ${result.A.cpuMs.toFixed(2)} / ${result.B.cpuMs.toFixed(2)} | ${cpuRatio.toFixed(3)} | ${load()} |`,
      );
    }
  }

  log(`\nA = ${builds[0].rev}（${builds[0].sha}），B = ${builds[1].rev}（${builds[1].sha}）；负载 ${load()}`);
  for (const name of names) {
    const a = stats(rates[name].A);
    const b = stats(rates[name].B);
    const faster = ratios[name].filter((r) => r > 1).length;
    log(
      `${name}：A ${a.median.toFixed(0)} req/s（${a.min.toFixed(0)}–${a.max.toFixed(0)}），B ${b.median.toFixed(0)} req/s（${b.min.toFixed(0)}–${b.max.toFixed(0)}），吞吐量 B ÷ A 各对中位数 ${ratioText(ratios[name])}；B 较快 ${faster}/${PAIRS} 对（符号检验 p = ${signTest(faster, PAIRS).toFixed(2)}）`,
    );
    const cheaper = cpuRatios[name].filter((r) => r < 1).length;
    if (cpuRatios[name].every(Number.isFinite))
      log(
        `${name}：服务进程每个请求的 CPU 时间 B ÷ A 各对中位数 ${ratioText(cpuRatios[name])}；B 较省 ${cheaper}/${PAIRS} 对（符号检验 p = ${signTest(cheaper, PAIRS).toFixed(2)}）`,
      );
  }
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(err instanceof Error ? err.message : String(err));
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
