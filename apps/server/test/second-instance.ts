import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { type Database, openDatabase, queryRows } from '../src/db/client.ts';
import type { TestApp } from './harness.ts';
import { testDatabaseUrl } from './test-clock.ts';

/**
 * A second app instance on the test app's database, as a second process (or machine) behind a load balancer: on
 * PostgreSQL with its own connection pool; on PGlite (one process by design) sharing the one connection.
 */
export async function openSecondInstance(t: TestApp) {
  let second: Database | null = null;
  if (t.kind === 'postgres') {
    const [row] = await queryRows<{ name: string }>(t.db, sql`select current_database() as name`);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${row!.name}`;
    second = await openDatabase({ databaseUrl: url.toString(), migrate: false });
  }
  const db = second?.db ?? t.db;
  const app = await buildApp({ db, dbKind: t.kind, now: () => new Date('2026-11-23T02:00:00Z') }, { serveWeb: false });
  await app.ready();
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await second?.close();
    },
  };
}
