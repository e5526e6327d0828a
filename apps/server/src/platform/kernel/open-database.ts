import { type Database, openDatabase } from '../../db/client.ts';
import { compactEncryptedTables, encryptPlaintextIfNeeded } from './data-encryption.ts';

export function dbOptionsFromEnv() {
  return { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.FAZHI_DATA_DIR || 'data' };
}

/**
 * Opens the configured database with its data key, refuses another key, and — when the sweep stamp says it is needed
 * (a database from before encryption or the stamp, a newly encrypted column, a rotated key) — encrypts any personal
 * value still in plain text. A restart of an up-to-date database reads the stamp and sweeps nothing.
 */
export async function openFromEnv(label: string): Promise<Database> {
  const database = await openDatabase({ ...dbOptionsFromEnv(), label });
  try {
    if ((await encryptPlaintextIfNeeded(database.db)).changed > 0) await compactEncryptedTables(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
