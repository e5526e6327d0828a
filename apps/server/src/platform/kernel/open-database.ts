import { type Database, openDatabase } from '../../db/client.ts';
import { compactEncryptedTables, encryptPlaintext } from './data-encryption.ts';

export function dbOptionsFromEnv() {
  return { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.FAZHI_DATA_DIR || 'data' };
}

/**
 * Opens the configured database with its data key, refuses another key, and encrypts any personal value still in
 * plain text (data from before encryption; idempotent).
 */
export async function openFromEnv(label: string): Promise<Database> {
  const database = await openDatabase({ ...dbOptionsFromEnv(), label });
  try {
    if ((await encryptPlaintext(database.db)) > 0) await compactEncryptedTables(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
