import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { backupTo, checksumAll, restoreFrom } from './platform.backup.service.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'fazhi-backup-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restoring a backup reproduces the same data, verified by a checksum over all tables', async () => {
    const reporter = await t.as('reporter-a'); // sessions and audit rows are data too
    await reporter.post('/api/notifications/read', {});
    const original = await checksumAll(t.db);
    const file = join(dir, 'fazhi.backup.gz');
    const backup = await backupTo(t.db, file);
    expect(backup.checksum).toBe(original.checksum);
    expect(backup.tables).toBeGreaterThan(10);

    const office = await t.as('office');
    await office.post('/api/plan/work-points', { year: 2030, title: '备份之后新增的要点' });
    expect((await checksumAll(t.db)).checksum).not.toBe(original.checksum);

    await restoreFrom(t.db, file);
    expect((await checksumAll(t.db)).checksum).toBe(original.checksum);
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from work_points where year = 2030`,
    );
    expect(rows[0]!.n).toBe(0);

    // Identity sequences continue after the restored ids: new rows do not collide.
    const again = await t.as('office');
    const created = await again.post('/api/plan/work-points', { year: 2031, title: '恢复之后新增的要点' });
    expect(created.statusCode).toBe(200);
  });

  it('a file that is not a backup is refused and changes nothing', async () => {
    const before = await checksumAll(t.db);
    const { writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const file = join(dir, 'bad.gz');
    writeFileSync(file, gzipSync('{"format":"something-else"}\n'));
    await expect(restoreFrom(t.db, file)).rejects.toThrow('不是有效的 Fazhi 备份文件');
    expect((await checksumAll(t.db)).checksum).toBe(before.checksum);
  });
});
