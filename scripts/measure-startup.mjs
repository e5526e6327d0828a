#!/usr/bin/env node
// Measures what an office feels: time from starting the server to a healthy /api/health, and the server's resident
// memory — its peak during start-up (VmHWM) and after it settled (VmRSS) — with the demo county loaded. First start
// (empty folder: init + migrate + seed) and warm restarts, on PGlite; on PostgreSQL too when STARTUP_DATABASE_URL is
// given. Both ways of running are measured in the same run: from source through tsx (`npx fazhi serve`, as before)
// and the compiled bundle (`npm start`, apps/server/dist/fazhi.mjs, built first). On PostgreSQL the first start runs on
// a fresh database created here (and dropped at the end), and the PostgreSQL server's own memory on that path is
// sampled every 100 ms: the backends serving that database (sum of their PSS — shared buffers counted once — and of
// their RSS), peak during start-up and after it settled. Each line prints the load average beside it.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const modes = {
  source: ['apps/server/bin/fazhi.js', 'serve'],
  compiled: ['apps/server/dist/fazhi.mjs', 'serve'],
};

async function startOnce(mode, env, label, pgDatabase) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const sampler = pgDatabase ? await backendSampler(pgDatabase) : null;
  const started = performance.now();
  const child = spawn(process.execPath, modes[mode], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    detached: true,
    stdio: 'ignore',
  });
  let healthyAt = 0;
  for (let i = 0; i < 1200; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) {
        healthyAt = performance.now();
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 1500)); // let start-up work (reminders, roll-up check) settle
  const { peakMb, rssMb } = memory(child.pid);
  const backends = sampler ? await sampler.stop() : null;
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  const seconds = healthyAt ? (healthyAt - started) / 1000 : Number.NaN;
  const pgText = backends
    ? `   PostgreSQL 后端（${backends.count} 个）PSS 峰值 ${backends.peakPssMb.toFixed(0)} MB / 稳定后 ${backends.pssMb.toFixed(0)} MB，` +
      `RSS 峰值 ${backends.peakRssMb.toFixed(0)} MB / 稳定后 ${backends.rssMb.toFixed(0)} MB`
    : '';
  console.log(
    `${`${label}（${mode === 'source' ? '源码 tsx' : '编译后'}）`.padEnd(40)} ${seconds.toFixed(2)} s 可用   ` +
      `峰值 ${peakMb.toFixed(0)} MB   稳定后 ${rssMb.toFixed(0)} MB${pgText}   负载 ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' / ')}`,
  );
  return { seconds, peakMb, rssMb, backends };
}

/**
 * Samples, every 100 ms, the memory of the PostgreSQL backends connected to `database` (read from /proc: the
 * PostgreSQL server must run on this machine and its /proc entries be readable). PSS shares each shared page among the
 * processes mapping it, so shared buffers are not counted once per backend as RSS counts them.
 */
async function backendSampler(database) {
  const client = new pg.Client({ connectionString: process.env.STARTUP_DATABASE_URL });
  await client.connect();
  let peakPss = 0;
  let peakRss = 0;
  let last = { pss: 0, rss: 0, count: 0 };
  let busy = false;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query(
        'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database],
      );
      let pss = 0;
      let rss = 0;
      for (const { pid } of rows) {
        try {
          const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
          pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
          rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
        } catch {} // the backend ended between the query and the read
      }
      last = { pss, rss, count: rows.length };
      peakPss = Math.max(peakPss, pss);
      peakRss = Math.max(peakRss, rss);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void sample(), 100);
  return {
    stop: async () => {
      clearInterval(timer);
      await sample();
      await client.end();
      return {
        count: last.count,
        pssMb: last.pss / 1024,
        rssMb: last.rss / 1024,
        peakPssMb: peakPss / 1024,
        peakRssMb: peakRss / 1024,
      };
    },
  };
}

/** Peak and current resident memory of the server processes in the group (the cluster's workers added up). */
function memory(pgid) {
  const pids = execSync(`pgrep -g ${pgid} -f "fazhi\\.m?js serve" || true`)
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean);
  let peak = 0;
  let rss = 0;
  for (const pid of pids) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return { peakMb: peak / 1024, rssMb: rss / 1024 };
}

const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** First start on a fresh database (migrate + demo seed), then restarts; the database is dropped afterwards. */
async function onPostgres(mode, restarts) {
  const name = `fazhi_startup_${process.pid}_${mode}`;
  const admin = new pg.Client({ connectionString: process.env.STARTUP_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.STARTUP_DATABASE_URL);
  url.pathname = `/${name}`;
  // PostgreSQL needs a data key for the encrypted personal fields: a throw-away one unless one is set.
  const env = {
    DATABASE_URL: url.toString(),
    FAZHI_DATA_KEY: process.env.FAZHI_DATA_KEY || randomBytes(32).toString('hex'),
  };
  try {
    await startOnce(mode, env, 'PostgreSQL 首次启动（建表+演示数据）', name);
    for (let i = 1; i <= restarts; i++) await startOnce(mode, env, `PostgreSQL 重启 ${i}`, name);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const restarts = Number(process.env.STARTUP_RESTARTS ?? 3);
for (const mode of ['source', 'compiled']) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-startup-'));
  try {
    await startOnce(mode, { FAZHI_DATA_DIR: dir, DATABASE_URL: '' }, 'PGlite 首次启动（建库+演示数据）');
    for (let i = 1; i <= restarts; i++)
      await startOnce(mode, { FAZHI_DATA_DIR: dir, DATABASE_URL: '' }, `PGlite 重启 ${i}`);
    if (process.env.STARTUP_DATABASE_URL) await onPostgres(mode, restarts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
