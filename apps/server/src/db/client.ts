import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { serverPath } from '../paths.ts';
import { loadDataKey } from '../platform/kernel/field-crypto.ts';
import { runDeferredWritesAtCommit } from './before-commit.ts';
import { type DataDirLock, lockDataDir } from './lock.ts';
import { copyPgliteTemplate } from './pglite-template.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';
export type Database = { db: Db; kind: DbKind; close: () => Promise<void> };

const migrationsFolder = serverPath('drizzle'); // from source and from the compiled bundle alike

export type OpenOptions = {
  databaseUrl?: string;
  dataDir?: string;
  /** An already-open PGlite (tests load a migrated template). */
  pglite?: PGlite;
  label?: string;
  migrate?: boolean;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const shouldMigrate = options.migrate ?? true;
  // The personal-data key (SM4/HMAC-SM3) for this process: FAZHI_DATA_KEY, a key file, or beside the data folder.
  loadDataKey({ databaseUrl: options.databaseUrl, dataDir: options.pglite ? undefined : (options.dataDir ?? 'data') });
  if (options.databaseUrl) {
    // pg and drizzle's node-postgres driver load only on this path (db/client.postgres.ts).
    const { openPostgres } = await import('./client.postgres.ts');
    const { pool, db, migrate } = await openPostgres(options.databaseUrl);
    runDeferredWritesAtCommit(db); // the audit chain appends right before COMMIT (db/before-commit.ts)
    if (shouldMigrate && (await migrationsPending(db))) await migrate(migrationsFolder);
    if (shouldMigrate) await sealAuditChain(db);
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  let lock: DataDirLock | null = null;
  let client = options.pglite;
  if (!client) {
    const dataDir = options.dataDir ?? 'data';
    lock = lockDataDir(dataDir, options.label ?? 'fazhi');
    try {
      // PGlite's WASM heap never shrinks: a small buffer pool keeps a county office's server near 330 MB resident
      // instead of ~460 MB (docs/benchmarks.md); reads of a county's data stay well within it.
      // A new folder starts as a copy of the install-time template when there is one (db/pglite-template.ts).
      const pgdata = `${dataDir}/pgdata`;
      copyPgliteTemplate(pgdata);
      client = await PGlite.create(pgdata, { postgresqlconf: ['shared_buffers = 16MB'] });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const pglite = client;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  runDeferredWritesAtCommit(db);
  if (shouldMigrate && (await migrationsPending(db))) await migratePglite(drizzlePglite(pglite), { migrationsFolder });
  if (shouldMigrate) await sealAuditChain(db);
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await pglite.close();
      lock?.release();
    },
  };
}

/**
 * Whether drizzle's migrator has work: it applies the migrations newer than the newest one recorded, so when the
 * database records one at least as new as the journal's last, a restart skips reading and hashing every file.
 */
async function migrationsPending(db: Db): Promise<boolean> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  try {
    const [row] = await queryRows<{ at: number | string | null }>(
      db,
      sql`select max(created_at) as at from drizzle.__drizzle_migrations`,
    );
    return !(row?.at != null && Number(row.at) >= newest);
  } catch {
    return true; // no migrations table yet: a new database
  }
}

/** Audit rows from before the hash chain get their hashes once, before anything new is appended. */
async function sealAuditChain(db: Db) {
  const { sealLegacyAuditRows } = await import('../platform/platform.audit-chain.service.ts'); // loaded late: it imports this file
  await sealLegacyAuditRows(db);
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

/** Raw SQL for what the query builder says less clearly (aggregates, recursive paths). Both drivers return `rows`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
