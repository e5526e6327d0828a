import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FieldKeys } from './field-crypto.ts';
import { sealBatch } from './seal-core.mjs';

/**
 * Seals batches of personal values in a worker thread, so an import's SM4 encryption, MAC tags and blind indexes run
 * beside the request thread (parsing, validating) and PostgreSQL's COPY instead of on it. One worker per process,
 * started on first use and kept (unref'd: it never holds the process open), answering batches in order. If the worker
 * cannot start or fails, the batch — and every later one — is sealed in this thread with the same code
 * (seal-core.mjs), so sealing never fails because of the worker. The worker entry is plain JavaScript beside this file
 * (from source) or, from the bundle in dist/, found in src/platform/kernel.
 */
export type SealedBatch = { sealed: string[]; blind: string[] };

const WORKER_FILE = 'seal-worker.worker.mjs';

function workerPath(): string | null {
  for (const url of [
    new URL(`./${WORKER_FILE}`, import.meta.url),
    new URL(`../src/platform/kernel/${WORKER_FILE}`, import.meta.url),
  ])
    if (existsSync(url)) return fileURLToPath(url);
  return null;
}

type Pending = { resolve: (r: SealedBatch) => void; fallback: () => void };
type Entry = { worker: Worker; pending: Map<number, Pending> };

/** Switch for tests and the benchmark: off seals every batch in this thread. */
export const sealWorkerSettings = { enabled: true };

let current: Entry | null = null;
let broken = false;
let nextId = 1;

/** Every batch still waiting on `entry`'s worker is sealed here instead. */
function drain(entry: Entry) {
  const waiting = [...entry.pending.values()];
  entry.pending.clear();
  for (const p of waiting) p.fallback();
}

function startWorker(): Entry | null {
  if (current || broken) return current;
  const path = workerPath();
  if (!path) {
    broken = true;
    return null;
  }
  try {
    const entry: Entry = { worker: new Worker(path), pending: new Map() };
    const w = entry.worker;
    // Held open only while batches are out (a waiting import must not see its process exit under it).
    w.unref();
    w.on('message', (m: { id: number; sealed?: string; blind?: string; error?: boolean }) => {
      const p = entry.pending.get(m.id);
      if (!p) return;
      entry.pending.delete(m.id);
      if (!entry.pending.size) w.unref();
      if (m.error || typeof m.sealed !== 'string' || typeof m.blind !== 'string') p.fallback();
      else p.resolve({ sealed: m.sealed.split('\n'), blind: m.blind.split('\n') });
    });
    const fail = () => {
      if (current === entry) {
        current = null;
        broken = true;
      }
      drain(entry);
    };
    w.on('error', fail);
    w.on('exit', fail);
    current = entry;
    return entry;
  } catch {
    broken = true;
    return null;
  }
}

/** Each key set's raw bytes, exported once (own 16-byte buffers, so a message never clones a pooled 8 KiB one). */
const exported = new WeakMap<FieldKeys, { enc: Uint8Array; mac: Uint8Array; index: Uint8Array }>();
function rawKeys(keys: FieldKeys) {
  let raw = exported.get(keys);
  if (!raw) {
    raw = {
      enc: new Uint8Array(keys.enc.export()),
      mac: new Uint8Array(keys.mac.export()),
      index: new Uint8Array(keys.index.export()),
    };
    exported.set(keys, raw);
  }
  return raw;
}

/**
 * Values travel as one string joined by NUL (one string to clone instead of hundreds), unless a value holds a NUL;
 * answers as strings joined by a line feed (base64url and the `sm4:` prefix never hold one).
 */
const SEP = '\u0000';

/** Seals `values` (each a non-empty plaintext): in the worker when it runs, else here. */
export function sealInWorker(keys: FieldKeys, values: string[]): Promise<SealedBatch> {
  if (!values.length) return Promise.resolve({ sealed: [], blind: [] });
  const entry = sealWorkerSettings.enabled ? startWorker() : null;
  if (!entry) return Promise.resolve(sealBatch(keys, values));
  const id = nextId++;
  return new Promise<SealedBatch>((resolve, reject) => {
    if (!entry.pending.size) entry.worker.ref();
    entry.pending.set(id, {
      resolve,
      fallback: () => {
        try {
          resolve(sealBatch(keys, values));
        } catch (error) {
          reject(error);
        }
      },
    });
    try {
      const joined = values.some((v) => v.includes(SEP)) ? values : values.join(SEP);
      entry.worker.postMessage({ id, keys: rawKeys(keys), values: joined });
    } catch {
      drain(entry);
    }
  });
}

/** Stops the worker (tests); the next batch starts a new one. */
export async function stopSealWorker() {
  const entry = current;
  current = null;
  broken = false;
  if (!entry) return;
  await entry.worker.terminate();
  drain(entry);
}
