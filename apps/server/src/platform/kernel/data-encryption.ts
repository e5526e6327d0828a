import { createHash } from 'node:crypto';
import { builtinLedgers } from '@fazhi/core/ledgers/builtin/index';
import { type LedgerDefinition, ledgerDefinitionSchema } from '@fazhi/core/ledgers/definition';
import type { LedgerData } from '@fazhi/core/ledgers/row-schema';
import { sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../../db/client.ts';
import {
  blindIndex,
  CIPHER_PREFIX,
  dataKeys,
  decryptValue,
  deriveKeys,
  encryptValue,
  FieldCryptoError,
  type FieldKeys,
  isCiphertext,
  openValue,
} from './field-crypto.ts';
import { encryptedFieldKeys, sealRowWith } from './ledger-row-crypto.ts';

/**
 * Data at rest: the key check at start, the one-time encryption of values stored before encryption existed (or of a
 * field newly marked personal), and key rotation. Every encrypted value lives in one of these places.
 */
const CHECK_TEXT = 'fazhi-data-key-check';

/** Module table columns holding SM4 ciphertext (ledger rows keep theirs inside `data`). */
export const encryptedColumns = [
  { table: 'cadres', column: 'id_number' },
  { table: 'cadres', column: 'phone' },
  { table: 'consultation_opinions', column: 'phone' },
  { table: 'survey_responses', column: 'phone' },
] as const;

/** Blind indexes kept beside an encrypted column (HMAC-SM3 of the plain value): rebuilt when the key rotates. */
export const blindIndexColumns = [{ table: 'survey_responses', column: 'phone', index: 'phone_index' }] as const;

const batch = 1000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every ledger type with at least one encrypted field: built-in and custom. */
export async function encryptedLedgerTypes(db: Executor): Promise<{ def: LedgerDefinition; keys: string[] }[]> {
  const custom = await queryRows<{ definition: unknown }>(db, sql`select definition from ledger_types`);
  const defs = [...builtinLedgers, ...custom.map((c) => ledgerDefinitionSchema.parse(c.definition))];
  return defs.map((def) => ({ def, keys: encryptedFieldKeys(def) })).filter((t) => t.keys.length > 0);
}

/**
 * Refuses a database whose data is sealed under another key (Chinese message, nothing written); on a database
 * without a check value yet, stores one. Returns the stored check value (it changes only when the key rotates).
 */
export async function checkDataKey(db: Executor, keys: FieldKeys = dataKeys()): Promise<string> {
  const [row] = await queryRows<{ sealed: string }>(db, sql`select sealed from data_key_check where id = 1`);
  if (!row) {
    await db.execute(
      sql`insert into data_key_check (id, sealed) values (1, ${encryptValue(keys, CHECK_TEXT)}) on conflict (id) do nothing`,
    );
    const [stored] = await queryRows<{ sealed: string }>(db, sql`select sealed from data_key_check where id = 1`);
    return stored!.sealed;
  }
  let ok = false;
  try {
    ok = decryptValue(keys, row.sealed) === CHECK_TEXT;
  } catch {
    ok = false;
  }
  if (!ok)
    throw new FieldCryptoError(
      '数据密钥与数据库中的数据不符：请使用加密这些数据时的密钥（FAZHI_DATA_KEY 或密钥文件）。密钥丢失则加密的个人信息无法恢复。',
    );
  return row.sealed;
}

/** A ledger row re-sealed: every encrypted value opened with `from` and sealed again, blind indexes rebuilt, with `to`. */
function resealRow(from: FieldKeys, to: FieldKeys, keys: string[], data: LedgerData) {
  const plain: LedgerData = { ...data };
  for (const k of keys) {
    const v = plain[k];
    if (typeof v === 'string') plain[k] = openValue(from, v) as string;
  }
  return sealRowWith(to, keys, plain);
}

async function rewriteLedgerRows(
  tx: Executor,
  typeKey: string,
  only: 'plaintext' | 'all',
  keys: string[],
  rewrite: (data: LedgerData) => { data: LedgerData; blind: Record<string, string> },
) {
  const plainTest = sql.join(
    keys.map((k) => sql`(r.data->>${k} <> '' and r.data->>${k} not like ${`${CIPHER_PREFIX}%`})`),
    sql` or `,
  );
  let lastId = 0;
  let changed = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; data: LedgerData }>(
      tx,
      sql`select r.id, r.data from ledger_rows r where r.type_key = ${typeKey} and r.id > ${lastId}
            and ${only === 'plaintext' ? sql`(${plainTest})` : sql`true`}
          order by r.id limit ${batch}`,
    );
    if (!rows.length) break;
    lastId = Number(rows.at(-1)!.id);
    const values = rows.map((r) => ({ id: Number(r.id), ...rewrite(r.data) }));
    await tx.execute(
      sql`update ledger_rows r set data = v.data, blind = v.blind
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id bigint, data jsonb, blind jsonb)
          where r.id = v.id`,
    );
    changed += rows.length;
    await yieldToEventLoop();
  }
  return changed;
}

