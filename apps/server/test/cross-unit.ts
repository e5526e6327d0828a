import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import type { Client, TestApp } from './harness.ts';
import { accessGroups, type DemoAccount, demoAccounts, routeAccess } from './route-access-expectations.ts';

/** Tables that change on their own while a test runs (sessions, limits, heartbeats) or record the calls themselves. */
const runtimeTables = [
  'audit_log',
  'sessions',
  'rate_limits',
  'app_processes',
  'scheduled_runs',
  '__drizzle_migrations',
];

/** Every business table's content, as one digest per table. */
export async function snapshotTables(db: TestApp['db']) {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in (${sql.join(
          runtimeTables.map((name) => sql`${name}`),
          sql`, `,
        )})
        order by table_name`,
  );
  const digests: Record<string, string> = {};
  for (const { table_name: name } of tables) {
    const [row] = await queryRows<{ d: string | null }>(
      db,
      sql`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from ${sql.identifier(name)} x`,
    );
    digests[name] = row?.d ?? '';
  }
  return digests;
}

/** The tables whose digest differs between two snapshots. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);

export type CrossUnitCall = {
  route: string;
  url: () => string;
  body?: () => unknown;
  /** What an account holding the permission but without the owning unit in scope gets. */
  outOfScope: number;
  /** Accounts for whom the call is legitimate (the unit in scope, the permission held): not called. */
  legit: DemoAccount[];
};

const mayCall = (route: string, who: DemoAccount) =>
  (accessGroups[routeAccess[route]!] as readonly string[]).includes(who);

/** Sends a call with the method its route names. */
export function send(client: Client, call: CrossUnitCall) {
  const [method] = call.route.split(' ');
  if (method === 'GET') return client.get(call.url());
  if (method === 'DELETE') return client.delete(call.url());
  if (method === 'PUT') return client.put(call.url(), call.body?.());
  if (method === 'PATCH') return client.patch(call.url(), call.body?.());
  return client.post(call.url(), call.body?.());
}

/**
 * Calls every route as every demo account that is not legitimate for it: 403 for an account without the permission
 * (per the hand-written table), `outOfScope` otherwise, always with a Chinese message. Returns the deviations.
 */
export async function refusedCalls(clients: Map<DemoAccount, Client>, calls: CrossUnitCall[]) {
  const wrong: string[] = [];
  for (const call of calls) {
    expect(routeAccess[call.route], call.route).toBeDefined();
    for (const who of demoAccounts) {
      if (call.legit.includes(who)) continue;
      const res = await send(clients.get(who)!, call);
      const expected = mayCall(call.route, who) ? call.outOfScope : 403;
      const body = res.headers['content-type']?.toString().includes('json') ? res.json() : {};
      const message = typeof body.message === 'string' ? body.message : '';
      if (res.statusCode !== expected || !/[\u4e00-\u9fa5]/.test(message)) {
        wrong.push(`${who} ${call.route} → ${res.statusCode} ${message.slice(0, 40)} (expected ${expected})`);
      }
    }
  }
  return wrong;
}
