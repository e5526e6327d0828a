import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.ts';
import type { TestApp } from './harness.ts';

/** Reads that many server tests make of the seeded database, spelled once. */

type Db = TestApp['db'];

/** The id of the demo org with this name (throws when there is none, so a renamed org fails loudly). */
export async function orgIdByName(db: Db, name: string): Promise<number> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from orgs where name = ${name}`);
  if (!row) throw new Error(`no org named ${name}`);
  return row.id;
}

/** A notification as its recipient's user name sees it. */
export type Note = { username: string; kind: string; title: string; body: string; link: string | null };

/** The newest notification id (0 when there is none): take it before an action, then read `notesAfter` it. */
export const lastNotificationId = async (db: Db) =>
  (await queryRows<{ n: number }>(db, sql`select coalesce(max(id), 0)::int as n from notifications`))[0]!.n;

/** The notifications written after `id`, ordered by recipient user name, then id. */
export const notesAfter = (db: Db, id: number) =>
  queryRows<Note>(
    db,
    sql`select u.username, n.kind, n.title, n.body, n.link from notifications n join users u on u.id = n.user_id
        where n.id > ${id} order by u.username, n.id`,
  );
