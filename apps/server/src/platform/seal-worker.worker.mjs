// Worker thread entry for batch sealing (see seal-worker.ts): receives { id, keys: { enc, mac, index } (raw bytes),
// values } and answers { id, sealed, blind } or { id, error: true }. Plain JavaScript importing only seal-core.mjs and
// node built-ins, so it runs under tsx and beside the bundle alike. No value is ever logged.
import { parentPort } from 'node:worker_threads';
import { sealBatch } from './seal-core.mjs';

parentPort.on('message', ({ id, keys, values }) => {
  try {
    const { sealed, blind } = sealBatch(keys, values);
    parentPort.postMessage({ id, sealed, blind });
  } catch {
    parentPort.postMessage({ id, error: true });
  }
});
