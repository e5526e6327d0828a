import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { freePort, postgresTools } from '../../test/standby-cluster.ts';
import { type Database, openDatabase, queryRows } from '../db/client.ts';
import { writeAudit } from './platform.audit.service.ts';
import { verifyAuditChain } from './platform.audit-chain.service.ts';

/**
 * The point-in-time recovery drill of docs/deployment.md ("Backups and point-in-time recovery"), run for real on
 * PostgreSQL: WAL archiving on, a compressed base backup (`pg_basebackup -Ft -z -Xs`), audited writes before and
 * after a chosen moment, the primary lost, the base backup unpacked with `restore_command` and
 * `recovery_target_time`, promoted. What was committed before the moment is back, with an intact audit chain; what
 * came after is not. On PGlite the county's own backup is the logical `fazhi backup` file (backup.test.ts); the
 * drill there checks that the embedded database has no WAL archive to restore from.
 */
const onPostgres = process.env.FAZHI_TEST_DB === 'postgres';

/** Files made here as root belong to the `postgres` user that runs the servers. */
const own = (path: string) => {
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', path]);
};

const entries = async (db: Database['db'], batch: string) =>
  (
    await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where entity = 'pitr_drill' and entity_id like ${`${batch}-%`}`,
    )
  )[0]!.n;

async function writeBatch(db: Database['db'], batch: string, n: number) {
  for (let i = 1; i <= n; i++) {
    await db.transaction((tx) =>
      writeAudit(tx, null, { action: 'drill.write', entity: 'pitr_drill', entityId: `${batch}-${i}` }),
    );
  }
}

if (onPostgres) {
  describe('point-in-time recovery from a base backup and the WAL archive (PostgreSQL)', () => {
    const tools = postgresTools();
    const stops: string[] = [];
    let primary: Database | null = null;
    let restored: Database | null = null;

    afterAll(async () => {
      await restored?.close().catch(() => {});
      await primary?.close().catch(() => {});
      for (const data of stops.reverse()) {
        try {
          tools.run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
      execFileSync('rm', ['-rf', tools.dir]);
    });

    it('restores to the chosen moment: earlier writes back with an intact audit chain, later ones gone', async () => {
      const { run, dir, options, psql } = tools;
      const [port, restorePort] = [await freePort(), await freePort()];
      const data = join(dir, 'primary');
      const wal = join(dir, 'wal');
      const base = join(dir, 'base');
      run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
      mkdirSync(wal);
      own(wal);
      const archiving = `-c wal_level=replica -c archive_mode=on -c archive_timeout=0 -c "archive_command=test ! -f ${wal}/%f && cp %p ${wal}/%f"`;
      run('pg_ctl', ['-D', data, '-o', options(port, archiving), '-l', join(dir, 'primary.log'), '-w', 'start']);
      stops.push(data);
      primary = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres` });

      // The weekly base backup, as the deployment guide takes it.
      run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', base, '-Ft', '-z', '-Xs']);

      await writeBatch(primary.db, 'before', 5);
      const [{ moment }] = (await queryRows<{ moment: string }>(primary.db, sql`select now()::text as moment`)) as [
        { moment: string },
      ];
      // The moment lies strictly between the two batches.
      await new Promise((r) => setTimeout(r, 1100));
      await writeBatch(primary.db, 'after', 3);
      expect(await entries(primary.db, 'before')).toBe(5);
      expect(await entries(primary.db, 'after')).toBe(3);

      // Every segment with the writes goes to the archive; then the primary is lost.
      const segment = psql(port, 'select pg_walfile_name(pg_current_wal_lsn())');
      psql(port, 'select pg_switch_wal()');
      for (let i = 0; i < 600; i++) {
        const archived = psql(port, "select coalesce(last_archived_wal, '') from pg_stat_archiver");
        if (archived >= segment) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await primary.close();
      primary = null;
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      stops.pop();

      // Restore, as the deployment guide does it.
      const restore = join(dir, 'restore');
      mkdirSync(restore, { mode: 0o700 });
      execFileSync('tar', ['-xzf', join(base, 'base.tar.gz'), '-C', restore]);
      execFileSync('tar', ['-xzf', join(base, 'pg_wal.tar.gz'), '-C', join(restore, 'pg_wal')]);
      appendFileSync(
        join(restore, 'postgresql.auto.conf'),
        `restore_command = 'cp ${wal}/%f %p'\nrecovery_target_time = '${moment}'\nrecovery_target_action = 'promote'\n`,
      );
      writeFileSync(join(restore, 'recovery.signal'), '');
      own(restore);
      run('pg_ctl', [
        '-D',
        restore,
        '-o',
        options(restorePort),
        '-l',
        join(dir, 'restore.log'),
        '-w',
        '-t',
        '120',
        'start',
      ]);
      stops.push(restore);
      for (let i = 0; i < 600 && psql(restorePort, 'select pg_is_in_recovery()') !== 'f'; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      restored = await openDatabase({
        databaseUrl: `postgres://postgres@127.0.0.1:${restorePort}/postgres`,
        migrate: false,
      });
      expect(await entries(restored.db, 'before')).toBe(5);
      expect(await entries(restored.db, 'after')).toBe(0);
      expect(await verifyAuditChain(restored.db)).toEqual({ isIntact: true, rows: 5 });
    });
  });
} else {
  describe('point-in-time recovery (PGlite)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('the embedded database archives no WAL: its recovery is the logical backup file', async () => {
      const [row] = await queryRows<{ mode: string }>(t.db, sql`select current_setting('archive_mode') as mode`);
      expect(row!.mode).toBe('off');
    });
  });
}
