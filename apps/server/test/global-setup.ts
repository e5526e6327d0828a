import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { ensureMetricRollup } from '../src/metrics/metrics.rollup.service.ts';
import { startRouteCoverage } from './route-coverage.ts';
import { testDatabaseUrl, testNow } from './test-clock.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    routeCoverageDir: string;
  }
}

/**
 * Migrates and seeds one database per run, once: a PGlite data-dir tarball, or a PostgreSQL template database.
 * Each test file then starts from its own copy, so files never see each other's writes.
 */
export default async function setup(project: TestProject) {
  const checkRouteCoverage = startRouteCoverage(project);
  const kind = project.config.env?.FAZHI_TEST_DB;
  if (kind === 'postgres') {
    const dropTemplate = await setupPostgres(project);
    return async () => {
      await dropTemplate();
      await checkRouteCoverage();
    };
  }
  const pglite = new PGlite();
  const database = await openDatabase({ pglite });
  await seedDemo(database.db, testNow);
  await ensureMetricRollup(database.db); // built once here, so no test app rebuilds it in the background
  const dump = await pglite.dumpDataDir('gzip');
  const dir = join(process.cwd(), '.tmp', 'test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return checkRouteCoverage;
}

async function setupPostgres(project: TestProject) {
  const template = `fazhi_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await seedDemo(database.db, testNow);
  await ensureMetricRollup(database.db);
  await database.close();
  project.provide('postgresTemplate', template);
  project.provide('pgliteTemplate', '');
  return async () => {
    // Test databases cloned from the template are dropped by each file; the template last.
    await admin.query(`drop database if exists ${template} with (force)`);
    const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `fazhi_t_${process.pid}_%`,
    ]);
    for (const row of leftovers.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.end();
  };
}
