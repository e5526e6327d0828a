// Batch sealing of personal values (see field-crypto.ts for the format): plain JavaScript that imports only node:crypto,
// so the same code runs in the request thread (field-crypto.ts imports it) and in the sealing worker thread
// (seal-worker.worker.mjs), from source under tsx and next to the bundle alike.
//
// A stored value is `sm4:` + base64url(iv ‖ ciphertext ‖ tag₁₆): SM4-CTR with a fresh random 128-bit IV, then
// HMAC-SM3 over version ‖ iv ‖ ciphertext. CTR's key stream for a value is SM4 of the counter blocks iv, iv+1, … (the
// whole 128 bits counted big-endian, as OpenSSL does), so the key stream of a whole batch comes from ONE SM4-ECB call
// over every value's counter blocks instead of one cipher context per value — the same bytes as `sm4-ctr` gives.
import { createCipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'sm4:';
const VERSION = Buffer.from([1]);
const IV_BYTES = 16;
const TAG_BYTES = 16;

/** `buf[at..at+16]` += n, as one 128-bit big-endian number (wrapping like OpenSSL's CTR counter). */
function addToCounter(buf, at, n) {
  let carry = n;
  for (let i = at + 15; i >= at && carry > 0; i--) {
    const sum = buf[i] + (carry & 0xff);
    buf[i] = sum & 0xff;
    carry = (carry >>> 8) + (sum >>> 8);
  }
}

// HMAC-SM3 in JavaScript (GB/T 32905 compression; RFC 2104 with the key's inner and outer blocks compressed once per
// batch). For the short values sealed here a call into OpenSSL costs more than the two or three compressions
// themselves; the tests compare every output with node:crypto's createHmac('sm3').
const SM3_IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const rotl = (x, n) => (x << n) | (x >>> (32 - n));
const T = new Int32Array(64);
for (let j = 0; j < 64; j++) T[j] = rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32);
const W = new Int32Array(68);
const W1 = new Int32Array(64);

/** One SM3 compression of the 64-byte block `b[off..off+64]` into the state `v` (8 words). */
function compress(v, b, off) {
  for (let i = 0; i < 16; i++) {
    const k = off + i * 4;
    W[i] = (b[k] << 24) | (b[k + 1] << 16) | (b[k + 2] << 8) | b[k + 3];
  }
  for (let j = 16; j < 68; j++) {
    const x = W[j - 16] ^ W[j - 9] ^ rotl(W[j - 3], 15);
    W[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(W[j - 13], 7) ^ W[j - 6];
  }
  for (let j = 0; j < 64; j++) W1[j] = W[j] ^ W[j + 4];
  let a = v[0];
  let bb = v[1];
  let c = v[2];
  let d = v[3];
  let e = v[4];
  let f = v[5];
  let g = v[6];
  let h = v[7];
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + T[j]) | 0, 7);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ bb ^ c : (a & bb) | (a & c) | (bb & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + W1[j]) | 0;
    const tt2 = (gg + h + ss1 + W[j]) | 0;
    d = c;
    c = rotl(bb, 9);
    bb = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
  }
  v[0] ^= a;
  v[1] ^= bb;
  v[2] ^= c;
  v[3] ^= d;
  v[4] ^= e;
  v[5] ^= f;
  v[6] ^= g;
  v[7] ^= h;
}

const block = new Uint8Array(128);
const state = new Int32Array(8);

/**
 * SM3 of (64 bytes already compressed into `start`) ‖ head ‖ data, written as 32 bytes to `out` at `outAt`.
 * `head` is at most one byte (0 or 1 long) so a block boundary never falls inside it.
 */
function finish(start, head, data, out, outAt) {
  state.set(start);
  const len = head.length + data.length;
  let filled = 0;
  let i = 0;
  if (head.length) block[filled++] = head[0];
  while (i < data.length) {
    const take = Math.min(64 - filled, data.length - i);
    for (let k = 0; k < take; k++) block[filled + k] = data[i + k];
    filled += take;
    i += take;
    if (filled === 64) {
      compress(state, block, 0);
      filled = 0;
    }
  }
  block[filled++] = 0x80;
  const end = filled <= 56 ? 64 : 128;
  block.fill(0, filled, end - 4);
  const bits = (64 + len) * 8;
  block[end - 4] = (bits >>> 24) & 0xff;
  block[end - 3] = (bits >>> 16) & 0xff;
  block[end - 2] = (bits >>> 8) & 0xff;
  block[end - 1] = bits & 0xff;
  compress(state, block, 0);
  if (end === 128) compress(state, block, 64);
  for (let w = 0; w < 8; w++) {
    const x = state[w];
    out[outAt + w * 4] = x >>> 24;
    out[outAt + w * 4 + 1] = (x >>> 16) & 0xff;
    out[outAt + w * 4 + 2] = (x >>> 8) & 0xff;
    out[outAt + w * 4 + 3] = x & 0xff;
  }
}

