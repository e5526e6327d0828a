import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { consultationSensitiveWords as words } from './consultation.schema.ts';

/** Every listed word, in the order they were added (the matcher's input). */
export function queryWordList(db: Executor) {
  return db.select({ word: words.word }).from(words).orderBy(asc(words.id));
}

/** The list as the office sees it, alphabetical. */
export function queryWords(db: Executor) {
  return db.select({ id: words.id, word: words.word, createdAt: words.createdAt }).from(words).orderBy(asc(words.word));
}

/** Adds a word; null when it is already listed. */
export async function insertWord(db: Executor, word: string, createdBy: number) {
  const [row] = await db.insert(words).values({ word, createdBy }).onConflictDoNothing().returning({ id: words.id });
  return row?.id ?? null;
}

/** Adds the words not listed yet, in one statement; returns those added. */
export function insertWords(db: Executor, list: readonly string[], createdBy: number) {
  return db
    .insert(words)
    .values(list.map((word) => ({ word, createdBy })))
    .onConflictDoNothing()
    .returning({ id: words.id, word: words.word });
}

/** Removes a word; its text, or null when there was none with this id. */
export async function deleteWord(db: Executor, id: number) {
  const [row] = await db.delete(words).where(eq(words.id, id)).returning({ word: words.word });
  return row?.word ?? null;
}
