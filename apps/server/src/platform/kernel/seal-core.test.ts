import { createHmac, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { blindIndex, decryptValue, deriveKeys } from './field-crypto.ts';
import { hmacSm3, sealBatch } from './seal-core.mjs';
import { sealInWorker, sealWorkerSettings, stopSealWorker } from './seal-worker.ts';

const keys = deriveKeys(randomBytes(32));
/** ID numbers, phones, Chinese text of one to several SM4 blocks, padded and lower-case values. */
const values = [
  '51081119800101001X',
  '13800138000',
  '0839-1234567',
  ' 51081119800101002x ',
  '张',
  '某某街道某某社区某某小区三号楼二单元五〇一室'.repeat(3),
  ...Array.from({ length: 300 }, (_, i) => `值${i}-${'a'.repeat(i % 70)}`),
];

afterEach(async () => {
  sealWorkerSettings.enabled = true;
  await stopSealWorker();
});

describe('batch sealing (seal-core.mjs)', () => {
  it('HMAC-SM3 in JavaScript equals OpenSSL for keys of 1 to 64 bytes and messages of 0 to 200 bytes', () => {
    for (const keyBytes of [1, 16, 32, 64])
      for (let len = 0; len <= 200; len++) {
        const key = randomBytes(keyBytes);
        const data = randomBytes(len);
        expect(hmacSm3(key, data).toString('hex')).toBe(createHmac('sm3', key).update(data).digest('hex'));
      }
  });

  it('every sealed value opens with the one-value decryption and carries the same blind index', () => {
    const { sealed, blind } = sealBatch(keys, values);
    expect(sealed).toHaveLength(values.length);
    values.forEach((v, i) => {
      expect(sealed[i]!.startsWith('sm4:')).toBe(true);
      expect(decryptValue(keys, sealed[i]!)).toBe(v);
      expect(blind[i]).toBe(blindIndex(keys, v));
    });
    // compared trimmed and upper-cased, like the one-value index
    expect(blind[3]).toBe(blindIndex(keys, '51081119800101002X'));
    // fresh IVs: two seals of one value differ, and no IV repeats within the batch
    const ivs = new Set(sealed.map((s) => Buffer.from(s.slice(4), 'base64url').subarray(0, 16).toString('hex')));
    expect(ivs.size).toBe(values.length);
    expect(sealBatch(keys, [values[0]!]).sealed[0]).not.toBe(sealBatch(keys, [values[0]!]).sealed[0]);
  });

  it('counts the CTR counter over all 128 bits, carries included, as OpenSSL does', () => {
    const long = ['数'.repeat(40), 'x'.repeat(33), '正'.repeat(11)];
    const ivs = Buffer.concat([
      Buffer.alloc(16, 0xff), // wraps to zero on the second block
      Buffer.concat([Buffer.alloc(8, 0x12), Buffer.alloc(8, 0xff)]), // carries into the upper half
      Buffer.concat([Buffer.alloc(15, 0), Buffer.from([0xfe])]),
    ]);
    const { sealed } = sealBatch(keys, long, ivs);
    expect(sealed.map((s) => decryptValue(keys, s))).toEqual(long);
  });

  it('a tampered batch value is refused like any other', () => {
    const [one] = sealBatch(keys, ['51081119800101001X']).sealed;
    const raw = Buffer.from(one!.slice(4), 'base64url');
    raw[20]! ^= 1;
    expect(() => decryptValue(keys, `sm4:${raw.toString('base64url')}`)).toThrow(
      '加密值校验失败：数据被改动或密钥不符',
    );
  });
});

describe('sealing worker (seal-worker.ts)', () => {
  it('seals in the worker thread with the same result as in this thread, in order, batch after batch', async () => {
    const batches = await Promise.all([values.slice(0, 100), values.slice(100), []].map((b) => sealInWorker(keys, b)));
    const all = [...values.slice(0, 100), ...values.slice(100)];
    const sealed = batches.flatMap((b) => b.sealed);
    const blind = batches.flatMap((b) => b.blind);
    expect(sealed).toHaveLength(all.length);
    all.forEach((v, i) => {
      expect(decryptValue(keys, sealed[i]!)).toBe(v);
      expect(blind[i]).toBe(blindIndex(keys, v));
    });
  });

  it('falls back to this thread when the worker is switched off or stopped mid-batch', async () => {
    sealWorkerSettings.enabled = false;
    const here = await sealInWorker(keys, values);
    expect(here.sealed.map((s) => decryptValue(keys, s))).toEqual(values);
    sealWorkerSettings.enabled = true;
    const out = sealInWorker(keys, values);
    await stopSealWorker();
    const after = await out;
    expect(after.sealed.map((s) => decryptValue(keys, s))).toEqual(values);
    expect(after.blind).toEqual(here.blind);
    // and the next batch starts a new worker
    expect((await sealInWorker(keys, values.slice(0, 3))).blind).toEqual(here.blind.slice(0, 3));
  });

  it('a value holding a NUL or a line feed travels intact', async () => {
    const odd = ['a\u0000b', '第一行\n第二行', '\u0000', 'x'];
    const { sealed, blind } = await sealInWorker(keys, odd);
    expect(sealed.map((s) => decryptValue(keys, s))).toEqual(odd);
    expect(blind).toEqual(odd.map((v) => blindIndex(keys, v)));
  });
});