const rawKey = (key) => (key instanceof Uint8Array ? key : key.export());

/** The key's inner and outer states (each after its one padded key block). Keys up to 64 bytes. */
function hmacPads(key) {
  const raw = rawKey(key);
  if (raw.length > 64) throw new Error('HMAC key longer than one block');
  const pads = [];
  for (const fill of [0x36, 0x5c]) {
    const b = new Uint8Array(64).fill(fill);
    for (let i = 0; i < raw.length; i++) b[i] ^= raw[i];
    const v = Int32Array.from(SM3_IV);
    compress(v, b, 0);
    pads.push(v);
  }
  return { inner: pads[0], outer: pads[1] };
}

const none = new Uint8Array(0);
const innerDigest = new Uint8Array(32);

/** HMAC-SM3(key pads, head ‖ data) into `out[outAt..outAt+outLen]` (the digest's first `outLen` bytes). */
function hmacInto(pads, head, data, out, outAt, outLen) {
  finish(pads.inner, head, data, innerDigest, 0);
  if (outLen === 32) finish(pads.outer, none, innerDigest, out, outAt);
  else {
    const full = new Uint8Array(32);
    finish(pads.outer, none, innerDigest, full, 0);
    for (let i = 0; i < outLen; i++) out[outAt + i] = full[i];
  }
}

/** HMAC-SM3 of `data` under a key of at most 64 bytes (for the tests; sealing uses the pads directly). */
export function hmacSm3(key, data) {
  const out = Buffer.alloc(32);
  hmacInto(hmacPads(key), none, data, out, 0, 32);
  return out;
}

/**
 * Seals plaintexts (each non-empty) under `keys` ({ enc, mac, index }: KeyObjects or raw 16-byte keys): `sealed[i]`
 * is the stored form of `values[i]`, `blind[i]` its blind index (HMAC-SM3 of the trimmed, upper-cased value,
 * base64url). `ivs` (16 bytes per value) is for tests only; otherwise the IVs are fresh random bytes.
 */
export function sealBatch(keys, values, ivs) {
  const n = values.length;
  const sealed = new Array(n);
  const blind = new Array(n);
  if (n === 0) return { sealed, blind };
  const iv = ivs ?? randomBytes(IV_BYTES * n);
  const plain = new Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    const bytes = Buffer.from(values[i], 'utf8');
    plain[i] = bytes;
    blocks += Math.ceil(bytes.length / 16);
  }
  const counters = Buffer.allocUnsafe(blocks * 16);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const count = Math.ceil(plain[i].length / 16);
    for (let j = 0; j < count; j++) {
      iv.copy(counters, at, i * IV_BYTES, (i + 1) * IV_BYTES);
      if (j > 0) addToCounter(counters, at, j);
      at += 16;
    }
  }
  const mac = hmacPads(keys.mac);
  const index = hmacPads(keys.index);
  const digest = Buffer.allocUnsafe(32);
  const ecb = createCipheriv('sm4-ecb', keys.enc, null);
  ecb.setAutoPadding(false);
  const stream = Buffer.concat([ecb.update(counters), ecb.final()]);
  at = 0;
  for (let i = 0; i < n; i++) {
    const p = plain[i];
    const out = Buffer.allocUnsafe(IV_BYTES + p.length + TAG_BYTES);
    iv.copy(out, 0, i * IV_BYTES, (i + 1) * IV_BYTES);
    for (let k = 0; k < p.length; k++) out[IV_BYTES + k] = p[k] ^ stream[at + k];
    at += Math.ceil(p.length / 16) * 16;
    hmacInto(mac, VERSION, out.subarray(0, IV_BYTES + p.length), out, IV_BYTES + p.length, TAG_BYTES);
    sealed[i] = PREFIX + out.toString('base64url');
    hmacInto(index, none, Buffer.from(values[i].trim().toUpperCase(), 'utf8'), digest, 0, 32);
    blind[i] = digest.toString('base64url');
  }
  return { sealed, blind };
}
