import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  CIPHER_PREFIX,
  decryptValue,
  deriveKeys,
  encryptValue,
  FieldCryptoError,
  isCiphertext,
  keyFilePath,
  loadDataKey,
  openValue,
  parseMasterKey,
  sealValue,
} from './field-crypto.ts';

const keyA = deriveKeys(Buffer.alloc(32, 7));
const keyB = deriveKeys(Buffer.alloc(32, 8));
const id = '51081119800101123X';

describe('field encryption (SM4-CTR + HMAC-SM3)', () => {
  it('round-trips any text, including Chinese and the empty string', () => {
    fc.assert(fc.property(fc.string(), (s) => decryptValue(keyA, encryptValue(keyA, s)) === s));
    expect(decryptValue(keyA, encryptValue(keyA, '张三 13800001111'))).toBe('张三 13800001111');
  });

  it('never repeats an IV, across the refills of the random pool', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++)
      ivs.add(Buffer.from(encryptValue(keyA, 'x').slice(4), 'base64url').subarray(0, 16).toString('hex'));
    expect(ivs.size).toBe(10_000);
  });

  it('gives a different ciphertext each time (random IV) that never contains the plaintext', () => {
    const a = encryptValue(keyA, id);
    const b = encryptValue(keyA, id);
    expect(a).not.toBe(b);
    expect(a.startsWith(CIPHER_PREFIX)).toBe(true);
    expect(a).not.toContain(id);
    expect(Buffer.from(a.slice(4), 'base64url').includes(Buffer.from(id))).toBe(false);
    // 16-byte IV + 18-byte ciphertext + 16-byte tag
    expect(Buffer.from(a.slice(4), 'base64url')).toHaveLength(50);
  });

  it('refuses a value sealed under another key', () => {
    expect(() => decryptValue(keyB, encryptValue(keyA, id))).toThrow('加密值校验失败：数据被改动或密钥不符');
  });

  it('refuses any altered byte (encrypt-then-MAC)', () => {
    const sealed = encryptValue(keyA, id);
    const raw = Buffer.from(sealed.slice(4), 'base64url');
    for (let i = 0; i < raw.length; i++) {
      const bad = Buffer.from(raw);
      bad[i] = bad[i]! ^ 1;
      expect(() => decryptValue(keyA, CIPHER_PREFIX + bad.toString('base64url'))).toThrow(FieldCryptoError);
    }
  });

  it('refuses a truncated value and a plaintext handed to decrypt', () => {
    expect(() => decryptValue(keyA, `${CIPHER_PREFIX}AAAA`)).toThrow('加密值已损坏');
    expect(() => decryptValue(keyA, id)).toThrow('不是加密值');
  });

  it('derives distinct encryption, MAC and index keys, and different ones for another master key', () => {
    const hex = [keyA.enc, keyA.mac, keyA.index, keyB.enc].map((k) => k.export().toString('hex'));
    expect(new Set(hex).size).toBe(4);
    expect(keyA.enc.symmetricKeySize).toBe(16);
    expect(() => deriveKeys(Buffer.alloc(16))).toThrow('数据密钥长度应为 32 字节');
  });

  it('seals plaintext once and opens both forms (migration is idempotent)', () => {
    const once = sealValue(keyA, id)!;
    expect(sealValue(keyA, once)).toBe(once);
    expect(openValue(keyA, once)).toBe(id);
    expect(openValue(keyA, id)).toBe(id);
    expect(sealValue(keyA, '')).toBe('');
    expect(sealValue(keyA, null)).toBeNull();
    expect(openValue(keyA, undefined)).toBeUndefined();
    expect(isCiphertext(once)).toBe(true);
    expect(isCiphertext(id)).toBe(false);
    expect(isCiphertext(3)).toBe(false);
  });
});

describe('blind index (HMAC-SM3)', () => {
  it('is equal for equal values after normalising, different otherwise, and keyed', () => {
    expect(blindIndex(keyA, id)).toBe(blindIndex(keyA, ' 51081119800101123x '));
    expect(blindIndex(keyA, id)).not.toBe(blindIndex(keyA, '510811198001011231'));
    expect(blindIndex(keyA, id)).not.toBe(blindIndex(keyB, id));
    expect(blindIndex(keyA, id)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) =>
        a.trim().toUpperCase() === b.trim().toUpperCase()
          ? blindIndex(keyA, a) === blindIndex(keyA, b)
          : blindIndex(keyA, a) !== blindIndex(keyA, b),
      ),
    );
  });
});

describe('master key', () => {
  it('accepts 64 hex digits or base64 of 32 bytes, refuses anything else in Chinese', () => {
    expect(parseMasterKey('ab'.repeat(32))).toEqual(Buffer.alloc(32, 0xab));
    expect(parseMasterKey(Buffer.alloc(32, 5).toString('base64'))).toEqual(Buffer.alloc(32, 5));
    for (const bad of ['', 'ab'.repeat(31), 'not a key', Buffer.alloc(16).toString('base64')])
      expect(() => parseMasterKey(bad)).toThrow('数据密钥格式不正确：应为 64 位十六进制数或 32 字节的 Base64 编码');
  });

  it('creates the embedded database key file beside the data folder with mode 0600, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-key-'));
    const dataDir = join(dir, 'data');
    expect(loadDataKey({ dataDir, env: {} })).toBe(`密钥文件 ${dataDir}.key`);
    expect(keyFilePath(dataDir)).toBe(`${dataDir}.key`);
    const first = readFileSync(`${dataDir}.key`, 'utf8');
    expect(first).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(`${dataDir}.key`).mode & 0o777).toBe(0o600);
    loadDataKey({ dataDir, env: {} });
    expect(readFileSync(`${dataDir}.key`, 'utf8')).toBe(first);
  });

  it('tightens a key file readable by others back to 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-key-'));
    writeFileSync(join(dir, 'data.key'), 'cd'.repeat(32), { mode: 0o644 });
    loadDataKey({ dataDir: join(dir, 'data'), env: {} });
    expect(statSync(join(dir, 'data.key')).mode & 0o777).toBe(0o600);
  });

  it('takes FAZHI_DATA_KEY first, then FAZHI_DATA_KEY_FILE, and PostgreSQL without either refuses to start', () => {
    expect(loadDataKey({ databaseUrl: 'postgres://x', env: { FAZHI_DATA_KEY: 'ab'.repeat(32) } })).toBe(
      '环境变量 FAZHI_DATA_KEY',
    );
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-key-'));
    writeFileSync(join(dir, 'k'), 'ef'.repeat(32));
    expect(loadDataKey({ databaseUrl: 'postgres://x', env: { FAZHI_DATA_KEY_FILE: join(dir, 'k') } })).toBe(
      `密钥文件 ${join(dir, 'k')}`,
    );
    expect(() => loadDataKey({ databaseUrl: 'postgres://x', env: { FAZHI_DATA_KEY_FILE: join(dir, 'none') } })).toThrow(
      `数据密钥文件不存在：${join(dir, 'none')}`,
    );
    expect(() => loadDataKey({ databaseUrl: 'postgres://x', env: {} })).toThrow(
      '使用 PostgreSQL 时必须提供数据密钥：请设置环境变量 FAZHI_DATA_KEY（64 位十六进制数），或以 FAZHI_DATA_KEY_FILE 指定密钥文件。可用 npx fazhi new-key 生成。',
    );
  });
});
