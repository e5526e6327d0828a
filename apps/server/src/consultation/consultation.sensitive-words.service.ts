import {
  checkSensitiveWord,
  createSensitiveWordFilter,
  parseSensitiveWordList,
  type SensitiveWordFilter,
} from '@fazhi/core/consultation/sensitive-words';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { deleteWord, insertWord, insertWords, queryWordList, queryWords } from './consultation.sensitive-words.repo.ts';

// The portal's sensitive-word list, maintained by the office: a portal or offline opinion containing a listed word
// waits in 待审核 with the words that held it. The matcher is cached per database and rebuilt after every change
// here (and at most a few seconds stale should another server process change the list).

const TTL_MS = 5_000;
const cache = new WeakMap<object, { filter: SensitiveWordFilter; loadedAt: number }>();

/** The matcher of the current list. */
export async function sensitiveWordFilter(db: Executor): Promise<SensitiveWordFilter> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < TTL_MS) return hit.filter;
  const rows = await queryWordList(db);
  const filter = createSensitiveWordFilter(rows.map((r) => r.word));
  cache.set(db, { filter, loadedAt: Date.now() });
  return filter;
}

function forget(db: object) {
  cache.delete(db);
}

export async function listSensitiveWords(db: Executor) {
  return { items: await queryWords(db) };
}

export async function addSensitiveWord(db: Db, actor: Actor, input: { word: string }) {
  const checked = checkSensitiveWord(input.word);
  if (!checked.ok) throw badRequest(checked.message);
  const id = await db.transaction(async (tx) => {
    const id = await insertWord(tx, checked.word, actor.user.id);
    if (id === null) throw conflict(`敏感词“${checked.word}”已在词表中`);
    await writeAudit(tx, actor, {
      action: 'sensitive_word.create',
      entity: 'sensitive_word',
      entityId: id,
      after: { word: checked.word },
    });
    return id;
  });
  forget(db);
  return { id };
}

export async function deleteSensitiveWord(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const word = await deleteWord(tx, id);
    if (word === null) throw notFound('未找到该敏感词，可能已被删除');
    await writeAudit(tx, actor, {
      action: 'sensitive_word.delete',
      entity: 'sensitive_word',
      entityId: id,
      before: { word },
    });
  });
  forget(db);
  return { ok: true as const };
}

/** Adds every word of the list not yet in it, in one statement; one audit entry names the words added. */
export async function importSensitiveWords(db: Db, actor: Actor, input: { text: string }) {
  const parsed = parseSensitiveWordList(input.text);
  if (!parsed.ok) throw badRequest(parsed.message);
  const added = await db.transaction(async (tx) => {
    const rows = await insertWords(tx, parsed.words, actor.user.id);
    if (rows.length > 0)
      await writeAudit(tx, actor, {
        action: 'sensitive_word.import',
        entity: 'sensitive_word',
        after: { words: rows.map((r) => r.word) },
      });
    return rows.length;
  });
  forget(db);
  return { added, skipped: parsed.words.length - added };
}
