import type { KeyObject } from 'node:crypto';

/** Keys as field-crypto.ts derives them (KeyObjects), or their raw 16 bytes (in the sealing worker). */
export type SealKeys = { enc: KeyObject | Uint8Array; mac: KeyObject | Uint8Array; index: KeyObject | Uint8Array };

/** `sealed[i]`: the stored form of `values[i]` (each non-empty); `blind[i]`: its blind index. */
export function sealBatch(keys: SealKeys, values: string[], ivs?: Buffer): { sealed: string[]; blind: string[] };

/** HMAC-SM3 of `data` under a key of at most 64 bytes (for the tests). */
export function hmacSm3(key: Uint8Array, data: Uint8Array): Buffer;
