import { createInflateRaw } from 'node:zlib';
import { AppError } from './errors.ts';

/**
 * Bounded reading of uploaded zip containers (.xlsx, .docx): the central directory is read first and declared sizes
 * past the budget are refused; then entries are inflated by Node's zlib stream (on the thread pool, in 64 KB chunks,
 * so the event loop keeps serving other requests) and refused as soon as the ACTUAL output passes the budget, so a
 * header that lies about its size cannot make the server inflate hundreds of megabytes or freeze other requests.
 */

export type ZipBudget = {
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Number of entries in the archive. */
  maxEntries: number;
};

const MB = 1024 * 1024;

/** Limits per feature, proportional to what the feature legitimately reads. */
export const uploadLimits = {
  /** Ledger import: up to 50,000 rows of a wide sheet. */
  ledgerXlsx: { maxTotalBytes: 200 * MB, maxEntryBytes: 160 * MB, maxEntries: 2000 },
  /** Org and task imports through exceljs: a few thousand rows. */
  sheetImport: { maxTotalBytes: 40 * MB, maxEntryBytes: 32 * MB, maxEntries: 2000 },
  /** Word documents read for their text (reports, consultation drafts): 20 MB of document XML, pictures included. */
  docxText: { maxTotalBytes: 64 * MB, maxEntryBytes: 24 * MB, maxEntries: 5000 },
} satisfies Record<string, ZipBudget>;

/** A refused upload: 400 with a Chinese reason. */
export class ZipRefusedError extends AppError {
  constructor(message: string) {
    super(400, 'BAD_FILE', message);
  }
}

const unreadable = () => new ZipRefusedError('文件无法读取：文件已损坏或不是有效的 Office 文档（.xlsx/.docx）');
const tooBig = (limit: number) =>
  new ZipRefusedError(
    `文件解压后内容过大（超过 ${Math.round(limit / MB)} MB），系统拒绝读取：请检查文件或拆分后重新上传`,
  );

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
};

/** The central directory's entries; throws ZipRefusedError on a malformed or zip64 archive. */
export function zipEntries(data: Uint8Array, budget: ZipBudget): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw unreadable(); // zip64: never an Office upload of this size
  if (count > budget.maxEntries)
    throw new ZipRefusedError(`文件包含的部件过多（超过 ${budget.maxEntries} 个），系统拒绝读取`);
  if (cdOffset + cdSize > data.length) throw unreadable();
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let declaredTotal = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw unreadable();
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const declaredSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > data.length) throw unreadable();
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    if (declaredSize > budget.maxEntryBytes) throw tooBig(budget.maxEntryBytes);
    declaredTotal += declaredSize;
    if (declaredTotal > budget.maxTotalBytes) throw tooBig(budget.maxTotalBytes);
    if (method !== 0 && method !== 8) throw unreadable();
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

class Overflow extends Error {}

/**
 * Inflates one raw-deflate entry with Node's zlib stream: the work runs on libuv's thread pool in 64 KB output
 * chunks, so the event loop stays free, and the stream is destroyed as soon as the output passes `limit`.
 */
function inflateBounded(
  compressed: Uint8Array,
  limit: number,
  keep: boolean,
): Promise<{ size: number; data?: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(error);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(new Overflow());
      if (keep) chunks.push(chunk);
    });
    inflater.on('error', () => fail(new Error('inflate')));
    inflater.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ size, data: keep ? new Uint8Array(Buffer.concat(chunks, size)) : undefined });
    });
    inflater.end(compressed);
  });
}

/**
 * Inflates the archive's entries under the budget. Entries for which `keep` answers true are returned; the others
 * are inflated only to check their actual size (a downstream parser may read any of them).
 */
export async function readZipBounded(
  data: Uint8Array,
  budget: ZipBudget,
  keep: (name: string) => boolean = () => false,
): Promise<Map<string, Uint8Array>> {
  const bytes = data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw unreadable();
  }
  const entries = zipEntries(bytes, budget);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const h = entry.localHeaderOffset;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) throw unreadable();
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw unreadable();
    const kept = keep(entry.name);
    if (entry.method === 0) {
      total += entry.compressedSize;
      if (entry.compressedSize > budget.maxEntryBytes) throw tooBig(budget.maxEntryBytes);
      if (total > budget.maxTotalBytes) throw tooBig(budget.maxTotalBytes);
      if (kept) out.set(entry.name, bytes.slice(start, end));
      continue;
    }
    const limit = Math.min(budget.maxEntryBytes, budget.maxTotalBytes - total);
    let result: { size: number; data?: Uint8Array };
    try {
      result = await inflateBounded(bytes.subarray(start, end), limit, kept);
    } catch (error) {
      if (error instanceof Overflow) {
        throw tooBig(limit === budget.maxEntryBytes ? budget.maxEntryBytes : budget.maxTotalBytes);
      }
      throw unreadable();
    }
    total += result.size;
    if (result.data) out.set(entry.name, result.data);
  }
  return out;
}

/** Checks a whole archive against the budget (declared and actual sizes) before another library reads it. */
export async function checkZipBounded(data: Uint8Array, budget: ZipBudget): Promise<void> {
  await readZipBounded(data, budget);
}
