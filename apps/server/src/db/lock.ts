import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite takes no lock on its folder, and two processes on one data folder corrupt it for good. We hold our own
 * lock file with our pid inside; a lock whose pid is dead is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly holderPid: number,
    readonly holderCommand: string,
  ) {
    super(
      `数据目录已被另一个 Fazhi 进程占用（进程号 ${holderPid}${holderCommand ? `，${holderCommand}` : ''}）。` +
        '同一数据目录只能由一个进程使用，请先停止该进程，或设置 FAZHI_DATA_DIR 使用其他目录。',
    );
  }
}

export type DataDirLock = { release: () => void };

export function lockDataDir(dataDir: string, label: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'fazhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(
        fd,
        JSON.stringify({ pid: process.pid, processStart, command: label, since: new Date().toISOString() }),
      );
      closeSync(fd);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      // A lock with our pid is ours only if it was taken by this very process (pids are reused across restarts).
      const isHeldByUs = holder?.pid === process.pid && Math.abs((holder.processStart ?? 0) - processStart) < 2000;
      if (holder && (isHeldByUs || (holder.pid !== process.pid && isAlive(holder.pid)))) {
        throw new DataDirLockedError(holder.pid, holder.command);
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`cannot take the lock ${file}`);
}

const processStart = Date.now() - process.uptime() * 1000;

function readHolder(file: string): { pid: number; command: string; processStart?: number } | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      pid?: unknown;
      command?: unknown;
      processStart?: unknown;
    };
    if (typeof parsed.pid !== 'number') return null;
    const start = typeof parsed.processStart === 'number' ? parsed.processStart : undefined;
    return { pid: parsed.pid, command: String(parsed.command ?? ''), processStart: start };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
