import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db } from '../db/client.ts';
import {
  checksumAll,
  insertRowsFromJson,
  listTables,
  resetIdentities,
  selectRowsAsJson,
  setUserTriggers,
  truncateTables,
} from './platform.backup.repo.ts';

export { checksumAll } from './platform.backup.repo.ts';

const format = 'fazhi-backup/1';
const batchSize = 500;

export async function backupTo(db: Db, file: string) {
  const tables = await listTables(db);
  const { checksum } = await checksumAll(db);
  async function* lines() {
    yield `${JSON.stringify({ format, createdAt: new Date().toISOString(), tables, checksum })}\n`;
    for (const table of tables) {
      for (let offset = 0; ; offset += batchSize) {
        const rows = await selectRowsAsJson(db, table, offset, batchSize);
        for (const j of rows) yield `${JSON.stringify({ t: table })}\t${j}\n`;
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
    await setUserTriggers(tx, tables, false);
    await truncateTables(tx, tables);
    let table = '';
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await insertRowsFromJson(tx, table, batch);
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
    await setUserTriggers(tx, tables, true);
    await resetIdentities(tx);
    const { checksum } = await checksumAll(tx);
    if (checksum !== header.checksum) throw new Error('恢复后的数据校验和与备份不一致，已撤销恢复');
  });
  return { tables: tables.length, checksum: header.checksum };
}
