#!/usr/bin/env node
// Measures what an office feels: time from starting the server to a healthy /api/health, and the server's resident
// memory — its peak during start-up (VmHWM) and after it settled (VmRSS) — with the demo county loaded. First start
// (empty folder: init + migrate + seed) and warm restarts, on PGlite; on PostgreSQL too when STARTUP_DATABASE_URL is
// given. Both ways of running are measured in the same run: from source through tsx (`npx fazhi serve`, as before)
// and the compiled bundle (`npm start`, apps/server/dist/fazhi.mjs, built first).
import { execSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const modes = {
  source: ['apps/server/bin/fazhi.js', 'serve'],
  compiled: ['apps/server/dist/fazhi.mjs', 'serve'],
};

async function startOnce(mode, env, label) {
  const port = 3900 + Math.floor(Math.random() * 90);
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
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  const seconds = healthyAt ? (healthyAt - started) / 1000 : Number.NaN;
  console.log(
    `${`${label}（${mode === 'source' ? '源码 tsx' : '编译后'}）`.padEnd(40)} ${seconds.toFixed(2)} s 可用   ` +
      `峰值 ${peakMb.toFixed(0)} MB   稳定后 ${rssMb.toFixed(0)} MB`,
  );
  return { seconds, peakMb, rssMb };
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

const restarts = Number(process.env.STARTUP_RESTARTS ?? 3);
for (const mode of ['source', 'compiled']) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-startup-'));
  try {
    await startOnce(mode, { FAZHI_DATA_DIR: dir, DATABASE_URL: '' }, 'PGlite 首次启动（建库+演示数据）');
    for (let i = 1; i <= restarts; i++)
      await startOnce(mode, { FAZHI_DATA_DIR: dir, DATABASE_URL: '' }, `PGlite 重启 ${i}`);
    if (process.env.STARTUP_DATABASE_URL) {
      for (let i = 1; i <= restarts; i++)
        await startOnce(mode, { DATABASE_URL: process.env.STARTUP_DATABASE_URL }, `PostgreSQL 重启 ${i}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
