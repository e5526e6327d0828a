// Worker thread entry for batch sealing (see seal-worker.ts): receives { id, keys: { enc, mac, index } (raw bytes),
// values (an array, or one string joined by NUL) } and answers { id, sealed, blind } (each joined by a line feed) or
// { id, error: true }. Plain JavaScript importing only seal-core.mjs and node built-ins, so it runs under tsx and
// beside the bundle alike. No value is ever logged.
import { parentPort } from 'node:worker_threads';
import { sealBatch } from './seal-core.mjs';

parentPort.on('message', ({ id, keys, values }) => {
  try {
    const { sealed, blind } = sealBatch(keys, typeof values === 'string' ? values.split('\u0000') : values);
    parentPort.postMessage({ id, sealed: sealed.join('\n'), blind: blind.join('\n') });
  } catch {
    parentPort.postMessage({ id, error: true });
  }
});
