import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serverPath } from '../paths.ts';

/**
 * The embedded database's starting point built at install (scripts/build-pglite-template.mjs): an initialised and
 * migrated data folder. A first start copies it instead of running PGlite's initdb, whose second database instance
 * and initdb module peak near 900 MB; opening the copy costs what a restart costs. Used only for a new data folder
 * and only when it was built by this PGlite version; otherwise (no build step ran, another version) PGlite
 * initialises the folder itself, as before.
 */
export const pgliteTemplateDir = serverPath('dist/pglite-template');

function installedPgliteVersion(): string | null {
  try {
    const main = createRequire(serverPath('package.json')).resolve('@electric-sql/pglite');
    return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

const isNewFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** Copies the template into a new `pgdata` folder; false (and nothing copied) when it cannot be used. */
export function copyPgliteTemplate(pgdata: string, templateDir = pgliteTemplateDir): boolean {
  if (!isNewFolder(pgdata)) return false;
  try {
    const stamp = JSON.parse(readFileSync(join(templateDir, 'stamp.json'), 'utf8')) as { pglite?: string };
    if (!stamp.pglite || stamp.pglite !== installedPgliteVersion()) return false;
    // Copied beside and renamed, so a start interrupted half-way leaves no half database behind.
    const partial = `${pgdata}.copying`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(join(templateDir, 'pgdata'), partial, { recursive: true });
    rmSync(pgdata, { recursive: true, force: true });
    renameSync(partial, pgdata);
    return true;
  } catch {
    return false;
  }
}
