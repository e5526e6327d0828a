import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the CPU went during a step of `npm run bench -- load` (Linux /proc): the machine's busy share from
 * /proc/stat, and the CPU seconds (utime + stime of /proc/<pid>/stat) of the server's process tree (the primary and
 * its workers), of PostgreSQL (the backends of the bench's database and the server's background processes: WAL
 * writer, checkpointer…, found among the postmaster's children by their process titles; other databases' backends,
 * other people's work on a shared machine, are left out) and of the load driver itself. What is left of the
 * machine's busy time is other processes. A process that exits within the window loses its share; one that starts
 * within it counts from zero.
 */
export type CpuTargets = { serverPid: number; postmasterPid: number | null; database: string };

export type CpuSnapshot = {
  at: number;
  machine: { busy: number; total: number } | null;
  server: Map<number, number>;
  postgres: Map<number, number>;
  /** The part of `postgres` that is background processes (shared by every database of the server). */
  background: Map<number, number>;
  self: NodeJS.CpuUsage;
};

export type CpuFigures = {
  seconds: number;
  cores: number;
  /** Share of all cores busy (0–1), null without /proc/stat. */
  machineBusy: number | null;
  /** CPU seconds in the window. */
  server: number;
  postgres: number | null;
  /** Of `postgres`, the background processes'. */
  background: number | null;
  client: number;
  other: number | null;
};

const ticksPerSecond = 100; // USER_HZ, what /proc counts in: 100 on Linux on every common architecture

function machineTicks(): CpuSnapshot['machine'] {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    // cpu user nice system idle iowait irq softirq steal (guest time is already in user)
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - f[3]! - (f[4] ?? 0), total };
  } catch {
    return null;
  }
}

type Proc = { ppid: number; ticks: number };

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function allProcs(): Map<number, Proc> {
  const procs = new Map<number, Proc>();
  let names: string[] = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return procs;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const p = readProc(Number(name));
    if (p) procs.set(Number(name), p);
  }
  return procs;
}

const backgroundTitles =
  /: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher|archiver|stats collector)\b/;

function benchPostgres(pid: number, database: string): 'backend' | 'background' | null {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    if (title.split(/\s+/).includes(database)) return 'backend';
    return backgroundTitles.test(title) ? 'background' : null;
  } catch {
    return null;
  }
}

export function cpuSnapshot(targets: CpuTargets): CpuSnapshot {
  const procs = allProcs();
  const server = new Map<number, number>();
  const inServerTree = (pid: number) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === targets.serverPid) return true;
      p = procs.get(p)?.ppid ?? 0;
    }
    return false;
  };
  const postgres = new Map<number, number>();
  const background = new Map<number, number>();
  for (const [pid, p] of procs) {
    if (inServerTree(pid)) server.set(pid, p.ticks);
    else if (targets.postmasterPid !== null && p.ppid === targets.postmasterPid) {
      const kind = benchPostgres(pid, targets.database);
      if (kind) postgres.set(pid, p.ticks);
      if (kind === 'background') background.set(pid, p.ticks);
    }
  }
  return { at: performance.now(), machine: machineTicks(), server, postgres, background, self: process.cpuUsage() };
}

const delta = (before: Map<number, number>, after: Map<number, number>) => {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / ticksPerSecond;
};

export function cpuFigures(before: CpuSnapshot, after: CpuSnapshot, postmasterKnown: boolean): CpuFigures {
  const seconds = (after.at - before.at) / 1000;
  const cores = Math.max(1, readCores());
  const machineBusy =
    before.machine && after.machine && after.machine.total > before.machine.total
      ? (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total)
      : null;
  const self = process.cpuUsage(before.self);
  const server = delta(before.server, after.server);
  const postgres = postmasterKnown ? delta(before.postgres, after.postgres) : null;
  const background = postmasterKnown ? delta(before.background, after.background) : null;
  const client = (self.user + self.system) / 1e6;
  const other =
    machineBusy === null ? null : Math.max(0, machineBusy * cores * seconds - server - (postgres ?? 0) - client);
  return { seconds, cores, machineBusy, server, postgres, background, client, other };
}

function readCores(): number {
  try {
    return readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .filter((l) => /^cpu\d+ /.test(l)).length;
  } catch {
    return 1;
  }
}

/** `整机忙 97 %（2 核，10 秒）｜服务进程 12.3 秒（1.23 核）｜PostgreSQL …（…；后台进程 0.3 秒）｜压测客户端 …｜其他 …` */
export function formatCpu(c: CpuFigures, requests: number): string {
  const part = (label: string, s: number | null, extra = '') =>
    s === null ? `${label} —` : `${label} ${s.toFixed(1)} 秒（${(s / c.seconds).toFixed(2)} 核${extra}）`;
  return [
    `整机忙 ${c.machineBusy === null ? '—' : `${(c.machineBusy * 100).toFixed(0)} %`}（${c.cores} 核，${c.seconds.toFixed(0)} 秒）`,
    part('服务进程', c.server),
    part('PostgreSQL', c.postgres, c.background === null ? '' : `；其中后台进程 ${c.background.toFixed(1)} 秒`),
    part('压测客户端', c.client),
    part('其他', c.other),
    `每次请求 ${perRequest(c, requests)}`,
  ].join('｜');
}

/** `服务 3.5 ms，PostgreSQL 7.9 ms，客户端 1.5 ms`: CPU per completed request. */
export function perRequest(c: CpuFigures, requests: number): string {
  const ms = (s: number | null) => (s === null || requests === 0 ? '—' : `${((s / requests) * 1000).toFixed(1)} ms`);
  return `服务 ${ms(c.server)}，PostgreSQL ${ms(c.postgres)}，客户端 ${ms(c.client)}`;
}
