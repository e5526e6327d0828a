import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Personal fields encrypted at rest with 国密 SM4 (node:crypto's OpenSSL): SM4-CTR with a random 128-bit IV per value,
 * then HMAC-SM3 over version, IV and ciphertext (encrypt-then-MAC; OpenSSL has no SM4 AEAD mode here). A stored
 * value is `sm4:` + base64url(iv ‖ ciphertext ‖ tag₁₆). Equality searches and uniqueness use a blind index:
 * HMAC-SM3 of the normalised value under a separate key. Encryption, MAC and index keys are derived from one
 * 256-bit master key with HKDF-SM3, so no key is used for two purposes.
 */
export const CIPHER_PREFIX = 'sm4:';
const VERSION = Buffer.from([1]);
const IV_BYTES = 16;
const TAG_BYTES = 16;

/** Derived keys as OpenSSL key objects (imported once, not on every value). */
export type FieldKeys = { enc: KeyObject; mac: KeyObject; index: KeyObject };

export class FieldCryptoError extends Error {}

/** Parses a master key written as 64 hex digits or as base64 of 32 bytes. */
export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t, 'base64');
    if (b.length === 32) return b;
  }
  throw new FieldCryptoError('数据密钥格式不正确：应为 64 位十六进制数或 32 字节的 Base64 编码');
}

export function deriveKeys(master: Buffer): FieldKeys {
  if (master.length !== 32) throw new FieldCryptoError('数据密钥长度应为 32 字节');
  const derive = (label: string) =>
    createSecretKey(Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), `fazhi/${label}/v1`, 16)));
  return { enc: derive('sm4-enc'), mac: derive('hmac-sm3-mac'), index: derive('hmac-sm3-index') };
}

export const newMasterKey = () => randomBytes(32).toString('hex');

export const isCiphertext = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(CIPHER_PREFIX);

function tagOf(keys: FieldKeys, iv: Buffer, ct: Buffer) {
  return createHmac('sm3', keys.mac).update(VERSION).update(iv).update(ct).digest().subarray(0, TAG_BYTES);
}

// IVs come from a pool of random bytes drawn 64 KiB at a time (one system call instead of one per value); every IV is
// still fresh random bytes, never reused.
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function randomIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 4096);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

export function encryptValue(keys: FieldKeys, plaintext: string): string {
  const iv = randomIv();
  const cipher = createCipheriv('sm4-ctr', keys.enc, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return CIPHER_PREFIX + Buffer.concat([iv, ct, tagOf(keys, iv, ct)]).toString('base64url');
}

/** The plaintext of a stored value; throws on a value that was altered or sealed under another key. */
export function decryptValue(keys: FieldKeys, stored: string): string {
  if (!isCiphertext(stored)) throw new FieldCryptoError('不是加密值');
  const raw = Buffer.from(stored.slice(CIPHER_PREFIX.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new FieldCryptoError('加密值已损坏');
  const iv = raw.subarray(0, IV_BYTES);
  const ct = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  if (!timingSafeEqual(tag, tagOf(keys, iv, ct))) throw new FieldCryptoError('加密值校验失败：数据被改动或密钥不符');
  const decipher = createDecipheriv('sm4-ctr', keys.enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Encrypts a plaintext, leaves ciphertext (already sealed) and empty values as they are. */
export function sealValue(keys: FieldKeys, value: string | null | undefined): string | null | undefined {
  if (value == null || value === '' || isCiphertext(value)) return value;
  return encryptValue(keys, value);
}

/** Decrypts ciphertext; a plaintext not yet migrated passes through. */
export function openValue(keys: FieldKeys, value: string | null | undefined): string | null | undefined {
  return isCiphertext(value) ? decryptValue(keys, value) : value;
}

/** The form a value is compared in: trimmed, letters upper-case (an ID number's check letter x/X). */
export const normaliseForIndex = (value: string) => value.trim().toUpperCase();

/** Keyed HMAC-SM3 of the normalised value (base64url, 32 bytes): equal values give equal indexes under one key. */
export function blindIndex(keys: FieldKeys, value: string): string {
  return createHmac('sm3', keys.index).update(normaliseForIndex(value), 'utf8').digest('base64url');
}

// ---------------------------------------------------------------------------------------------------------------
// The process's data key

let current: FieldKeys | null = null;

export function setDataKey(master: Buffer | string) {
  current = deriveKeys(typeof master === 'string' ? parseMasterKey(master) : master);
}

/** The keys of this process; the database open sets them (serve, CLI, tests). */
export function dataKeys(): FieldKeys {
  if (!current) throw new FieldCryptoError('数据密钥尚未加载');
  return current;
}

export const seal = (value: string | null | undefined) => sealValue(dataKeys(), value);
export const open = (value: string | null | undefined) => openValue(dataKeys(), value);
export const indexOf = (value: string) => blindIndex(dataKeys(), value);

/** Where the embedded database's key file lives: beside the data folder, never inside it. */
export const keyFilePath = (dataDir: string) => `${resolve(dataDir)}.key`;

export type KeySource = { databaseUrl?: string; dataDir?: string; env?: NodeJS.ProcessEnv };

/**
 * Loads the master key: `FAZHI_DATA_KEY`, else the file named by `FAZHI_DATA_KEY_FILE`, else (embedded database
 * only) `<data folder>.key`, created with mode 0600 on first start. PostgreSQL without a key refuses to start.
 * Returns where the key came from (for the start-up line; never the key).
 */
export function loadDataKey(source: KeySource): string {
  const env = source.env ?? process.env;
  if (env.FAZHI_DATA_KEY) {
    setDataKey(env.FAZHI_DATA_KEY);
    return '环境变量 FAZHI_DATA_KEY';
  }
  if (env.FAZHI_DATA_KEY_FILE) {
    const file = resolve(env.FAZHI_DATA_KEY_FILE);
    if (!existsSync(file)) throw new FieldCryptoError(`数据密钥文件不存在：${file}`);
    setDataKey(readFileSync(file, 'utf8'));
    return `密钥文件 ${file}`;
  }
  if (source.databaseUrl)
    throw new FieldCryptoError(
      '使用 PostgreSQL 时必须提供数据密钥：请设置环境变量 FAZHI_DATA_KEY（64 位十六进制数），或以 FAZHI_DATA_KEY_FILE 指定密钥文件。可用 npx fazhi new-key 生成。',
    );
  if (!source.dataDir) throw new FieldCryptoError('未提供数据密钥：请设置环境变量 FAZHI_DATA_KEY');
  const file = keyFilePath(source.dataDir);
  if (!existsSync(file)) {
    writeFileSync(file, `${newMasterKey()}\n`, { mode: 0o600, flag: 'wx' });
  } else if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600); // a copied key file may have lost its mode: only the service account reads it
  }
  setDataKey(readFileSync(file, 'utf8'));
  return `密钥文件 ${file}`;
}
