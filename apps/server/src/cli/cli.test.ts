import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliEnvironment } from '../../test/cli-env.ts';

/** The CLI as an operator runs it: seed, back up, restore, serve and stop — on PGlite or on PostgreSQL per project. */
const { dir, isPostgres, cli, env, run } = useCliEnvironment('cli', 120_000);

describe('npx fazhi', () => {
  it('seed-demo fills an empty database and refuses a second time', () => {
    const first = run('seed-demo');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/Error|错误/);
    expect(first.stdout).toContain('演示数据已导入');
    const second = run('seed-demo');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('已有数据');
  });

  it('report writes the county annual report as .docx, and names an unknown org', () => {
    const file = join(dir, 'report.docx');
    const res = run('report', '昭化区', '2025', '-o', file);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('昭化区2025年');
    const docx = readFileSync(file);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.length).toBeGreaterThan(5000);
    const unknown = run('report', '不存在区', '2025', '-o', join(dir, 'x.docx'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('不存在区');
  });

  it('backup then restore reproduces the data, checked by the checksum', () => {
    const file = join(dir, 'fazhi.backup.gz');
    const backup = run('backup', file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('备份完成');
    expect(existsSync(file)).toBe(true);
    const restore = run('restore', file);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('校验和一致');
  });

  it('an unknown command prints the usage and fails', () => {
    const res = run('frobnicate');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('用法');
  });

  it('serve answers health and shuts down cleanly on SIGTERM, releasing the data folder', async () => {
    const port = 3700 + Math.floor(Math.random() * 200);
    const child = spawn(process.execPath, [cli, 'serve'], { env: { ...env, PORT: String(port), FAZHI_DEMO: 'false' } });
    let healthy: unknown = null;
    for (let i = 0; i < 300 && !healthy; i++) {
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null);
      if (!healthy) await new Promise((r) => setTimeout(r, 100));
    }
    expect(healthy).toEqual({ status: 'ok', db: isPostgres ? 'postgres' : 'pglite' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'data', 'fazhi.lock'))).toBe(false);
  });
});
