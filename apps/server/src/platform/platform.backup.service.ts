import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';

const format = 'fazhi-backup/1';
const batchSize = 500;

/**
 * Runtime state of the running processes, not data: their heartbeats and rate-limit counters. A backup leaves them
 * out and a restore leaves them as they are, so restoring never removes the live server's own process row.
 */
const runtimeTables = new Set(['app_processes', 'rate_limits']);

/** Tables of our schema in an order where parents come first; rows within a table are ordered the same way. */
async function listTables(db: Executor) {
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

export async function backupTo(db: Db, file: string) {
  const tables = await listTables(db);
  const { checksum } = await checksumAll(db);
  async function* lines() {
    yield `${JSON.stringify({ format, createdAt: new Date().toISOString(), tables, checksum })}\n`;
    for (const table of tables) {
      for (let offset = 0; ; offset += batchSize) {
        const rows = await queryRows<{ j: string }>(
          db,
          sql`
          select row_to_json(t)::text as j from ${sql.identifier(table)} t order by ${rowOrder(table)}
          limit ${batchSize} offset ${offset}`,
        );
        for (const r of rows) yield `${JSON.stringify({ t: table })}\t${r.j}\n`;
        if (rows.length < batchSize) break;
      }
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { tables: tables.length, checksum };
}

/**
 * Replaces all data with the backup's, in one transaction: either the whole backup is in, verified by its
 * checksum, or nothing changed. The audit log is append-only for the application; restore alone empties it (with
 * its trigger off inside the transaction), because a restore reinstates the audit log of the backup.
 */
export async function restoreFrom(db: Db, file: string) {
  await assertBackupFile(file);
  try {
    return await restoreStream(db, file);
  } catch (error) {
    throw new Error(restoreFailure(error));
  }
}

/** A missing, unreadable or not-gzip file is refused with a Chinese one-line reason before anything is opened. */
export async function assertBackupFile(file: string) {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new Error(`找不到备份文件“${file}”，请检查文件路径`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`无法读取备份文件“${file}”：没有读取权限`);
    throw new Error(`无法打开备份文件“${file}”`);
  }
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0).catch(() => {
      throw new Error(`“${file}”不是文件，请指定备份文件`);
    });
    if (bytesRead < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
      throw new Error(`“${file}”不是 gzip 压缩的 Fazhi 备份文件，当前数据未做任何更改`);
    }
  } finally {
    await handle.close();
  }
}

/** The Chinese reason for a failed restore (a damaged stream, a truncated file, a line that does not parse). */
function restoreFailure(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.message === 'unexpected end of file') return '备份文件不完整（可能在复制时被截断）；当前数据未做任何更改';
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return '备份文件已损坏或不完整，无法解压；当前数据未做任何更改';
  }
  if (error instanceof SyntaxError) return '备份文件内容已损坏，无法解析；当前数据未做任何更改';
  if (typeof e.message === 'string' && /[\u4e00-\u9fa5]/.test(e.message)) return e.message;
  return '恢复失败，当前数据未做任何更改';
}

async function restoreStream(db: Db, file: string) {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  // A truncated file may end the lines before zlib reports it: its error is awaited before the data is accepted.
  const inflated = finished(gunzip).then(
    () => null,
    (error: unknown) => error,
  );
  const input = createInterface({ input: source.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done
    ? null
    : (JSON.parse(first.value) as { format?: string; tables: string[]; checksum: string });
  if (!header || header.format !== format) throw new Error('不是有效的 Fazhi 备份文件');
  const tables = await listTables(db);
  await db.transaction(async (tx) => {
    // Derived tables (metric roll-ups) are restored from the backup as they were: triggers that maintain them, and the
    // audit log's append-only guard (which refuses TRUNCATE too), stay off while the tables are emptied and the rows
    // go back in, inside this one transaction. The restored audit rows keep their hash chain.
    for (const t of tables) await tx.execute(sql.raw(`alter table "${t}" disable trigger user`));
    await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
    let table = '';
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await tx.execute(sql`insert into ${sql.identifier(table)}
        select * from json_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::json)`);
      batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const tab = next.value.indexOf('\t');
      const name = (JSON.parse(next.value.slice(0, tab)) as { t: string }).t;
      if (!tables.includes(name)) throw new Error(`备份中的表“${name}”在当前数据库中不存在`);
      if (name !== table || batch.length >= batchSize) {
        await flush();
        table = name;
      }
      batch.push(next.value.slice(tab + 1));
    }
    await flush();
    const streamError = await inflated;
    if (streamError) throw streamError;
    for (const t of tables) await tx.execute(sql.raw(`alter table "${t}" enable trigger user`));
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
    const { checksum } = await checksumAll(tx);
    if (checksum !== header.checksum) throw new Error('恢复后的数据校验和与备份不一致，已撤销恢复');
  });
  return { tables: tables.length, checksum: header.checksum };
}