async function rewriteColumn(
  tx: Executor,
  table: string,
  column: string,
  only: 'plaintext' | 'all',
  rewrite: (v: string) => string,
) {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  let lastId = 0;
  let changed = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; v: string }>(
      tx,
      sql`select id, ${c} as v from ${t} where id > ${lastId} and ${c} is not null and ${c} <> ''
            and ${only === 'plaintext' ? sql`${c} not like ${`${CIPHER_PREFIX}%`}` : sql`true`}
          order by id limit ${batch}`,
    );
    if (!rows.length) break;
    lastId = Number(rows.at(-1)!.id);
    const values = rows.map((r) => ({ id: Number(r.id), v: rewrite(r.v) }));
    await tx.execute(
      sql`update ${t} x set ${c} = v.v from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id bigint, v text)
          where x.id = v.id`,
    );
    changed += rows.length;
    await yieldToEventLoop();
  }
  return changed;
}

/** Recomputes a blind index from its (already re-encrypted) column under `keys`. */
async function rebuildBlindIndex(tx: Executor, table: string, column: string, index: string, keys: FieldKeys) {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  const i = sql.identifier(index);
  let lastId = 0;
  let changed = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; v: string }>(
      tx,
      sql`select id, ${c} as v from ${t} where id > ${lastId} and ${c} is not null order by id limit ${batch}`,
    );
    if (!rows.length) break;
    lastId = Number(rows.at(-1)!.id);
    const values = rows.map((r) => ({
      id: Number(r.id),
      v: blindIndex(keys, isCiphertext(r.v) ? decryptValue(keys, r.v) : r.v),
    }));
    await tx.execute(
      sql`update ${t} x set ${i} = v.v from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id bigint, v text)
          where x.id = v.id`,
    );
    changed += rows.length;
    await yieldToEventLoop();
  }
  return changed;
}

/**
 * Encrypts every personal value still stored in plain text (data from before encryption, demo seeds written as SQL,
 * a field newly marked personal). Idempotent: sealed values are left alone, so a second run changes nothing.
 */
export async function encryptPlaintext(db: Db): Promise<number> {
  return db.transaction((tx) => encryptPlaintextIn(tx));
}

/** `encryptPlaintext` inside the caller's transaction (the demo seed's). */
export async function encryptPlaintextIn(tx: Executor): Promise<number> {
  const keys = dataKeys();
  await checkDataKey(tx, keys);
  let changed = 0;
  for (const t of await encryptedLedgerTypes(tx))
    changed += await rewriteLedgerRows(tx, t.def.key, 'plaintext', t.keys, (data) => sealRowWith(keys, t.keys, data));
  for (const { table, column } of encryptedColumns)
    changed += await rewriteColumn(tx, table, column, 'plaintext', (v) => encryptValue(keys, v));
  return changed;
}

/**
 * The settings row stamping the last full plain-text sweep: a fingerprint of what the sweep covered (the module
 * columns and built-in ledger fields this code encrypts, and the key's check value). Start-up sweeps only when the
 * stamp is missing or differs — a database from before the stamp, a release that encrypts another column or field, a
 * rotated key — instead of scanning every personal table at every start. A custom field newly marked personal is
 * encrypted when its definition changes (`encryptLedgerTypePlaintextIn`, same transaction), not here.
 */
