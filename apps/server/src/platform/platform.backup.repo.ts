import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';

/**
 * Runtime state of the running processes, not data: their heartbeats and rate-limit counters. A backup leaves them
 * out and a restore leaves them as they are, so restoring never removes the live server's own process row.
 */
const runtimeTables = new Set(['app_processes', 'rate_limits']);

/** Tables of our schema in an order where parents come first; rows within a table are ordered the same way. */
export async function listTables(db: Executor) {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = rows.map((r) => r.table_name).filter((name) => !runtimeTables.has(name));
  const deps = await queryRows<{ child: string; parent: string }>(
    db,
    sql`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`,
  );
  const ordered: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    if (ordered.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const d of deps) if (d.child === name && d.parent !== name) visit(d.parent, seen);
    ordered.push(name);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

const rowOrder = (table: string) => sql.raw(table === 'orgs' ? 'length(t.path), t.id' : '1');

/** An order-independent fingerprint of every row of every table: equal checksums, equal data. */
export async function checksumAll(db: Executor) {
  const tables = await listTables(db);
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await queryRows<{ md5: string; n: number }>(
      db,
      sql`
      select md5(coalesce(string_agg(x, '|' order by x), '')) as md5, count(*)::int as n
      from (select row_to_json(t)::text as x from ${sql.identifier(table)} t) s`,
    );
    parts.push(`${table}:${row!.n}:${row!.md5}`);
  }
  return { checksum: parts.join(';'), tables: tables.length };
}

/** One page of a table's rows as JSON text, in the order a restore needs (parents before children in `orgs`). */
export async function selectRowsAsJson(db: Executor, table: string, offset: number, limit: number) {
  const rows = await queryRows<{ j: string }>(
    db,
    sql`
          select row_to_json(t)::text as j from ${sql.identifier(table)} t order by ${rowOrder(table)}
          limit ${limit} offset ${offset}`,
  );
  return rows.map((r) => r.j);
}

/** Turns the user triggers of each table off or on (restore only, inside its transaction). */
export async function setUserTriggers(tx: Executor, tables: readonly string[], enabled: boolean) {
  for (const t of tables)
    await tx.execute(sql.raw(`alter table "${t}" ${enabled ? 'enable' : 'disable'} trigger user`));
}

export async function truncateTables(tx: Executor, tables: readonly string[]) {
  await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
}

/** Inserts rows given as JSON objects (`rows`: their texts) into `table`. */
export async function insertRowsFromJson(tx: Executor, table: string, rows: readonly string[]) {
  await tx.execute(sql`insert into ${sql.identifier(table)}
        select * from json_populate_recordset(null::${sql.identifier(table)}, ${`[${rows.join(',')}]`}::json)`);
}

/** Sets every identity sequence past the largest id of its table. */
export async function resetIdentities(tx: Executor) {
  const identities = await queryRows<{ table_name: string }>(
    tx,
    sql`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'id' and is_identity = 'YES'`,
  );
  for (const { table_name: t } of identities) {
    await tx.execute(sql`select setval(pg_get_serial_sequence(${t}, 'id'),
        coalesce((select max(id) from ${sql.identifier(t)}), 0) + 1, false)`);
  }
}
