#!/usr/bin/env node
// Measures what an office feels: time from `npm start` to a healthy /api/health, and the server's resident memory
// with the demo county loaded. First start (empty folder: init + migrate + seed) and a warm restart, on PGlite;
// and on PostgreSQL when DATABASE_URL is given.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

async function startOnce(env, label) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    detached: true,
    stdio: 'ignore',
  });
  let healthyAt = 0;
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) {
        healthyAt = performance.now();
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 1500)); // let start-up work (reminders) settle before reading memory
  const rssMb = serverRss(child.pid);
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  const seconds = healthyAt ? (healthyAt - started) / 1000 : Number.NaN;
  console.log(`${label.padEnd(36)} ${seconds.toFixed(2)} s to healthy   ${rssMb.toFixed(0)} MB resident`);
  return { seconds, rssMb };
}

/** RSS of the `fazhi serve` process among the children of the npm process group. */
function serverRss(pgid) {
  const { execSync } = require('node:child_process');
  const pids = execSync(`pgrep -g ${pgid} -f "fazhi.js serve" || true`).toString().trim().split('\n').filter(Boolean);
  let kb = 0;
  for (const pid of pids) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const dir = mkdtempSync(join(tmpdir(), 'fazhi-startup-'));
try {
  await startOnce({ FAZHI_DATA_DIR: dir, DATABASE_URL: '' }, 'PGlite, first start (init + seed)');
  for (let i = 1; i <= 3; i++) await startOnce({ FAZHI_DATA_DIR: dir, DATABASE_URL: '' }, `PGlite, restart ${i}`);
  if (process.env.STARTUP_DATABASE_URL) {
    await startOnce({ DATABASE_URL: process.env.STARTUP_DATABASE_URL }, 'PostgreSQL, first start (migrate + seed)');
    for (let i = 1; i <= 3; i++)
      await startOnce({ DATABASE_URL: process.env.STARTUP_DATABASE_URL }, `PostgreSQL, restart ${i}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
