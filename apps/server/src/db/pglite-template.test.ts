import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverPath } from '../paths.ts';
import { openDatabase, queryRows } from './client.ts';
import { copyPgliteTemplate, pgliteTemplateDir } from './pglite-template.ts';

/**
 * The embedded database's install-time template (issue 20: a first start without PGlite's ~900 MB initdb peak).
 * The template is built by the install step; this file builds it if a checkout has not (a no-op when current).
 */
let work: string;
beforeAll(() => {
  execFileSync(process.execPath, [serverPath('../../scripts/build-pglite-template.mjs'), '--if-stale'], {
    stdio: 'ignore',
  });
  work = mkdtempSync(join(tmpdir(), 'fazhi-template-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const journalEntries = () =>
  (JSON.parse(readFileSync(serverPath('drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

async function systemIdentifier(dataDir: string) {
  const database = await openDatabase({ dataDir, label: 'template test' });
  try {
    const [row] = await queryRows<{ id: string; migrations: number }>(
      database.db,
      sql`select (select system_identifier::text from pg_control_system()) as id,
                 (select count(*)::int from drizzle.__drizzle_migrations) as migrations`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

describe('first start from the install-time template', () => {
  it('a new data folder is a copy of the template: migrated, and the same cluster as any other folder made from it', async () => {
    const a = await systemIdentifier(join(work, 'a'));
    const b = await systemIdentifier(join(work, 'b'));
    expect(a.migrations).toBe(journalEntries());
    expect(b.id).toBe(a.id);
  });

  it('an existing database is never replaced by the template', async () => {
    const before = await systemIdentifier(join(work, 'a'));
    expect(copyPgliteTemplate(join(work, 'a', 'pgdata'))).toBe(false);
    const again = await systemIdentifier(join(work, 'a'));
    expect(again.id).toBe(before.id);
  });

  it('a template built by another PGlite version, or none at all, is not used and copies nothing', () => {
    const other = join(work, 'other-template');
    mkdirSync(other);
    cpSync(join(pgliteTemplateDir, 'pgdata'), join(other, 'pgdata'), { recursive: true });
    writeFileSync(join(other, 'stamp.json'), JSON.stringify({ pglite: '0.0.1', migrations: 'x' }));
    const target = join(work, 'new', 'pgdata');
    expect(copyPgliteTemplate(target, other)).toBe(false);
    expect(copyPgliteTemplate(target, join(work, 'missing'))).toBe(false);
    expect(existsSync(target)).toBe(false);
    expect(copyPgliteTemplate(target)).toBe(true);
    expect(existsSync(join(target, 'PG_VERSION'))).toBe(true);
  });
});
