import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { backupTo, checksumAll, restoreFrom } from './platform.backup.service.ts';

/** Damaged backup files get a Chinese one-line reason and change nothing; the CLI exits 1 without a stack trace. */

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp({ recordRoutes: false });
  dir = mkdtempSync(join(tmpdir(), 'fazhi-damaged-'));
});
afterAll(() => t?.close());

describe('restoring a damaged backup', () => {
  it('missing, not gzip, a directory, truncated: a Chinese reason each, data unchanged', async () => {
    // The server's heartbeat row (app_processes) moves on its own; every other table must be unchanged.
    const data = async () =>
      (await checksumAll(t.db)).checksum
        .split(';')
        .filter((x) => !x.startsWith('app_processes:'))
        .join(';');
    const before = await data();
    const good = join(dir, 'good.gz');
    await backupTo(t.db, good);
    const bytes = readFileSync(good);
    const truncated = join(dir, 'truncated.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const plain = join(dir, 'plain.txt');
    writeFileSync(plain, '这不是备份文件\n');
    const corrupt = join(dir, 'corrupt.gz');
    writeFileSync(corrupt, Buffer.concat([bytes.subarray(0, 20), Buffer.alloc(2000, 0x55), bytes.subarray(2020)]));

    await expect(restoreFrom(t.db, join(dir, 'missing.gz'))).rejects.toThrow(
      `找不到备份文件“${join(dir, 'missing.gz')}”，请检查文件路径`,
    );
    await expect(restoreFrom(t.db, plain)).rejects.toThrow(
      `“${plain}”不是 gzip 压缩的 Fazhi 备份文件，当前数据未做任何更改`,
    );
    await expect(restoreFrom(t.db, dir)).rejects.toThrow(`“${dir}”不是文件，请指定备份文件`);
    const cut = await restoreFrom(t.db, truncated).catch((e: Error) => e.message);
    expect([
      '备份文件不完整（可能在复制时被截断）；当前数据未做任何更改',
      '备份文件内容已损坏，无法解析；当前数据未做任何更改',
    ]).toContain(cut);
    await expect(restoreFrom(t.db, corrupt)).rejects.toThrow('备份文件已损坏或不完整，无法解压；当前数据未做任何更改');
    expect(await data()).toBe(before);
  }, 240_000);

  it('the CLI answers a missing file in one Chinese line, exit code 1, no stack trace, no lock left', async () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const cli = fileURLToPath(new URL('../../bin/fazhi.js', import.meta.url));
    const result = await promisify(execFile)(process.execPath, [cli, 'restore', join(dir, 'nope.gz')], {
      env: { ...process.env, DATABASE_URL: '', FAZHI_DATA_DIR: dataDir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`找不到备份文件“${join(dir, 'nope.gz')}”，请检查文件路径`);
    expect(existsSync(join(dataDir, 'fazhi.lock'))).toBe(false);
  }, 60_000);
});
