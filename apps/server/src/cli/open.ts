import { type Database, openDatabase } from '../db/client.ts';

export function dbOptionsFromEnv() {
  return { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.FAZHI_DATA_DIR || 'data' };
}

export async function openFromEnv(label: string): Promise<Database> {
  return openDatabase({ ...dbOptionsFromEnv(), label });
}
