import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const cli = fileURLToPath(new URL('../../bin/fazhi.js', import.meta.url));

describe('one process per data folder', () => {
  it('a second lock in the same process is refused', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir, 'first');
    expect(() => lockDataDir(dir, 'second')).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(dir, 'third').release();
  });

  it('a live holder is named in the refusal; a dead holder’s stale lock is taken over', async () => {
    const dir = tempDir();
    const holder = spawn('sleep', ['30']);
    writeFileSync(join(dir, 'fazhi.lock'), JSON.stringify({ pid: holder.pid, command: 'fazhi serve (port 3000)' }));
    expect(() => lockDataDir(dir, 'test')).toThrow(new RegExp(`进程号 ${holder.pid}.*fazhi serve`));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    const lock = lockDataDir(dir, 'test');
    lock.release();
  });

  it('the CLI refuses to open a folder another live process holds, with a clear message', () => {
    const dir = tempDir();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'fazhi.lock'), JSON.stringify({ pid: holder.pid, command: 'fazhi serve (port 3000)' }));
      const run = spawnSync(process.execPath, [cli, 'backup', join(dir, 'b.gz')], {
        env: { ...process.env, FAZHI_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`数据目录已被另一个 Fazhi 进程占用（进程号 ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
