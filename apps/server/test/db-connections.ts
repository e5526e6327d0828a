import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows } from '../src/db/client.ts';
import type { TestApp } from './harness.ts';
import { testDatabaseUrl } from './test-clock.ts';

/**
 * Connections of their own to a test app's PostgreSQL database, for tests that hold a transaction open on one
 * while another writes (the app's pool can't say which connection a query takes). Close them with `closeAll`.
 */
export function connections(t: TestApp) {
  const opened: pg.Client[] = [];
  return {
    async open(): Promise<pg.Client> {
      const [row] = await queryRows<{ name: string }>(t.db, sql`select current_database() as name`);
      const url = new URL(testDatabaseUrl);
      url.pathname = `/${row!.name}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      opened.push(client);
      return client;
    },
    async close(client: pg.Client): Promise<void> {
      opened.splice(opened.indexOf(client), 1);
      await client.end();
    },
    closeAll: () => Promise.all(opened.splice(0).map((c) => c.end())),
  };
}