const sweepStampKey = 'data_encryption.plaintext_sweep';
/** Raise to make every database sweep once more at its next start (a fix to what the sweep does, say). */
const sweepVersion = 1;

function sweepFingerprint(sealedCheck: string) {
  const coverage = {
    version: sweepVersion,
    columns: encryptedColumns,
    ledgers: builtinLedgers.map((d) => [d.key, encryptedFieldKeys(d)]),
    check: sealedCheck,
  };
  return createHash('sha256').update(JSON.stringify(coverage)).digest('hex');
}

/**
 * Start-up's sweep, run only when needed (see `sweepStampKey`): `swept` tells whether it ran, `changed` how many values
 * it encrypted. One transaction: the key check, the sweep and the new stamp are written together.
 */
export async function encryptPlaintextIfNeeded(db: Db): Promise<{ swept: boolean; changed: number }> {
  return db.transaction(async (tx) => {
    const fingerprint = sweepFingerprint(await checkDataKey(tx));
    const [stamp] = await queryRows<{ fingerprint: string | null }>(
      tx,
      sql`select value->>'fingerprint' as fingerprint from settings where key = ${sweepStampKey}`,
    );
    if (stamp?.fingerprint === fingerprint) return { swept: false, changed: 0 };
    const changed = await encryptPlaintextIn(tx);
    const value = JSON.stringify({ fingerprint, sweptAt: new Date().toISOString(), changed });
    await tx.execute(
      sql`insert into settings (key, value) values (${sweepStampKey}, ${value}::jsonb)
          on conflict (key) do update set value = excluded.value`,
    );
    return { swept: true, changed };
  });
}

/**
 * Encrypts the plain-text values of one ledger type's encrypted fields, in the caller's transaction: a custom field
 * newly marked personal (or given an ID-number/phone kind) has its existing values sealed with the definition change.
 */
export async function encryptLedgerTypePlaintextIn(tx: Executor, def: LedgerDefinition): Promise<number> {
  const fieldKeys = encryptedFieldKeys(def);
  if (!fieldKeys.length) return 0;
  const keys = dataKeys();
  return rewriteLedgerRows(tx, def.key, 'plaintext', fieldKeys, (data) => sealRowWith(keys, fieldKeys, data));
}

/**
 * Re-encrypts every encrypted value under a new master key and rebuilds every blind index, in one transaction: either
 * all of the data is under the new key (and the check value with it) or, on any failure, all stays under the old one.
 */
export async function rotateDataKey(db: Db, from: FieldKeys, newMaster: Buffer) {
  const to = deriveKeys(newMaster);
  return db.transaction(async (tx) => {
    await checkDataKey(tx, from);
    let values = 0;
    for (const t of await encryptedLedgerTypes(tx))
      values += await rewriteLedgerRows(tx, t.def.key, 'all', t.keys, (data) => resealRow(from, to, t.keys, data));
    for (const { table, column } of encryptedColumns)
      values += await rewriteColumn(tx, table, column, 'all', (v) =>
        encryptValue(to, isCiphertext(v) ? decryptValue(from, v) : v),
      );
    for (const { table, column, index } of blindIndexColumns)
      values += await rebuildBlindIndex(tx, table, column, index, to);
    await tx.execute(
      sql`update data_key_check set sealed = ${encryptValue(to, CHECK_TEXT)}, updated_at = now() where id = 1`,
    );
    return values;
  });
}

/**
 * Rewrites the tables that hold encrypted values so no old row version (plain text before a migration, old-key
 * ciphertext before a rotation) stays in their files, then checkpoints. Outside any transaction (VACUUM FULL).
 * Old write-ahead-log segments are recycled by the database in time; backups taken before keep what they held.
 */
export async function compactEncryptedTables(db: Db) {
  for (const table of ['ledger_rows', ...new Set(encryptedColumns.map((c) => c.table))])
    await db.execute(sql`vacuum full ${sql.identifier(table)}`);
  await db.execute(sql`checkpoint`);
}
